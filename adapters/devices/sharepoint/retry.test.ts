import {
  BACKOFF_BASE_MS,
  backoffMs,
  nextStep,
  retryAfterMs,
  type RetryBudget,
} from './retry';

const NOW = Date.parse('2026-12-01T08:00:00Z');
const budget: RetryBudget = {
  retries: 0,
  maxRetries: 3,
  maxRetryAfterMs: 30_000,
  now: NOW,
};

function answer(status: number, retryAfter: string | null = null) {
  return { kind: 'answer' as const, status, retryAfter };
}

describe('retryAfterMs', () => {
  it('reads whole seconds', () => {
    expect(retryAfterMs('1', NOW)).toBe(1000);
    expect(retryAfterMs(' 120 ', NOW)).toBe(120_000);
    expect(retryAfterMs('0', NOW)).toBe(0);
  });

  it('reads an HTTP date as the time left until it', () => {
    const inFive = new Date(NOW + 5000).toUTCString();
    expect(retryAfterMs(inFive, NOW)).toBe(5000);
  });

  it('reads a date in the past as no wait', () => {
    expect(retryAfterMs(new Date(NOW - 5000).toUTCString(), NOW)).toBe(0);
  });

  it('answers null for no header or one it cannot read', () => {
    expect(retryAfterMs(null, NOW)).toBeNull();
    expect(retryAfterMs('soon', NOW)).toBeNull();
    expect(retryAfterMs('1.5', NOW)).toBeNull();
    expect(retryAfterMs('-1', NOW)).toBeNull();
  });
});

describe('backoffMs', () => {
  it('doubles from the base, up to the cap', () => {
    expect([0, 1, 2, 3].map((n) => backoffMs(n, 30_000)))
      .toEqual([BACKOFF_BASE_MS, 500, 1000, 2000]);
    expect(backoffMs(10, 30_000)).toBe(30_000);
  });
});

describe('nextStep', () => {
  it('retries 429 and 503 after their Retry-After', () => {
    expect(nextStep(answer(429, '2'), budget))
      .toEqual({ kind: 'retry', waitMs: 2000 });
    expect(nextStep(answer(503, '2'), budget))
      .toEqual({ kind: 'retry', waitMs: 2000 });
  });

  it('backs off on a throttle without Retry-After', () => {
    expect(nextStep(answer(429), { ...budget, retries: 2 }))
      .toEqual({ kind: 'retry', waitMs: 1000 });
  });

  it('refuses a wait longer than maxRetryAfterMs, whatever the retries',
    () => {
      expect(nextStep(answer(429, '31'), budget)).toEqual(
        { kind: 'wait-too-long', waitMs: 31_000, limitMs: 30_000 });
    });

  it('gives up once maxRetries are spent', () => {
    const spent = { ...budget, retries: 3 };
    expect(nextStep(answer(429, '1'), spent)).toEqual({ kind: 'give-up' });
    expect(nextStep(answer(500), spent)).toEqual({ kind: 'give-up' });
    expect(nextStep({ kind: 'network' }, spent)).toEqual({ kind: 'give-up' });
  });

  it('retries other 5xx and network failures with the backoff', () => {
    expect(nextStep(answer(502), budget))
      .toEqual({ kind: 'retry', waitMs: 250 });
    expect(nextStep({ kind: 'network' }, { ...budget, retries: 1 }))
      .toEqual({ kind: 'retry', waitMs: 500 });
  });

  it('never retries a 4xx, a 3xx or a 501', () => {
    for (const status of [301, 400, 401, 403, 404, 409, 412, 501]) {
      expect(nextStep(answer(status), budget)).toEqual({ kind: 'final' });
    }
  });
});
