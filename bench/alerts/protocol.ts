/**
 * What the bench and the stack process it starts say to each other over
 * Node's IPC channel. The bench asks, the stack process answers each
 * request once, under the request's id.
 */
import type { MintOptions } from '../../runtime/keys';
import type { LogLevel } from '../../runtime/logger';
import type { LoopDelay } from './stats';

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

export type Request =
  | { readonly type: 'start'; readonly config: StackProcessConfig }
  | { readonly type: 'tokens'; readonly claims: readonly TokenClaims[] }
  | { readonly type: 'stream' }
  | { readonly type: 'audit' }
  /** Memory after a full collection, which stalls the loop a moment. */
  | { readonly type: 'memory' }
  /** The load since the previous `load`, whose counters restart. */
  | { readonly type: 'load' }
  | { readonly type: 'stop' };

export type Reply =
  | { readonly type: 'started'; readonly gatewayUrl: string }
  | { readonly type: 'tokens'; readonly tokens: readonly string[] }
  | { readonly type: 'stream'; readonly state: StreamState }
  | { readonly type: 'audit'; readonly state: AuditState }
  | { readonly type: 'memory'; readonly memory: MemorySample }
  | {
      readonly type: 'load';
      readonly loopDelay: LoopDelay;
      /** CPU time, user and system, in ms. */
      readonly cpuMs: number;
    }
  | { readonly type: 'stopped' }
  | { readonly type: 'failed'; readonly message: string };

/** A request on the channel, with the id its reply carries. */
export interface RequestMessage {
  readonly id: number;
  readonly request: Request;
}

export interface ReplyMessage {
  readonly id: number;
  readonly reply: Reply;
}

/** A message from the bench, checked as far as the stack process needs. */
export function isRequestMessage(value: unknown): value is RequestMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { id, request } = value as Partial<RequestMessage>;
  return typeof id === 'number' &&
    typeof request === 'object' && request !== null &&
    typeof request.type === 'string';
}

/** A message from the stack process, checked as far as the bench needs. */
export function isReplyMessage(value: unknown): value is ReplyMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { id, reply } = value as Partial<ReplyMessage>;
  return typeof id === 'number' &&
    typeof reply === 'object' && reply !== null &&
    typeof reply.type === 'string';
}
