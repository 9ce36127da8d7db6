import type { Identity } from './identity';
import { VerifiedTokens } from './verified-tokens';

const police: Identity = { subject: 'p1', role: 'police', zone: '5339' };
const cic: Identity = { subject: 'c1', role: 'cic', province: 'BE-VAN' };
const start = Date.parse('2026-12-04T10:00:00Z');
const inSeconds = (seconds: number) => start / 1000 + seconds;

beforeEach(() => {
  jest.useFakeTimers({ now: start });
});

afterEach(() => {
  jest.useRealTimers();
});

describe('VerifiedTokens', () => {
  it('answers each token its own identity', () => {
    const tokens = new VerifiedTokens(10, 60);
    tokens.keep('a', police, inSeconds(300));
    tokens.keep('b', cic, inSeconds(300));
    expect(tokens.get('a')).toBe(police);
    expect(tokens.get('b')).toBe(cic);
    expect(tokens.get('c')).toBeUndefined();
  });

  it('forgets a token once it expires', () => {
    const tokens = new VerifiedTokens(10, 60);
    tokens.keep('a', police, inSeconds(20));
    jest.setSystemTime(start + 19_999);
    expect(tokens.get('a')).toBe(police);
    jest.setSystemTime(start + 20_000);
    expect(tokens.get('a')).toBeUndefined();
  });

  it('checks a long-lived token again after its seconds', () => {
    const tokens = new VerifiedTokens(10, 60);
    tokens.keep('a', police, inSeconds(3600));
    jest.setSystemTime(start + 60_000);
    expect(tokens.get('a')).toBeUndefined();
  });

  it('keeps no token already expired, without exp, or with size 0', () => {
    const tokens = new VerifiedTokens(10, 60);
    tokens.keep('a', police, inSeconds(0));
    tokens.keep('b', police, undefined);
    expect(tokens.get('a')).toBeUndefined();
    expect(tokens.get('b')).toBeUndefined();
    const none = new VerifiedTokens(0, 60);
    none.keep('a', police, inSeconds(300));
    expect(none.get('a')).toBeUndefined();
  });

  it('drops the oldest token when full', () => {
    const tokens = new VerifiedTokens(2, 60);
    tokens.keep('a', police, inSeconds(300));
    tokens.keep('b', cic, inSeconds(300));
    tokens.keep('c', police, inSeconds(300));
    expect(tokens.get('a')).toBeUndefined();
    expect(tokens.get('b')).toBe(cic);
    expect(tokens.get('c')).toBe(police);
  });
});
