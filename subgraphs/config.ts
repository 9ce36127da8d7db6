/**
 * The options of a subgraph process, read from the environment once at
 * start-up. Each option's default is stated beside it.
 */
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
  type ConfigDocs,
  type ConfigOf,
} from '../runtime/config';
import { isPublicEd25519Jwk } from '../runtime/keys';
import { LOG_LEVELS } from '../runtime/logger';
import {
  TELEMETRY_OPTION_DOCS,
  TELEMETRY_OPTIONS,
} from '../runtime/telemetry';
import type { StorageOptions } from '../storage/options';
import type { DevicesSource } from './registry';
import type { SubgraphName } from '../scripts/subgraph-names';

/** The port each subgraph listens on unless SUBGRAPH_PORT says otherwise. */
export const DEFAULT_PORTS: Readonly<Record<SubgraphName, number>> = {
  protection: 4001,
  bng: 4002,
  mach: 4003,
  devices: 4004,
  'victim-support': 4005,
  audit: 4006,
};

export const SUBGRAPH_CONFIG = {
  /** development (default), production or test. */
  NODE_ENV: oneOf(['development', 'production', 'test'], {
    default: 'development',
  }),
  /** Default info. */
  LOG_LEVEL: oneOf(LOG_LEVELS, { default: 'info' }),
  /** Default 127.0.0.1: reachable from this machine only. */
  SUBGRAPH_HOST: string({ default: '127.0.0.1' }),
  /** Default: the subgraph's own port (4001 to 4006); 0 picks a free one. */
  SUBGRAPH_PORT: optional(integer({ min: 0, max: 65535 })),
  /** sqlite (default: embedded, no server) or mysql (MySQL or MariaDB). */
  DB_DRIVER: oneOf(['sqlite', 'mysql'], { default: 'sqlite' }),
  /** Default data/db: one SQLite file per agency system. */
  SQLITE_DIR: string({ default: 'data/db' }),
  /**
   * mysql://user:password@host:3306/database; required with mysql. It
   * holds a password, so a bad value is never repeated in an error.
   */
  MYSQL_URL: optional(secret(url({ protocols: ['mysql:', 'mariadb:'] }))),
  /** Default 10 connections per subgraph. */
  DB_POOL_SIZE: integer({ default: 10, min: 1, max: 500 }),
  /** Default: true on sqlite, false on mysql. */
  SEED_DEMO: optional(boolean()),
  /**
   * The gateway's public trust key (JWK); default: read from KEYS_DIR.
   * Not a secret, but the commonest mistake is pasting the private key
   * here, so a bad value is never repeated in an error either.
   */
  GATEWAY_TRUST_PUBLIC_KEY: optional(
    secret(json(isPublicEd25519Jwk, 'a public Ed25519 JWK in JSON')),
  ),
  /** Graceful shutdown gives up after this; default 10000 ms. */
  SHUTDOWN_TIMEOUT_MS: integer({ default: 10_000, min: 0, max: 600_000 }),
  /** Default data/keys: where the embedded default keeps its keys. */
  KEYS_DIR: string({ default: 'data/keys' }),
  /** Default 1 MiB. */
  MAX_BODY_BYTES: integer({ default: 1024 * 1024, min: 1024 }),
  /**
   * Protection, devices and victim support (the statistics' scope);
   * default: the shipped reference/territory.json.
   */
  TERRITORY_FILE: optional(string()),
  /** Protection only; default 1 month after the grant (§7.11.3). */
  FIRST_REVISIT_AFTER_MONTHS: integer({ default: 1, min: 1, max: 3 }),
  /** Protection only; default 1000 ms between rounds of the outbox. */
  EFFECTS_INTERVAL_MS: integer({ default: 1000, min: 50, max: 600_000 }),
  /**
   * Protection only: where alert notices are published; unset = the
   * in-process bus. It may hold a password, so it is never shown.
   */
  REDIS_URL: optional(secret(redisUrl())),
  /** sql (default: the tables of DB_DRIVER) or sharepoint (Graph). */
  DEVICES_ADAPTER: oneOf(['sql', 'sharepoint'], { default: 'sql' }),
  /** With sharepoint; default https://graph.microsoft.com/v1.0. */
  SHAREPOINT_BASE_URL: url({ default: 'https://graph.microsoft.com/v1.0' }),
  /** With sharepoint: the site's Graph id; required then. */
  SHAREPOINT_SITE_ID: optional(string()),
  /** With sharepoint: the tenant's OAuth2 token endpoint; required then. */
  SHAREPOINT_TOKEN_URL: optional(url()),
  /** With sharepoint: the app registration's client id; required then. */
  SHAREPOINT_CLIENT_ID: optional(string()),
  /** With sharepoint: its client secret; required then, never shown. */
  SHAREPOINT_CLIENT_SECRET: optional(secret(string())),
  /** With sharepoint: the four lists' ids or names. */
  SHAREPOINT_LIST_DEVICES: string({ default: 'Alarm devices' }),
  SHAREPOINT_LIST_DAILY_REPORTS: string({ default: 'Alarm daily reports' }),
  SHAREPOINT_LIST_GRANTS: string({ default: 'Alarm grant registrations' }),
  SHAREPOINT_LIST_SHORTAGES: string({ default: 'Alarm device shortages' }),

  /** /metrics and traces (runtime/telemetry.ts), each default stated there. */
  ...TELEMETRY_OPTIONS,
};

