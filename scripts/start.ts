/**
 * `npm start`: the five subgraphs and the gateway in one process, on the
 * embedded SQLite default (created and seeded with the synthetic demo data
 * on first start), or on MySQL/MariaDB when DB_DRIVER=mysql.
 */
import { resolve } from 'node:path';
import { ConfigError } from '../runtime/config';
import { createLogger } from '../runtime/logger';
import { installShutdown } from '../runtime/shutdown';
import { readGatewayConfig } from '../gateway/config';
import {
  devicesSourceOf,
  readSubgraphConfig,
  storageOptionsOf,
} from '../subgraphs/config';
import { DEMO, generateDemoData } from '../storage/demo-data';
import { rulesConfig } from '../subgraphs/protection/domain/rules';
import { GATEWAY_SERVICE } from '../runtime/telemetry';
import { tracingFromConfig } from '../runtime/tracing/setup';
import { startStack } from './stack';

function banner(gatewayUrl: string): string {
  const id = DEMO.measureIds.activeWithEverything;
  return [
    '',
    `  Stalking alarm graph: ${gatewayUrl}`,
    '',
    '  Get a token from the local issuer, for example for the police',
    '  zone that manages the first demo measure (docs/ACCESS.md):',
    '    TOKEN=$(npm run --silent token -- --role police --zone 5347)',
    '',
    '  Then ask the graph:',
    `    curl -s ${gatewayUrl} \\`,
    '      -H "authorization: Bearer $TOKEN" \\',
    "      -H 'content-type: application/json' \\",
    `      -d '{"query":"{ protectionMeasure(id: \\"${id}\\") ` +
      `{ reference status suspect { bng { holdsWeapons } } } }"}'`,
    '',
    '  The demo data set is synthetic. Ctrl-C stops everything.',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  const subgraphConfig = readSubgraphConfig();
  const gatewayConfig = readGatewayConfig();
  const logger = createLogger({
    name: 'stalking-alarm-graph',
    level: gatewayConfig.LOG_LEVEL,
  });
  const storage = storageOptionsOf(subgraphConfig);
  const seed = subgraphConfig.SEED_DEMO ?? storage.driver === 'sqlite';
  const tracing =
    tracingFromConfig(gatewayConfig, GATEWAY_SERVICE) ?? undefined;
  const stack = await startStack({
    storage:
      storage.driver === 'sqlite'
        ? { ...storage, directory: resolve(storage.directory) }
        : storage,
    keysDirectory: gatewayConfig.KEYS_DIR,
    logger,
    seedDemo: seed ? generateDemoData() : undefined,
    protection: {
      territoryFile: subgraphConfig.TERRITORY_FILE,
      rules: rulesConfig({
        firstRevisitAfterMonths: subgraphConfig.FIRST_REVISIT_AFTER_MONTHS,
      }),
      effectsIntervalMs: subgraphConfig.EFFECTS_INTERVAL_MS,
    },
    devicesSource: devicesSourceOf(subgraphConfig),
    ephemeralPorts: false,
    gatewayConfig,
    tracing,
  });
  installShutdown({
    logger,
    steps: [
      { name: 'graph', run: () => stack.stop() },
      ...(tracing ? [{ name: 'traces', run: () => tracing.shutdown() }] : []),
    ],
    timeoutMs: gatewayConfig.SHUTDOWN_TIMEOUT_MS,
  });
  process.stdout.write(`${banner(stack.gatewayUrl)}\n`);
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError
      ? `Invalid configuration:\n${error.message}`
      : `Could not start: ${(error as Error).message}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
