/**
 * Gateway (a): this project's gateway, started as gateway/main.ts starts
 * it (gateway/launch.ts), from options given as its environment would give them: the
 * issuer's keys fetched from AUTH_JWKS_URL, the trust key from
 * GATEWAY_TRUST_PRIVATE_KEY, the subgraphs from their *_URL options.
 */
import { readGatewayConfig } from '../../gateway/config';
import { launchGateway } from '../../gateway/launch';
import { createLogger } from '../../runtime/logger';
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
  const { gateway, stop } = await launchGateway(config, logger);
  return { url: gateway.url, stop };
}
