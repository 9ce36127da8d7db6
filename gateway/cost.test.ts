import {
  buildSchema,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { costRule, DEFAULT_LIST_SIZE, operationCost } from './cost';

const schema = buildSchema(`
  type Query {
    measure(id: ID!): Measure
    measures(first: Int = 50): [Measure!]!
    events(limit: Int = 100): [Event!]!
    search: [Result!]!
  }

  type Mutation {
    touch(id: ID!): Measure
  }

  type Measure {
    id: ID!
    status: String
    persons: [Person!]!
    grid: [[Int!]!]!
  }

  type Person {
    name: String
    aliases: [String!]!
  }

  type Event {
    sequence: ID!
  }

  union Result = Measure | Person
`);

/** The cost of the one operation of `source`. */
function costOf(source: string): number {
  const document = parse(source);
  return operationCost(schema, document, getOperationAST(document)!);
}

describe('cost: the model', () => {
  it('counts each field once', () => {
    expect(costOf('{ measure(id: "1") { id status } }')).toBe(3);
  });

  it('multiplies a list without a size argument by the default size', () => {
    expect(costOf('{ measure(id: "1") { persons { name } } }'))
      .toBe(1 + 1 + DEFAULT_LIST_SIZE * 1);
  });

  it('uses a literal first or limit argument as the list size', () => {
    expect(costOf('{ measures(first: 3) { id } }')).toBe(1 + 3);
    expect(costOf('{ events(limit: 7) { sequence } }')).toBe(1 + 7);
  });

  it("uses the schema's default when the size argument is left out", () => {
    expect(costOf('{ measures { id } }')).toBe(1 + 50);
  });

  it("uses a variable's default, else the schema's, for a variable size",
    () => {
      expect(costOf('query ($n: Int = 4) { measures(first: $n) { id } }'))
        .toBe(1 + 4);
      expect(costOf('query ($n: Int) { measures(first: $n) { id } }'))
        .toBe(1 + 50);
    });

  it('multiplies nested lists into each other', () => {
    expect(costOf('{ measures(first: 2) { persons { aliases } } }'))
      .toBe(1 + 2 * (1 + DEFAULT_LIST_SIZE * 1));
  });

  it('counts a list of lists once', () => {
    expect(costOf('{ measure(id: "1") { grid } }')).toBe(2);
  });

  it('counts a fragment at each spread, typed by its condition', () => {
    const source = `
      { a: measure(id: "1") { ...M } b: measure(id: "2") { ...M } }
      fragment M on Measure { id persons { name } }
    `;
    const fragment = 1 + 1 + DEFAULT_LIST_SIZE;

    expect(costOf(source)).toBe(2 * (1 + fragment));
  });

  it('follows inline fragments on the members of a union', () => {
    const source = `{ search {
      ... on Measure { id }
      ... on Person { name aliases }
    } }`;

    // A list of scalars costs its field alone: nothing is resolved below.
    expect(costOf(source)).toBe(1 + DEFAULT_LIST_SIZE * (1 + 1 + 1));
  });

  it('counts nothing for introspection', () => {
    expect(costOf('{ __typename measure(id: "1") { __typename id } }'))
      .toBe(2);
  });

  it('costs a mutation as a query', () => {
    expect(costOf('mutation { touch(id: "1") { id } }')).toBe(2);
  });

  it('stops at a fragment that spreads itself', () => {
    const source = `
      { measure(id: "1") { ...M } }
      fragment M on Measure { id ...M }
    `;

    expect(costOf(source)).toBe(2);
  });
});

describe('cost: the rule', () => {
  function errorsOf(source: string, maxCost: number) {
    return validate(schema, parse(source),
      [...specifiedRules, costRule(maxCost)]);
  }

  it('lets an operation at the limit through', () => {
    expect(errorsOf('{ measures(first: 3) { id } }', 4)).toEqual([]);
  });

  it('refuses one above it with its code, its cost and the limit', () => {
    const [error, ...more] =
      errorsOf('query Big { measures(first: 4) { id } }', 4);

    expect(more).toEqual([]);
    expect(error.message).toBe('The operation Big costs 5; the limit is 4.');
    expect(error.extensions).toEqual({
      code: 'OPERATION_TOO_COSTLY',
      cost: 5,
      maxCost: 4,
    });
  });

  it('judges each operation of a document on its own', () => {
    const source = `
      query Small { measure(id: "1") { id } }
      query Big { measures(first: 100) { id } }
    `;

    expect(errorsOf(source, 10).map((error) => error.message))
      .toEqual(['The operation Big costs 101; the limit is 10.']);
  });

  it('prices a fragment bomb by its spreads, without walking each', () => {
    const levels = 12;
    const fragments = Array.from({ length: levels }, (_, level) => {
      const next = level + 1 < levels ? `...F${level + 1} ...F${level + 1}`
        : 'id';
      return `fragment F${level} on Measure { ${next} }`;
    });
    const source = `{ measure(id: "1") { ...F0 } } ${fragments.join(' ')}`;
    const started = performance.now();

    const [error] = errorsOf(source, 1000);

    expect(error.extensions).toMatchObject({ cost: 1 + 2 ** (levels - 1) });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
