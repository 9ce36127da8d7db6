/**
 * The lists half of the scale bench: how a zone's list of its active
 * measures costs as it grows.
 *
 * One run: a fresh store (storage.ts) seeded with `benchData(measures)`;
 * the whole graph in this process (scripts/stack.ts) on the demo's
 * reference day, with a statement counter on each subgraph and a counter
 * of the requests each subgraph serves. The background work that issues
 * statements of its own is stopped first: the protection outbox, and the
 * gateway's unprompted reads of the alert log (once at start, then not
 * again during the run). Then, for each length, the warm-up requests and
 * the timed ones, one after another, each answer checked whole.
 *
 * A request's statements and fetches are counted from just before it is
 * sent until the gateway's audit writer has written its entry, so that
 * the audit trail's append counts with the request that caused it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SubgraphName } from '../../scripts/subgraph-names';
import { readGatewayConfig } from '../../gateway/config';
import { createLogger } from '../../runtime/logger';
import { startStack, type RunningStack } from '../../scripts/stack';
import { DEMO_REFERENCE_DATE } from '../../storage/demo-data';
import { fixedClock } from '../../subgraphs/protection/domain/clock';
import { benchData } from '../fixture';
import { zoneListOperation } from '../operations';
import {
  countsOf,
  difference,
  FetchCounter,
  statementCounters,
} from './counters';
import {
  faultOf,
  lengthResultOf,
  type LengthResult,
  type RequestWork,
} from './figures';
import type { ScaleBenchOptions } from './options';
import { createBenchStore, type BenchStore } from '../storage';

export interface ListBenchHooks {
  /** News of the run's steps; default none. */
  readonly progress?: (text: string) => void;
  /** The stack's log lines at warn and above; default dropped. */
  readonly stackLog?: (line: string) => void;
  /** Aborting it ends the run early; it rejects, after cleaning up. */
  readonly signal?: AbortSignal;
}

export interface ListBenchResult {
  readonly database: string;
  /** Active measures in the zone: the seeded ones and the demo's. */
  readonly zoneMeasures: number;
  readonly requests: number;
  readonly warmups: number;
  readonly seedMs: number;
  readonly lengths: readonly LengthResult[];
}

/** Demo cases already active in the bench zone (bench/fixture.ts). */
const DEMO_ZONE_MEASURES = 1;
/** How often the audit writer's queue is looked at after an answer. */
const DRAIN_POLL_MS = 1;
const DRAIN_TIMEOUT_MS = 10_000;

/** Runs the lists half once; rejects only when it could not be run. */
export async function runListBench(
  options: Pick<ScaleBenchOptions,
    'database' | 'mysqlUrl' | 'lengths' | 'measures' | 'requests' | 'warmups'>,
  hooks: ListBenchHooks = {},
): Promise<ListBenchResult> {
  const keysDirectory = await mkdtemp(join(tmpdir(), 'sat-bench-keys-'));
  let store: BenchStore | null = null;
  let stack: RunningStack | null = null;
  try {
    store = await createBenchStore(options.database, options.mysqlUrl,
      'scale');
    hooks.signal?.throwIfAborted();
    hooks.progress?.(`Seeding ${options.measures} measures into ${store.label}`);
    const started = performance.now();
    const fetches = new FetchCounter(hooks.stackLog);
    const statements = statementCounters();
    stack = await startStack({
      storage: store.storage,
      keysDirectory,
      logger: createLogger({
        name: 'bench-scale', level: 'info', destination: fetches,
      }),
      seedDemo: benchData(options.measures),
      ephemeralPorts: true,
      clock: fixedClock(`${DEMO_REFERENCE_DATE}T09:00:00Z`),
      sqlLoggers: statements,
      alertPollMs: 600_000,
      gatewayConfig: readGatewayConfig({
        NODE_ENV: 'development',
        KEYS_DIR: keysDirectory,
        // One caller asks hundreds of times: the bench measures the
        // graph, not the limit.
        RATE_LIMIT_PER_MINUTE: '0',
      }),
    });
    const seedMs = performance.now() - started;
    await quiet(stack, hooks.signal);
    const measure = measurer(stack, { statements, fetches });
    const lengths: LengthResult[] = [];
    for (const length of options.lengths) {
      hooks.progress?.(`Listing ${length} measures, ${options.warmups} + ${options.requests} times`);
      lengths.push(await runLength(measure, length, options, hooks.signal));
    }
    return {
      database: store.label,
      zoneMeasures: options.measures + DEMO_ZONE_MEASURES,
      requests: options.requests,
      warmups: options.warmups,
      seedMs,
      lengths,
    };
  } finally {
    // Each step whatever became of the one before.
    await stack?.stop().catch(() => undefined);
    await store?.drop();
    await rm(keysDirectory, { recursive: true, force: true });
  }
}

/**
 * Private: the stack with no work of its own under way: the alert
 * stream's first read of the log done, the outbox stopped.
 */
async function quiet(stack: RunningStack, signal?: AbortSignal) {
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  while (stack.gateway.alertStream.cursor === null) {
    if (Date.now() > deadline) {
      throw new Error('The gateway did not read the alert log in time');
    }
    await pause(10, signal);
  }
  await stack.subgraphs.protection.background?.dispatcher.stop();
}

interface Counters {
  readonly statements: Readonly<Record<SubgraphName, { count: number }>>;
  readonly fetches: FetchCounter;
}

/** One request's answer, checked, and what it cost. */
interface Answer extends RequestWork {
  /** Why the answer is wrong; null when it is right. */
  readonly fault: string | null;
}

type Measure = (length: number) => Promise<Answer>;

/** Private: a function that asks the list once and counts its work. */
function measurer(stack: RunningStack, counters: Counters): Measure {
  // Every length has the same caller, the zone's police.
  let signed: Promise<string> | null = null;
  return async (length) => {
    const operation = zoneListOperation(length);
    signed ??= stack.token(operation.caller);
    const token = await signed;
    const statementsBefore = countsOf(counters.statements);
    const fetchesBefore = countsOf(counters.fetches.counters);

    const started = performance.now();
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({
        query: operation.query,
        operationName: operation.operationName,
        variables: operation.variables,
      }),
    });
    const text = await response.text();
    const ms = performance.now() - started;

    await auditWritten(stack);
    return {
      ms,
      bytes: Buffer.byteLength(text),
      statements: difference(countsOf(counters.statements),
        statementsBefore),
      fetches: difference(countsOf(counters.fetches.counters), fetchesBefore),
      fault: faultOf(response.status, text, length),
    };
  };
}

/** Private: until the writer's queue is empty (the append answered). */
async function auditWritten(stack: RunningStack): Promise<void> {
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  while ((stack.gateway.auditQueue()?.pending ?? 0) > 0) {
    if (Date.now() > deadline) {
      throw new Error('The audit trail did not take an entry in time');
    }
    await pause(DRAIN_POLL_MS);
  }
  // The subgraph logs its request when the answer has gone out, which
  // may be a turn of the loop after the writer heard it.
  await pause(DRAIN_POLL_MS);
}

/** Private: the warm-up and the timed requests of one length. */
async function runLength(
  measure: Measure,
  length: number,
  options: Pick<ScaleBenchOptions, 'requests' | 'warmups'>,
  signal?: AbortSignal,
): Promise<LengthResult> {
  const answers: Answer[] = [];
  for (let i = 0; i < options.warmups + options.requests; i += 1) {
    signal?.throwIfAborted();
    answers.push(await measure(length));
  }
  const timed = answers.slice(options.warmups);
  return lengthResultOf(length, timed,
    answers.map(({ fault }) => fault).filter((f) => f !== null));
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
