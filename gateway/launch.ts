/**
 * The gateway as its configuration describes it: the alert bus, the
 * tracing, the token verifier and the trust signer built from the
 * options, then the gateway started over them. The process entry
 * (main.ts) and the gateway bench start it the same way.
 */
import { resolve } from 'node:path';
import type { JWK } from 'jose';
import { createAlertBus } from '../runtime/alerts';
import { createTokenVerifier, type JwksSource } from '../runtime/auth';
import { ensureIssuerKeys, ensureTrustKeys } from '../runtime/keys';
import type { Logger } from '../runtime/logger';
import type { ShutdownStep } from '../runtime/shutdown';
import { GATEWAY_SERVICE } from '../runtime/telemetry';
import { tracingFromConfig } from '../runtime/tracing/setup';
import { createTrustSigner } from '../runtime/trust';
import { subgraphUrlsOf, type GatewayConfig } from './config';
import { startGateway, type RunningGateway } from './server';

export interface LaunchedGateway {
  readonly gateway: RunningGateway;
  /** What stopping it takes, in order: for runtime/shutdown. */
  readonly steps: readonly ShutdownStep[];
  /** Runs the steps one after the other. */
  stop(): Promise<void>;
}

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

/** Starts the gateway of `config`; on failure, closes what it opened. */
export async function launchGateway(
  config: GatewayConfig,
  logger: Logger,
): Promise<LaunchedGateway> {
  // Unset REDIS_URL: nothing else in this process publishes, so the live
  // alert stream learns of new facts by reading the log (ALERT_POLL_MS).
  const alertBus = createAlertBus({ url: config.REDIS_URL, logger });
  const tracing = tracingFromConfig(config, GATEWAY_SERVICE) ?? undefined;
  let gateway: RunningGateway;
  try {
    gateway = await startGateway({
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
  } catch (error) {
    await alertBus.close();
    await tracing?.shutdown();
    throw error;
  }
  const steps: ShutdownStep[] = [
    { name: 'gateway', run: () => gateway.stop() },
    // After the gateway: its subscriptions listen to the bus until then.
    { name: 'alert bus', run: () => alertBus.close() },
    // Last: sends the spans of the requests drained above.
    ...(tracing ? [{ name: 'traces', run: () => tracing.shutdown() }] : []),
  ];
  return {
    gateway,
    steps,
    stop: async () => {
      for (const step of steps) await step.run();
    },
  };
}
