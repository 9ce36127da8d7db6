/// <reference lib="dom" />
/**
 * What the live board shows as it opens (§3, §7.11.2): the caller's
 * alerts still in progress, so that a dispatcher who opens the console
 * mid-shift, or reloads it, keeps sight of them.
 *
 * The board reads the caller's latest RECENT_EVENTS_LIMIT (200) events
 * (Query.alertEvents without `after`), keeps the alerts that none of
 * those events closed, and reads the latest event of each in full, as
 * the gateway resolves an event it streams (Query.alertEvent, with the
 * subscription's own selection). Every event read of those alerts is
 * then handed to the board as the stream would hand it: its own
 * sequence, kind and instant, with the alert, the measure and the
 * briefing as they stand now, which is what the stream sends too. The
 * board subscribes next with `since` set to the last sequence read, so
 * the gateway replays what was committed meanwhile and nothing read
 * comes twice.
 *
 * Left out: an alert closed within those events or whose call has ended
 * as it stands now, and one whose events all lie before them.
 */
import {
  ALERT_EVENT_QUERY,
  RECENT_ALERT_EVENTS_QUERY,
  type AlertEventData,
  type AlertEventsData,
  type AlertEventView,
  type PartialError,
  type RecentAlertEventsData,
  type RecentAlertEventView,
} from '../../../scripts/alerts-view';
import { ApiFailure, request } from './api';

/** How many alerts' latest events are read at once: 4. */
const READS_AT_ONCE = 4;

/** One event as the subscription would have delivered it. */
export interface OpeningEvent {
  readonly data: AlertEventsData;
  readonly errors: readonly PartialError[];
}

/** What the board opens with. */
export interface Opening {
  /** The last sequence read; 0 when the caller has no event at all. */
  readonly last: number;
  /** How many events were read. */
  readonly read: number;
  /** The events of the alerts in progress, oldest first. */
  readonly events: readonly OpeningEvent[];
  /** How many alerts are in progress and shown. */
  readonly shown: number;
  /** Why an alert in progress could not be read, one line each. */
  readonly unread: readonly string[];
}

/** A sequence as the gateway sends it (an ID), or null for a bad one. */
export function sequenceOf(text: string): number | null {
  const value = Number(text);
  return /^\d+$/.test(text) && Number.isSafeInteger(value) ? value : null;
}

/**
 * The alerts in progress among `events` (oldest first): those with no
 * CLOSED event, each with its events in the order read.
 */
export function alertsInProgress(
  events: readonly RecentAlertEventView[],
): Map<string, RecentAlertEventView[]> {
  const byAlert = new Map<string, RecentAlertEventView[]>();
  const closed = new Set<string>();
  for (const event of events) {
    const { id } = event.alert;
    if (event.kind === 'CLOSED') closed.add(id);
    const known = byAlert.get(id);
    if (known) known.push(event);
    else byAlert.set(id, [event]);
  }
  for (const id of closed) byAlert.delete(id);
  return byAlert;
}

/** The highest sequence among `events`, 0 for none. */
export function lastSequenceOf(
  events: readonly RecentAlertEventView[],
): number {
  let last = 0;
  for (const { sequence } of events) {
    last = Math.max(last, sequenceOf(sequence) ?? 0);
  }
  return last;
}

/**
 * `event` as the stream would deliver it now: `latest`, the full latest
 * event of the same alert, with the event's own sequence, kind and
 * instant. Everything else of an event is the alert as it stands now.
 */
export function asStreamed(
  event: RecentAlertEventView,
  latest: AlertEventView,
): AlertEventView {
  return { ...latest, sequence: event.sequence, kind: event.kind,
    at: event.at };
}

/** How reading one alert's latest event ended. */
export type LatestRead =
  | { readonly kind: 'read'; readonly view: AlertEventView;
      readonly errors: readonly PartialError[] }
  | { readonly kind: 'gone' }
  | { readonly kind: 'failed'; readonly why: string };

/** Private: the event numbered `sequence` in full, as streamed. */
async function readLatest(token: string, sequence: string):
  Promise<LatestRead> {
  try {
    const { data, errors = [] } = await request<AlertEventData>(token,
      ALERT_EVENT_QUERY, { sequence });
    // The caller may no longer read it (a FALSE alert, §7.11.2).
    if (data.alertEvent === null) return { kind: 'gone' };
    return { kind: 'read', view: data.alertEvent, errors };
  } catch (error) {
    if (!(error instanceof ApiFailure)) throw error;
    return { kind: 'failed', why: error.message };
  }
}

/** Private: `work` over `items`, at most `atOnce` at a time, in order. */
async function eachAtMost<T, R>(
  items: readonly T[],
  atOnce: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index]);
    }
  };
  const workers = Math.min(atOnce, items.length);
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}

/**
 * What the board opens with, from the events read (oldest first) and
 * how reading each alert's latest event ended. An alert whose call has
 * ended as it stands now is closed too: its CLOSED event lay before
 * those read, and a later class or arrival was read.
 */
export function openingOf(
  recent: readonly RecentAlertEventView[],
  latest: ReadonlyMap<string, LatestRead>,
): Opening {
  const shown: OpeningEvent[][] = [];
  const unread: string[] = [];
  for (const [id, events] of alertsInProgress(recent)) {
    const read = latest.get(id);
    if (read?.kind === 'failed') unread.push(read.why);
    if (read?.kind !== 'read' || read.view.alert.callEndedAt !== null) {
      continue;
    }
    shown.push(events.map((event) => ({
      data: { alertEvents: asStreamed(event, read.view) },
      errors: read.errors,
    })));
  }
  const events = shown.flat().sort((a, b) =>
    Number(a.data.alertEvents.sequence) - Number(b.data.alertEvents.sequence));
  return {
    last: lastSequenceOf(recent), read: recent.length, events,
    shown: shown.length, unread,
  };
}

/**
 * Reads what the board opens with. Throws an ApiFailure when the
 * caller's events cannot be read (refused, rate limited, down); an
 * alert whose latest event cannot be read is counted in `unread`.
 */
export async function readOpening(token: string): Promise<Opening> {
  const { data } = await request<RecentAlertEventsData>(token,
    RECENT_ALERT_EVENTS_QUERY);
  const recent = data.alertEvents;
  const alerts = [...alertsInProgress(recent)];
  const reads = await eachAtMost(alerts, READS_AT_ONCE,
    ([, events]) => readLatest(token, events[events.length - 1].sequence));
  const latest = new Map(alerts.map(([id], index) => [id, reads[index]]));
  return openingOf(recent, latest);
}
