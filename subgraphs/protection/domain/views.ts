/**
 * Facts derived from an aggregate, for the GraphQL layer and the work
 * lists. Nothing here is stored: each is computed from the recorded
 * facts, the rules and the day.
 */
import type {
  ConditionsState,
  DangerAnswers,
  EvaluationState,
  MeasureAggregate,
  RevisitState,
  TravelNoticeState,
} from '../../../adapters/protection/aggregate';
import { brusselsDateOf } from './clock';
import { unreachable } from './errors';
import { lifecycleOf, type MeasureLifecycle } from './lifecycle';
import {
  DEFAULT_RULES,
  isExpiryDue,
  isLateNotice,
  isRevisitDueSoon,
  isRevisitOverdue,
  isWindowOpen,
  isWithin,
  reEvaluationWindowOf,
  travelWindowOf,
  tripNights,
  type DateRange,
  type RulesConfig,
  type TravelWindow,
} from './rules';

// -------------------------------------------------- evaluation, conditions

/** §7.6: the more yes answers, the higher the risk. */
export function yesCount(answers: DangerAnswers): number {
  return Object.values(answers).filter((answer) => answer === true).length;
}

/** §7.6 (COL 15/2020): any bomb factor means the magistrate is told now. */
export function magistrateToBeToldAtOnce(
  evaluation: Pick<EvaluationState, 'bombFactors'>,
): boolean {
  return evaluation.bombFactors.length > 0;
}

/** The six conditions of §7.5 in the circular's order. */
export const CONDITION_NAMES = [
  'LIVES_IN_DEPLOYED_ZONE',
  'WITHIN_MATERIAL_SCOPE',
  'WANTS_ALARM',
  'NO_VOLUNTARY_CONTACT',
  'FILES_COMPLAINTS',
  'ACCEPTS_USER_AGREEMENT',
] as const;
export type ConditionName = (typeof CONDITION_NAMES)[number];

const CONDITION_FIELDS: Record<ConditionName, keyof ConditionsState> = {
  LIVES_IN_DEPLOYED_ZONE: 'livesInDeployedZone',
  WITHIN_MATERIAL_SCOPE: 'withinMaterialScope',
  WANTS_ALARM: 'wantsAlarm',
  NO_VOLUNTARY_CONTACT: 'noVoluntaryContact',
  FILES_COMPLAINTS: 'filesComplaints',
  ACCEPTS_USER_AGREEMENT: 'acceptsUserAgreement',
};

/** §7.5: the conditions not met, by name; empty when all are. */
export function missingConditions(
  conditions: ConditionsState,
): ConditionName[] {
  return CONDITION_NAMES.filter(
    (name) => conditions[CONDITION_FIELDS[name]] !== true,
  );
}

// ---------------------------------------------------------------- revisits

/** The revisit to do next: the earliest not done, if any. */
export function openRevisit(aggregate: MeasureAggregate): RevisitState | null {
  return aggregate.revisits.find((revisit) => revisit.doneOn === null) ?? null;
}

export { isRevisitDueSoon, isRevisitOverdue };

// ----------------------------------------------------------- re-evaluation

/** §7.12.1: the month before the end of a running measure; else null. */
export function reEvaluationWindow(
  aggregate: MeasureAggregate,
  rules: RulesConfig = DEFAULT_RULES,
): DateRange | null {
  const lifecycle = lifecycleOf(aggregate.measure);
  return lifecycle.status === 'ACTIVE'
    ? reEvaluationWindowOf(lifecycle.period.endDate, rules)
    : null;
}

export function inReEvaluationWindow(
  aggregate: MeasureAggregate,
  today: string,
  rules: RulesConfig = DEFAULT_RULES,
): boolean {
  const window = reEvaluationWindow(aggregate, rules);
  return window !== null && isWithin(window, today);
}

/** The magistrate decided on the re-evaluation of the current window. */
export function reEvaluationDecided(
  aggregate: MeasureAggregate,
  rules: RulesConfig = DEFAULT_RULES,
): boolean {
  const window = reEvaluationWindow(aggregate, rules);
  return (
    window !== null &&
    aggregate.reEvaluationDecisions.some((decision) =>
      isWithin(window, decision.decidedOn),
    )
  );
}

// ------------------------------------------------------------------ travel

/** Nights away; null for a usual place. */
export function travelNights(notice: TravelNoticeState): number | null {
  return notice.kind === 'TRIP' && notice.toDate !== null
    ? tripNights(notice.fromDate, notice.toDate)
    : null;
}

/** §7.11.1: a trip announced less than 7 calendar days ahead. */
export function travelLate(
  notice: TravelNoticeState,
  rules: RulesConfig = DEFAULT_RULES,
): boolean {
  return isLateNotice(notice, rules);
}

export function travelWindow(notice: TravelNoticeState): TravelWindow {
  return travelWindowOf(notice);
}

/**
 * §7.2.2, §7.11.1 (DOMAIN Decision): the zones entitled to the measure's
 * alerts and briefing at an instant: the managing zone, the zone of a
 * move awaiting acknowledgement (the person lives there already), and
 * the destination of every travel window open that day. Once the
 * measure no longer runs, only the managing zone keeps the file.
 */
