/**
 * Every option of the gateway process, read from the environment once at
 * start-up. Each line states its default.
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
import { isPrivateEd25519Jwk } from '../runtime/keys';
import { LOG_LEVELS } from '../runtime/logger';
import {
  TELEMETRY_OPTION_DOCS,
  TELEMETRY_OPTIONS,
} from '../runtime/telemetry';
import type { SubgraphName } from '../scripts/subgraph-names';
import { MAX_AUDIT_BATCH } from '../runtime/audit';
import { SOCKET_DEFAULTS } from './alerts/socket';
import { DEFAULT_BATCH_SIZE } from './audit/writer';
import { DEFAULT_LIMITS, type OperationLimits } from './limits';
import type { RateLimitOptions } from './rate-limit';
import { trustedDocumentsOption } from './trusted-documents';

export const NODE_ENVS = ['development', 'test', 'production'] as const;

export const GATEWAY_OPTIONS = {
  /** Interface to listen on; default 127.0.0.1 (this machine only). */
  GATEWAY_HOST: string({ default: '127.0.0.1' }),
  /** Port to listen on; default 4000, 0 picks a free one. */
  GATEWAY_PORT: integer({ default: 4000, min: 0, max: 65535 }),

  /** Each subgraph's endpoint; defaults are the local development ports. */
  PROTECTION_URL: url({ default: 'http://127.0.0.1:4001/graphql' }),
  BNG_URL: url({ default: 'http://127.0.0.1:4002/graphql' }),
  MACH_URL: url({ default: 'http://127.0.0.1:4003/graphql' }),
  DEVICES_URL: url({ default: 'http://127.0.0.1:4004/graphql' }),
  VICTIM_SUPPORT_URL: url({ default: 'http://127.0.0.1:4005/graphql' }),
  AUDIT_URL: url({ default: 'http://127.0.0.1:4006/graphql' }),

  /** The accepted token issuer (`iss`); default the local issuer. */
  AUTH_ISSUER: string({ default: 'urn:stalking-alarm:local-issuer' }),
  /** The audience (`aud`) tokens must name; default the gateway's. */
  AUTH_AUDIENCE: string({ default: 'urn:stalking-alarm:gateway' }),
  /** The issuer's JWKS; unset = the local issuer's keys in KEYS_DIR. */
  AUTH_JWKS_URL: optional(url()),
  /** Local keys (issuer and gateway-trust); default data/keys. */
  KEYS_DIR: string({ default: 'data/keys' }),
  /**
   * The gateway-trust private key, a JWK in JSON, whose public half every
   * subgraph holds; unset = the pair created and kept in KEYS_DIR.
   */
  GATEWAY_TRUST_PRIVATE_KEY: optional(
    secret(json(isPrivateEd25519Jwk, 'a private Ed25519 JWK in JSON')),
  ),
  /** One subgraph fetch may take this long; default 5000 ms. */
  SUBGRAPH_TIMEOUT_MS: integer({ default: 5000, min: 1, max: 120_000 }),
  /** Queued audit entries one append writes, at most; default 100. */
  AUDIT_BATCH_SIZE: integer({
    default: DEFAULT_BATCH_SIZE,
    min: 1,
    max: MAX_AUDIT_BATCH,
  }),
  /** Larger request bodies get 413; default 1 MiB. */
  MAX_BODY_BYTES: integer({
    default: 1024 * 1024,
    min: 1024,
    max: 64 * 1024 * 1024,
  }),
  /** Deepest field an operation may select; default 12 levels. */
  MAX_DEPTH: integer({ default: DEFAULT_LIMITS.maxDepth, min: 1, max: 100 }),
  /** Aliases one operation may use; default 30. */
  MAX_ALIASES: integer({
    default: DEFAULT_LIMITS.maxAliases,
    min: 0,
    max: 1000,
  }),
  /** Tokens a document may hold; default 5000. */
  MAX_TOKENS: integer({
    default: DEFAULT_LIMITS.maxTokens,
    min: 100,
    max: 100_000,
  }),
  /** The cost one operation may reach (cost.ts); default 50000. */
  MAX_COST: integer({
    default: DEFAULT_LIMITS.maxCost,
    min: 1,
    max: 10_000_000,
  }),
  /**
   * Operations one caller may send per minute, sustained (rate-limit.ts);
   * default 600, 0 turns the limit off.
   */
  RATE_LIMIT_PER_MINUTE: integer({ default: 600, min: 0, max: 1_000_000 }),
  /** Operations one caller may send at once; default 300. */
  RATE_LIMIT_BURST: integer({ default: 300, min: 1, max: 1_000_000 }),
  /**
   * Apollo's persisted query manifest of the only documents to run
   * (trusted-documents.ts); unset = any document.
   */
  TRUSTED_DOCUMENTS: optional(trustedDocumentsOption()),
  /** Larger graphql-ws messages close the socket; default 1 MiB. */
  MAX_WS_MESSAGE_BYTES: integer({
    default: SOCKET_DEFAULTS.maxMessageBytes,
    min: 1024,
    max: 64 * 1024 * 1024,
  }),
  /** Messages one socket may send per second; default 50. */
  WS_MESSAGES_PER_SECOND: integer({
    default: SOCKET_DEFAULTS.maxMessagesPerSecond,
    min: 1,
    max: 100_000,
  }),
  /** Time a socket has to send connection_init; default 10000 ms. */
  WS_INIT_TIMEOUT_MS: integer({
    default: SOCKET_DEFAULTS.initTimeoutMs,
    min: 100,
    max: 600_000,
  }),
  /** Graceful shutdown gives up after this; default 10000 ms. */
  SHUTDOWN_TIMEOUT_MS: integer({ default: 10_000, min: 0, max: 600_000 }),

  /**
   * The Redis server carrying notices of alert facts; unset = the
   * in-process bus. It may hold a password, so it is never shown.
   */
  REDIS_URL: optional(secret(redisUrl())),
  /** Reads of the alert log when no notice comes; default 2000 ms. */
  ALERT_POLL_MS: integer({ default: 2000, min: 50, max: 60_000 }),

  /**
   * Serve the GraphQL explorer at /explorer (gateway/console/route.ts);
   * unset = on outside production, off in production.
   */
  EXPLORER_ENABLED: optional(boolean()),

  /** Default info. */
  LOG_LEVEL: oneOf(LOG_LEVELS, { default: 'info' }),
  /** production hides error details and refuses the local issuer. */
  NODE_ENV: oneOf(NODE_ENVS, { default: 'development' }),

  /** /metrics and traces (runtime/telemetry.ts), each default stated there. */
  ...TELEMETRY_OPTIONS,
};

