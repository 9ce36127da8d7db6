/**
 * The alert bench's stack process: the five subgraphs and the gateway in
 * one process (scripts/stack.ts), on SQLite, seeded with the demo data
 * set. The bench forks it (stack-child.ts) so that the memory it reports
 * is the graph's own, not the thousand clients'.
 *
 * It does only what the bench asks (StackRequests, protocol.ts): start,
 * sign tokens, count the live stream and the audit writer's queue,
 * sample its memory, its event loop and its CPU time, stop. It serves
 * like every bench process (bench/process/serve.ts): when the channel
 * closes (the bench died) it stops the stack and exits.
 */
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { SqlAuditAdapter } from '../../adapters/audit';
import { readGatewayConfig } from '../../gateway/config';
import { createLogger } from '../../runtime/logger';
import { generateDemoData } from '../../storage/demo-data';
import { startStack, type RunningStack } from '../../scripts/stack';
import { cpuMsOf, serveBench } from '../process/serve';
import type {
  AuditState,
  MemorySample,
  StackLoad,
  StackProcessConfig,
  StackRequests,
  StreamState,
  TokenClaims,
} from './protocol';
import { LOOP_RESOLUTION_MS, loopDelayOf } from './stats';

/** Token lifetime: longer than any run. */
const TOKEN_LIFETIME = '4h';

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'starting' }
  | { readonly kind: 'running'; readonly stack: RunningStack }
  | { readonly kind: 'stopping'; readonly done: Promise<void> };

let state: State = { kind: 'idle' };
const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
loop.enable();
let cpuSince = process.cpuUsage();

async function start(
  config: StackProcessConfig,
): Promise<{ gatewayUrl: string }> {
  if (state.kind !== 'idle') {
    throw new Error(`The stack cannot start while ${state.kind}`);
  }
  state = { kind: 'starting' };
  const logger = createLogger({
    name: 'alert-bench-stack',
    level: config.logLevel,
  });
  const keysDirectory = join(config.directory, 'keys');
  try {
    const stack = await startStack({
      storage: { driver: 'sqlite', directory: join(config.directory, 'data') },
      keysDirectory,
      logger,
      seedDemo: generateDemoData({ referenceDate: config.referenceDate }),
      ephemeralPorts: true,
      // Only what the bench sets: the caller's environment changes nothing.
      gatewayConfig: readGatewayConfig({
        KEYS_DIR: keysDirectory,
        LOG_LEVEL: config.logLevel,
        // The subscribers of one audience share a token subject and all
        // subscribe at once: the bench measures delivery, not the limit.
        RATE_LIMIT_PER_MINUTE: '0',
      }),
    });
    state = { kind: 'running', stack };
    return { gatewayUrl: stack.gatewayUrl };
  } catch (error) {
    state = { kind: 'idle' };
    throw error;
  }
}

function running(): RunningStack {
  if (state.kind !== 'running') {
    throw new Error(`The stack is not running but ${state.kind}`);
  }
  return state.stack;
}

/** Stops the stack once, however many ask. */
function stop(): Promise<void> {
  switch (state.kind) {
    case 'idle':
    case 'starting':
      // A start in flight is abandoned with the process.
      return Promise.resolve();
    case 'running': {
      const done = state.stack.stop();
      state = { kind: 'stopping', done };
      return done;
    }
    case 'stopping':
      return state.done;
    default: {
      const impossible: never = state;
      throw new Error(`Unknown state ${JSON.stringify(impossible)}`);
    }
  }
}

function tokens(claims: readonly TokenClaims[]): Promise<string[]> {
  const stack = running();
  return Promise.all(claims.map((one) =>
    stack.token({ ...one, expiresIn: TOKEN_LIFETIME })));
}

function stream(): StreamState {
  const { subscriptions, live, executions, cursor } =
    running().gateway.alertStream;
  return { subscriptions, live, executions, cursor };
}

/** The audit writer's counts and the entries its store holds. */
async function audit(): Promise<AuditState> {
  const stack = running();
  const queue = stack.gateway.auditQueue();
  const store = stack.subgraphs.audit.adapter;
  if (queue === null || !(store instanceof SqlAuditAdapter)) {
    throw new Error('The stack has no audit trail on its SQL store');
  }
  const { sequence } = await store.head();
  return { ...queue, stored: sequence };
}

function memory(): MemorySample {
  // Two collections: the first may leave garbage that finalizers freed.
  globalThis.gc?.();
  globalThis.gc?.();
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  return { rss, heapUsed, heapTotal, external };
}

function load(): StackLoad {
  const cpu = process.cpuUsage(cpuSince);
  const loopDelay = loopDelayOf(loop);
  cpuSince = process.cpuUsage();
  loop.reset();
  return { loopDelay, cpuMs: cpuMsOf(cpu) };
}

serveBench<StackRequests>({
  name: 'stack',
  script: 'bench:alerts',
  handlers: { start, tokens, stream, audit, memory, load },
  stop,
});
