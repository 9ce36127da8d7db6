import {
  boolean,
  ConfigError,
  integer,
  json,
  oneOf,
  optional,
  readConfig,
  redisUrl,
  secret,
  string,
  url,
} from './config';

function problemsOf(read: () => unknown): readonly string[] {
  try {
    read();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('readConfig: defaults', () => {
  const spec = {
    HOST: string({ default: '127.0.0.1' }),
    PORT: integer({ default: 4000, min: 0, max: 65535 }),
    DEBUG: boolean({ default: false }),
    MODE: oneOf(['a', 'b'], { default: 'a' }),
    UPSTREAM: url({ default: 'http://127.0.0.1:4001/graphql' }),
    JWKS: optional(url()),
  };

  it('answers every default when nothing is set', () => {
    expect(readConfig(spec, {})).toEqual({
      HOST: '127.0.0.1',
      PORT: 4000,
      DEBUG: false,
      MODE: 'a',
      UPSTREAM: 'http://127.0.0.1:4001/graphql',
      JWKS: undefined,
    });
  });

  it('treats an empty variable as unset', () => {
    expect(readConfig(spec, { PORT: '', JWKS: '' }).PORT).toBe(4000);
  });

  it('reads set values with their types', () => {
    const config = readConfig(spec, {
      PORT: '0',
      DEBUG: 'YES',
      MODE: 'b',
      JWKS: 'https://idp.example/jwks',
    });
    expect(config.PORT).toBe(0);
    expect(config.DEBUG).toBe(true);
    expect(config.MODE).toBe('b');
    expect(config.JWKS).toBe('https://idp.example/jwks');
  });
});

describe('readConfig: errors name the variable and the value', () => {
  it('integer out of range or not a number', () => {
    const spec = { PORT: integer({ default: 1, min: 0, max: 65535 }) };
    expect(() => readConfig(spec, { PORT: 'abc' })).toThrow(
      'PORT must be an integer from 0 to 65535, got "abc"',
    );
    expect(problemsOf(() => readConfig(spec, { PORT: '70000' }))).toEqual([
      'PORT must be an integer from 0 to 65535, got "70000"',
    ]);
    expect(problemsOf(() => readConfig(spec, { PORT: '4.5' }))).toEqual([
      'PORT must be an integer from 0 to 65535, got "4.5"',
    ]);
  });

  it('integer with one bound', () => {
    const spec = { N: integer({ min: 1 }) };
    expect(problemsOf(() => readConfig(spec, { N: '0' }))).toEqual([
      'N must be an integer of at least 1, got "0"',
    ]);
  });

  it('boolean', () => {
    const spec = { DEBUG: boolean() };
    expect(problemsOf(() => readConfig(spec, { DEBUG: 'maybe' }))).toEqual([
      'DEBUG must be true or false (also 1/0, yes/no), got "maybe"',
    ]);
  });

  it('oneOf', () => {
    const spec = { LEVEL: oneOf(['info', 'debug']) };
    expect(problemsOf(() => readConfig(spec, { LEVEL: 'loud' }))).toEqual([
      'LEVEL must be one of info, debug, got "loud"',
    ]);
  });

  it('url: not a URL, or a scheme not accepted', () => {
    const spec = { A: url(), B: url({ protocols: ['https:'] }) };
    const env = { A: 'localhost:4001', B: 'http://idp.example/jwks' };
    expect(problemsOf(() => readConfig(spec, env))).toEqual([
      'A must be an absolute http or https URL, got "localhost:4001"',
      'B must be an absolute https URL, got "http://idp.example/jwks"',
    ]);
  });

  it('redisUrl: redis, or rediss (TLS), and nothing else', () => {
    const spec = { REDIS: redisUrl() };
    const read = (value: string) => readConfig(spec, { REDIS: value }).REDIS;
    expect(read('redis://redis:6379')).toBe('redis://redis:6379');
    expect(read('rediss://:pw@cache.example:6380/2')).toBe(
      'rediss://:pw@cache.example:6380/2',
    );
    expect(problemsOf(() => read('http://redis:6379'))).toEqual([
      'REDIS must be an absolute redis or rediss URL, got "http://redis:6379"',
    ]);
  });

  it('url: a scheme with no host is no absolute URL', () => {
    // The WHATWG parser reads `redis:6379` as scheme and path, no host.
    const spec = { REDIS: url({ protocols: ['redis:'] }) };
    expect(problemsOf(() => readConfig(spec, { REDIS: 'redis:6379' })))
      .toEqual(['REDIS must be an absolute redis URL, got "redis:6379"']);
    expect(problemsOf(() => readConfig(spec, { REDIS: 'redis:///0' })))
      .toEqual(['REDIS must be an absolute redis URL, got "redis:///0"']);
  });

  it('json, checked by a predicate', () => {
    const isList = (value: unknown): value is string[] =>
      Array.isArray(value) && value.every((v) => typeof v === 'string');
    const spec = { LIST: json(isList, 'a JSON list of strings') };
    expect(readConfig(spec, { LIST: '["a","b"]' }).LIST).toEqual(['a', 'b']);
    expect(problemsOf(() => readConfig(spec, { LIST: '[1]' }))).toEqual([
      'LIST must be a JSON list of strings, got "[1]"',
    ]);
  });

  it('a secret: the value is never repeated', () => {
    const spec = { KEY: optional(secret(integer())) };
    expect(problemsOf(() => readConfig(spec, { KEY: 'hunter2' }))).toEqual([
      'KEY must be an integer, got a value not shown here',
    ]);
    expect(readConfig(spec, {}).KEY).toBeUndefined();
  });

  it('a required variable that is unset', () => {
    const spec = { ISSUER: string() };
    expect(problemsOf(() => readConfig(spec, {}))).toEqual([
      'ISSUER is required',
    ]);
  });

  it('lists every problem at once', () => {
    const spec = { A: integer(), B: string() };
    const error = (() => {
      try {
        readConfig(spec, { A: 'x' });
      } catch (caught) {
        return caught as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.name).toBe('ConfigError');
    expect(error.message).toBe('A must be an integer, got "x"\nB is required');
  });
});

describe('combinators: what they accept, in words', () => {
  it.each([
    ['string', string(), 'any text'],
    ['integer', integer({ min: 0, max: 9 }), 'an integer from 0 to 9'],
    ['boolean', boolean(), 'true or false (also 1/0, yes/no)'],
    ['oneOf', oneOf(['a', 'b']), 'one of a, b'],
    ['url', url(), 'an absolute http or https URL'],
    ['redisUrl', redisUrl(), 'an absolute redis or rediss URL'],
    ['optional', optional(url()), 'an absolute http or https URL'],
    ['secret', secret(integer()), 'an integer'],
  ])('%s says what its errors say', (_kind, option, expected) => {
    expect(option.expected).toBe(expected);
  });
});

describe('combinators: misuse', () => {
  it('refuses an integer default outside its own range', () => {
    expect(() => integer({ default: 70000, max: 65535 })).toThrow(
      'Default 70000 is not an integer of at most 65535',
    );
  });
});
