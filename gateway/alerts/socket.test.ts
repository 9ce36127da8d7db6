import { authorizationOf } from './socket';

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
