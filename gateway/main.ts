/**
 * The gateway process: reads its configuration, prepares its keys, starts
 * serving and shuts down cleanly on SIGTERM or SIGINT.
 *
 *   npm run gateway
 */
import { resolve } from 'node:path';
import type { JWK } from 'jose';
import { createAlertBus } from '../runtime/alerts';
import { createTokenVerifier, type JwksSource } from '../runtime/auth';
import { ConfigError } from '../runtime/config';
import { ensureIssuerKeys, ensureTrustKeys } from '../runtime/keys';
import { createLogger, type Logger } from '../runtime/logger';
import { installShutdown } from '../runtime/shutdown';
import { GATEWAY_SERVICE } from '../runtime/telemetry';
import { tracingFromConfig } from '../runtime/tracing/setup';
import { createTrustSigner } from '../runtime/trust';
import {
  readGatewayConfig,
  subgraphUrlsOf,
  type GatewayConfig,
} from './config';
import { startGateway } from './server';

/**
 * Without a JWKS URL the gateway trusts the local issuer, whose keys it
 * creates on first start (development only: config refuses it in
 * production).
 */
async function jwksSource(config: GatewayConfig): Promise<JwksSource> {
  if (config.AUTH_JWKS_URL) return { url: config.AUTH_JWKS_URL };
  const issuer = await ensureIssuerKeys(resolve(config.KEYS_DIR));
  return { keys: issuer.publicJwks };
}

/** The deployment's key when given, else the local pair in KEYS_DIR. */
async function trustPrivateKey(config: GatewayConfig): Promise<JWK> {
  if (config.GATEWAY_TRUST_PRIVATE_KEY) {
    return config.GATEWAY_TRUST_PRIVATE_KEY;
  }
  return (await ensureTrustKeys(resolve(config.KEYS_DIR))).privateJwk;
}

async function main(logger: Logger, config: GatewayConfig): Promise<void> {
  // Unset REDIS_URL: nothing else in this process publishes, so the live
  // alert stream learns of new facts by reading the log (ALERT_POLL_MS).
  const alertBus = createAlertBus({ url: config.REDIS_URL, logger });
  const tracing = tracingFromConfig(config, GATEWAY_SERVICE) ?? undefined;
  const gateway = await startGateway({
    config,
    logger,
    tokenVerifier: createTokenVerifier({
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      jwks: await jwksSource(config),
    }),
    trustSigner: createTrustSigner(await trustPrivateKey(config)),
    subgraphUrls: subgraphUrlsOf(config),
    alertBus,
    alertPollMs: config.ALERT_POLL_MS,
    tracing,
  });
  installShutdown({
    logger,
    steps: [
      { name: 'gateway', run: () => gateway.stop() },
      // After the gateway: its subscriptions listen to the bus until then.
      { name: 'alert bus', run: () => alertBus.close() },
      // Last: sends the spans of the requests drained above.
      ...(tracing ? [{ name: 'traces', run: () => tracing.shutdown() }] : []),
    ],
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  });
  const local = config.AUTH_JWKS_URL === undefined;
  logger.info({ url: gateway.url, localIssuer: local }, 'gateway listening');
}

function start(): void {
  // Apollo Gateway otherwise reports usage metrics to Apollo; a police
  // and justice system phones home to nobody.
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  let config: GatewayConfig;
  try {
    config = readGatewayConfig();
  } catch (error) {
    // LOG_LEVEL itself may be the bad value: report at a fixed level.
    const logger = createLogger({ name: 'gateway', level: 'info' });
    if (error instanceof ConfigError) {
      logger.fatal({ problems: error.problems }, 'invalid configuration');
    } else {
      logger.fatal({ err: error }, 'invalid configuration');
    }
    process.exitCode = 1;
    return;
  }
  const logger = createLogger({ name: 'gateway', level: config.LOG_LEVEL });
  main(logger, config).catch((error: unknown) => {
    logger.fatal({ err: error }, 'gateway failed to start');
    process.exit(1);
  });
}

start();
