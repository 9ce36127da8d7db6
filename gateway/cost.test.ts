import {
  buildSchema,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import {
  costRule,
  DEFAULT_LIST_SIZE,
  operationCost,
  variableCostError,
} from './cost';

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

  it('uses the request\'s value for a variable size, when it is a number',
    () => {
      const document = parse(
        'query ($n: Int = 4) { measures(first: $n) { id } }');
      const operation = getOperationAST(document)!;
      const costWith = (values: Record<string, unknown>) =>
        operationCost(schema, document, operation, values);

      expect(costWith({ n: 400 })).toBe(1 + 400);
      expect(costWith({ n: 0 })).toBe(1);
      expect(costWith({ n: null })).toBe(1 + 4);
      expect(costWith({ n: 'many' })).toBe(1 + 4);
      expect(costWith({})).toBe(1 + 4);
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

describe('cost: a request\'s variables', () => {
  const source = `query Sized($n: Int, $id: ID!) {
    measure(id: $id) { id }
    measures(first: $n) { persons { name } }
  }`;
  const document = parse(source);
  const operation = getOperationAST(document)!;

  it('refuses an operation its values make cost more than the limit',
    () => {
      // Validated with the schema's default: 2 + 1 + 50 × (1 + 10 × 1).
      expect(errorsOfDocument(document, 600)).toEqual([]);

      const error = variableCostError(schema, document, operation,
        { n: 1000, id: '1' }, 600);

      expect(error?.message)
        .toBe('The operation Sized costs 11003; the limit is 600.');
      expect(error?.extensions).toEqual({
        code: 'OPERATION_TOO_COSTLY', cost: 11003, maxCost: 600,
      });
    });

  it('lets through one its values keep within the limit', () => {
    expect(variableCostError(schema, document, operation,
      { n: 3, id: '1' }, 600)).toBeNull();
  });

  it('judges each request of the same document by its own values', () => {
    const judge = (n: number) => variableCostError(schema, document,
      operation, { n, id: '1' }, 600)?.extensions.cost ?? null;

    expect([judge(2), judge(100), judge(54), judge(55)])
      .toEqual([null, 1103, null, 608]);
  });

  it('leaves to validation an operation whose sizes no variable gives',
    () => {
      const fixed = parse(
        'query ($id: ID!) { measure(id: $id) { id } measures(first: 900) '
        + '{ id } }');
      const judge = (id: unknown) => variableCostError(schema, fixed,
        getOperationAST(fixed)!, { id }, 1000);

      expect(errorsOfDocument(fixed, 1000)).toEqual([]);
      expect([judge('1'), judge(5000), judge(null)])
        .toEqual([null, null, null]);
    });
});

function errorsOfDocument(document: ReturnType<typeof parse>,
  maxCost: number) {
  return validate(schema, document, [...specifiedRules, costRule(maxCost)]);
}
