/**
 * One gateway's reader of the alert log: it turns the bus's notices and
 * its own reads of the log into one ordered run of entries, each handed
 * once to every subscriber entitled to it.
 *
 * The log is the record and the bus only news. The feed holds a cursor,
 * the last sequence it handed on. A notice just above the cursor goes on
 * at once; a notice further ahead, a `gap()` from the bus, or the poll's
 * timer sends the feed to the log for every entry above the cursor. The
 * protection subgraph commits sequences in their order (see
 * adapters/protection/sql/alert-events.ts), so a read of the log never
 * passes over an entry that is still to commit, and a sequence that a
 * rolled-back change took and never used is simply skipped.
 *
 * A subscriber that resumes after sequence s is served first what it
 * missed: from the ring of recent entries when the ring reaches back to
 * s, else from the log, page by page, until the ring does. Its switch to
 * the live run happens in the same turn as the ring's replay, so no entry
 * falls between the two and none comes twice.
 */
import type { AlertBus } from '../../runtime/alerts/bus';
import type { AlertNotice } from '../../runtime/alerts/notice';
import type { Identity } from '../../runtime/identity';
import type { Logger } from '../../runtime/logger';
import { isEntitled } from '../../subgraphs/protection/domain/entitlement';
import type { AlertLogSource } from './log-source';

export interface AlertFeedOptions {
  readonly bus: AlertBus;
  readonly log: AlertLogSource;
  readonly logger: Logger;
  /** How often the log is read when no notice comes; default 2000 ms. */
  readonly pollMs?: number;
  /** Recent entries kept for resuming subscribers; default 10000. */
  readonly ringSize?: number;
  /** Entries one read of the log takes; default 500. */
  readonly pageSize?: number;
}

/** Who the feed hands entries to. */
export interface FeedSubscriber {
  readonly identity: Identity;
  /** An entry the subscriber is entitled to, in sequence order. */
  deliver(notice: AlertNotice): void;
}

export const DEFAULT_POLL_MS = 2000;
export const DEFAULT_RING_SIZE = 10_000;
export const DEFAULT_PAGE_SIZE = 500;

/** While the bus is down the log is the only source: read it this often. */
const UNHEALTHY_POLL_MS = 250;

/** A subscriber of the live run, and the last sequence it was given. */
interface Live {
  readonly subscriber: FeedSubscriber;
  after: number;
}

export class AlertFeed {
  readonly #bus: AlertBus;
  readonly #log: AlertLogSource;
  readonly #logger: Logger;
  readonly #pollMs: number;
  readonly #ringSize: number;
  readonly #pageSize: number;
  readonly #live = new Map<FeedSubscriber, Live>();
  /** Notices that came ahead of the cursor, held until the log is read. */
  readonly #ahead = new Map<number, AlertNotice>();
  /** The last sequence handed on; null until the log's head is known. */
  #cursor: number | null = null;
  /** Recent entries, oldest first, and the sequence they follow on. */
  #ring: AlertNotice[] = [];
  #ringFloor = 0;
  #reading: Promise<void> | null = null;
  #readAgain = false;
  #failing = false;
  #timer: NodeJS.Timeout | null = null;
  #unlisten: (() => void) | null = null;
  #closed = false;
  readonly #started: Promise<void>;
  #markStarted: () => void = () => undefined;

