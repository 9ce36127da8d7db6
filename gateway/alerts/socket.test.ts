import { buildSchema, GraphQLError, parse, validate } from 'graphql';
import { authorizationOf, withoutSuggestions } from './socket';

describe('authorizationOf', () => {
  it('takes the authorization member as it is', () => {
    expect(authorizationOf({ authorization: 'Bearer abc' }))
      .toBe('Bearer abc');
  });

  it('takes an Authorization member spelled as the header is', () => {
    expect(authorizationOf({ Authorization: 'Bearer abc' }))
      .toBe('Bearer abc');
  });

  it('makes a bearer value of a bare token', () => {
    expect(authorizationOf({ token: 'abc' })).toBe('Bearer abc');
  });

  it('prefers authorization to token', () => {
    expect(authorizationOf({ token: 'old', authorization: 'Bearer new' }))
      .toBe('Bearer new');
    expect(authorizationOf({ token: 'old', Authorization: 'Bearer new' }))
      .toBe('Bearer new');
  });

  it('passes over members that are not strings', () => {
    expect(authorizationOf({ authorization: 42, token: 'abc' }))
      .toBe('Bearer abc');
    expect(authorizationOf({ authorization: { value: 'x' } }))
      .toBeUndefined();
    expect(authorizationOf({ token: null })).toBeUndefined();
  });

  it('answers nothing for no payload or an empty one', () => {
    expect(authorizationOf(undefined)).toBeUndefined();
    expect(authorizationOf({})).toBeUndefined();
  });
});

describe('withoutSuggestions', () => {
  const schema = buildSchema('type Query { measure: Int, measures: Int }');

  it('takes the suggested names out and keeps the rest', () => {
    const [error] = validate(schema, parse('{ measur }'));
    expect(error.message).toContain('Did you mean');

    const [hidden] = withoutSuggestions([error]);

    expect(hidden.message).toBe('Cannot query field "measur" on type "Query".');
    expect(hidden.locations).toEqual(error.locations);
  });

  it('keeps an error without suggestions as it is', () => {
    const error = new GraphQLError('since must be a sequence.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });

    expect(withoutSuggestions([error])).toEqual([error]);
  });
});
