/**
 * Writes the gateway's audit entries to the audit subgraph (issue 6),
 * under the gateway's own identity (role `gateway`), through the
 * @inaccessible `appendAuditEntry`, which no client reaches.
 *
 * Two ways to write. `append` waits for the trail: a read's answer is
 * held until its entry is written, and withheld if it cannot be. `queue`
 * does not wait: a change already committed, or an alert already sent,
 * is written in the background, again and again until the trail takes
 * it. The queue is bounded; past it an entry is dropped and the drop is
 * logged, without anything the entry holds.
 */
import type { Fetcher } from '@apollo/utils.fetcher';
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
  /** One append gives up after this. */
  readonly timeoutMs: number;
  readonly logger: Logger;
  /** Entries waiting for a retry, at most; default 10000. */
  readonly maxQueue?: number;
  /** The first wait before a retry; default 1000 ms, doubling to 60 s. */
  readonly retryMs?: number;
}

export const DEFAULT_MAX_QUEUE = 10_000;
export const DEFAULT_RETRY_MS = 1000;
const LONGEST_RETRY_MS = 60_000;

/** The gateway's own identity: it appends to the trail, nothing else. */
export const AUDIT_WRITER_IDENTITY: Identity = {
  subject: 'audit-trail',
  role: GATEWAY_ROLE,
};

const APPEND = `mutation AppendAuditEntry($input: AuditEntryInput!) {
  appendAuditEntry(input: $input) { sequence }
}`;

/** What a writer has done since it started, for the bench and the logs. */
export interface AuditWriterCounts {
  /** Entries taken into the queue. */
  readonly queued: number;
  /** Entries turned away by the full queue: lost to the trail. */
  readonly dropped: number;
  /** Queued entries the trail took. */
  readonly written: number;
  /** Entries written at once by `append`. */
  readonly appended: number;
  /** Calls to the trail that wrote queued entries. */
  readonly calls: number;
  /** The most entries the queue held at once. */
  readonly peakPending: number;
}

type Counts = { -readonly [K in keyof AuditWriterCounts]: number };

/** An append the trail did not take; says why without the entry. */
export class AuditWriteError extends Error {
  override readonly name = 'AuditWriteError';
}

export class AuditWriter {
  readonly #options: AuditWriterOptions;
  readonly #logger: Logger;
  readonly #queue: AuditEntryInput[] = [];
  #timer: NodeJS.Timeout | null = null;
  /** The round of retries under way, if any. */
  #draining: Promise<number> | null = null;
  #wait: number;
  #closed = false;
  #drainedAt: number | null = null;
  readonly #counts: Counts = {
    queued: 0, dropped: 0, written: 0, appended: 0, calls: 0, peakPending: 0,
  };

  constructor(options: AuditWriterOptions) {
    this.#options = options;
    this.#logger = options.logger.child({ component: 'audit-writer' });
    this.#wait = options.retryMs ?? DEFAULT_RETRY_MS;
  }

  /** Entries waiting in the queue. */
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
   * Writes one entry now; throws an AuditWriteError if it cannot. The
   * append goes under the operation's own request id, so that the audit
   * subgraph's log line sits with the operation's others.
   */
  async append(entry: AuditEntryInput): Promise<void> {
    await this.#send(entry);
    this.#counts.appended += 1;
  }

  /** Private: one call to the trail; throws an AuditWriteError. */
  async #send(entry: AuditEntryInput): Promise<void> {
    const { requestId } = entry;
    const identity = await this.#options.trustSigner.sign(
      AUDIT_WRITER_IDENTITY, { subgraph: 'audit', requestId });
    let body: unknown;
    try {
      const response = await this.#options.fetcher(this.#options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [GATEWAY_IDENTITY_HEADER]: identity,
          [REQUEST_ID_HEADER]: requestId,
        },
        body: JSON.stringify({ query: APPEND, variables: { input: entry } }),
        signal: AbortSignal.timeout(this.#options.timeoutMs),
      });
      body = response.ok ? await response.json() : { status: response.status };
    } catch (error) {
      throw new AuditWriteError('The audit trail could not be reached',
        { cause: error });
    }
    checkAnswer(body);
  }

  /** Writes one entry in the background, retrying until it is taken. */
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

  /** Private: appends from the head of the queue until one fails. */
  async #appendQueued(): Promise<number> {
    let written = 0;
    try {
      while (this.#queue.length > 0) {
        this.#counts.calls += 1;
        await this.#send(this.#queue[0]);
        this.#queue.shift();
        written += 1;
        this.#counts.written += 1;
      }
    } catch (error) {
      this.#logger.warn({
        pending: this.#queue.length,
        reason: (error as Error).message,
      }, 'audit trail append failed; will retry');
    }
    return written;
  }
}

/** Private: the answer holds a sequence, or the append failed. */
function checkAnswer(body: unknown): void {
  const answer = (body ?? {}) as {
    data?: { appendAuditEntry?: { sequence?: unknown } } | null;
    errors?: { extensions?: { code?: unknown } }[];
    status?: number;
  };
  if (answer.status !== undefined) {
    throw new AuditWriteError(
      `The audit subgraph answered ${answer.status} to an append`);
  }
  if (typeof answer.data?.appendAuditEntry?.sequence === 'string') return;
  const codes = (answer.errors ?? []).map((error) =>
    String(error?.extensions?.code ?? 'no code'));
  throw new AuditWriteError(
    `The audit trail refused an append: ${[...new Set(codes)].join(', ') || 'no answer'}`,
  );
}
