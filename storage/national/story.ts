/**
 * The dated facts of one synthetic measure, drawn in time order so that
 * each follows the domain's rules: hearing, decision, alerts, new facts,
 * re-evaluation, moves and the end. Prolongations follow §7.10.2: the
 * end becomes max(end, incident + 9 months), never earlier.
 */
import type {
  AlertClass,
  ProlongationCause,
  ReEvaluationOutcome,
} from '../../adapters/protection/aggregate';
import type {
  EndReason,
  MeasureStatus,
} from '../../adapters/protection/types';
import { addDays, addMonths, daysBetween } from '../dates';
import { MEASURE_MONTHS } from '../demo/cases';
import type { Prng } from '../prng';
import { poisson } from './volume';

/** Draws per month of protection, and the shares of the outcomes. */
export const RATES = {
  /** Refused after the hearing (§7.7). */
  refusal: 0.3,
  /** Alerts a month per measure: ~85 a year in a mid-size province. */
  alertsPerMonth: 0.11,
  /** §7.11.2: the circular's 3 real calls out of 84. */
  realAlertShare: 0.036,
  /** Mishandling; the rest are tests. */
  falseAlertShare: 0.42,
  newFactsPerMonth: 0.02,
  /** An early end (§7.12.3) in a given month. */
  earlyEndPerMonth: 0.025,
  movePerMonth: 0.008,
  /** §7.12.1: the magistrate prolongs after the re-evaluation. */
  reEvaluationProlongs: 0.3,
  /**
   * §7.8.7: grants whose arrondissement, finding no device, waits for
   * one rather than buying it at once (inventory.ts), and how long.
   */
  waitsForDevice: 0.2,
  waitDays: [2, 14] as const,
} as const;

const EARLY_END_REASONS: readonly (readonly [EndReason, number])[] = [
  ['PERSON_REQUEST', 40],
  ['NO_LONGER_SERIOUS', 25],
  ['MISUSE', 12],
  ['SETTLED_ABROAD', 8],
  ['SETTLED_OUTSIDE_DEPLOYED_TERRITORY', 15],
];

/** An early end comes at the earliest this long after the grant. */
const EARLY_END_MIN_DAYS = RATES.waitDays[1] + 1;

export interface AlertDraw {
  day: string;
  classification: AlertClass;
}

export interface IncidentDraw {
  cause: ProlongationCause;
  incidentOn: string;
  decidedOn: string;
  previousEndDate: string;
  newEndDate: string;
}

export interface ReEvaluationDraw {
  heardOn: string;
  decidedOn: string;
  outcome: ReEvaluationOutcome;
}

export interface MoveDraw {
  requestedOn: string;
  /** Null while the new zone has not acknowledged (§7.2.3). */
  acknowledgedOn: string | null;
}

export interface Story {
  status: MeasureStatus;
  requestedOn: string;
  /** Null while a request waits for its hearing. */
  heardOn: string | null;
  decidedOn: string | null;
  endDate: string | null;
  endedOn: string | null;
  endReason: EndReason | null;
  alerts: AlertDraw[];
  newFacts: { factOn: string; reportedOn: string }[];
  prolongations: IncidentDraw[];
  reEvaluation: ReEvaluationDraw | null;
  move: MoveDraw | null;
  /**
   * §7.8.7: days a shortage would last if the grant found no device;
   * 0 when one would be bought at once. No alert comes in those days.
   */
  shortageDays: number;
}

/** Draws the facts of a request made on `requestedOn`, up to `today`. */
export function drawStory(
  requestedOn: string,
  today: string,
  prng: Prng,
): Story {
  const story: Story = {
    status: 'REQUESTED', requestedOn, heardOn: null, decidedOn: null,
    endDate: null, endedOn: null, endReason: null, alerts: [],
    newFacts: [], prolongations: [], reEvaluation: null, move: null,
    shortageDays: 0,
  };
  const heardOn = addDays(requestedOn, prng.int(0, 3));
  if (heardOn > today) return story;
  story.heardOn = heardOn;
  const decidedOn = addDays(heardOn, prng.int(0, 6));
  if (decidedOn > today) return story;
  story.decidedOn = decidedOn;
  if (prng.chance(RATES.refusal)) return { ...story, status: 'REFUSED' };

  story.status = 'ACTIVE';
  story.endDate = addMonths(decidedOn, MEASURE_MONTHS);
  story.shortageDays = prng.chance(RATES.waitsForDevice)
    ? prng.int(...RATES.waitDays) : 0;
  liveMonths(story, today, prng);
  return story;
}

/**
 * Private: month by month from the grant, the facts of each month, until
 * the measure ends or today comes. A month is 30 days here; an early end
 * is drawn first, so that nothing of the month comes after it.
 */
