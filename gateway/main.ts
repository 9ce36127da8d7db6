/**
 * The gateway process: reads its configuration, prepares its keys, starts
 * serving and shuts down cleanly on SIGTERM or SIGINT.
 *
 *   npm run gateway
 */
import { ConfigError } from '../runtime/config';
import { createLogger, type Logger } from '../runtime/logger';
import { installShutdown } from '../runtime/shutdown';
import { readGatewayConfig, type GatewayConfig } from './config';
import { launchGateway } from './launch';

async function main(logger: Logger, config: GatewayConfig): Promise<void> {
  const { gateway, steps } = await launchGateway(config, logger);
  installShutdown({ logger, steps, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
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
