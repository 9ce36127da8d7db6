/**
 * One subgraph process: reads its configuration, opens its agency
 * adapter, serves the subgraph and shuts down cleanly on SIGTERM/SIGINT.
 *
 *   npm run subgraph -- <protection|bng|mach|devices|victim-support|audit>
 */
import { resolve } from 'node:path';
import type { JWK } from 'jose';
import { createAlertBus, type AlertBus } from '../runtime/alerts';
import { ConfigError } from '../runtime/config';
import { readTrustPublicKey } from '../runtime/keys';
import { createLogger, type Logger } from '../runtime/logger';
import { installShutdown, type ShutdownStep } from '../runtime/shutdown';
import { metricsAccessOf, subgraphService } from '../runtime/telemetry';
import { tracingFromConfig } from '../runtime/tracing/setup';
import { createTrustVerifier } from '../runtime/trust';
import { SUBGRAPH_NAMES, type SubgraphName } from '../scripts/subgraph-names';
import { generateDemoData } from '../storage/demo-data';
import {
  DEFAULT_PORTS,
  devicesSourceOf,
  readSubgraphConfig,
  storageOptionsOf,
  type SubgraphConfig,
} from './config';
import { rulesConfig } from './protection/domain/rules';
import { openSubgraph } from './registry';

function isSubgraphName(value: string | undefined): value is SubgraphName {
  return (SUBGRAPH_NAMES as readonly (string | undefined)[]).includes(value);
}

/** The deployment's key when given, else the local one in KEYS_DIR. */
function trustPublicKey(config: SubgraphConfig): Promise<JWK> {
  if (config.GATEWAY_TRUST_PUBLIC_KEY) {
    return Promise.resolve(config.GATEWAY_TRUST_PUBLIC_KEY);
  }
  return readTrustPublicKey(resolve(config.KEYS_DIR));
}

/**
 * Only the protection subgraph publishes notices of alert facts (§3): to
 * Redis when REDIS_URL is set, else on a bus no other process hears.
 */
function alertBusOf(
  name: SubgraphName,
  config: SubgraphConfig,
  logger: Logger,
): AlertBus | undefined {
  if (name !== 'protection') return undefined;
  return createAlertBus({ url: config.REDIS_URL, logger });
}

async function main(
  name: SubgraphName,
  config: SubgraphConfig,
  logger: Logger,
): Promise<void> {
  const storage = storageOptionsOf(config);
  const seed = config.SEED_DEMO ?? storage.driver === 'sqlite';
  const alertBus = alertBusOf(name, config, logger);
  const tracing =
    tracingFromConfig(config, subgraphService(name)) ?? undefined;
  const subgraph = await openSubgraph(name, storage, {
    seedDemo: seed ? generateDemoData() : undefined,
    logger,
    territoryFile: config.TERRITORY_FILE,
    rules: rulesConfig({
      firstRevisitAfterMonths: config.FIRST_REVISIT_AFTER_MONTHS,
    }),
    effectsIntervalMs: config.EFFECTS_INTERVAL_MS,
    devicesSource: devicesSourceOf(config),
    alertPublisher: alertBus,
    tracing,
  });
  const hosted = await subgraph.start({
    host: config.SUBGRAPH_HOST,
    port: config.SUBGRAPH_PORT ?? DEFAULT_PORTS[name],
    logger,
    trustVerifier: createTrustVerifier(await trustPublicKey(config), {
      subgraph: name,
    }),
    production: config.NODE_ENV === 'production',
    maxBodyBytes: config.MAX_BODY_BYTES,
    metrics: metricsAccessOf(config),
    tracing,
  });
  const steps: ShutdownStep[] = [
    { name: 'http', run: () => hosted.close() },
    { name: 'adapters', run: () => subgraph.close() },
  ];
  if (alertBus) {
    // Last: a change committed while draining still sends its notice.
    steps.push({ name: 'alert bus', run: () => alertBus.close() });
  }
  // Last: sends the spans of the requests drained above.
  if (tracing) steps.push({ name: 'traces', run: () => tracing.shutdown() });
  installShutdown({ logger, steps, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
  logger.info({ url: hosted.url, driver: storage.driver }, 'subgraph ready');
}

function start(): void {
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  const name = process.argv[2];
  const bootLogger = createLogger({ name: 'subgraph', level: 'info' });
  if (!isSubgraphName(name)) {
    const problem =
      name === undefined
        ? 'a subgraph name is required'
        : `unknown subgraph ${JSON.stringify(name)}`;
    bootLogger.fatal(
      { got: name, expected: SUBGRAPH_NAMES },
      `usage: subgraphs/main.ts <subgraph name>: ${problem}`,
    );
    process.exitCode = 2;
    return;
  }
  let config: SubgraphConfig;
  try {
    config = readSubgraphConfig();
  } catch (error) {
    const problems =
      error instanceof ConfigError ? error.problems : [String(error)];
    bootLogger.fatal({ subgraph: name, problems }, 'invalid configuration');
    process.exitCode = 1;
    return;
  }
  const logger = createLogger({
    name: `subgraph-${name}`,
    level: config.LOG_LEVEL,
  });
  main(name, config, logger).catch((error: unknown) => {
    logger.fatal({ err: error }, 'subgraph failed to start');
    process.exit(1);
  });
}

start();
