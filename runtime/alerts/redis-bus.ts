/**
 * The alert bus between processes, over one Redis stream. The protection
 * subgraph appends an entry per notice (XADD) and every gateway reads the
 * stream from the entry it read last (XREAD). Redis keeps the stream in
 * memory only, trimmed to about `maxLength` entries: the alert log in the
 * database is the record, and whenever this bus may have lost notices it
 * sends its listeners to that log through `gap()`.
 *
 * An entry holds one field:
 *
 *   notice  an AlertNotice in JSON;
 *   gap     the count of notices a publisher could not send during an
 *           outage, appended as soon as Redis answers it again: a gateway
 *           whose own reading never failed learns of the loss this way.
 *
 * Two connections per bus, because a blocking read holds its connection
 * while it waits. The publishing one fails fast: no offline queue, no
 * command sent twice, a time limit on each command, so a commit never
 * waits on the news of it. The reading one runs a single loop for every
 * listener of the bus.
 */
import { once } from 'node:events';
import { setTimeout as pause } from 'node:timers/promises';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../logger';
import type { AlertBus, AlertBusListener } from './bus';
import { noticeFromJson, type AlertNotice } from './notice';

export interface RedisAlertBusOptions {
  /** The server, as a `redis://` or `rediss://` (TLS) URL; required. */
  readonly url: string;
  /** Where the bus reports outages and skipped entries; required. */
  readonly logger: Logger;
  /** The stream's key; default `alarm:alert-notices`. */
  readonly stream?: string;
  /** Entries the stream keeps, roughly (XADD MAXLEN ~); default 100000. */
  readonly maxLength?: number;
  /** A publish gives up after this; default 1000 ms. */
  readonly publishTimeoutMs?: number;
  /**
   * Names the bus's connections in Redis's CLIENT LIST, as
   * `<name>:publish` and `<name>:read`; default `alert-bus`.
   */
  readonly clientName?: string;
}

export const DEFAULT_ALERT_STREAM = 'alarm:alert-notices';
export const DEFAULT_MAX_LENGTH = 100_000;
export const DEFAULT_PUBLISH_TIMEOUT_MS = 1000;
export const DEFAULT_CLIENT_NAME = 'alert-bus';

/** How long one read waits for new entries before it asks again. */
const READ_BLOCK_MS = 1000;
/** Entries one read takes at most. */
const READ_COUNT = 200;
/**
 * A read that hears nothing for this long has lost its server without a
 * word (a network partition): its socket is dropped and made anew.
 */
const READ_SILENCE_MS = READ_BLOCK_MS + 4000;
/** Reconnection waits this long at first, then twice as long each time… */
const FIRST_RETRY_MS = 200;
/** …up to this. */
const LAST_RETRY_MS = 2000;

const NOTICE_FIELD = 'notice';
const GAP_FIELD = 'gap';

/**
 * The read side's lifecycle. A position (the id of the entry read last)
 * holds only on the connection that took it: `connection` numbers the
 * reader's connections, so a position taken before a reconnection is
 * never trusted, even when no read saw the connection fail.
 */
type ReadState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'starting' }
  | {
      readonly kind: 'reading';
      readonly lastId: string;
      readonly connection: number;
    }
  | { readonly kind: 'down'; readonly failures: number }
  | { readonly kind: 'closed' };

/** What a stream entry turns out to be. */
type StreamEntry =
  | { readonly kind: 'notice'; readonly notice: AlertNotice }
  | { readonly kind: 'gap' }
  | { readonly kind: 'unreadable' };

export class RedisAlertBus implements AlertBus {
  readonly #url: string;
  readonly #stream: string;
  readonly #maxLength: number;
  readonly #clientName: string;
  readonly #logger: Logger;
  readonly #publisher: Redis;
  readonly #listeners = new Set<AlertBusListener>();
  readonly #publishing = new Set<Promise<void>>();
  readonly #stop = new AbortController();
  #reader: Redis | null = null;
  #connections = 0;
  #read: ReadState = { kind: 'idle' };
  #loop: Promise<void> = Promise.resolve();
  #closing: Promise<void> | null = null;
  /** Notices not sent since the current outage began; null: no outage. */
  #unsent: number | null = null;

