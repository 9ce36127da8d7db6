import {
  addressKeyOf,
  callerKeyOf,
  RateLimiter,
  rateLimitedError,
  type Admission,
} from './rate-limit';

/** A limiter on a clock the test moves. */
function limiterAt(perMinute: number, burst: number) {
  let now = 1_000_000;
  const limiter = new RateLimiter({ perMinute, burst, now: () => now });
  return {
    limiter,
    pass: (ms: number) => {
      now += ms;
    },
  };
}

function takeMany(limiter: RateLimiter, key: string, count: number) {
  const answers: Admission[] = [];
  for (let i = 0; i < count; i += 1) answers.push(limiter.take(key));
  return answers;
}

describe('rate limit: the bucket', () => {
  it('admits a burst, then refuses with the wait for one more', () => {
    const { limiter } = limiterAt(60, 3);

    const answers = takeMany(limiter, 'a', 4);

    expect(answers.slice(0, 3).every((answer) => answer.admitted)).toBe(true);
    expect(answers[3]).toEqual({
      admitted: false,
      retryAfterMs: 1000,
      first: true,
    });
  });

  it('marks only the first refusal of a run as first', () => {
    const { limiter } = limiterAt(60, 1);
    limiter.take('a');

    const [second, third] = takeMany(limiter, 'a', 2);

    expect(second).toMatchObject({ admitted: false, first: true });
    expect(third).toMatchObject({ admitted: false, first: false });
  });

  it('refills at the rate, never above the burst', () => {
    const { limiter, pass } = limiterAt(60, 2);
    takeMany(limiter, 'a', 2);

    pass(1000);
    expect(limiter.take('a').admitted).toBe(true);
    expect(limiter.take('a').admitted).toBe(false);

    pass(60_000);
    const answers = takeMany(limiter, 'a', 3);
    expect(answers.map((answer) => answer.admitted))
      .toEqual([true, true, false]);
  });

  it('keeps one bucket per key', () => {
    const { limiter } = limiterAt(60, 1);
    limiter.take('a');

    expect(limiter.take('b').admitted).toBe(true);
    expect(limiter.take('a').admitted).toBe(false);
  });

  it('admits everything when the rate is 0', () => {
    const { limiter } = limiterAt(0, 1);

    const answers = takeMany(limiter, 'a', 1000);

    expect(answers.every((answer) => answer.admitted)).toBe(true);
    expect(limiter.callers).toBe(0);
  });

  it('forgets the callers whose bucket has refilled', () => {
    const { limiter, pass } = limiterAt(60, 5);
    for (let i = 0; i < 999; i += 1) limiter.take(`caller-${i}`);
    expect(limiter.callers).toBe(999);

    pass(5000);
    limiter.take('last');

    // The sweep ran before the thousandth take made its own bucket.
    expect(limiter.callers).toBe(1);
  });

  it('refuses a burst below 1 as a misuse, showing the options', () => {
    expect(() => new RateLimiter({ perMinute: 60, burst: 0 }))
      .toThrow('{"perMinute":60,"burst":0}');
  });
});

describe('rate limit: keys and refusals', () => {
  it('keys a caller by subject and never limits the 112 system', () => {
    expect(callerKeyOf({ subject: 'u-1', role: 'police', zone: '5339' }))
      .toBe('subject:u-1');
    expect(callerKeyOf({ subject: 'sys-112', role: 'app112' })).toBeNull();
    expect(addressKeyOf('::1')).toBe('address:::1');
  });

  it('answers 429 with Retry-After in whole seconds over HTTP', () => {
    const error = rateLimitedError(1200);
    const http = error.extensions.http as {
      status: number;
      headers: Map<string, string>;
    };

    expect(error.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: 2,
    });
    expect(http.status).toBe(429);
    expect(http.headers.get('retry-after')).toBe('2');
  });

  it('leaves the HTTP head out of the refusal sent over the socket', () => {
    expect(rateLimitedError(10, false).extensions).toEqual({
      code: 'RATE_LIMITED',
      retryAfterSeconds: 1,
    });
  });
});
