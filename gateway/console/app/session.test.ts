import { callerOf, describeCaller } from './session';

function tokenWith(payload: object): string {
  const part = (value: object) =>
    Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'EdDSA' })}.${part(payload)}.c2lnbmF0dXJl`;
}

describe('callerOf', () => {
  it('reads the role and organisation a token names', () => {
    const caller = callerOf(tokenWith({ role: 'police', zone: '5345',
      exp: 1_800_000_000 }));
    expect(caller).toEqual({ role: 'police', zone: '5345',
      province: undefined, arrondissement: undefined,
      expiresAt: 1_800_000_000 });
    expect(caller && describeCaller(caller)).toBe('police zone 5345');
  });

  it('describes a caller of the whole country by its role alone', () => {
    const caller = callerOf(tokenWith({ role: 'analyst' }));
    expect(caller && describeCaller(caller)).toBe('analyst');
  });

  it.each([
    ['not a JWT', 'not-a-token'],
    ['a payload that is not JSON', 'a.bm90IGpzb24.c'],
    ['a payload without a role', tokenWith({ sub: 'x' })],
  ])('answers null for %s', (_what, token) => {
    expect(callerOf(token)).toBeNull();
  });
});
