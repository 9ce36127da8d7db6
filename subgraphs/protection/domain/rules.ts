/**
 * The time rules of COL 03/2023 as pure functions over ISO days
 * (YYYY-MM-DD), and the one place where their figures are configured.
 */
import type { TravelKind } from '../../../adapters/protection/aggregate';
import {
  addDays,
  addMonths,
  daysBetween,
  parseIsoDate,
} from '../../../storage/dates';

export interface RulesConfig {
  /** §7.10.1: months a grant, and each prolongation, lasts. Default 9. */
  durationMonths: number;
  /** §7.11.3 (DOMAIN Decision): the first revisit, months after the
   *  grant. Default 1. */
  firstRevisitAfterMonths: number;
  /** §7.11.3: months between later revisits. Default 3. */
  revisitEveryMonths: number;
  /** Work list: an open revisit this many days ahead is due soon.
   *  Default 14. */
  revisitDueSoonDays: number;
  /** §7.11.1: the shortest trip that must be announced, in nights.
   *  Default 5. */
  minTravelNights: number;
  /** §7.11.1: calendar days of notice a trip needs. Default 7. */
  travelNoticeDays: number;
  /** §7.12.1: the re-evaluation window before the end, in months.
   *  Default 1. */
  reEvaluationWindowMonths: number;
}

export const DEFAULT_RULES: Readonly<RulesConfig> = Object.freeze({
  durationMonths: 9,
  firstRevisitAfterMonths: 1,
  revisitEveryMonths: 3,
  revisitDueSoonDays: 14,
  minTravelNights: 5,
  travelNoticeDays: 7,
  reEvaluationWindowMonths: 1,
});

/** §7.5, §7.9: from this age a protected person signs the agreement. */
export const SIGNATURE_AGE = 16;
/** §6, §7.9: under this age a protected person needs discernment. */
export const MAJORITY_AGE = 18;

/**
 * The defaults with some figures replaced. Every figure must be a whole
 * number of at least 1 (0 for the two day counts); a bad one throws,
 * naming the option and the value.
 */
export function rulesConfig(
  overrides: Partial<RulesConfig> = {},
): Readonly<RulesConfig> {
  const rules: RulesConfig = { ...DEFAULT_RULES, ...overrides };
  for (const [name, value] of Object.entries(rules)) {
    const least = name.endsWith('Days') ? 0 : 1;
    if (!Number.isInteger(value) || value < least) {
      throw new TypeError(
        `Rules option ${name} must be a whole number of at least ${least}, got ${JSON.stringify(value)}`,
      );
    }
  }
  return Object.freeze(rules);
}

/** The later of two ISO days (they compare as text). */
function laterDay(first: string, second: string): string {
  return first > second ? first : second;
}

// ---------------------------------------------------------------- duration

/**
 * §7.10.1 (DOMAIN Decision): decision date + 9 calendar months; a day the
 * month lacks falls back to its last day (31 May → end of February).
 */
export function grantEndDate(decidedOn: string, rules: RulesConfig): string {
  return addMonths(decidedOn, rules.durationMonths);
}

/**
 * §7.10.2 (DOMAIN Decision): a new period counts from the incident; the
 * end is the later of the current end and incident + 9 months, so a
 * prolongation never shortens a measure.
 */
export function prolongedEndDate(
  currentEnd: string,
  incidentOn: string,
  rules: RulesConfig,
): string {
  return laterDay(currentEnd, addMonths(incidentOn, rules.durationMonths));
}

/** §7.12.2: an ACTIVE measure whose end date has passed must expire. */
export function isExpiryDue(endDate: string, today: string): boolean {
  return today > endDate;
}

/** The measure is protective through its end date; it ends the day after. */
export function expiryDate(endDate: string): string {
  return addDays(endDate, 1);
}

// ---------------------------------------------------------------- revisits

/**
 * §7.11.3 (DOMAIN Decision): revisits fall one month after the grant, then
 * every 3 months, while the measure runs (up to its end date included).
 * Each date counts from the start, so month ends do not drift.
 */
