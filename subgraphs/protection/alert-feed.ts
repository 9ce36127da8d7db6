/**
 * The alert log as one caller may read it (§3, §7.11.2): the events of
 * the alerts the caller is entitled to, judged at each event's instant.
 * The live alert stream replays this read on reconnect and resolves each
 * event it delivers through `alertEvent`, so all apply the same rule:
 * `isEntitled` over the recipients `audienceOf` gives.
 *
 * The log holds every measure's events, so a page of it is filtered
 * here, not in SQL: the log is read a page at a time until the caller
 * has `limit` events or the log ends, the page's measures loaded in one
 * batch. Known limit: a caller with few events makes the read walk far
 * into the log; a per-zone index of the log would end that, once the
 * stream's work (issue 5) settles what the log keeps.
 */
import { GraphQLError } from 'graphql';
import type {
  AlertState,
  MeasureAggregate,
} from '../../adapters/protection/aggregate';
import {
  ALERT_EVENTS_PAGE_MAX,
  type AlertEventRecord,
} from '../../adapters/protection/types';
import type { ProtectionContext } from './context';
import { audienceOf } from './domain/alert-events';
import {
  followsAlerts,
  isEntitled,
  type AlertRecipients,
} from './domain/entitlement';
import type {
  QueryAlertEventArgs,
  QueryAlertEventsArgs,
} from './generated/graphql';

/** One event the caller may read, with what its fields are made from. */
export interface AlertEventView {
  readonly record: AlertEventRecord;
  readonly aggregate: MeasureAggregate;
  readonly alert: AlertState;
  readonly recipients: AlertRecipients;
}

/** The schema's default `limit`. */
const DEFAULT_LIMIT = 100;

/** Reading from the end: above every sequence the log can hold. */
const END_OF_LOG = Number.MAX_SAFE_INTEGER;

/**
 * `Query.alertEvents`: with `after`, the caller's first `limit` events
 * numbered above it; without, the caller's latest `limit`. Either way in
 * sequence order. Roles that follow no alert read an empty list.
 */
export async function alertEventsOf(
  context: ProtectionContext,
  args: QueryAlertEventsArgs,
): Promise<AlertEventView[]> {
  const limit = checkLimit(args.limit ?? DEFAULT_LIMIT);
  const after = args.after == null ? null : parseSequence('after', args.after);
  if (!followsAlerts(context.identity.role)) return [];

  if (after !== null) return readForward(context, after, limit);
  const latest = await readBackward(context, limit);
  return latest.reverse();
}

/**
 * `Query.alertEvent`: the event numbered `sequence` when the caller may
 * read it; null when the caller may not, or the log has no such event.
 */
export async function alertEventOf(
  context: ProtectionContext,
  args: QueryAlertEventArgs,
): Promise<AlertEventView | null> {
  const sequence = parseSequence('sequence', args.sequence);
  if (sequence === 0 || !followsAlerts(context.identity.role)) return null;

  const [record] = await context.adapter.alertEventsAfter(sequence - 1, 1);
  if (record === undefined || record.sequence !== sequence) return null;
  const [view] = await entitledOf(context, [record]);
  return view ?? null;
}

/** Private: the caller's events above `after`, oldest first. */
async function readForward(
  context: ProtectionContext,
  after: number,
  limit: number,
): Promise<AlertEventView[]> {
  const found: AlertEventView[] = [];
  for (let cursor = after; found.length < limit;) {
    const page = await context.adapter.alertEventsAfter(
      cursor, ALERT_EVENTS_PAGE_MAX);
    found.push(...await entitledOf(context, page));
    if (page.length < ALERT_EVENTS_PAGE_MAX) break;
    cursor = page[page.length - 1].sequence;
  }
  return found.slice(0, limit);
}

/** Private: the caller's latest events, latest first. */
async function readBackward(
  context: ProtectionContext,
  limit: number,
): Promise<AlertEventView[]> {
  const found: AlertEventView[] = [];
  for (let cursor = END_OF_LOG; found.length < limit;) {
    const page = await context.adapter.alertEventsBefore(
      cursor, ALERT_EVENTS_PAGE_MAX);
    found.push(...await entitledOf(context, page));
    if (page.length < ALERT_EVENTS_PAGE_MAX) break;
    cursor = page[page.length - 1].sequence;
  }
  return found.slice(0, limit);
}

/**
 * Private: the events of a page the caller is entitled to, in the
 * page's order. The page's measures load in one batch.
 */
async function entitledOf(
  context: ProtectionContext,
  page: readonly AlertEventRecord[],
): Promise<AlertEventView[]> {
  const views = await viewsOf(context, page);
  return views.filter((view) =>
    isEntitled(context.identity, view.recipients));
}

/**
 * Each event of a page with its alert, its measure and its recipients
 * at the event, in the page's order. The page's measures load in one
 * batch.
 */
export async function viewsOf(
  context: ProtectionContext,
  page: readonly AlertEventRecord[],
): Promise<AlertEventView[]> {
  const ids = [...new Set(page.map((event) => event.measureId))];
  const loaded = await context.loaders.measure.loadMany(ids);
  const aggregates = new Map<string, MeasureAggregate>();
  loaded.forEach((aggregate, index) => {
    if (aggregate instanceof Error) throw aggregate;
    aggregates.set(ids[index], present(aggregate, `measure ${ids[index]}`));
  });

  return page.map((record) => {
    const aggregate = present(aggregates.get(record.measureId),
      `measure ${record.measureId}`);
    return { record, aggregate, ...audienceOf(record, aggregate, context) };
  });
}

/** The log's events name their measure and alert: both must exist. */
function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) {
    throw new GraphQLError(`The alert log refers to a missing ${what}.`, {
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  }
  return value;
}

/** A page size the log is read by: 1 to ALERT_EVENTS_PAGE_MAX. */
export function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > ALERT_EVENTS_PAGE_MAX) {
    throw new GraphQLError(
      `limit must be from 1 to ${ALERT_EVENTS_PAGE_MAX}, got ${limit}.`,
      { extensions: { code: 'BAD_USER_INPUT', argument: 'limit' } },
    );
  }
  return limit;
}

/**
 * A sequence as the client holds it: digits only, as `sequence` gives;
 * anything else is BAD_USER_INPUT naming the argument.
 */
export function parseSequence(argument: string, value: string): number {
  const sequence = /^[0-9]+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(sequence)) {
    throw new GraphQLError(
      `${argument} must be a sequence, a non-negative integer, got ${JSON.stringify(value)}.`,
      { extensions: { code: 'BAD_USER_INPUT', argument } },
    );
  }
  return sequence;
}
