/**
 * §7.11.1: the protection holds anywhere in Belgium. Trips of 5 nights
 * or more and usual places (work) are announced to the managing zone,
 * which forwards them to the destination's zone and CIC.
 */
import type {
  MeasureAggregate,
  TravelKind,
  TravelNoticeState,
} from '../../../../adapters/protection/aggregate';
import { invalidInput, notFound, unknownZone } from '../errors';
import {
  accept,
  changeOf,
  noChange,
  type Change,
  type CommandContext,
} from '../lifecycle';
import { tripNights } from '../rules';
import { requireNotFuture, requireOnOrAfter } from '../validate';

export interface AnnounceTravelInput {
  kind: TravelKind;
  zoneCode: string;
  announcedOn: string;
  fromDate: string;
  /** The last night away; required for a trip, none for a usual place. */
  toDate?: string | null;
}

/**
 * Records a trip or a usual place. The destination must be a Belgian
 * police zone (abroad the protection does not hold, §5.1). A trip under
 * 5 nights is not a notice the circular asks for and is refused; one
 * announced less than 7 days ahead is kept and shows as late.
 */
export function announceTravel(
  aggregate: MeasureAggregate,
  input: AnnounceTravelInput,
  context: CommandContext,
): Change {
  const { period } = accept(aggregate, 'announceTravel');
  requireNotFuture('announcedOn', input.announcedOn, context);
  requireOnOrAfter(
    'announcedOn',
    input.announcedOn,
    { name: 'the grant of', day: period.decidedOn },
    '§7.11.1',
  );
  if (!context.territory.zone(input.zoneCode)) {
    throw unknownZone(input.zoneCode, 'destination zone');
  }

  const notice: TravelNoticeState = {
    id: context.newId(),
    kind: input.kind,
    zoneCode: input.zoneCode,
    fromDate: input.fromDate,
    toDate: travelEnd(input, context),
    announcedOn: input.announcedOn,
    forwardedOn: null,
  };
  return changeOf(
    'announceTravel',
    { ...aggregate, travelNotices: [...aggregate.travelNotices, notice] },
    { pvReference: null },
  );
}

function travelEnd(
  input: AnnounceTravelInput,
  context: CommandContext,
): string | null {
  const toDate = input.toDate ?? null;
  if (input.kind === 'USUAL_PLACE') {
    if (toDate !== null) {
      throw invalidInput(
        'A usual place has no toDate: it applies from fromDate on (§7.11.1).',
        { field: 'toDate' },
      );
    }
    return null;
  }
  if (toDate === null) {
    throw invalidInput('A trip needs toDate, its last night away (§7.11.1).', {
      field: 'toDate',
    });
  }
  requireOnOrAfter(
    'toDate',
    toDate,
    { name: 'fromDate', day: input.fromDate },
    '§7.11.1',
  );
  const nights = tripNights(input.fromDate, toDate);
  if (nights < context.rules.minTravelNights) {
    throw invalidInput(
      `A trip of ${nights} nights need not be announced: the circular asks for stays of ${context.rules.minTravelNights} nights or more (§7.11.1).`,
      { field: 'toDate', nights },
    );
  }
  return toDate;
}

export interface ForwardTravelNoticeInput {
  travelNoticeId: string;
  forwardedOn: string;
}

/**
 * The managing zone passed the notice to the destination's zone and CIC.
 * The same day again is a no-op; another day is refused.
 */
export function forwardTravelNotice(
  aggregate: MeasureAggregate,
  input: ForwardTravelNoticeInput,
  context: CommandContext,
): Change {
  accept(aggregate, 'forwardTravelNotice');
  const index = aggregate.travelNotices.findIndex(
    ({ id }) => id === input.travelNoticeId,
  );
  if (index < 0) throw notFound('travel notice', input.travelNoticeId);
  const notice = aggregate.travelNotices[index];
  if (notice.forwardedOn === input.forwardedOn) {
    return noChange('forwardTravelNotice', aggregate);
  }
  if (notice.forwardedOn !== null) {
    throw invalidInput(
      `Travel notice ${notice.id} was forwarded on ${notice.forwardedOn} already (§7.11.1).`,
      { field: 'forwardedOn' },
    );
  }
  requireNotFuture('forwardedOn', input.forwardedOn, context);
  requireOnOrAfter(
    'forwardedOn',
    input.forwardedOn,
    { name: 'the announcement of', day: notice.announcedOn },
    '§7.11.1',
  );

  const forwarded = { ...notice, forwardedOn: input.forwardedOn };
  return changeOf(
    'forwardTravelNotice',
    {
      ...aggregate,
      travelNotices: aggregate.travelNotices.with(index, forwarded),
    },
    { pvReference: null },
  );
}