export type SubgraphConfig = ConfigOf<typeof SUBGRAPH_CONFIG>;

const PORT_LIST = Object.entries(DEFAULT_PORTS)
  .map(([name, port]) => `${name} ${port}`)
  .join(', ');

/** What each option is for; README.md's table is generated from it. */
export const SUBGRAPH_CONFIG_DOCS: ConfigDocs<typeof SUBGRAPH_CONFIG> = {
  NODE_ENV: '`production` hides internal error details from the gateway.',
  LOG_LEVEL: 'The least severe level logged, as JSON lines on stdout.',
  SUBGRAPH_HOST: 'Interface to listen on; `0.0.0.0` in a container.',
  SUBGRAPH_PORT:
    `Port to listen on; unset, the subgraph's own (${PORT_LIST}); ` +
    '`0` picks a free one.',
  DB_DRIVER:
    'Where the agency data lives: `sqlite` (embedded, no server) or ' +
    '`mysql` (MySQL or MariaDB).',
  SQLITE_DIR: 'With sqlite: the directory of one file per agency system.',
  MYSQL_URL:
    'With mysql: `mysql://user:password@host:3306/database`; required ' +
    'then. The five systems and the audit trail may share one database.',
  DB_POOL_SIZE: 'With mysql: connections per subgraph.',
  SEED_DEMO:
    'Seeds the synthetic demo data set into an empty store; unset, ' +
    'true with sqlite and false with mysql.',
  GATEWAY_TRUST_PUBLIC_KEY:
    "The gateway's public trust key, a JWK in JSON: only requests it " +
    'signed are served. Unset, read from `KEYS_DIR`.',
  SHUTDOWN_TIMEOUT_MS:
    'On SIGTERM or SIGINT, closing (draining requests in flight, then ' +
    'the database) may take this long; past it the exit code is 1.',
  KEYS_DIR: "Where the gateway's local trust key is read (development).",
  MAX_BODY_BYTES: 'A larger request body is refused with 413.',
  TERRITORY_FILE:
    'Protection: the territory data file (provinces and their CICs, ' +
    'arrondissements, zones and their deployment dates, §5.2) that an ' +
    'operator replaces as the alarm is rolled out; devices and victim ' +
    'support judge a statistics report\'s scope by it too.',
  FIRST_REVISIT_AFTER_MONTHS:
    'Protection: months from the grant to the first revisit of the ' +
    'victim; then every 3 months (§7.11.3).',
  EFFECTS_INTERVAL_MS:
    'Protection: pause between rounds of the outbox that records the ' +
    'effects of a change in the BNG, MaCH, SharePoint and victim support.',
  REDIS_URL:
    'Protection: the Redis server (`redis://`, or `rediss://` for TLS) ' +
    'to which the notices of committed alert facts are published, for ' +
    "the gateways' live alert stream; the gateways' `REDIS_URL`. Unset, " +
    'an in-process bus that only a gateway in the same process hears; ' +
    'a gateway elsewhere still finds every fact in the alert log.',
  DEVICES_ADAPTER:
    'Where the device inventory and grant registrations live: `sql` ' +
    '(the tables of `DB_DRIVER`) or `sharepoint` (the police SharePoint ' +
    'lists, through Microsoft Graph). Read by the devices subgraph and ' +
    "by the protection subgraph's outbox.",
  SHAREPOINT_BASE_URL: 'With sharepoint: the root of Microsoft Graph.',
  SHAREPOINT_SITE_ID:
    "With sharepoint: the site holding the lists, as Graph's " +
    '`host,site-id,web-id`.',
  SHAREPOINT_TOKEN_URL:
    "With sharepoint: the tenant's OAuth2 token endpoint " +
    '(client credentials).',
  SHAREPOINT_CLIENT_ID: "With sharepoint: the app registration's id.",
  SHAREPOINT_CLIENT_SECRET:
    "With sharepoint: the app registration's secret; never shown in " +
    'an error or a log.',
  SHAREPOINT_LIST_DEVICES: 'With sharepoint: the devices list.',
  SHAREPOINT_LIST_DAILY_REPORTS: "With sharepoint: the 112 app's reports.",
  SHAREPOINT_LIST_GRANTS: 'With sharepoint: the grant registrations (§7.13.1).',
  SHAREPOINT_LIST_SHORTAGES: 'With sharepoint: the shortages (§7.8.7).',
  ...TELEMETRY_OPTION_DOCS,
};

