/**
 * §7.11.3: the revisits of the victim. One revisit is open at a time:
 * doing it schedules the next, while the measure runs.
 */
import {
  TEXT_LIMITS,
  type MeasureAggregate,
  type RevisitState,
} from '../../../../adapters/protection/aggregate';
import { invalidInput } from '../errors';
import {
  accept,
  changeOf,
  type Change,
  type CommandContext,
} from '../lifecycle';
import { nextRevisitDue, revisitSchedule, type RulesConfig } from '../rules';
import { requireNotFuture, requireOnOrAfter, requireText } from '../validate';

interface Period {
  startDate: string;
  endDate: string;
}

function scheduled(dueOn: string): RevisitState {
  return { dueOn, doneOn: null, pvReference: null };
}

/** The first revisit of a new grant, if it falls before the end. */
export function firstRevisits(
  period: Period,
  rules: RulesConfig,
): RevisitState[] {
  return revisitSchedule(period.startDate, period.endDate, rules)
    .slice(0, 1)
    .map(scheduled);
}

/**
 * After the end date moved: when no revisit is open (the schedule had
 * run out before the old end), the next one within the new end opens.
 */
export function extendRevisits(
  revisits: RevisitState[],
  period: Period,
  rules: RulesConfig,
): RevisitState[] {
  if (revisits.some((revisit) => revisit.doneOn === null)) return revisits;
  const last = revisits.at(-1);
  const next = last
    ? nextRevisitDue(period, last, rules)
    : (revisitSchedule(period.startDate, period.endDate, rules)[0] ?? null);
  return next === null ? revisits : [...revisits, scheduled(next)];
}

/**
 * At the end: open revisits due after the end are dropped; one already
 * overdue stays, as a revisit that was missed.
 */
export function dropFutureRevisits(
  revisits: RevisitState[],
  endedOn: string,
): RevisitState[] {
  return revisits.filter(
    (revisit) => revisit.doneOn !== null || revisit.dueOn <= endedOn,
  );
}

export interface RecordRevisitInput {
  doneOn: string;
  pvReference: string;
}

/**
 * Marks the earliest open revisit done and opens the next: the first
 * scheduled date after both its due date and the day it was done, so a
 * late revisit covers the slot it missed.
 */
export function recordRevisit(
  aggregate: MeasureAggregate,
  input: RecordRevisitInput,
  context: CommandContext,
): Change {
  const { period } = accept(aggregate, 'recordRevisit');
  requireNotFuture('doneOn', input.doneOn, context);
  requireOnOrAfter(
    'doneOn',
    input.doneOn,
    { name: 'the start of', day: period.startDate },
    '§7.11.3',
  );
  const index = aggregate.revisits.findIndex(
    (revisit) => revisit.doneOn === null,
  );
  if (index < 0) {
    throw invalidInput(
      `Measure ${aggregate.measure.reference} has no revisit scheduled before its end on ${period.endDate} (§7.11.3).`,
    );
  }

  const done: RevisitState = {
    ...aggregate.revisits[index],
    doneOn: input.doneOn,
    pvReference: requireText('pvReference', input.pvReference, TEXT_LIMITS.pvReference),
  };
  const revisits = extendRevisits(
    aggregate.revisits.with(index, done),
    period,
    context.rules,
  );
  return changeOf(
    'recordRevisit',
    { ...aggregate, revisits },
    {
      pvReference: done.pvReference,
    },
  );
}