export type GatewayConfig = ConfigOf<typeof GATEWAY_OPTIONS>;

/**
 * In production the tokens come from the real identity provider, so the
 * local issuer and its defaults would be a back door: its JWKS URL, issuer
 * and audience must be set explicitly. The trust key too: the container's
 * file system is read-only, and every gateway instance must sign with the
 * key the subgraphs were given.
 */
export const PRODUCTION_REQUIRED = [
  'AUTH_JWKS_URL',
  'AUTH_ISSUER',
  'AUTH_AUDIENCE',
  'GATEWAY_TRUST_PRIVATE_KEY',
] as const satisfies readonly (keyof GatewayConfig)[];

/** What each option is for; README.md's table is generated from it. */
export const GATEWAY_OPTION_DOCS: ConfigDocs<typeof GATEWAY_OPTIONS> = {
  GATEWAY_HOST: 'Interface to listen on; `0.0.0.0` in a container.',
  GATEWAY_PORT: 'Port to listen on; `0` picks a free one.',
  PROTECTION_URL: 'GraphQL endpoint of the protection subgraph.',
  BNG_URL: 'GraphQL endpoint of the bng subgraph.',
  MACH_URL: 'GraphQL endpoint of the mach subgraph.',
  DEVICES_URL: 'GraphQL endpoint of the devices subgraph.',
  VICTIM_SUPPORT_URL: 'GraphQL endpoint of the victim-support subgraph.',
  AUDIT_URL:
    'GraphQL endpoint of the audit subgraph, which keeps the audit ' +
    'trail the gateway writes (issue 6).',
  AUTH_ISSUER:
    'The only token issuer (`iss`) accepted. Required in production.',
  AUTH_AUDIENCE:
    'The audience (`aud`) every token must name. Required in production.',
  AUTH_JWKS_URL:
    "The identity provider's public keys; unset, the gateway trusts the " +
    'local issuer whose keys are in `KEYS_DIR`. Required in production.',
  KEYS_DIR:
    'Where the local issuer and gateway-trust key pairs are kept, ' +
    'created on first start (development and tests).',
  GATEWAY_TRUST_PRIVATE_KEY:
    'Signs the identity sent to each subgraph; every subgraph holds its ' +
    'public half. Unset, the pair in `KEYS_DIR`. Required in production.',
  SUBGRAPH_TIMEOUT_MS:
    'A subgraph fetch slower than this fails with `SUBGRAPH_TIMEOUT`; ' +
    'only that part of the answer is lost.',
  AUDIT_BATCH_SIZE:
    'The queued audit entries (alert deliveries, changes whose entry ' +
    'failed) written in one call and one transaction, at most. Larger ' +
    'drains a burst in fewer calls; each holds the audit subgraph longer.',
  MAX_BODY_BYTES: 'A larger request body is refused with 413.',
  MAX_DEPTH:
    'An operation whose fields nest deeper than this, fragments ' +
    'followed, is refused with `OPERATION_TOO_DEEP`, over HTTP and ' +
    'graphql-ws alike. An introspection field (`__schema`, `__type`) ' +
    'counts as one level: it is answered from the schema, and is off ' +
    'in production.',
  MAX_ALIASES:
    'An operation with more aliases than this, a fragment counted at ' +
    'each spread, is refused with `TOO_MANY_ALIASES`.',
  MAX_TOKENS:
    'A document with more lexical tokens than this is refused with ' +
    '`TOO_MANY_TOKENS`; its parse stops at the first token past it.',
  MAX_COST:
    'An operation whose cost is above this is refused with ' +
    '`OPERATION_TOO_COSTLY`, over HTTP and graphql-ws alike. Each field ' +
    'costs 1; a list multiplies what it selects by its `first` or ' +
    '`limit` argument (a variable\'s value in the request), else by ' +
    'that argument\'s default, else by 10; a fragment counts at each ' +
    'spread (`gateway/cost.ts`).',
  RATE_LIMIT_PER_MINUTE:
    'Operations (HTTP requests, and operations sent over graphql-ws) one ' +
    'caller may send per minute, sustained: a token bucket per token ' +
    'subject, or per remote address without a valid token, refilled at ' +
    'this rate. Past it, `RATE_LIMITED` with HTTP 429 and `Retry-After`. ' +
    'Events of open subscriptions and the 112 system (`app112`) are ' +
    'never limited. Each gateway counts on its own. `0` turns it off.',
  RATE_LIMIT_BURST:
    'Operations one caller may send at once, on a full bucket, before ' +
    '`RATE_LIMIT_PER_MINUTE` paces it.',
  TRUSTED_DOCUMENTS:
    'The path of an Apollo persisted query manifest (`format` ' +
    '`apollo-persisted-query-manifest`, `version` 1, `operations` of ' +
    '`id` (the SHA-256 of `body`), `name`, `type`, `body`), read and ' +
    'checked at start-up. Set, only its documents run, over HTTP and ' +
    'graphql-ws: a request sends the full text, whose SHA-256 must be ' +
    'listed, or only `extensions.persistedQuery.sha256Hash`; anything ' +
    'else is refused with `PERSISTED_QUERY_NOT_TRUSTED`. Unset, any ' +
    'document runs.',
  MAX_WS_MESSAGE_BYTES:
    'A graphql-ws message larger than this closes its socket with 1009 ' +
    '(message too big).',
  WS_MESSAGES_PER_SECOND:
    'A graphql-ws socket sending more messages than this within a ' +
    'second is closed with 4429 (`Too many messages`).',
  WS_INIT_TIMEOUT_MS:
    'A graphql-ws socket that has not sent `connection_init` by then is ' +
    'closed with 4408.',
  SHUTDOWN_TIMEOUT_MS:
    'On SIGTERM or SIGINT, closing (draining requests in flight, then ' +
    'the connections) may take this long; past it the exit code is 1.',
  REDIS_URL:
    'The Redis server (`redis://`, or `rediss://` for TLS) whose stream ' +
    'brings every gateway the notices of committed alert facts, which ' +
    'the protection subgraph publishes to the same server (its own ' +
    '`REDIS_URL`). Unset, an in-process bus: a gateway in a process of ' +
    'its own then learns of new facts only from the alert log, read ' +
    'every `ALERT_POLL_MS`.',
  ALERT_POLL_MS:
    "How often the gateway reads the protection subgraph's alert log " +
    'to fill the gaps when no notice arrives.',
  EXPLORER_ENABLED:
    'Serves GraphiQL at `/explorer`, from the gateway\'s own files, with ' +
    'a field for the bearer token. Unset, it is served outside ' +
    'production only. Introspection stays off in production whatever ' +
    'this says, so an explorer enabled there has no schema to show.',
  LOG_LEVEL: 'The least severe level logged, as JSON lines on stdout.',
  NODE_ENV:
    '`production` hides error details and introspection, and requires ' +
    'the identity provider and the trust key to be set.',
  ...TELEMETRY_OPTION_DOCS,
};

