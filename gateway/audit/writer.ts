/**
 * Writes the gateway's audit entries to the audit subgraph (issue 6),
 * under the gateway's own identity (role `gateway`), through the
 * @inaccessible `appendAuditEntry` and `appendAuditEntries`, which no
 * client reaches.
 *
 * Two ways to write. `append` waits for the trail: a read's answer is
 * held until its entry is written, and withheld if it cannot be. A read
 * that comes while no append is on its way is written at once, alone;
 * those that come while one is on its way are written together by the
 * next call (up to `batchSize`), as the trail takes one transaction at a
 * time anyway. Appends go apart from the queue: a read waits behind other
 * reads at most, never behind a burst of alert deliveries. A group the
 * trail refuses as input is tried again one entry a call, so that only
 * the read at fault is withheld; a group that fails fails each read.
 *
 * `queue` does not wait: a change already committed, or an alert already
 * sent, is written in the background, again and again until the trail
 * takes it. The queue drains in batches, oldest first, one call at a
 * time, each call taking whatever has gathered (up to `batchSize`): a
 * quiet gateway writes an entry as soon as it comes, a burst is written
 * `batchSize` entries a transaction. A batch that fails is retried
 * whole, later. The queue is bounded; past it an entry is dropped and
 * the drop is logged, without anything the entry holds.
 *
 * A batch the trail refuses as input (BAD_USER_INPUT, or a body too
 * large, 413) is split in halves, each tried in turn, until the entry
 * at fault is alone; that entry is set aside, logged with its request
 * id and the reason's code only, and the queue goes on. Retrying it could
 * never succeed, and it would hold every later entry back. Any other
 * failure (the trail down, slow, or refusing the gateway) is no fault of
 * the entries: the batch is kept and retried.
 */
import type { Fetcher } from '@apollo/utils.fetcher';
import { MAX_AUDIT_BATCH } from '../../runtime/audit';
import { REQUEST_ID_HEADER } from '../../runtime/http';
import { GATEWAY_ROLE, type Identity } from '../../runtime/identity';
import type { Logger } from '../../runtime/logger';
import { GATEWAY_IDENTITY_HEADER, type TrustSigner } from '../../runtime/trust';
import type { AuditEntryInput } from './entry';

export interface AuditWriterOptions {
  /** The audit subgraph's GraphQL endpoint. */
  readonly url: string;
  readonly fetcher: Fetcher;
  readonly trustSigner: TrustSigner;
  /** One call gives up after this. */
  readonly timeoutMs: number;
  readonly logger: Logger;
  /** Entries waiting in the queue, at most; default 10000. */
  readonly maxQueue?: number;
  /** The first wait before a retry; default 1000 ms, doubling to 60 s. */
  readonly retryMs?: number;
  /**
   * Queued entries a call writes, at most, from 1 to MAX_AUDIT_BATCH
   * (500); default DEFAULT_BATCH_SIZE (100).
   */
  readonly batchSize?: number;
}

export const DEFAULT_MAX_QUEUE = 10_000;
export const DEFAULT_RETRY_MS = 1000;
/**
 * Below the bound: a batch of 500 holds a process that also runs the
 * audit subgraph (`npm start`, the alert bench) some 50 ms, and delays
 * the alerts it delivers meanwhile; 100 keep up with the bench's burst
 * (2,700 entries a second) in some 40 calls a second.
 */
export const DEFAULT_BATCH_SIZE = 100;
const LONGEST_RETRY_MS = 60_000;

/** The gateway's own identity: it appends to the trail, nothing else. */
export const AUDIT_WRITER_IDENTITY: Identity = {
  subject: 'audit-trail',
  role: GATEWAY_ROLE,
};

const APPEND = `mutation AppendAuditEntry($input: AuditEntryInput!) {
  appendAuditEntry(input: $input) { sequence }
}`;

const APPEND_ALL = `mutation AppendAuditEntries($input: [AuditEntryInput!]!) {
  appendAuditEntries(input: $input) { sequence }
}`;

/** What a writer has done since it started, for the bench and the logs. */
export interface AuditWriterCounts {
  /** Entries taken into the queue. */
  readonly queued: number;
  /** Entries turned away by the full queue: lost to the trail. */
  readonly dropped: number;
  /** Queued entries the trail refused as input, set aside: lost too. */
  readonly refused: number;
  /** Queued entries the trail took. */
  readonly written: number;
  /** Entries written at once by `append`. */
  readonly appended: number;
  /** Calls to the trail that wrote, or tried to write, queued entries. */
  readonly calls: number;
  /** Calls that wrote, or tried to write, the entries of `append`. */
  readonly appendCalls: number;
  /** The most entries the queue held at once. */
  readonly peakPending: number;
}

type Counts = { -readonly [K in keyof AuditWriterCounts]: number };

