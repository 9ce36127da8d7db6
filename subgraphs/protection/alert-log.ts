/**
 * The alert log as the gateway reads it to feed the live alert stream
 * (§3, §7.11.2): every entry in sequence order, each with who may
 * receive it, so that one reader per gateway serves all its subscribers.
 * Only the gateway's own identity asks (role `gateway`, which only the
 * gateway-signed identity header carries); the fields are @inaccessible,
 * out of the gateway's API.
 *
 * An entry says who may receive it exactly as `alertEvents` would judge
 * it now, and as the notice published at its commit said
 * (`audienceOf`): a gateway that missed a notice and reads the log
 * reaches the same subscribers.
 */
import { forbidden } from '../../runtime/errors';
import { GATEWAY_ROLE, type Identity } from '../../runtime/identity';
import type { AlertNotice } from '../../runtime/alerts/notice';
import { checkLimit, parseSequence, viewsOf } from './alert-feed';
import type { ProtectionContext } from './context';
import { alertNoticeOf } from './domain/alert-events';
import type { QueryAlertLogArgs } from './generated/graphql';

/** The schema's default `limit`. */
const DEFAULT_LIMIT = 500;

/** Reading from the end: above every sequence the log can hold. */
const END_OF_LOG = Number.MAX_SAFE_INTEGER;

/** `Query.alertLog`: the entries above `after`, at most `limit`. */
export async function alertLogOf(
  context: ProtectionContext,
  args: QueryAlertLogArgs,
): Promise<AlertNotice[]> {
  checkReader(context.identity);
  const after = parseSequence('after', args.after);
  const limit = checkLimit(args.limit ?? DEFAULT_LIMIT);

  const page = await context.adapter.alertEventsAfter(after, limit);
  const views = await viewsOf(context, page);
  return views.map(({ record, recipients }) =>
    alertNoticeOf(record, recipients));
}

/**
 * `Query.alertLogHead`: the highest sequence, "0" for an empty log.
 * Every lower sequence is committed too (adapters/protection/sql/
 * alert-events.ts, "Commit order"), so a reader may start after it.
 */
export async function alertLogHeadOf(
  context: ProtectionContext,
): Promise<string> {
  checkReader(context.identity);
  const [latest] = await context.adapter.alertEventsBefore(END_OF_LOG, 1);
  return String(latest?.sequence ?? 0);
}

/** Private: the log whole is the gateway's to read, nobody else's. */
function checkReader(identity: Identity): void {
  if (identity.role !== GATEWAY_ROLE) {
    throw forbidden(
      `The whole alert log is read by the gateway only (role ${GATEWAY_ROLE}); this caller's role is ${identity.role}.`,
    );
  }
}
