import {
  buildSchema,
  GraphQLError,
  Kind,
  parse,
  print,
  validate,
  type FragmentDefinitionNode,
} from 'graphql';
import { DEFAULT_LIMITS, type OperationLimits } from '../limits';
import { alertOperationOf, type AlertOperation } from './operation';

const schema = buildSchema(`
  type Query {
    alertEvent(sequence: ID!): AlertEvent
    measure(id: ID!): Measure
  }

  type Mutation {
    acknowledge(sequence: ID!): Boolean
  }

  type Subscription {
    alertEvents(since: ID): AlertEvent!
    heartbeats: Int!
  }

  enum AlertEventKind { RAISED CLOSED }

  type AlertEvent {
    sequence: ID!
    kind: AlertEventKind!
    alert: Alert!
    previous(before: ID): AlertEvent
  }

  type Alert {
    id: ID!
    locations(last: Int): [Location!]!
    nearby(first: Int = 5): [Location!]!
    measure: Measure!
  }

  type Location {
    latitude: Float!
    longitude: Float!
  }

  type Measure {
    id: ID!
    zone(format: String = "code"): String
  }

  directive @trace(label: String) on QUERY | SUBSCRIPTION
`);

/** The operation for `source`, failing the test on errors. */
function operationOf(
  source: string,
  variables: Record<string, unknown> = {},
  operationName?: string,
  limits: OperationLimits = DEFAULT_LIMITS,
): AlertOperation {
  const answer = alertOperationOf(
    schema, parse(source), { operationName, variables, limits });
  if (!('query' in answer)) {
    throw new Error(`refused: ${answer.map((e) => e.message).join('; ')}`);
  }
  return answer;
}

/** The errors refusing `source`, failing the test on an operation. */
function errorsOf(
  source: string,
  variables: Record<string, unknown> = {},
  operationName?: string,
  limits: OperationLimits = DEFAULT_LIMITS,
): readonly GraphQLError[] {
  const answer = alertOperationOf(
    schema, parse(source), { operationName, variables, limits });
  if ('query' in answer) throw new Error('expected the operation refused');
  return answer;
}

function codesOf(errors: readonly GraphQLError[]): unknown[] {
  return errors.map((error) => error.extensions.code);
}

/** Parses and prints, so expectations need not match the printer's layout. */
function normal(source: string): string {
  return print(parse(source));
}

describe('alertOperationOf: the rewrite', () => {
  it('turns the subscription into a query on alertEvent, alias kept', () => {
    const operation = operationOf(`
      subscription Board($since: ID) {
        board: alertEvents(since: $since) { sequence kind }
      }
    `, { since: '4' });

    expect(operation.queryText).toBe(normal(`
      query Board($alertSequence: ID!) {
        board: alertEvent(sequence: $alertSequence) { sequence kind }
      }
    `));
    expect(operation).toMatchObject({
      operationName: 'Board',
      responseKey: 'board',
      sequenceVariable: 'alertSequence',
      since: 4,
      variables: {},
    });
  });

  it('answers under alertEvents when the field has no alias', () => {
    const operation = operationOf(
      'subscription { alertEvents { sequence } }');

    expect(operation.queryText).toBe(normal(`
      query ($alertSequence: ID!) {
        alertEvents: alertEvent(sequence: $alertSequence) { sequence }
      }
    `));
    expect(operation.responseKey).toBe('alertEvents');
    expect(operation.operationName).toBeUndefined();
  });

  it('keeps the selection and only the fragments it reaches', () => {
    const operation = operationOf(`
      subscription Board {
        alertEvents { ...Event }
      }
      query Other { measure(id: "m-1") { ...MeasureFields } }
      fragment Event on AlertEvent { kind alert { ...AlertFields } }
      fragment AlertFields on Alert { id locations(last: 2) { latitude } }
      fragment MeasureFields on Measure { id }
    `, {}, 'Board');

    const names = operation.query.definitions
      .filter((definition): definition is FragmentDefinitionNode =>
        definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => fragment.name.value);
    expect(names).toEqual(['Event', 'AlertFields']);
    expect(operation.queryText).toContain('locations(last: 2)');
    expect(operation.queryText).not.toContain('query Other');
  });

  it('keeps a variable used further down and drops since', () => {
    const operation = operationOf(`
      subscription Board($since: ID, $last: Int) {
        alertEvents(since: $since) {
          alert { locations(last: $last) { latitude } }
        }
      }
    `, { since: '9', last: 3 });

    expect(operation.queryText).toContain(
      'query Board($last: Int, $alertSequence: ID!)');
    expect(operation.queryText).not.toContain('$since');
    expect(operation.variables).toEqual({ last: 3 });
    expect(operation.since).toBe(9);
  });

  it('keeps a variable used by a directive on the operation', () => {
    const operation = operationOf(`
      subscription Board($since: ID, $label: String) @trace(label: $label) {
        alertEvents(since: $since) { kind }
      }
    `, { since: '9', label: 'night shift' });

    expect(operation.queryText).toContain(
      'query Board($label: String, $alertSequence: ID!) @trace(label: $label)');
    expect(operation.variables).toEqual({ label: 'night shift' });
    expect(validate(schema, operation.query)).toEqual([]);
  });

  it('keeps the since variable when another field uses it too', () => {
    const operation = operationOf(`
      subscription Board($since: ID) {
        alertEvents(since: $since) { previous(before: $since) { kind } }
      }
    `, { since: '9' });

    expect(operation.queryText).toContain('($since: ID, $alertSequence: ID!)');
    expect(operation.queryText).toContain('previous(before: $since)');
    expect(operation.variables).toEqual({ since: '9' });
  });

  it('picks a free name when alertSequence is taken', () => {
    const operation = operationOf(`
      subscription Board($alertSequence: Int) {
        alertEvents {
          alert { locations(last: $alertSequence) { latitude } }
        }
      }
    `, { alertSequence: 1 });

    expect(operation.sequenceVariable).toBe('alertSequence2');
    expect(operation.queryText).toContain(
      'query Board($alertSequence: Int, $alertSequence2: ID!)');
    expect(operation.queryText).toContain(
      'alertEvent(sequence: $alertSequence2)');
  });

  it('prints a query the schema accepts', () => {
    const operation = operationOf(`
      subscription Board($since: ID, $last: Int, $format: String) {
        feed: alertEvents(since: $since) {
          ...Event
          previous(before: $since) { sequence }
        }
      }
      fragment Event on AlertEvent {
        sequence
        alert {
          locations(last: $last) { latitude longitude }
          measure { zone(format: $format) }
        }
      }
    `, { since: '1', last: 2, format: 'name' });

    expect(validate(schema, parse(operation.queryText))).toEqual([]);
    expect(validate(schema, operation.query)).toEqual([]);
    expect(print(operation.query)).toBe(operation.queryText);
  });
});