/** An append the trail did not take; says why without the entry. */
export class AuditWriteError extends Error {
  override readonly name = 'AuditWriteError';
}

/**
 * How the trail answered a call. `refused`: the entries are at fault,
 * and sending them again would be refused again.
 */
export type AppendAnswer =
  | { readonly kind: 'written' }
  | { readonly kind: 'refused'; readonly reason: string }
  | {
      readonly kind: 'failed';
      readonly reason: string;
      /** What made the call fail, when it did not answer. */
      readonly cause?: unknown;
    };

/** Private: a read's entry waiting for its append, and its answer. */
interface WaitingAppend {
  readonly entry: AuditEntryInput;
  readonly resolve: () => void;
  readonly reject: (error: AuditWriteError) => void;
}

export class AuditWriter {
  readonly #options: AuditWriterOptions;
  readonly #logger: Logger;
  readonly #batchSize: number;
  readonly #queue: AuditEntryInput[] = [];
  readonly #waiting: WaitingAppend[] = [];
  #appending = false;
  #timer: NodeJS.Timeout | null = null;
  /** The round of retries under way, if any. */
  #draining: Promise<number> | null = null;
  #wait: number;
  #closed = false;
  #drainedAt: number | null = null;
  readonly #counts: Counts = {
    queued: 0, dropped: 0, refused: 0, written: 0, appended: 0, calls: 0,
    appendCalls: 0, peakPending: 0,
  };

  constructor(options: AuditWriterOptions) {
    this.#options = options;
    this.#logger = options.logger.child({ component: 'audit-writer' });
    this.#wait = options.retryMs ?? DEFAULT_RETRY_MS;
    this.#batchSize = checkBatchSize(options.batchSize ?? DEFAULT_BATCH_SIZE);
  }

  /** Entries waiting in the queue, the batch being written included. */
  get pending(): number {
    return this.#queue.length;
  }

  /** When the queue last became empty (epoch ms); null before. */
  get drainedAt(): number | null {
    return this.#drainedAt;
  }

  /** What it has done so far. */
  get counts(): AuditWriterCounts {
    return { ...this.#counts };
  }

  /**
   * Writes one entry before it resolves; rejects with an AuditWriteError
   * if it cannot. Alone, the append goes under the operation's own
   * request id, so that the audit subgraph's log line sits with the
   * operation's others; in a group, under the first entry's.
   */
  append(entry: AuditEntryInput): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ entry, resolve, reject });
      if (!this.#appending) void this.#appendWaiting();
    });
  }

  /** Private: one call at a time, each taking the reads gathered since. */
  async #appendWaiting(): Promise<void> {
    this.#appending = true;
    try {
      while (this.#waiting.length > 0) {
        await this.#appendGroup(this.#waiting.splice(0, this.#batchSize));
      }
    } finally {
      this.#appending = false;
    }
  }

  async #appendGroup(group: readonly WaitingAppend[]): Promise<void> {
    const [first] = group;
    if (first === undefined) return;
    this.#counts.appendCalls += 1;
    const answer = group.length === 1
      ? await this.#call(APPEND, first.entry, first.entry.requestId, 1)
      : await this.#call(APPEND_ALL, group.map((one) => one.entry),
        first.entry.requestId, group.length);
    if (answer.kind === 'refused' && group.length > 1) {
      for (const one of group) await this.#appendGroup([one]);
      return;
    }
    for (const one of group) {
      if (answer.kind === 'written') {
        this.#counts.appended += 1;
        one.resolve();
      } else {
        const cause = answer.kind === 'failed' ? answer.cause : undefined;
        one.reject(new AuditWriteError(answer.reason, { cause }));
      }
    }
  }

  queue(entry: AuditEntryInput): void {
    const max = this.#options.maxQueue ?? DEFAULT_MAX_QUEUE;
    if (this.#queue.length >= max) {
      this.#counts.dropped += 1;
      this.#logger.error({ pending: this.#queue.length },
        'audit entry dropped: the retry queue is full');
      return;
    }
    this.#queue.push(entry);
    this.#counts.queued += 1;
    this.#counts.peakPending =
      Math.max(this.#counts.peakPending, this.#queue.length);
    if (this.#draining === null && this.#timer === null) this.#schedule(0);
  }

  /**
   * Stops retrying after one last try of what is queued; logs how many
   * entries it leaves unwritten.
   */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#draining;
    await this.#drainOnce();
    if (this.#queue.length > 0) {
      this.#logger.error({ pending: this.#queue.length },
        'audit entries left unwritten at shutdown');
    }
  }

  #schedule(ms: number): void {
    if (this.#closed) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#drain();
    }, ms);
    this.#timer.unref();
  }

  /** Private: writes the queue in order; on a failure, waits longer. */
  async #drain(): Promise<void> {
    const written = await this.#drainOnce();
    if (this.#queue.length === 0) {
      this.#drainedAt = Date.now();
      this.#wait = this.#options.retryMs ?? DEFAULT_RETRY_MS;
      return;
    }
    if (written === 0) this.#wait = Math.min(this.#wait * 2, LONGEST_RETRY_MS);
    this.#schedule(this.#wait);
  }

  /** Private: one round of retries, the only one under way. */
  async #drainOnce(): Promise<number> {
    this.#draining = this.#appendQueued();
    try {
      return await this.#draining;
    } finally {
      this.#draining = null;
    }
  }

  /**
   * Private: appends from the head of the queue, a batch a call, until
   * the queue is empty or a call fails. A refused batch is halved until
   * the entry at fault is alone and set aside; the halves keep their
   * size till then.
   */
  async #appendQueued(): Promise<number> {
    let written = 0;
    let size = this.#batchSize;
    while (this.#queue.length > 0) {
      const batch = this.#queue.slice(0, size);
      this.#counts.calls += 1;
      const answer = await this.#call(APPEND_ALL, batch,
        batch[0].requestId, batch.length);
      if (answer.kind === 'failed') {
        this.#logger.warn({ pending: this.#queue.length,
          entries: batch.length, reason: answer.reason },
        'audit trail append failed; will retry');
        return written;
      }
      if (answer.kind === 'written') {
        this.#queue.splice(0, batch.length);
        this.#counts.written += batch.length;
        written += batch.length;
      } else if (batch.length > 1) {
        size = Math.ceil(batch.length / 2);
      } else {
        this.#setAside(batch[0], answer.reason);
        size = this.#batchSize;
      }
    }
    return written;
  }

  /** Private: the head entry, refused alone as input, leaves the queue. */
  #setAside(entry: AuditEntryInput, reason: string): void {
    this.#queue.shift();
    this.#counts.refused += 1;
    this.#logger.error({ requestId: entry.requestId, reason },
      'audit entry set aside: the trail refuses it as input');
  }

  /**
   * Private: one call to the trail, under `requestId`; never throws. A
   * batch goes under the request id of its first entry.
   */
  async #call(
    query: string,
    input: AuditEntryInput | readonly AuditEntryInput[],
    requestId: string,
    count: number,
  ): Promise<AppendAnswer> {
    const identity = await this.#options.trustSigner.sign(
      AUDIT_WRITER_IDENTITY, { subgraph: 'audit', requestId });
    try {
      const response = await this.#options.fetcher(this.#options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [GATEWAY_IDENTITY_HEADER]: identity,
          [REQUEST_ID_HEADER]: requestId,
        },
        body: JSON.stringify({ query, variables: { input } }),
        signal: AbortSignal.timeout(this.#options.timeoutMs),
      });
      const body: unknown = await response.json().catch(() => null);
      return answerOf(response.status, body, count);
    } catch (error) {
      const reason = 'The audit trail could not be reached';
      return { kind: 'failed', reason, cause: error };
    }
  }
}