export function readSubgraphConfig(
  env: NodeJS.ProcessEnv = process.env,
): SubgraphConfig {
  const config = readConfig(SUBGRAPH_CONFIG, env);
  const problems: string[] = [];
  if (config.DB_DRIVER === 'mysql' && !config.MYSQL_URL) {
    problems.push('MYSQL_URL is required when DB_DRIVER is mysql');
  }
  if (config.DEVICES_ADAPTER === 'sharepoint') {
    for (const name of SHAREPOINT_REQUIRED) {
      if (!config[name]) {
        problems.push(`${name} is required when DEVICES_ADAPTER is sharepoint`);
      }
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

const SHAREPOINT_REQUIRED = [
  'SHAREPOINT_SITE_ID',
  'SHAREPOINT_TOKEN_URL',
  'SHAREPOINT_CLIENT_ID',
  'SHAREPOINT_CLIENT_SECRET',
] as const;

/** Where the devices subgraph and the outbox find the inventory. */
export function devicesSourceOf(config: SubgraphConfig): DevicesSource {
  if (config.DEVICES_ADAPTER === 'sql') return { kind: 'sql' };
  return {
    kind: 'sharepoint',
    options: {
      baseUrl: config.SHAREPOINT_BASE_URL,
      siteId: config.SHAREPOINT_SITE_ID ?? '',
      tokenUrl: config.SHAREPOINT_TOKEN_URL ?? '',
      clientId: config.SHAREPOINT_CLIENT_ID ?? '',
      clientSecret: config.SHAREPOINT_CLIENT_SECRET ?? '',
      lists: {
        devices: config.SHAREPOINT_LIST_DEVICES,
        dailyReports: config.SHAREPOINT_LIST_DAILY_REPORTS,
        grantRegistrations: config.SHAREPOINT_LIST_GRANTS,
        shortages: config.SHAREPOINT_LIST_SHORTAGES,
      },
    },
  };
}

export function storageOptionsOf(config: SubgraphConfig): StorageOptions {
  if (config.DB_DRIVER === 'mysql') {
    return {
      driver: 'mysql',
      url: config.MYSQL_URL ?? '',
      poolSize: config.DB_POOL_SIZE,
    };
  }
  return { driver: 'sqlite', directory: config.SQLITE_DIR };
}
