import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../runtime/config';
import { ensureLocalKeys, type LocalKeys } from '../runtime/keys';
import {
  DEFAULT_PORTS,
  readSubgraphConfig,
  storageOptionsOf,
  SUBGRAPH_CONFIG_DOCS,
} from './config';

const MYSQL = 'mysql://graph:s3cret@db.example:3306/stalking_alarm';

let directory: string;
let keys: LocalKeys;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'subgraph-config-'));
  keys = await ensureLocalKeys(directory);
});

afterAll(() => rm(directory, { recursive: true, force: true }));

describe('readSubgraphConfig: defaults', () => {
  it('runs on embedded SQLite with nothing set', () => {
    expect(readSubgraphConfig({})).toEqual({
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      SUBGRAPH_HOST: '127.0.0.1',
      SUBGRAPH_PORT: undefined,
      DB_DRIVER: 'sqlite',
      SQLITE_DIR: 'data/db',
      MYSQL_URL: undefined,
      DB_POOL_SIZE: 10,
      SEED_DEMO: undefined,
      GATEWAY_TRUST_PUBLIC_KEY: undefined,
      SHUTDOWN_TIMEOUT_MS: 10_000,
      KEYS_DIR: 'data/keys',
      MAX_BODY_BYTES: 1024 * 1024,
      TERRITORY_FILE: undefined,
      FIRST_REVISIT_AFTER_MONTHS: 1,
      EFFECTS_INTERVAL_MS: 1000,
      DEVICES_ADAPTER: 'sql',
      SHAREPOINT_BASE_URL: 'https://graph.microsoft.com/v1.0',
      SHAREPOINT_SITE_ID: undefined,
      SHAREPOINT_TOKEN_URL: undefined,
      SHAREPOINT_CLIENT_ID: undefined,
      SHAREPOINT_CLIENT_SECRET: undefined,
      SHAREPOINT_LIST_DEVICES: 'Alarm devices',
      SHAREPOINT_LIST_DAILY_REPORTS: 'Alarm daily reports',
      SHAREPOINT_LIST_GRANTS: 'Alarm grant registrations',
      SHAREPOINT_LIST_SHORTAGES: 'Alarm device shortages',
      METRICS_ENABLED: true,
      METRICS_TOKEN: undefined,
      OTEL_TRACES_EXPORTER: 'none',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://localhost:4318',
    });
  });

  it('gives each subgraph its own default port', () => {
    const ports = Object.values(DEFAULT_PORTS);
    expect(new Set(ports).size).toBe(ports.length);
    expect(SUBGRAPH_CONFIG_DOCS.SUBGRAPH_PORT).toContain('bng 4002');
  });

  it('reads set values with their types', () => {
    const config = readSubgraphConfig({
      SUBGRAPH_PORT: '0',
      SEED_DEMO: 'no',
      GATEWAY_TRUST_PUBLIC_KEY: JSON.stringify(keys.trust.publicJwk),
    });
    expect(config.SUBGRAPH_PORT).toBe(0);
    expect(config.SEED_DEMO).toBe(false);
    expect(config.GATEWAY_TRUST_PUBLIC_KEY).toEqual(keys.trust.publicJwk);
  });
});

describe('readSubgraphConfig: refusals', () => {
  it('names each bad variable and its value', () => {
    const read = () =>
      readSubgraphConfig({ SUBGRAPH_PORT: 'abc', DB_DRIVER: 'oracle' });
    expect(read).toThrow(
      new ConfigError([
        'SUBGRAPH_PORT must be an integer from 0 to 65535, got "abc"',
        'DB_DRIVER must be one of sqlite, mysql, got "oracle"',
      ]),
    );
  });

  it('requires MYSQL_URL with the mysql driver', () => {
    expect(() => readSubgraphConfig({ DB_DRIVER: 'mysql' })).toThrow(
      new ConfigError(['MYSQL_URL is required when DB_DRIVER is mysql']),
    );
  });

  it('never repeats a bad MYSQL_URL: it holds a password', () => {
    const read = () =>
      readSubgraphConfig({
        DB_DRIVER: 'mysql',
        MYSQL_URL: 'postgres://graph:s3cret@db.example/x',
      });
    expect(read).toThrow(
      'MYSQL_URL must be an absolute mysql or mariadb URL, ' +
        'got a value not shown here',
    );
    expect(read).not.toThrow('s3cret');
  });

  it('never repeats a private key given as the public one', () => {
    const read = () =>
      readSubgraphConfig({
        GATEWAY_TRUST_PUBLIC_KEY: JSON.stringify(keys.trust.privateJwk),
      });
    expect(read).toThrow('got a value not shown here');
    expect(read).not.toThrow(keys.trust.privateJwk.d as string);
  });
});

describe('storageOptionsOf', () => {
  it('answers the SQLite directory by default', () => {
    expect(storageOptionsOf(readSubgraphConfig({}))).toEqual({
      driver: 'sqlite',
      directory: 'data/db',
    });
  });

  it('answers the MySQL URL and pool size with mysql', () => {
    const config = readSubgraphConfig({
      DB_DRIVER: 'mysql',
      MYSQL_URL: MYSQL,
      DB_POOL_SIZE: '4',
      SQLITE_DIR: '/ignored',
    });
    expect(storageOptionsOf(config)).toEqual({
      driver: 'mysql',
      url: MYSQL,
      poolSize: 4,
    });
  });
});
