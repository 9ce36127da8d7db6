/**
 * What the alert bench and the stack process it starts say to each
 * other over IPC (bench/process/protocol.ts): the requests the stack
 * process takes (stack-process.ts), as the bench asks them
 * (stack-child.ts), and what they carry.
 */
import type { MintOptions } from '../../runtime/keys';
import type { LogLevel } from '../../runtime/logger';
import type { LoopDelay } from './stats';

export interface StackRequests {
  /** Starts the graph; answers where its gateway listens. */
  start(
    config: StackProcessConfig,
  ): Promise<{ readonly gatewayUrl: string }>;
  /** One token per claims, signed by the stack's local issuer. */
  tokens(claims: readonly TokenClaims[]): Promise<readonly string[]>;
  stream(): StreamState;
  audit(): Promise<AuditState>;
  /** Memory after a full collection, which stalls the loop a moment. */
  memory(): MemorySample;
  /** The load since the previous `load`, whose counters restart. */
  load(): StackLoad;
}

/** The claims of one token the stack's local issuer signs. */
export type TokenClaims = Pick<
  MintOptions,
  'role' | 'zone' | 'arrondissement' | 'province' | 'subject'
>;

export interface StackProcessConfig {
  /** Holds the SQLite files and the local keys; the bench removes it. */
  readonly directory: string;
  /** The demo data set's today, so that its measures run on this day. */
  readonly referenceDate: string;
  readonly logLevel: LogLevel;
}

/** The live alert stream as the gateway counts it. */
export interface StreamState {
  readonly subscriptions: number;
  readonly live: number;
  readonly executions: number;
  readonly cursor: number | null;
}

/**
 * The gateway's audit writer (gateway/audit/writer.ts) as it stands, and
 * the entries its trail holds (the store's head).
 */
export interface AuditState {
  /** Entries taken into the writer's queue since the stack started. */
  readonly queued: number;
  /** Entries the full queue turned away: lost to the trail. */
  readonly dropped: number;
  /** Entries the trail refused as input, set aside: lost too. */
  readonly refused: number;
  /** Queued entries the trail took. */
  readonly written: number;
  /** Entries written at once, for reads and changes. */
  readonly appended: number;
  /** Calls to the trail that wrote queued entries. */
  readonly calls: number;
  /** The most entries the queue held at once. */
  readonly peakPending: number;
  /** Entries waiting in the queue now. */
  readonly pending: number;
  /** When the queue last became empty (epoch ms); null before. */
  readonly drainedAt: number | null;
  /** Entries in the audit store. */
  readonly stored: number;
}

/** The stack process's memory, after a full garbage collection. */
export interface MemorySample {
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
}

/** The stack process's load since the previous reading. */
export interface StackLoad {
  readonly loopDelay: LoopDelay;
  /** CPU time, user and system, in ms. */
  readonly cpuMs: number;
}