function productionProblems(
  config: GatewayConfig,
  env: NodeJS.ProcessEnv,
): string[] {
  if (config.NODE_ENV !== 'production') return [];
  return PRODUCTION_REQUIRED
    .filter((name) => !env[name])
    .map((name) => `${name} is required when NODE_ENV is production`);
}

/** Reads and checks the gateway's options; throws a ConfigError. */
export function readGatewayConfig(
  env: NodeJS.ProcessEnv = process.env,
): GatewayConfig {
  const config = readConfig(GATEWAY_OPTIONS, env);
  const problems = productionProblems(config, env);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The configured endpoint of each subgraph, by supergraph name. */
export function subgraphUrlsOf(
  config: GatewayConfig,
): Readonly<Record<SubgraphName, string>> {
  return {
    protection: config.PROTECTION_URL,
    bng: config.BNG_URL,
    mach: config.MACH_URL,
    devices: config.DEVICES_URL,
    'victim-support': config.VICTIM_SUPPORT_URL,
    audit: config.AUDIT_URL,
  };
}

/** The configured rate limit per caller (rate-limit.ts). */
export function rateLimitOf(config: GatewayConfig): RateLimitOptions {
  return {
    perMinute: config.RATE_LIMIT_PER_MINUTE,
    burst: config.RATE_LIMIT_BURST,
  };
}

/**
 * Whether the gateway serves the explorer: EXPLORER_ENABLED, else on
 * outside production only.
 */
export function explorerEnabled(config: GatewayConfig): boolean {
  return config.EXPLORER_ENABLED ?? config.NODE_ENV !== 'production';
}

/** The configured limits on an operation's size (limits.ts). */
export function limitsOf(config: GatewayConfig): OperationLimits {
  return {
    maxDepth: config.MAX_DEPTH,
    maxAliases: config.MAX_ALIASES,
    maxTokens: config.MAX_TOKENS,
    maxCost: config.MAX_COST,
  };
}