function liveMonths(story: Story, today: string, prng: Prng): void {
  for (let from = story.decidedOn!; ; from = addDays(from, 30)) {
    const until = earliest(addDays(from, 29), story.endDate!, today);
    if (from > until) break;
    const early = drawEarlyEnd(story, from, until, prng);
    const last = early ? addDays(early.endedOn, -1) : until;
    if (from <= last) {
      drawAlerts(story, from, last, prng);
      drawNewFacts(story, from, last, prng);
      drawMove(story, from, last, today, prng);
      drawReEvaluation(story, from, last, prng);
    }
    if (early) return end(story, early.endedOn, early.reason);
  }
  const expiry = addDays(story.endDate!, 1);
  // The measure protects through its end date and expires the day after.
  if (expiry <= today) end(story, expiry, 'EXPIRED');
}

function end(story: Story, endedOn: string, reason: EndReason): void {
  story.status = 'ENDED';
  story.endedOn = endedOn;
  story.endReason = reason;
  // A move not yet acknowledged ends with the measure, where it is.
  if (story.move && (story.move.acknowledgedOn ?? endedOn) >= endedOn) {
    story.move = null;
  }
  if (story.reEvaluation && story.reEvaluation.decidedOn >= endedOn) {
    story.reEvaluation = null;
  }
}

function drawAlerts(story: Story, from: string, until: string, prng: Prng) {
  const span = daysBetween(from, until) + 1;
  const count = poisson(RATES.alertsPerMonth * span / 30, prng);
  const days = Array.from({ length: count },
    () => addDays(from, prng.int(0, span - 1))).sort(compare);
  for (const day of days) {
    // The device is activated the afternoon of the grant, or once a
    // shortage is over.
    if (day <= addDays(story.decidedOn!, story.shortageDays)) continue;
    const draw = prng.next();
    const classification: AlertClass = draw < RATES.realAlertShare ? 'REAL'
      : draw < RATES.realAlertShare + RATES.falseAlertShare ? 'FALSE'
      : 'TEST';
    story.alerts.push({ day, classification });
    // §7.10.2: a real alert prolongs the measure from its day.
    if (classification === 'REAL') prolong(story, 'REAL_ALERT', day, day);
  }
}

function drawNewFacts(
  story: Story,
  from: string,
  until: string,
  prng: Prng,
) {
  if (!prng.chance(RATES.newFactsPerMonth)) return;
  const reportedOn = addDays(from, prng.int(0, daysBetween(from, until)));
  const factOn = laterOf(addDays(reportedOn, -prng.int(0, 3)),
    story.decidedOn!);
  story.newFacts.push({ factOn, reportedOn });
  // §7.11.3: new facts prolong from the fact, as of their report.
  prolong(story, 'NEW_FACTS', factOn, reportedOn);
}

/** §7.2.3: a move to another deployed zone, acknowledged in days. */
function drawMove(
  story: Story,
  from: string,
  until: string,
  today: string,
  prng: Prng,
) {
  if (story.move || !prng.chance(RATES.movePerMonth)) return;
  const requestedOn = addDays(from, prng.int(0, daysBetween(from, until)));
  const acknowledgedOn = addDays(requestedOn, prng.int(2, 20));
  story.move = {
    requestedOn,
    acknowledgedOn: acknowledgedOn <= today
      && acknowledgedOn <= story.endDate! ? acknowledgedOn : null,
  };
}

/** §7.12.3: the magistrate ends the measure early, with a reason. */
function drawEarlyEnd(
  story: Story,
  from: string,
  until: string,
  prng: Prng,
): { endedOn: string; reason: EndReason } | null {
  const first = laterOf(from, addDays(story.decidedOn!, EARLY_END_MIN_DAYS));
  if (first > until || !prng.chance(RATES.earlyEndPerMonth)) return null;
  return {
    endedOn: addDays(first, prng.int(0, daysBetween(first, until))),
    reason: prng.weighted(EARLY_END_REASONS),
  };
}

/**
 * §7.12.1: in the month before the end, a hearing, then the decision:
 * let it end, or prolong from the decision day. Drawn in the month that
 * holds the hearing.
 */
function drawReEvaluation(
  story: Story,
  from: string,
  until: string,
  prng: Prng,
) {
  if (story.reEvaluation) return;
  const endDate = story.endDate!;
  const heardOn = addDays(endDate, -prng.int(8, 25));
  const decidedOn = addDays(heardOn, prng.int(1, 5));
  if (heardOn < from || decidedOn > until) return;
  const outcome = prng.chance(RATES.reEvaluationProlongs)
    ? 'PROLONG' : 'LET_END';
  story.reEvaluation = { heardOn, decidedOn, outcome };
  if (outcome === 'PROLONG') {
    prolong(story, 'RE_EVALUATION', decidedOn, decidedOn);
  }
}

/** §7.10.2 (DOMAIN Decision): max(end, incident + 9 months). */
function prolong(
  story: Story,
  cause: ProlongationCause,
  incidentOn: string,
  decidedOn: string,
): void {
  const previousEndDate = story.endDate!;
  const newEndDate = laterOf(previousEndDate,
    addMonths(incidentOn, MEASURE_MONTHS));
  story.prolongations.push({ cause, incidentOn, decidedOn, previousEndDate,
    newEndDate });
  story.endDate = newEndDate;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

function earliest(...days: string[]): string {
  return days.reduce((a, b) => (a < b ? a : b));
}