export function entitledZonesOn(
  aggregate: MeasureAggregate,
  instant: string,
): string[] {
  const { measure } = aggregate;
  if (measure.status !== 'ACTIVE') return [measure.managingZoneCode];

  const day = brusselsDateOf(instant);
  const travelling = aggregate.travelNotices
    .filter((notice) => isWindowOpen(travelWindowOf(notice), day))
    .map((notice) => notice.zoneCode);
  const moving = measure.pendingTransfer
    ? [measure.pendingTransfer.toZoneCode]
    : [];
  return [...new Set([measure.managingZoneCode, ...moving, ...travelling])];
}

// --------------------------------------------------------------------- end

/** §7.12.2: the measure ran and ended, and its devices are still out. */
export function deviceReturnDue(aggregate: MeasureAggregate): boolean {
  const { measure } = aggregate;
  return (
    measure.status === 'ENDED' &&
    measure.decidedOn !== null &&
    measure.devicesReturnedOn === null
  );
}

/** §7.12.2: a running measure past its end date, for the expiry sweep. */
export function expiryDue(aggregate: MeasureAggregate, today: string): boolean {
  const { measure } = aggregate;
  return (
    measure.status === 'ACTIVE' &&
    measure.endDate !== null &&
    isExpiryDue(measure.endDate, today)
  );
}

// -------------------------------------------------------------- work lists

/** The sections of the schema's WorkList. */
export const WORK_SECTIONS = [
  'revisits',
  'reEvaluations',
  'deviceReturns',
  'travelToForward',
  'decisionsPending',
  'alertsToReview',
  'transfersToAcknowledge',
] as const;
export type WorkSection = (typeof WORK_SECTIONS)[number];

export interface WorkItem {
  section: WorkSection;
  /** When the task is due; null when the circular sets no day. */
  dueOn: string | null;
  overdue: boolean;
}

/**
 * The work-list sections the measure belongs to on `today`, at most one
 * item per section (the most urgent). Which actor sees which section is
 * the caller's choice: transfers concern the new parquet.
 */
export function workItemsFor(
  aggregate: MeasureAggregate,
  today: string,
  rules: RulesConfig = DEFAULT_RULES,
): WorkItem[] {
  const items = itemsByStatus(
    lifecycleOf(aggregate.measure),
    aggregate,
    today,
    rules,
  );
  return items.filter((item): item is WorkItem => item !== null);
}

function itemsByStatus(
  lifecycle: MeasureLifecycle,
  aggregate: MeasureAggregate,
  today: string,
  rules: RulesConfig,
): (WorkItem | null)[] {
  switch (lifecycle.status) {
    case 'REQUESTED':
      // §7.4: a decision is taken urgently; the circular sets no day.
      return [{ section: 'decisionsPending', dueOn: null, overdue: false }];
    case 'REFUSED':
      return [];
    case 'ACTIVE':
      return [
        revisitItem(aggregate, today, rules),
        reEvaluationItem(aggregate, lifecycle.period.endDate, today, rules),
        travelItem(aggregate, today),
        alertItem(aggregate, today),
        transferItem(aggregate),
      ];
    case 'ENDED':
      return [
        deviceReturnDue(aggregate)
          ? dueItem('deviceReturns', lifecycle.endedOn, today)
          : null,
        alertItem(aggregate, today),
      ];
    default:
      return unreachable(lifecycle);
  }
}

function dueItem(section: WorkSection, dueOn: string, today: string): WorkItem {
  return { section, dueOn, overdue: dueOn < today };
}

/** §7.11.3: the open revisit, once due within 14 days or overdue. */
function revisitItem(
  aggregate: MeasureAggregate,
  today: string,
  rules: RulesConfig,
): WorkItem | null {
  const revisit = openRevisit(aggregate);
  if (!revisit) return null;
  const listed =
    isRevisitOverdue(revisit, today) || isRevisitDueSoon(revisit, today, rules);
  return listed ? dueItem('revisits', revisit.dueOn, today) : null;
}

/** §7.12.1: inside the window and not decided yet; due by the end. */
function reEvaluationItem(
  aggregate: MeasureAggregate,
  endDate: string,
  today: string,
  rules: RulesConfig,
): WorkItem | null {
  const pending =
    inReEvaluationWindow(aggregate, today, rules) &&
    !reEvaluationDecided(aggregate, rules);
  return pending ? dueItem('reEvaluations', endDate, today) : null;
}

/** §7.11.1: notices not forwarded yet; due before the person leaves. */
function travelItem(
  aggregate: MeasureAggregate,
  today: string,
): WorkItem | null {
  const firstDays = aggregate.travelNotices
    .filter((notice) => notice.forwardedOn === null)
    .map((notice) => notice.fromDate)
    .sort();
  return firstDays.length > 0
    ? dueItem('travelToForward', firstDays[0], today)
    : null;
}

/** §7.11.2: alerts not classified yet; the magistrate is told at once. */
function alertItem(
  aggregate: MeasureAggregate,
  today: string,
): WorkItem | null {
  const raised = aggregate.alerts
    .filter((alert) => alert.classification === null)
    .map((alert) => brusselsDateOf(alert.raisedAt))
    .sort();
  return raised.length > 0 ? dueItem('alertsToReview', raised[0], today) : null;
}

/** §7.2.3: the new parquet acknowledges; the circular sets no day. */
function transferItem(aggregate: MeasureAggregate): WorkItem | null {
  return aggregate.measure.pendingTransfer
    ? { section: 'transfersToAcknowledge', dueOn: null, overdue: false }
    : null;
}