/** Private: a batch size the writer can use, or a misuse shown. */
function checkBatchSize(size: number): number {
  if (Number.isInteger(size) && size >= 1 && size <= MAX_AUDIT_BATCH) {
    return size;
  }
  throw new RangeError(
    `batchSize must be a whole number from 1 to ${MAX_AUDIT_BATCH}, got ${size}`,
  );
}

/**
 * How the trail answered a call that appends `count` entries: written
 * once it names a sequence for each; refused as input for a body too
 * large or BAD_USER_INPUT; failed otherwise. Never reads the entries
 * back, nor repeats an error's message, which may quote them.
 */
export function answerOf(
  status: number,
  body: unknown,
  count: number,
): AppendAnswer {
  const answer = (body ?? {}) as {
    data?: Record<string, unknown> | null;
    errors?: { extensions?: { code?: unknown } }[];
  };
  if (status === 413) {
    return { kind: 'refused', reason: 'The audit subgraph answered 413' };
  }
  const appended = Object.values(answer.data ?? {})[0];
  const sequences = Array.isArray(appended) ? appended : [appended];
  const named = sequences.filter((entry) =>
    typeof (entry as { sequence?: unknown })?.sequence === 'string');
  if (status === 200 && named.length === count) return { kind: 'written' };

  const codes = [...new Set((answer.errors ?? []).map((error) =>
    String(error?.extensions?.code ?? 'no code')))];
  const reason = codes.length > 0
    ? `The audit trail refused an append: ${codes.join(', ')}`
    : `The audit subgraph answered ${status} to an append`;
  return codes.includes('BAD_USER_INPUT')
    ? { kind: 'refused', reason }
    : { kind: 'failed', reason };
}
