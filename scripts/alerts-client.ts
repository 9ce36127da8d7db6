/**
 * Follows the gateway's live alert stream for one subscriber, as the CLI
 * in scripts/alerts.ts does: prints each event once, in sequence order,
 * and survives dropped connections.
 *
 * The tool remembers the last sequence it printed. When the connection
 * drops, it connects again, after a pause that doubles up to a ceiling,
 * with `since` set to that sequence, so the gateway replays what was
 * committed meanwhile; an event at or below it is dropped, so none is
 * printed twice. Started without `since`, it first asks the gateway over
 * HTTP for the caller's latest event, so that even a drop before the
 * first event loses nothing.
 *
 * Ends: the caller's abort (stopped), a refused or expired token
 * (refused: close code 4403, or UNAUTHENTICATED/FORBIDDEN), or a request
 * the gateway will never accept (failed). Everything else is retried.
 */
import { CloseCode, createClient } from 'graphql-ws';
import { WebSocket } from 'ws';
import {
  ALERT_EVENTS_SUBSCRIPTION,
  formatAlertEvent,
  formatPartialErrors,
  LATEST_SEQUENCE_QUERY,
  type AlertEventsData,
  type PartialError,
} from './alerts-view';

export interface RetryPolicy {
  /** The first pause after a drop; default 500 ms. */
  readonly firstDelayMs: number;
  /** Pauses double up to this; default 30000 ms. */
  readonly maxDelayMs: number;
}

export interface FollowAlertsOptions {
  /** The gateway's GraphQL endpoint as ws:// or wss://. */
  readonly url: string;
  /** The access token (JWT); sent to the gateway only, never printed. */
  readonly token: string;
  /**
   * The last sequence already seen, a non-negative integer; default: the
   * caller's latest event, asked over HTTP at the same address.
   */
  readonly since?: string;
  /** Receives each event as text. */
  readonly write: (text: string) => void;
  /** Receives news of the connection (connected, lost); default none. */
  readonly report?: (text: string) => void;
  /** Aborting it ends the follow, which then answers `stopped`. */
  readonly signal: AbortSignal;
  /** Default 500 ms doubling up to 30 s. */
  readonly retry?: RetryPolicy;
  /** A ping every this often; default 10000 ms. */
  readonly keepAliveMs?: number;
  /** No pong within this drops the connection; default 5000 ms. */
  readonly pongTimeoutMs?: number;
}

/** How a follow ended. */
export type FollowEnd =
  | { readonly kind: 'stopped' }
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string };

/** How one connection ended; `dropped` is retried. */
type AttemptEnd =
  | FollowEnd
  | {
      readonly kind: 'dropped';
      readonly why: string;
      /** The gateway acknowledged the connection before it dropped. */
      readonly connected: boolean;
    };

/** What the follow has printed so far. */
interface Progress {
  /** The last sequence printed (or given as `since`); null before any. */
  last: number | null;
  /** Alerts whose briefing was printed, oldest first, at most 1000. */
  readonly briefed: Set<string>;
}

const DEFAULT_RETRY: RetryPolicy = { firstDelayMs: 500, maxDelayMs: 30_000 };
const DEFAULT_KEEP_ALIVE_MS = 10_000;
const DEFAULT_PONG_TIMEOUT_MS = 5000;
/** The gateway must acknowledge a connection within this. */
const ACK_TIMEOUT_MS = 10_000;
/** The HTTP question for the latest event gives up after this. */
const HTTP_TIMEOUT_MS = 10_000;
const BRIEFED_LIMIT = 1000;

/** Error codes that a new connection would meet again. */
const REFUSED_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);
const FAILED_CODES = new Set([
  'BAD_REQUEST',
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
]);

/**
 * Follows the stream until aborted or refused. Rejects only on misuse: a
 * `since` that is not a non-negative integer.
 */
