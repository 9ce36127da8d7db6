/// <reference lib="dom" />
/**
 * The live alert board of a CIC or a zone (§3, §7.11.2): the alerts the
 * caller is entitled to, as the gateway's graphql-ws stream brings them.
 *
 * It opens with the alerts still in progress (opening.ts), rebuilt from
 * the caller's recent events by the same code that shows a live one,
 * and the last sequence read. Like the terminal client
 * (scripts/alerts-client.ts) it then keeps the last sequence it showed.
 * Each connection subscribes with `since` set to it, so that after a
 * drop the gateway replays what was committed meanwhile, and an event at
 * or below it is dropped. When the opening read fails the board says so
 * and subscribes from now on. A drop is shown at once, with the wait
 * before the next try (doubling up to 30 s); so is the resume. A refused
 * token ends the board until a new one is given.
 */
import { CloseCode, createClient, type Client } from 'graphql-ws/client';
import {
  ALERT_EVENTS_SUBSCRIPTION,
  type AlertEventsData,
  type PartialError,
} from '../../../scripts/alerts-view';
import { ApiFailure, codeOf, describeErrors } from './api';
import { alertCard, type AlertCard } from './alert-card';
import { h, replaceChildren } from './dom';
import { readOpening, sequenceOf, type Opening } from './opening';
import type { Caller } from './session';

/** The first pause after a drop; pauses double up to MAX_DELAY_MS. */
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;
/** A ping this often; a pong later than PONG_TIMEOUT_MS drops the socket. */
const KEEP_ALIVE_MS = 10_000;
const PONG_TIMEOUT_MS = 5000;

/** Codes a new connection would meet again. */
const REFUSED_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

/** How the board's connection stands, as its banner shows it. */
type ConnectionState =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'live'; readonly resumedAfter: number | null }
  | { readonly kind: 'lost'; readonly why: string; readonly retryMs: number }
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'stopped' };

/** How one connection ended. */
type AttemptEnd =
  | { readonly kind: 'dropped'; readonly why: string;
      readonly connected: boolean }
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'stopped' };

interface Board {
  readonly token: string;
  readonly withActions: boolean;
  readonly banner: HTMLElement;
  /** What the board opened with, or why it could not read it. */
  readonly opening: HTMLElement;
  readonly list: HTMLElement;
  readonly empty: HTMLElement;
  readonly cards: Map<string, AlertCard>;
  /** The last sequence shown or read; null before the opening read. */
  last: number | null;
  /** Some connection was live before: the next one is a resume. */
  wasLive: boolean;
  stopped: boolean;
  client: Client | null;
}

function bannerText(state: ConnectionState): string {
  switch (state.kind) {
    case 'connecting':
      return 'Connecting to the live alert stream…';
    case 'live':
      return state.resumedAfter === null
        ? 'Live: new alerts appear here as they are raised.'
        : `Connection resumed: live again, nothing missed after event `
          + `#${state.resumedAfter}.`;
    case 'lost':
      return `Connection lost (${state.why}). Trying again in `
        + `${Math.ceil(state.retryMs / 1000)} s; alerts raised meanwhile `
        + 'will follow.';
    case 'refused':
      return `Stopped: ${state.message}`;
    case 'stopped':
      return 'Stopped.';
    default: {
      const impossible: never = state;
      throw new Error(`Unknown board state ${JSON.stringify(impossible)}`);
    }
  }
}

function show(board: Board, state: ConnectionState): void {
  board.banner.dataset.state = state.kind;
  board.banner.textContent = bannerText(state);
}

/**
 * Private: shows one result of the subscription, or one event of the
 * opening read handed over as the subscription would have.
 */
function receive(
  board: Board,
  data: AlertEventsData | null | undefined,
  errors: readonly PartialError[],
): void {
  const event = data?.alertEvents;
  if (!event) {
    board.list.prepend(h('p', { class: 'partial', role: 'note' },
      `An event could not be shown: ${describeErrors(errors)}`));
    return;
  }
  const sequence = sequenceOf(event.sequence);
  if (sequence === null) return;
  if (board.last !== null && sequence <= board.last) return;
  board.last = sequence;

  let card = board.cards.get(event.alert.id);
  if (card === undefined) {
    card = alertCard(event, board.token, board.withActions);
    board.cards.set(event.alert.id, card);
    board.list.prepend(card.element);
    board.empty.hidden = true;
  }
  card.update(event, errors);
  card.tick(Date.now());
}