  constructor(options: RedisAlertBusOptions) {
    this.#url = checkedUrl(options.url);
    this.#stream = options.stream ?? DEFAULT_ALERT_STREAM;
    this.#maxLength = positive(
      'maxLength',
      options.maxLength ?? DEFAULT_MAX_LENGTH,
    );
    const timeout = positive(
      'publishTimeoutMs',
      options.publishTimeoutMs ?? DEFAULT_PUBLISH_TIMEOUT_MS,
    );
    this.#clientName = options.clientName ?? DEFAULT_CLIENT_NAME;
    this.#logger = options.logger.child({ component: 'alert-bus' });

    this.#publisher = this.#connect('publish', { commandTimeout: timeout });
    this.#publisher.on('ready', () => this.#announceGap());
  }

  get healthy(): boolean {
    const publishing = this.#publisher.status === 'ready';
    switch (this.#read.kind) {
      case 'idle':
        return publishing;
      case 'reading':
        return publishing && this.#reader?.status === 'ready';
      case 'starting':
      case 'down':
      case 'closed':
        return false;
      default: {
        const impossible: never = this.#read;
        throw new Error(`Unknown read state ${JSON.stringify(impossible)}`);
      }
    }
  }

  publish(notices: readonly AlertNotice[]): Promise<void> {
    if (notices.length === 0) return Promise.resolve();
    return this.#track(this.#send(notices));
  }

  listen(listener: AlertBusListener): () => void {
    if (this.#read.kind === 'closed') {
      throw new Error('The alert bus is closed: nothing can listen to it');
    }
    this.#listeners.add(listener);
    if (this.#read.kind === 'idle') this.#startReading();
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /**
   * Stops reading at once, lets the publishes in flight finish (each is
   * bounded by the publish timeout), then closes both connections.
   */
  close(): Promise<void> {
    this.#closing ??= this.#shutDown();
    return this.#closing;
  }

  async #shutDown(): Promise<void> {
    this.#read = { kind: 'closed' };
    this.#listeners.clear();
    this.#stop.abort();

    await Promise.allSettled(this.#publishing);
    const connections = [this.#publisher, this.#reader];
    await Promise.all(connections.map((c) => c && hangUp(c)));
    await this.#loop;
  }

  /** Private: a connection that never queues a command while it is down. */
  #connect(role: 'publish' | 'read', options: RedisOptions): Redis {
    const name = `${this.#clientName}:${role}`;
    const connection = new Redis(this.#url, {
      connectionName: name,
      enableOfflineQueue: false,
      // A command cut off by a dropped connection fails rather than being
      // sent again: an XADD sent twice would be read twice, and the read
      // loop issues its next read itself.
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      retryStrategy: backoffMs,
      // Closing ends the socket at once, leaving no timer behind.
      disconnectTimeout: 0,
      ...options,
    });
    // Without a listener ioredis writes each failed attempt to the
    // console; outages are reported once, by the publish and read paths.
    connection.on('error', (error: unknown) => {
      const reason = reasonOf(error);
      this.#logger.debug({ connection: name, reason }, 'redis error');
    });
    return connection;
  }

  /** Private: remembers a publish so that close() can let it finish. */
  async #track(sending: Promise<void>): Promise<void> {
    this.#publishing.add(sending);
    try {
      await sending;
    } finally {
      this.#publishing.delete(sending);
    }
  }

  /** Private: appends the notices, led by a gap entry after an outage. */
  async #send(notices: readonly AlertNotice[]): Promise<void> {
    const gap = this.#unsent === null ? [] : [[GAP_FIELD, `${this.#unsent}`]];
    const entries = notices.map((n) => [NOTICE_FIELD, JSON.stringify(n)]);
    const errors = await this.#append([...gap, ...entries]);

    const failure = errors.find((error): error is Error => error !== null);
    if (failure === undefined) {
      this.#sent();
      return;
    }
    const refused = errors.slice(gap.length).filter((e) => e !== null);
    this.#notSent(refused.length, failure);
  }

  /** Private: XADDs in one round trip; answers each entry's error. */
  async #append(entries: readonly string[][]): Promise<(Error | null)[]> {
    const pipeline = this.#publisher.pipeline();
    for (const [field, value] of entries) {
      pipeline.xadd(
        this.#stream,
        'MAXLEN',
        '~',
        this.#maxLength,
        '*',
        field,
        value,
      );
    }
    try {
      const replies = await pipeline.exec();
      if (replies === null) throw new Error('Redis discarded the entries');
      return replies.map(([error]) => error);
    } catch (error) {
      return entries.map(() => asError(error));
    }
  }

  #notSent(count: number, error: Error): void {
    if (this.#unsent === null) {
      this.#unsent = 0;
      this.#logger.warn(
        { unsent: count, reason: reasonOf(error) },
        'alert notices not sent; gateways will read the alert log',
      );
    }
    this.#unsent += count;
  }

  #sent(): void {
    if (this.#unsent === null) return;
    this.#logger.info({ unsent: this.#unsent }, 'alert notices sent again');
    this.#unsent = null;
  }

  /** Private: tells the gateways of an outage as soon as Redis is back. */
  #announceGap(): void {
    if (this.#unsent !== null) void this.#track(this.#send([]));
  }

  #startReading(): void {
    const reader = this.#connect('read', { socketTimeout: READ_SILENCE_MS });
    reader.on('ready', () => {
      this.#connections += 1;
    });
    this.#reader = reader;
    this.#read = { kind: 'starting' };
    this.#loop = this.#readUntilClosed(reader);
  }

  /** Private: the read loop; ends, never rejecting, once the bus closes. */
  async #readUntilClosed(reader: Redis): Promise<void> {
    while (!this.#isClosed()) {
      try {
        await this.#readOnce(reader);
      } catch (error) {
        await this.#readFailed(reader, error);
      }
    }
  }

  #isClosed(): boolean {
    return this.#read.kind === 'closed';
  }

  /** Private: one step of the loop: take a position, or read from it. */
  async #readOnce(reader: Redis): Promise<void> {
    if (reader.status !== 'ready') {
      // Rejects on the connection's next error, or when the bus closes.
      await once(reader, 'ready', { signal: this.#stop.signal });
    }
    const state = this.#read;
    if (state.kind === 'reading' && state.connection === this.#connections) {
      await this.#readFrom(reader, state.lastId);
    } else {
      await this.#takePosition(reader);
    }
  }

  /**
   * Private: reading goes on after the stream's newest entry. On the first
   * listen, this is XREAD's `$` without its blind spot between two reads.
   * After an outage it holds whether Redis restarted (its stream is new,
   * and its ids may run behind the one read last) or only the connection
   * dropped: what came before is in the alert log, where the gap sends
   * the listeners before any later notice.
   */
  async #takePosition(reader: Redis): Promise<void> {
    const connection = this.#connections;
    const newest = await reader.xrevrange(this.#stream, '+', '-', 'COUNT', 1);

    const previous = this.#read;
    if (previous.kind === 'closed') return;
    const lastId = newest.length > 0 ? newest[0][0] : '0-0';
    this.#read = { kind: 'reading', lastId, connection };
    if (previous.kind === 'starting') return;

    this.#logger.info('alert notices: reading again; listeners told of a gap');
    this.#signalGap();
  }

  async #readFrom(reader: Redis, lastId: string): Promise<void> {
    const reply = await reader.xread(
      'COUNT',
      READ_COUNT,
      'BLOCK',
      READ_BLOCK_MS,
      'STREAMS',
      this.#stream,
      lastId,
    );
    const entries = reply === null ? [] : reply[0][1];
    for (const [id, fields] of entries) this.#deliver(id, fields);

    const state = this.#read;
    const last = entries.at(-1);
    if (last !== undefined && state.kind === 'reading') {
      this.#read = { ...state, lastId: last[0] };
    }
  }

  #deliver(id: string, fields: readonly string[]): void {
    const entry = entryOf(fields);
    switch (entry.kind) {
      case 'notice':
        this.#each((listener) => listener.notice(entry.notice));
        return;
      case 'gap':
        this.#signalGap();
        return;
      case 'unreadable':
        // Only the id: the entry may hold anything, a person included.
        this.#logger.warn({ entry: id }, 'stream entry skipped: no notice');
        this.#signalGap();
        return;
      default: {
        const impossible: never = entry;
        throw new Error(`Unknown stream entry ${JSON.stringify(impossible)}`);
      }
    }
  }

  #signalGap(): void {
    this.#each((listener) => listener.gap());
  }

  /** Private: calls every listener; one that throws stops no other. */
  #each(call: (listener: AlertBusListener) => void): void {
    for (const listener of [...this.#listeners]) {
      try {
        call(listener);
      } catch (error) {
        const reason = reasonOf(error);
        this.#logger.error({ reason }, 'alert bus listener failed');
      }
    }
  }

  /**
   * Private: the read side is down until a position is taken again. The
   * first failure of an outage is logged; a server that answers with an
   * error is asked again only after a pause, while a connection that is
   * down paces the loop by its own reconnection backoff.
   */
  async #readFailed(reader: Redis, error: unknown): Promise<void> {
    const state = this.#read;
    if (state.kind === 'closed') return;
    if (state.kind !== 'down') {
      const reason = reasonOf(error);
      this.#logger.warn({ reason }, 'alert notices: reading stopped');
    }
    const failures = state.kind === 'down' ? state.failures + 1 : 1;
    this.#read = { kind: 'down', failures };

    if (reader.status !== 'ready') return;
    const signal = this.#stop.signal;
    // Rejects only when close() cuts the pause short.
    await pause(backoffMs(failures), undefined, { signal }).catch(() => {});
  }
}