describe('alertOperationOf: since', () => {
  const subscription = (argument: string) =>
    `subscription ($since: ID) { alertEvents${argument} { kind } }`;

  it.each([
    ['a string literal', '(since: "12")', {}, 12],
    ['an integer literal', '(since: 12)', {}, 12],
    ['a variable', '(since: $since)', { since: '7' }, 7],
    ['a variable given as a number', '(since: $since)', { since: 7 }, 7],
    ['zero', '(since: "0")', {}, 0],
    ['no argument', '', {}, null],
    ['a null literal', '(since: null)', {}, null],
    ['a null variable', '(since: $since)', { since: null }, null],
    ['a variable not given', '(since: $since)', {}, null],
  ])('reads %s', (_, argument, variables, since) => {
    // The variable is declared in every case; one not used is dropped.
    const source = argument.includes('$since')
      ? subscription(argument)
      : `subscription { alertEvents${argument} { kind } }`;

    expect(operationOf(source, variables).since).toBe(since);
  });

  it('falls back on the variable default when none is given', () => {
    const operation = operationOf(`
      subscription ($since: ID = "5") { alertEvents(since: $since) { kind } }
    `);

    expect(operation.since).toBe(5);
    expect(operation.queryText).not.toContain('$since');
  });

  it('lets an explicit null override the variable default', () => {
    const operation = operationOf(`
      subscription ($since: ID = "5") { alertEvents(since: $since) { kind } }
    `, { since: null });

    expect(operation.since).toBeNull();
  });

  it.each([
    ['letters', { since: 'abc' }],
    ['a negative number', { since: '-1' }],
    ['a fraction', { since: '1.5' }],
    ['a number past the safe integers', { since: '9007199254740993' }],
    ['an object', { since: { after: 3 } }],
  ])('refuses %s as BAD_USER_INPUT on since', (_, variables) => {
    const [error, ...others] = errorsOf(
      subscription('(since: $since)'), variables);

    expect(others).toEqual([]);
    expect(error.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'since',
    });
  });

  it('refuses a negative literal', () => {
    const errors = errorsOf('subscription { alertEvents(since: -3) { kind } }');

    expect(codesOf(errors)).toEqual(['BAD_USER_INPUT']);
    expect(errors[0].message).toContain('"-3"');
  });
});