export async function followAlerts(
  options: FollowAlertsOptions,
): Promise<FollowEnd> {
  const retry = options.retry ?? DEFAULT_RETRY;
  const since = options.since === undefined ? null : sequenceOf(options.since);
  if (options.since !== undefined && since === null) {
    throw new TypeError(
      `since must be a non-negative integer, got ${JSON.stringify(options.since)}`,
    );
  }
  const progress: Progress = { last: since, briefed: new Set() };
  let delay = retry.firstDelayMs;

  for (;;) {
    const end = await connectOnce(options, progress);
    if (end.kind !== 'dropped') return end;

    if (end.connected) delay = retry.firstDelayMs;
    const from = progress.last ?? 'the latest event';
    options.report?.(
      `Connection lost (${end.why}); again in ${delay} ms, after ${from}`,
    );
    if (!(await pauseUnlessAborted(delay, options.signal))) {
      return { kind: 'stopped' };
    }
    delay = Math.min(delay * 2, retry.maxDelayMs);
  }
}

/** Private: one connection, from the start point to its end. */
async function connectOnce(
  options: FollowAlertsOptions,
  progress: Progress,
): Promise<AttemptEnd> {
  if (options.signal.aborted) return { kind: 'stopped' };
  if (progress.last === null) {
    const latest = await latestSequence(options);
    if (typeof latest !== 'number') return latest;
    progress.last = latest;
  }
  return subscribeOnce(options, progress, progress.last);
}

/**
 * Private: subscribes from `since` on a new socket, prints what comes,
 * and answers once the socket or the subscription ends.
 */
