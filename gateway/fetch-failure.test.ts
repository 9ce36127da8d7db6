import { parse } from 'graphql';
import { fetchFailureErrors } from './fetch-failure';

const failure = { message: 'The bng subgraph could not be reached', code: 'X' };

function pathsOf(query: string, variables?: Record<string, unknown>) {
  return fetchFailureErrors(failure, parse(query), variables).map(
    (error) => error.path,
  );
}

describe('fetchFailureErrors', () => {
  it('points at every root field of a root fetch, aliases included', () => {
    expect(pathsOf('{ a __typename renamed: b }')).toEqual([
      ['a'],
      ['renamed'],
    ]);
  });

  it('points at every field of every entity of an entity fetch', () => {
    const query = `query ($representations: [_Any!]!) {
      _entities(representations: $representations) {
        __typename
        ... on Person { bng { wanted } alias: other }
      }
    }`;
    const representations = [{ __typename: 'Person' }, {}];
    expect(pathsOf(query, { representations })).toEqual([
      ['_entities', 0, 'bng'],
      ['_entities', 0, 'alias'],
      ['_entities', 1, 'bng'],
      ['_entities', 1, 'alias'],
    ]);
  });

  it('follows fragment spreads, naming a field once', () => {
    const query = `query ($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ...F
        ... on Person { bng }
      }
    }
    fragment F on Person { bng record }`;
    expect(pathsOf(query, { representations: [{}] })).toEqual([
      ['_entities', 0, 'bng'],
      ['_entities', 0, 'record'],
    ]);
  });

  it('gives each error the failure message and code', () => {
    expect(fetchFailureErrors(failure, parse('{ a }'))).toEqual([
      { message: failure.message, path: ['a'], extensions: { code: 'X' } },
    ]);
  });

  it('falls back to one error without a path when nothing is asked', () => {
    const query = `query ($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on P { f } }
    }`;
    expect(fetchFailureErrors(failure, parse(query), {})).toEqual([
      { message: failure.message, extensions: { code: 'X' } },
    ]);
  });
});