  constructor(options: AlertFeedOptions) {
    this.#bus = options.bus;
    this.#log = options.log;
    this.#logger = options.logger.child({ component: 'alert-feed' });
    this.#pollMs = options.pollMs ?? DEFAULT_POLL_MS;
    this.#ringSize = options.ringSize ?? DEFAULT_RING_SIZE;
    this.#pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    this.#started = new Promise((resolve) => {
      this.#markStarted = resolve;
    });
  }

  /**
   * Starts listening and reading. Never fails: while the log cannot be
   * read the feed keeps trying, and subscribers wait for it.
   */
  start(): void {
    if (this.#unlisten !== null || this.#closed) return;
    this.#unlisten = this.#bus.listen({
      notice: (notice) => this.#onNotice(notice),
      gap: () => this.#readLog(),
    });
    this.#readLog();
  }

  /** The last sequence handed on; null before the log was first read. */
  get cursor(): number | null {
    return this.#cursor;
  }

  /** Live subscribers now. */
  get subscribers(): number {
    return this.#live.size;
  }

  /**
   * Adds a subscriber: first the entries above `since` it may receive,
   * then the live run. Without `since`, only what comes from now on.
   * Resolves once the subscriber is live; `isWanted` is asked between
   * reads of the log, and a subscriber no longer wanted is not added.
   * A read of the log that fails rejects, and adds nothing.
   */
  async attach(
    subscriber: FeedSubscriber,
    since: number | null,
    isWanted: () => boolean = () => true,
  ): Promise<void> {
    await this.#started;
    let after = since ?? this.#cursor ?? 0;
    for (;;) {
      if (this.#closed || !isWanted()) return;
      const cursor = this.#cursor ?? 0;
      if (after >= cursor) {
        this.#live.set(subscriber, { subscriber, after });
        return;
      }
      if (after >= this.#ringFloor) {
        for (const notice of this.#ring) {
          if (notice.sequence > after) offer(subscriber, notice);
        }
        this.#live.set(subscriber, { subscriber, after: cursor });
        return;
      }
      after = await this.#replayPage(subscriber, after, isWanted);
    }
  }

  /** Removes a subscriber; it is given nothing more. */
  detach(subscriber: FeedSubscriber): void {
    this.#live.delete(subscriber);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#unlisten?.();
    this.#unlisten = null;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#live.clear();
    this.#ahead.clear();
    // A subscriber waiting for the first read is let go, to find the
    // feed closed.
    this.#markStarted();
    await this.#reading?.catch(() => undefined);
  }

  /**
   * Private: one page of the log above `after` for a resuming
   * subscriber, up to the cursor (what lies above it comes live);
   * answers where the next page starts.
   */
  async #replayPage(
    subscriber: FeedSubscriber,
    after: number,
    isWanted: () => boolean,
  ): Promise<number> {
    // Every entry up to this cursor had committed before the read began,
    // so the page holds them; what came later comes from the ring.
    const cursor = this.#cursor ?? 0;
    const page = await this.#log.after(after, this.#pageSize);
    if (!isWanted()) return after;
    let next = after;
    for (const notice of page) {
      if (notice.sequence > cursor) return cursor;
      offer(subscriber, notice);
      next = notice.sequence;
    }
    return page.length < this.#pageSize ? cursor : next;
  }

  #onNotice(notice: AlertNotice): void {
    if (this.#closed) return;
    if (this.#cursor === null) {
      this.#hold(notice);
      return;
    }
    if (notice.sequence <= this.#cursor) return;
    if (notice.sequence === this.#cursor + 1) {
      this.#handOn(notice);
      this.#handOnHeld();
      return;
    }
    this.#hold(notice);
    this.#readLog();
  }

  /** Private: a notice ahead of the cursor waits for the log's read. */
  #hold(notice: AlertNotice): void {
    // The log serves them anyway: past a ring's worth, holding is waste.
    if (this.#ahead.size >= this.#ringSize) this.#ahead.clear();
    this.#ahead.set(notice.sequence, notice);
  }

  /** Private: the held notices that now follow on the cursor. */
  #handOnHeld(): void {
    for (const sequence of [...this.#ahead.keys()]) {
      if (this.#cursor !== null && sequence <= this.#cursor) {
        this.#ahead.delete(sequence);
      }
    }
    let next = this.#cursor === null ? undefined : this.#ahead.get(this.#cursor + 1);
    while (next !== undefined) {
      this.#ahead.delete(next.sequence);
      this.#handOn(next);
      next = this.#ahead.get(next.sequence + 1);
    }
  }

  /** Private: one entry to the ring and every entitled live subscriber. */
  #handOn(notice: AlertNotice): void {
    this.#cursor = notice.sequence;
    this.#ring.push(notice);
    if (this.#ring.length >= 2 * this.#ringSize) {
      const dropped = this.#ring.length - this.#ringSize;
      this.#ringFloor = this.#ring[dropped - 1].sequence;
      this.#ring = this.#ring.slice(dropped);
    }
    for (const live of this.#live.values()) {
      if (notice.sequence <= live.after) continue;
      live.after = notice.sequence;
      offer(live.subscriber, notice);
    }
  }

  /**
   * Private: reads the log above the cursor, now or right after the read
   * in flight; then sets the poll's timer again.
   */
  #readLog(): void {
    if (this.#closed) return;
    if (this.#reading !== null) {
      this.#readAgain = true;
      return;
    }
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#reading = this.#catchUp()
      .then(
        () => this.#recovered(),
        (error: unknown) => this.#failed(error),
      )
      .finally(() => {
        this.#reading = null;
        if (this.#closed) return;
        if (this.#readAgain) {
          this.#readAgain = false;
          this.#readLog();
        } else {
          this.#schedule();
        }
      });
  }

  async #catchUp(): Promise<void> {
    if (this.#cursor === null) {
      const head = await this.#log.head();
      if (this.#closed) return;
      this.#cursor = head;
      this.#ringFloor = head;
      this.#markStarted();
    }
    // A notice is sent only once its entry has committed, and entries
    // commit in order: a read begun after a notice came must show its
    // entry. One held since before this read and still not shown names
    // no entry of this log (a notice from another deployment on the same
    // stream); it is dropped, not waited for.
    const heldBefore = [...this.#ahead.keys()];
    for (;;) {
      const page = await this.#log.after(this.#cursor, this.#pageSize);
      if (this.#closed) return;
      for (const notice of page) {
        if (notice.sequence > this.#cursor) this.#handOn(notice);
      }
      if (page.length < this.#pageSize) break;
    }
    this.#handOnHeld();
    const strays = heldBefore.filter((sequence) => this.#ahead.delete(sequence));
    if (strays.length > 0) {
      this.#logger.warn({ sequences: strays, cursor: this.#cursor },
        'alert notices name entries the log does not hold; dropped');
    }
    // A notice that came during the read has already asked for another
    // (#readLog); one still held is looked for again soon (#schedule).
  }

  #schedule(): void {
    // Held notices name entries to come: look again soon, as when the
    // bus is down.
    const calm =
      this.#bus.healthy && !this.#failing && this.#ahead.size === 0;
    const wait = calm
      ? this.#pollMs
      : Math.min(this.#pollMs, UNHEALTHY_POLL_MS);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#readLog();
    }, wait);
    this.#timer.unref();
  }

  #recovered(): void {
    if (!this.#failing) return;
    this.#failing = false;
    this.#logger.info({ cursor: this.#cursor }, 'alert log readable again');
  }

  /** Private: logged once an outage, not at every poll. */
  #failed(error: unknown): void {
    if (this.#failing) return;
    this.#failing = true;
    this.#logger.warn(
      { err: error, cursor: this.#cursor },
      'alert log unreadable; retrying',
    );
  }
}

/** Private: an entry to one subscriber, if it is entitled to it. */
function offer(subscriber: FeedSubscriber, notice: AlertNotice): void {
  if (isEntitled(subscriber.identity, notice.recipients)) {
    subscriber.deliver(notice);
  }
}
