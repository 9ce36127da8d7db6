/**
 * Gateway (a): this project's gateway, started as gateway/main.ts starts
 * it, from options given as its environment would give them: the
 * issuer's keys fetched from AUTH_JWKS_URL, the trust key from
 * GATEWAY_TRUST_PRIVATE_KEY, the subgraphs from their *_URL options.
 */
import { readGatewayConfig, subgraphUrlsOf } from '../../gateway/config';
import { startGateway } from '../../gateway/server';
import { createAlertBus } from '../../runtime/alerts';
import { createTokenVerifier } from '../../runtime/auth';
import { createLogger } from '../../runtime/logger';
import { createTrustSigner } from '../../runtime/trust';
import type { ProjectGatewayConfig } from './protocol';

/** A gateway serving in this process. */
export interface ServingGateway {
  /** The GraphQL endpoint. */
  readonly url: string;
  stop(): Promise<void>;
}

export async function startProjectGateway(
  options: ProjectGatewayConfig,
): Promise<ServingGateway> {
  const config = readGatewayConfig(options.env);
  const { AUTH_JWKS_URL: jwksUrl, GATEWAY_TRUST_PRIVATE_KEY: trustKey } =
    config;
  if (jwksUrl === undefined || trustKey === undefined) {
    throw new Error('Gateway (a) needs AUTH_JWKS_URL and its trust key');
  }
  const logger = createLogger({ name: 'gateway', level: config.LOG_LEVEL });
  const alertBus = createAlertBus({ url: config.REDIS_URL, logger });
  const gateway = await startGateway({
    config,
    logger,
    tokenVerifier: createTokenVerifier({
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      jwks: { url: jwksUrl },
    }),
    trustSigner: createTrustSigner(trustKey),
    subgraphUrls: subgraphUrlsOf(config),
    alertBus,
    alertPollMs: config.ALERT_POLL_MS,
  }).catch(async (error: unknown) => {
    await alertBus.close();
    throw error;
  });
  return {
    url: gateway.url,
    stop: async () => {
      await gateway.stop();
      await alertBus.close();
    },
  };
}