/** Private: the wait before reconnection attempt `attempt` (from 1). */
function backoffMs(attempt: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** (attempt - 1), LAST_RETRY_MS);
}

/** Private: what a stream entry's fields (name, value, …) hold. */
function entryOf(fields: readonly string[]): StreamEntry {
  const json = fieldOf(fields, NOTICE_FIELD);
  if (json !== undefined) {
    const notice = noticeFromJson(parseJson(json));
    return notice === null ? { kind: 'unreadable' } : { kind: 'notice', notice };
  }
  if (fieldOf(fields, GAP_FIELD) !== undefined) return { kind: 'gap' };
  return { kind: 'unreadable' };
}

function fieldOf(fields: readonly string[], name: string): string | undefined {
  for (let i = 0; i + 1 < fields.length; i += 2) {
    if (fields[i] === name) return fields[i + 1];
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Private: closes a connection now; resolves once its socket is gone. */
function hangUp(connection: Redis): Promise<void> {
  // Between attempts there is no socket, and no 'end' will follow.
  const open = ['connecting', 'connect', 'ready'].includes(connection.status);
  const ended = open
    ? new Promise<void>((resolve) => connection.once('end', resolve))
    : Promise.resolve();
  connection.disconnect();
  return ended;
}

/**
 * Private: only an error's message reaches a log line: ioredis attaches
 * the command and its arguments, a notice among them, to some errors.
 */
function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function checkedUrl(url: string): string {
  const protocol = URL.canParse(url) ? new URL(url).protocol : '';
  if (protocol === 'redis:' || protocol === 'rediss:') return url;
  // The value is not repeated: a Redis URL may hold a password.
  throw new TypeError('RedisAlertBus needs a redis:// or rediss:// URL');
}

function positive(name: string, value: number): number {
  if (Number.isSafeInteger(value) && value >= 1) return value;
  throw new TypeError(`${name} must be a positive integer, got ${value}`);
}