function wsUrl(): string {
  const url = new URL('/graphql', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

function endOfClose(code: number, reason: string, connected: boolean):
  AttemptEnd {
  if (code === CloseCode.Forbidden) {
    return {
      kind: 'refused',
      message: 'the gateway refused the token (it is invalid or has '
        + 'expired). Paste a new token.',
    };
  }
  const why = reason ? `closed ${code}: ${reason}` : `closed ${code}`;
  return { kind: 'dropped', why, connected };
}

/** Private: what the sink's error means for the next connection. */
function endOfError(error: unknown, connected: boolean): AttemptEnd {
  if (Array.isArray(error)) {
    const errors = error as PartialError[];
    if (errors.some((e) => REFUSED_CODES.has(String(codeOf(e))))) {
      return { kind: 'refused', message: describeErrors(errors) };
    }
    return { kind: 'dropped', why: describeErrors(errors), connected };
  }
  if (error instanceof CloseEvent) {
    return endOfClose(error.code, error.reason, connected);
  }
  const why = error instanceof Error ? error.message : 'the network failed';
  return { kind: 'dropped', why, connected };
}

/**
 * Private: one socket, subscribed after `since` (null: from now on),
 * until it ends.
 */
function subscribeOnce(board: Board, since: number | null):
  Promise<AttemptEnd> {
  return new Promise((resolve) => {
    let connected = false;
    let pongTimer: number | undefined;
    const client = createClient({
      url: wsUrl(),
      connectionParams: { authorization: `Bearer ${board.token}` },
      lazy: true,
      retryAttempts: 0,
      keepAlive: KEEP_ALIVE_MS,
      on: {
        connected: () => {
          connected = true;
          show(board, {
            kind: 'live',
            resumedAfter: board.wasLive && since !== null ? since : null,
          });
          board.wasLive = true;
        },
        // A silent network drops no socket by itself: a late pong does.
        ping: (received) => {
          if (received) return;
          pongTimer = window.setTimeout(() => client.terminate(),
            PONG_TIMEOUT_MS);
        },
        pong: (received) => {
          if (received) window.clearTimeout(pongTimer);
        },
      },
    });
    board.client = client;
    let settled = false;
    const finish = (end: AttemptEnd) => {
      if (settled) return;
      settled = true;
      window.clearTimeout(pongTimer);
      board.client = null;
      void client.dispose();
      resolve(end);
    };
    client.subscribe<AlertEventsData>(
      {
        query: ALERT_EVENTS_SUBSCRIPTION,
        variables: since === null ? {} : { since: String(since) },
      },
      {
        next: (result) => receive(board, result.data, result.errors ?? []),
        error: (error) => finish(board.stopped
          ? { kind: 'stopped' } : endOfError(error, connected)),
        complete: () => finish(board.stopped ? { kind: 'stopped' }
          : { kind: 'dropped', why: 'the stream ended', connected }),
      },
    );
  });
}

/** Private: `text` ending as a sentence does. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Private: the opening note for what was read. */
function openingText({ shown, read, unread }: Opening): string {
  const alerts = shown === 1 ? '1 alert was' : `${shown} alerts were`;
  const found = shown === 0 && unread.length === 0
    ? 'No alert was in progress when this board opened.'
    : `${alerts} in progress when this board opened, read from your `
      + `last ${read} alert events; alerts already closed are not shown.`;
  if (unread.length === 0) return found;
  return `${found} ${unread.length} more could not be read `
    + `(${unread[0]}); each appears with its next event.`;
}

/**
 * Private: reads the alerts in progress and shows them, then sets the
 * last sequence read; on a failure says so and leaves it unset, so the
 * board goes live from now on and reads again after a drop.
 */
async function openWithAlertsInProgress(board: Board): Promise<void> {
  board.empty.textContent = 'No alert in progress.';
  board.opening.className = 'sub';
  board.opening.removeAttribute('role');
  board.opening.textContent = 'Reading the alerts in progress…';
  let opening: Opening;
  try {
    opening = await readOpening(board.token);
  } catch (error) {
    if (!(error instanceof ApiFailure)) throw error;
    board.opening.className = 'error';
    board.opening.setAttribute('role', 'alert');
    board.opening.textContent = 'The alerts already in progress could not '
      + `be read: ${sentence(error.message)} Only the alerts raised or `
      + 'updated from now on will show.';
    board.empty.textContent = 'No alert since this board opened.';
    return;
  }
  if (board.stopped) return;
  for (const { data, errors } of opening.events) {
    receive(board, data, errors);
  }
  board.last = Math.max(board.last ?? 0, opening.last);
  board.opening.textContent = openingText(opening);
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => window.setTimeout(resolve, ms));
}

/** Private: connects, and again after each drop, until refused. */
async function follow(board: Board): Promise<void> {
  let delay = FIRST_DELAY_MS;
  for (;;) {
    if (board.stopped) return;
    show(board, { kind: 'connecting' });
    if (board.last === null) await openWithAlertsInProgress(board);
    if (board.stopped) return;
    const end = await subscribeOnce(board, board.last);
    if (end.kind === 'stopped' || board.stopped) return;
    if (end.kind === 'refused') {
      show(board, { kind: 'refused', message: end.message });
      return;
    }
    if (end.connected) delay = FIRST_DELAY_MS;
    show(board, { kind: 'lost', why: end.why, retryMs: delay });
    await pause(delay);
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }
}

/** Whether the caller's role may take the board's actions (the schema). */
function mayAct(caller: Caller | null): boolean {
  return caller?.role === 'police' || caller?.role === 'cic';
}

/**
 * Renders the board into `root` and follows the stream; answers a
 * function that stops it (closing the socket).
 */
export function startBoard(
  root: HTMLElement,
  token: string,
  caller: Caller | null,
): () => void {
  const banner = h('p', {
    id: 'connection', class: 'banner', role: 'status', 'aria-live': 'polite',
  });
  const opening = h('p', { id: 'opening', class: 'sub' });
  const empty = h('p', { class: 'empty' }, 'No alert in progress.');
  const list = h('div', { class: 'alerts', 'aria-live': 'polite' });
  replaceChildren(root,
    h('h2', {}, 'Live alerts'),
    banner, opening, empty, list);

  const board: Board = {
    token, withActions: mayAct(caller), banner, opening, list, empty,
    cards: new Map(), last: null, wasLive: false, stopped: false,
    client: null,
  };
  const ticker = window.setInterval(() => {
    const now = Date.now();
    for (const card of board.cards.values()) card.tick(now);
  }, 1000);
  void follow(board);
  return () => {
    board.stopped = true;
    window.clearInterval(ticker);
    void board.client?.dispose();
    show(board, { kind: 'stopped' });
  };
}