function subscribeOnce(
  options: FollowAlertsOptions,
  progress: Progress,
  since: number,
): Promise<AttemptEnd> {
  return new Promise((resolve) => {
    let connected = false;
    let pongTimer: NodeJS.Timeout | undefined;
    let unsubscribe = () => {};
    const client = createClient({
      url: options.url,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${options.token}` },
      lazy: true,
      retryAttempts: 0,
      connectionAckWaitTimeout: ACK_TIMEOUT_MS,
      keepAlive: options.keepAliveMs ?? DEFAULT_KEEP_ALIVE_MS,
      on: {
        connected: () => {
          connected = true;
          options.report?.(`Connected to ${options.url}, after ${since}`);
        },
        // A silent network drops no socket by itself: a late pong does.
        ping: (received) => {
          if (received) return;
          const timeout = options.pongTimeoutMs ?? DEFAULT_PONG_TIMEOUT_MS;
          pongTimer = setTimeout(() => client.terminate(), timeout);
        },
        pong: (received) => {
          if (received) clearTimeout(pongTimer);
        },
      },
    });

    let settled = false;
    const finish = (end: AttemptEnd) => {
      if (settled) return;
      settled = true;
      clearTimeout(pongTimer);
      options.signal.removeEventListener('abort', onAbort);
      unsubscribe();
      void client.dispose();
      resolve(end);
    };
    const onAbort = () => finish({ kind: 'stopped' });
    options.signal.addEventListener('abort', onAbort, { once: true });

    unsubscribe = client.subscribe<AlertEventsData>(
      {
        query: ALERT_EVENTS_SUBSCRIPTION,
        variables: { since: String(since) },
      },
      {
        next: (result) => show(result, progress, options.write),
        error: (error) => finish(endOfError(error, connected)),
        complete: () =>
          finish({ kind: 'dropped', why: 'the stream ended', connected }),
      },
    );
  });
}

interface SubscriptionResult {
  readonly data?: AlertEventsData | null;
  readonly errors?: readonly PartialError[];
}

/** Private: prints an event once; drops one already printed. */
function show(
  result: SubscriptionResult,
  progress: Progress,
  write: (text: string) => void,
): void {
  const event = result.data?.alertEvents;
  const errors = formatPartialErrors(result.errors ?? []);
  if (!event) {
    // The event could not be resolved at all: say so, keep the place.
    write(`#? event unavailable\n${errors}`);
    return;
  }
  const sequence = sequenceOf(event.sequence);
  if (sequence === null) {
    write(`#${event.sequence} not a sequence: event skipped\n`);
    return;
  }
  if (progress.last !== null && sequence <= progress.last) return;

  const first = !progress.briefed.has(event.alert.id);
  write(`${formatAlertEvent(event, first)}${errors}`);
  progress.last = sequence;
  if (first) remember(progress.briefed, event.alert.id);
}

/** A sequence as the gateway sends it (an ID), or null for a bad one. */
export function sequenceOf(text: string): number | null {
  const value = Number(text);
  return /^\d+$/.test(text) && Number.isSafeInteger(value) ? value : null;
}

function remember(briefed: Set<string>, alertId: string): void {
  briefed.add(alertId);
  if (briefed.size <= BRIEFED_LIMIT) return;
  const oldest = briefed.values().next();
  if (!oldest.done) briefed.delete(oldest.value);
}

/** Private: what the sink's error means for the next connection. */
function endOfError(error: unknown, connected: boolean): AttemptEnd {
  if (isCloseEvent(error)) return endOfClose(error, connected);
  if (Array.isArray(error)) {
    return endOfGraphQLErrors(error as PartialError[], connected);
  }
  const why = error instanceof Error ? error.message : String(error);
  return { kind: 'dropped', why, connected };
}

interface CloseEventLike {
  readonly code: number;
  readonly reason?: string;
}

function isCloseEvent(value: unknown): value is CloseEventLike {
  if (typeof value !== 'object' || value === null) return false;
  return typeof (value as { code?: unknown }).code === 'number';
}

function endOfClose(event: CloseEventLike, connected: boolean): AttemptEnd {
  const reason = event.reason ? `: ${event.reason}` : '';
  switch (event.code) {
    case CloseCode.Forbidden:
      return {
        kind: 'refused',
        message: `The gateway refused the token (4403${reason}): it is not valid, or it has expired. Get a new token and start again.`,
      };
    case CloseCode.BadRequest:
    case CloseCode.SubprotocolNotAcceptable:
      return {
        kind: 'failed',
        message: `The gateway closed the connection with ${event.code}${reason}: it does not speak this client's protocol.`,
      };
    default: {
      const why = `closed ${event.code}${reason}`;
      return { kind: 'dropped', why, connected };
    }
  }
}

function endOfGraphQLErrors(
  errors: readonly PartialError[],
  connected: boolean,
): AttemptEnd {
  const codes = errors.map(({ extensions }) => String(extensions?.code));
  const messages = errors.map(({ message }) => message).join('; ');
  if (codes.some((code) => REFUSED_CODES.has(code))) {
    return { kind: 'refused', message: `The gateway refused: ${messages}` };
  }
  if (codes.some((code) => FAILED_CODES.has(code))) {
    return { kind: 'failed', message: `The gateway refused: ${messages}` };
  }
  return { kind: 'dropped', why: messages, connected };
}

/** The HTTP address of the same endpoint: ws becomes http. */
export function httpUrlOf(url: string): string {
  const address = new URL(url);
  address.protocol = address.protocol === 'wss:' ? 'https:' : 'http:';
  return address.toString();
}

/**
 * Private: the sequence of the caller's latest event, 0 when it has
 * none; or how asking failed.
 */
async function latestSequence(
  options: FollowAlertsOptions,
): Promise<number | AttemptEnd> {
  const url = httpUrlOf(options.url);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${options.token}`,
      },
      body: JSON.stringify({ query: LATEST_SEQUENCE_QUERY }),
      signal: AbortSignal.any([
        options.signal,
        AbortSignal.timeout(HTTP_TIMEOUT_MS),
      ]),
    });
  } catch (error) {
    if (options.signal.aborted) return { kind: 'stopped' };
    const why = `${url}: ${error instanceof Error ? error.message : error}`;
    return { kind: 'dropped', why, connected: false };
  }
  return sequenceOfAnswer(response, url);
}

interface LatestAnswer {
  readonly data?: {
    readonly alertEvents?: readonly { readonly sequence: string }[];
  } | null;
  readonly errors?: readonly PartialError[];
}

async function sequenceOfAnswer(
  response: Response,
  url: string,
): Promise<number | AttemptEnd> {
  const answer = (await response.json().catch(() => null)) as
    | LatestAnswer
    | null;
  const events = answer?.data?.alertEvents;
  if (response.ok && Array.isArray(events)) {
    if (events.length === 0) return 0;
    const latest = sequenceOf(String(events[0].sequence));
    if (latest !== null) return latest;
  }
  if (answer?.errors && answer.errors.length > 0) {
    return endOfGraphQLErrors(answer.errors, false);
  }
  const why = `${url} answered ${response.status}`;
  if (response.status === 401 || response.status === 403) {
    return { kind: 'refused', message: `The gateway refused: ${why}` };
  }
  return { kind: 'dropped', why, connected: false };
}

/** Private: waits `ms`; answers false when aborted first. */
function pauseUnlessAborted(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (waited: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(waited);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
