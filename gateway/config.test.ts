import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../runtime/config';
import { ensureLocalKeys } from '../runtime/keys';
import {
  GATEWAY_OPTION_DOCS,
  PRODUCTION_REQUIRED,
  readGatewayConfig,
  subgraphUrlsOf,
} from './config';

let directory: string;

beforeAll(async () => {
  directory = join(await mkdtemp(join(tmpdir(), 'config-test-')), 'keys');
});

afterAll(async () => {
  await rm(join(directory, '..'), { recursive: true, force: true });
});

describe('readGatewayConfig', () => {
  it('has a working default for every option in development', () => {
    const config = readGatewayConfig({});
    expect(config).toMatchObject({
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_PORT: 4000,
      AUTH_JWKS_URL: undefined,
      KEYS_DIR: 'data/keys',
      GATEWAY_TRUST_PRIVATE_KEY: undefined,
      SUBGRAPH_TIMEOUT_MS: 5000,
      MAX_BODY_BYTES: 1024 * 1024,
      SHUTDOWN_TIMEOUT_MS: 10_000,
      REDIS_URL: undefined,
      ALERT_POLL_MS: 2000,
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
    });
    expect(subgraphUrlsOf(config)).toEqual({
      protection: 'http://127.0.0.1:4001/graphql',
      bng: 'http://127.0.0.1:4002/graphql',
      mach: 'http://127.0.0.1:4003/graphql',
      devices: 'http://127.0.0.1:4004/graphql',
      'victim-support': 'http://127.0.0.1:4005/graphql',
      audit: 'http://127.0.0.1:4006/graphql',
    });
  });

  it('names each bad variable and its value', () => {
    expect(() =>
      readGatewayConfig({ GATEWAY_PORT: 'abc', MACH_URL: 'mach:4003' }),
    ).toThrow(
      new ConfigError([
        'GATEWAY_PORT must be an integer from 0 to 65535, got "abc"',
        'MACH_URL must be an absolute http or https URL, got "mach:4003"',
      ]),
    );
  });

  it('reads the alert bus and the poll of the alert log', () => {
    const config = readGatewayConfig({
      REDIS_URL: 'rediss://:s3cret@cache.example:6380',
      ALERT_POLL_MS: '50',
    });
    expect(config.REDIS_URL).toBe('rediss://:s3cret@cache.example:6380');
    expect(config.ALERT_POLL_MS).toBe(50);
  });

  it('bounds the poll of the alert log', () => {
    expect(() => readGatewayConfig({ ALERT_POLL_MS: '49' })).toThrow(
      'ALERT_POLL_MS must be an integer from 50 to 60000, got "49"',
    );
    expect(() => readGatewayConfig({ ALERT_POLL_MS: '60001' })).toThrow(
      'ALERT_POLL_MS must be an integer from 50 to 60000, got "60001"',
    );
  });

  it('never repeats a bad REDIS_URL: it may hold a password', () => {
    const read = () =>
      readGatewayConfig({ REDIS_URL: 'http://:s3cret@cache.example' });
    expect(read).toThrow(
      'REDIS_URL must be an absolute redis or rediss URL, got a value not shown here',
    );
    expect(read).not.toThrow('s3cret');
  });

  it('refuses the local issuer in production', () => {
    expect(() => readGatewayConfig({ NODE_ENV: 'production' })).toThrow(
      'AUTH_JWKS_URL is required when NODE_ENV is production',
    );
  });

  it.each(PRODUCTION_REQUIRED)(
    'documents that production requires %s',
    (name) => {
      expect(GATEWAY_OPTION_DOCS[name]).toContain('Required in production');
    },
  );

  it('refuses the local trust key in production', () => {
    expect(() => readGatewayConfig({ NODE_ENV: 'production' })).toThrow(
      'GATEWAY_TRUST_PRIVATE_KEY is required when NODE_ENV is production',
    );
  });

  it('accepts production with the identity provider and key set', async () => {
    const { trust } = await ensureLocalKeys(directory);
    const config = readGatewayConfig({
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://idp.example/.well-known/jwks.json',
      AUTH_ISSUER: 'https://idp.example',
      AUTH_AUDIENCE: 'stalking-alarm',
      GATEWAY_TRUST_PRIVATE_KEY: JSON.stringify(trust.privateJwk),
    });
    expect(config.AUTH_JWKS_URL).toBe(
      'https://idp.example/.well-known/jwks.json',
    );
    expect(config.GATEWAY_TRUST_PRIVATE_KEY).toEqual(trust.privateJwk);
  });

  it('never repeats a bad trust key in its error', async () => {
    const { trust } = await ensureLocalKeys(directory);
    const publicOnly = JSON.stringify(trust.publicJwk);
    const read = () =>
      readGatewayConfig({ GATEWAY_TRUST_PRIVATE_KEY: publicOnly });
    const expected = 'must be a private Ed25519 JWK in JSON';
    expect(read).toThrow(
      `GATEWAY_TRUST_PRIVATE_KEY ${expected}, got a value not shown here`,
    );
    expect(read).not.toThrow(trust.publicJwk.x as string);
  });
});