export function revisitSchedule(
  startDate: string,
  endDate: string,
  rules: RulesConfig,
): string[] {
  const dates: string[] = [];
  for (let k = 0; ; k += 1) {
    const months = rules.firstRevisitAfterMonths + k * rules.revisitEveryMonths;
    const dueOn = addMonths(startDate, months);
    if (dueOn > endDate) return dates;
    dates.push(dueOn);
  }
}

/**
 * The next revisit after one that was due on `lastDueOn` and done on
 * `doneOn`: the first scheduled date after both, so a late revisit
 * stands for the slot it missed. Null when none falls before the end.
 */
export function nextRevisitDue(
  schedule: { startDate: string; endDate: string },
  after: { dueOn: string; doneOn: string | null },
  rules: RulesConfig,
): string | null {
  const floor = laterDay(after.dueOn, after.doneOn ?? after.dueOn);
  const dates = revisitSchedule(schedule.startDate, schedule.endDate, rules);
  return dates.find((dueOn) => dueOn > floor) ?? null;
}

export function isRevisitOverdue(
  revisit: { dueOn: string; doneOn: string | null },
  today: string,
): boolean {
  return revisit.doneOn === null && revisit.dueOn < today;
}

/** Open and due between today and the due-soon horizon, both included. */
export function isRevisitDueSoon(
  revisit: { dueOn: string; doneOn: string | null },
  today: string,
  rules: RulesConfig,
): boolean {
  if (revisit.doneOn !== null) return false;
  const daysLeft = daysBetween(today, revisit.dueOn);
  return daysLeft >= 0 && daysLeft <= rules.revisitDueSoonDays;
}

// ----------------------------------------------------------- re-evaluation

export interface DateRange {
  from: string;
  to: string;
}

/** §7.12.1: "dans le mois qui précède la fin": [end − 1 month, end]. */
export function reEvaluationWindowOf(
  endDate: string,
  rules: RulesConfig,
): DateRange {
  return {
    from: addMonths(endDate, -rules.reEvaluationWindowMonths),
    to: endDate,
  };
}

export function isWithin(range: DateRange, day: string): boolean {
  return range.from <= day && day <= range.to;
}

// ------------------------------------------------------------------ travel

/**
 * Nights away: `toDate` is the last night away (the schema's reading), so
 * a trip from the 1st to the 5th is 5 nights.
 */
export function tripNights(fromDate: string, toDate: string): number {
  return daysBetween(fromDate, toDate) + 1;
}

/**
 * §7.11.1: a trip must be announced at least 7 calendar days ahead. A
 * usual place (work) has no notice period, so it is never late.
 */
export function isLateNotice(
  notice: { kind: TravelKind; announcedOn: string; fromDate: string },
  rules: RulesConfig,
): boolean {
  if (notice.kind === 'USUAL_PLACE') return false;
  return (
    daysBetween(notice.announcedOn, notice.fromDate) < rules.travelNoticeDays
  );
}

/** An announced window; `to` is null when open-ended (a usual place). */
export interface TravelWindow {
  from: string;
  to: string | null;
}

/**
 * §7.11.1 (DOMAIN Decision): the destination is entitled to the measure
 * for the announced window only. A trip's window runs from its first day
 * to the morning after its last night, the day the person comes home.
 */
export function travelWindowOf(notice: {
  kind: TravelKind;
  fromDate: string;
  toDate: string | null;
}): TravelWindow {
  if (notice.kind === 'USUAL_PLACE' || notice.toDate === null) {
    return { from: notice.fromDate, to: null };
  }
  return { from: notice.fromDate, to: addDays(notice.toDate, 1) };
}

export function isWindowOpen(window: TravelWindow, day: string): boolean {
  return window.from <= day && (window.to === null || day <= window.to);
}

// --------------------------------------------------------------------- age

/**
 * Age in whole years on a day. Someone born on 29 February turns a year
 * older on 1 March in common years.
 */
export function ageOn(birthDate: string, day: string): number {
  const birth = parseIsoDate(birthDate);
  const on = parseIsoDate(day);
  const years = on.getUTCFullYear() - birth.getUTCFullYear();
  const hadBirthday =
    on.getUTCMonth() > birth.getUTCMonth() ||
    (on.getUTCMonth() === birth.getUTCMonth() &&
      on.getUTCDate() >= birth.getUTCDate());
  return hadBirthday ? years : years - 1;
}