describe('alertOperationOf: refusals', () => {
  it.each([
    [
      'two root fields',
      'subscription { alertEvents { kind } heartbeats }',
      'GRAPHQL_VALIDATION_FAILED',
    ],
    [
      'another root field',
      'subscription { heartbeats }',
      'BAD_USER_INPUT',
    ],
    [
      'a directive on the root field',
      'subscription { alertEvents @include(if: true) { kind } }',
      'BAD_USER_INPUT',
    ],
    [
      'the root field in a fragment',
      'subscription { ...Root } fragment Root on Subscription { alertEvents { kind } }',
      'BAD_USER_INPUT',
    ],
    [
      'a query',
      'query { alertEvent(sequence: "1") { kind } }',
      'BAD_REQUEST',
    ],
    [
      'a mutation',
      'mutation { acknowledge(sequence: "1") }',
      'BAD_REQUEST',
    ],
    [
      'a field the schema lacks',
      'subscription { alertEvents { colour } }',
      'GRAPHQL_VALIDATION_FAILED',
    ],
    [
      'a wrongly typed argument',
      'subscription { alertEvents(since: 1.5) { kind } }',
      'GRAPHQL_VALIDATION_FAILED',
    ],
  ])('refuses %s', (_, source, code) => {
    const errors = errorsOf(source);

    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(codesOf(errors))).toEqual(new Set([code]));
  });

  const small: OperationLimits = {
    maxDepth: 3,
    maxAliases: 1,
    maxTokens: 40,
    maxCost: 1000,
  };

  it('keeps to the limits it is given', () => {
    const source = 'subscription { e: alertEvents { alert { id } } }';

    expect(operationOf(source, {}, undefined, small).responseKey).toBe('e');
  });

  it('refuses a selection deeper than the limit with its code', () => {
    const errors = errorsOf(
      'subscription { alertEvents { alert { measure { id } } } }',
      {}, undefined, small);

    expect(codesOf(errors)).toEqual(['OPERATION_TOO_DEEP']);
    expect(errors[0].message).toContain('4 levels deep; the limit is 3');
  });

  it('refuses more aliases than the limit with its code', () => {
    const errors = errorsOf(
      'subscription { e: alertEvents { k: kind } }', {}, undefined, small);

    expect(codesOf(errors)).toEqual(['TOO_MANY_ALIASES']);
  });

  it('refuses a subscription whose entry query would pass the tokens', () => {
    // 27 tokens as sent, at the limit; the query for each entry adds the
    // sequence's variable and argument, and would fail at every entry.
    const source = 'subscription { alertEvents { sequence kind alert { id ' +
      'locations(last: 2) { latitude longitude } measure { id zone } } } }';
    const limits = { ...DEFAULT_LIMITS, maxTokens: 27 };

    const errors = errorsOf(source, {}, undefined, limits);

    expect(codesOf(errors)).toEqual(['TOO_MANY_TOKENS']);
    expect(errors[0].message).toContain('the limit is 27');
  });

  it('refuses a subscription its variables make cost more than the limit',
    () => {
      const source = 'subscription ($n: Int) { alertEvents { alert { '
        + 'nearby(first: $n) { latitude longitude } } } }';

      const limits = { ...small, maxDepth: 4 };

      const errors = errorsOf(source, { n: 1000 }, undefined, limits);

      expect(codesOf(errors)).toEqual(['OPERATION_TOO_COSTLY']);
      expect(errors[0].extensions)
        .toMatchObject({ cost: 3 + 2 * 1000, maxCost: 1000 });
      expect(operationOf(source, { n: 400 }, undefined, limits).variables)
        .toEqual({ n: 400 });
    });

  it('refuses an operation name the document does not hold', () => {
    const errors = errorsOf(
      'subscription Board { alertEvents { kind } }', {}, 'Wall');

    expect(codesOf(errors)).toEqual(['BAD_REQUEST']);
    expect(errors[0].message).toContain('Wall');
  });

  it('refuses several operations and no name', () => {
    const errors = errorsOf(`
      subscription A { alertEvents { kind } }
      subscription B { alertEvents { sequence } }
    `);

    expect(codesOf(errors)).toEqual(['BAD_REQUEST']);
  });

  it('picks the named operation among several', () => {
    const operation = operationOf(`
      subscription A { alertEvents { kind } }
      subscription B { alertEvents { sequence } }
    `, {}, 'B');

    expect(operation.queryText).toContain('query B');
    expect(operation.queryText).not.toContain('kind');
  });
});

describe('alertOperationOf: sharing keys', () => {
  const source = `
    subscription Board($since: ID, $last: Int, $format: String) {
      alertEvents(since: $since) {
        alert {
          locations(last: $last) { latitude }
          measure { zone(format: $format) }
        }
      }
    }
  `;

  it('gives equal subscriptions equal keys, whatever their since', () => {
    const first = operationOf(source, { since: '1', last: 2, format: 'a' });
    const second = operationOf(
      source.replace(/\s+/g, ' '), { format: 'a', last: 2, since: '80' });

    expect(second.key).toBe(first.key);
  });

  it('gives different variables different keys', () => {
    const first = operationOf(source, { last: 2 });
    const second = operationOf(source, { last: 3 });

    expect(second.key).not.toBe(first.key);
  });

  it('gives different selections different keys', () => {
    const first = operationOf('subscription { alertEvents { kind } }');
    const second = operationOf('subscription { alertEvents { sequence } }');

    expect(second.key).not.toBe(first.key);
  });
});
