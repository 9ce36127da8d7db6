import { ConfigError } from './config';
import { levelFromEnv, REDACTED } from './logger';
import { recordLogs } from '../test/support/servers';

describe('createLogger', () => {
  it('writes one JSON object per line with the name and level', () => {
    const { logger, lines } = recordLogs('gateway');
    logger.info({ requestId: 'r-1' }, 'request');
    expect(lines()).toEqual([
      expect.objectContaining({
        name: 'gateway',
        level: 'info',
        requestId: 'r-1',
        msg: 'request',
      }),
    ]);
  });

  it('redacts authorization headers, tokens and variables', () => {
    const { logger, lines } = recordLogs();
    logger.info({
      authorization: 'Bearer a',
      headers: { authorization: 'Bearer b', 'x-gateway-identity': 'c' },
      req: { headers: { authorization: 'Bearer d', cookie: 'e' } },
      token: 'f',
      variables: { nationalNumber: '85073003328' },
      body: { variables: { address: 'Rue X 1' } },
    });
    const [line] = lines();
    expect(line).toMatchObject({
      authorization: REDACTED,
      headers: { authorization: REDACTED, 'x-gateway-identity': REDACTED },
      req: { headers: { authorization: REDACTED, cookie: REDACTED } },
      token: REDACTED,
      variables: REDACTED,
      body: { variables: REDACTED },
    });
    expect(JSON.stringify(line)).not.toMatch(/Bearer|85073003328|Rue X/);
  });
});

describe('levelFromEnv', () => {
  it('defaults to info and accepts silent', () => {
    expect(levelFromEnv({})).toBe('info');
    expect(levelFromEnv({ LOG_LEVEL: 'silent' })).toBe('silent');
  });

  it('names a bad LOG_LEVEL', () => {
    expect(() => levelFromEnv({ LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    expect(() => levelFromEnv({ LOG_LEVEL: 'loud' })).toThrow(
      /LOG_LEVEL must be one of .*got "loud"/,
    );
  });
});
