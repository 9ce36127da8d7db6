/**
 * Starts the whole graph (five subgraphs and the gateway) for a test file
 * and sends it GraphQL over plain HTTP, as a front-end would.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGatewayConfig } from '../../gateway/config';
import { createLogger, type Logger } from '../../runtime/logger';
import {
  startStack,
  type RunningStack,
  type StackOptions,
} from '../../scripts/stack';
import {
  DEMO_REFERENCE_DATE,
  generateDemoData,
} from '../../storage/demo-data';
import type { Clock } from '../../subgraphs/protection/domain/clock';
import { TestClock } from './clock';
import type { StorageOptions } from '../../storage/options';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  body: {
    data?: T | null;
    errors?: Array<{
      message: string;
      path?: Array<string | number>;
      extensions?: Record<string, unknown>;
    }>;
  };
}

/** POSTs one operation; `token` goes in the Authorization header. */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  options: {
    token?: string;
    variables?: Record<string, unknown>;
    headers?: Record<string, string>;
  } = {},
): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...options.headers,
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables: options.variables }),
  });
  const body = (await response.json()) as GraphQLResponse<T>['body'];
  return { status: response.status, body };
}

export interface DemoGraphOptions {
  /** Where every process of the graph logs; default: nowhere. */
  readonly logger?: Logger;
  /**
   * The day the rules see; default: the demo data's reference day, so
   * that the demo measures are in the state the data set describes.
   */
  readonly clock?: Clock;
  /** Gateway variables on top of the test defaults (SUBGRAPH_TIMEOUT_MS). */
  readonly gatewayEnv?: NodeJS.ProcessEnv;
  /** Where the device inventory lives; default the SQL tables. */
  readonly devicesSource?: StackOptions['devicesSource'];
  /** A recorder of SQL statements per subgraph, for batching tests. */
  readonly sqlLoggers?: StackOptions['sqlLoggers'];
  /** The alert bus of the stack; default one in this process. */
  readonly alertBus?: StackOptions['alertBus'];
  /** How often the gateway reads the alert log unprompted; default 2000. */
  readonly alertPollMs?: StackOptions['alertPollMs'];
  /** Where the spans of every server go; default: no tracing. */
  readonly tracing?: StackOptions['tracing'];
}

/** The demo graph on ephemeral ports, seeded, with its own local keys. */
export async function startDemoGraph(
  storage: StorageOptions,
  options: DemoGraphOptions = {},
): Promise<RunningStack & { cleanUp(): Promise<void> }> {
  const keysDirectory = await mkdtemp(join(tmpdir(), 'sat-keys-'));
  const stack = await startStack({
    storage,
    keysDirectory,
    logger:
      options.logger ?? createLogger({ name: 'test', level: 'silent' }),
    seedDemo: generateDemoData(),
    ephemeralPorts: true,
    clock: options.clock ?? new TestClock(`${DEMO_REFERENCE_DATE}T09:00:00Z`),
    sqlLoggers: options.sqlLoggers,
    devicesSource: options.devicesSource,
    alertBus: options.alertBus,
    alertPollMs: options.alertPollMs,
    tracing: options.tracing,
    gatewayConfig: readGatewayConfig({
      NODE_ENV: 'test',
      KEYS_DIR: keysDirectory,
      ...options.gatewayEnv,
    }),
  });
  return {
    ...stack,
    cleanUp: async () => {
      await stack.stop();
      await rm(keysDirectory, { recursive: true, force: true });
    },
  };
}
