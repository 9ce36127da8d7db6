/**
 * The demo measures and the people in them. The first ten cases are
 * scenarios that tests and the README rely on (see `DEMO` in
 * `../demo-data.ts`); the others are drawn from the seeded generator.
 */
import type {
  AlertClass,
  PositioningMethod,
  ProlongationCause,
} from '../../adapters/protection/aggregate';
import type {
  EndReason,
  Gender,
  MeasureRecord,
  MeasureStatus,
  PersonRecord,
  ProtectedPersonRecord,
  ProtectedRole,
  Relationship,
  RequestOrigin,
  ZoneRecord,
} from '../../adapters/protection/types';
import { addDays, addMonths, daysBetween } from '../dates';
import type { Prng } from '../prng';
import { PersonFactory } from './people';
import { DEMO_ARRONDISSEMENTS } from './territory';
import { compareText, pad } from './text';

/** What the other systems know of the suspect (MaCH files, BNG record). */
export type SuspectProfile = 'HEAVY' | 'CLEAN' | 'DRAWN';

export interface CasePlan {
  status: MeasureStatus;
  endReason?: EndReason;
  arrondissementCode?: string;
  relationship?: Relationship;
  children?: number;
  relatives?: number;
  suspect?: SuspectProfile;
  wanted?: boolean;
  lentPhone?: boolean;
  /** The last daily report of the victim's button is days old. */
  staleReport?: boolean;
  /** Days before the reference date of the decision (of the request
   *  while the measure is REQUESTED). */
  daysAgo?: number;
  /** Takes the decision date from the reference date. */
  decidedOn?: (referenceDate: string) => string;
  /** Same victim and suspect as this earlier case (1-based number). */
  sameParticipantsAs?: number;
  /** Alerts recorded on an active measure (§7.11.2). */
  alerts?: readonly AlertPlan[];
  /** New facts reported this many days ago (§7.11.3, §7.10.2). */
  newFactsDaysAgo?: number;
  /** §7.11.3: the revisit due next was missed and is overdue. */
  missesRevisit?: boolean;
  /** §7.12.1: the magistrate let it end after a re-evaluation. */
  letEndAfterReEvaluation?: boolean;
  /** A trip and a usual place announced (§7.11.1). */
  travelNotices?: boolean;
  /** A move to this deployed zone, awaiting the new parquet (§7.2.3). */
  moveToZone?: string;
  /** A deployed zone of the arrondissement; default one drawn. */
  managingZoneCode?: string;
}

/**
 * When an alert was raised, never before the day after the decision, and
 * the 112 app's position fixes during the call, if any (§3).
 */
export type AlertPlan = (
  | { classification: AlertClass; daysAgo: number }
  | { classification: AlertClass; daysAfterDecision: number }
) & { track?: readonly DemoFix[] };

/** A fix of the 112 app, dated from the press of the button (§3). */
export interface DemoFix {
  secondsAfterPress: number;
  latitude: number;
  longitude: number;
  accuracyMeters: number;
  confidencePercent: number;
  method: PositioningMethod;
}

/**
 * The measure as its case fixes it; the rest of its columns come with
 * its life story (lifecycle.ts), drawn after the other systems' data.
 */
export type CaseMeasure = Pick<MeasureRecord,
  | 'id' | 'reference' | 'status' | 'relationship' | 'arrondissementCode'
  | 'managingZoneCode' | 'requestOrigin' | 'requestedOn' | 'decidedOn'
  | 'startDate' | 'endDate' | 'endedOn' | 'endReason'
  | 'suspectNationalNumber'>;

export type CaseProtectedPerson = Pick<ProtectedPersonRecord,
  'measureId' | 'nationalNumber' | 'role'>;

export interface DemoCase {
  /** 1-based; measure `demo-measure-001` is case 1. */
  number: number;
  plan: CasePlan;
  measure: CaseMeasure;
  /** The victim first, then children, then relatives. */
  protectedPersons: CaseProtectedPerson[];
  victim: PersonRecord;
  suspect: PersonRecord;
  children: PersonRecord[];
  relatives: PersonRecord[];
}

/** §7.10: 9 calendar months (see `addMonths` for month ends). */
export const MEASURE_MONTHS = 9;

export function measureId(caseNumber: number): string {
  return `demo-measure-${pad(caseNumber, 3)}`;
}

const ACTIVE: CasePlan = { status: 'ACTIVE' };
const REQUESTED: CasePlan = { status: 'REQUESTED' };
const REFUSED: CasePlan = { status: 'REFUSED' };
const ended = (endReason: EndReason): CasePlan => ({
  status: 'ENDED',
  endReason,
});

/**
 * 36 cases: 20 active, 8 ended, 4 refused, 4 requested. Among the drawn
 * active ones, case 13 had a real alert and 18 new facts (both
 * prolonged), 32 a false alert, 16 announced travel, 21 is moving to
 * another arrondissement and 25 missed a revisit.
 */
export function demoPlans(): CasePlan[] {
  const scenarios: CasePlan[] = [
    { ...ACTIVE, arrondissementCode: 'ANT', relationship: 'EX_PARTNER',
      children: 1, relatives: 0, suspect: 'HEAVY', lentPhone: true,
      daysAgo: 60 },
    { ...ACTIVE, arrondissementCode: 'BRU', relationship: 'SIBLING',
      children: 0, relatives: 0, suspect: 'CLEAN', lentPhone: false },
    { ...ACTIVE, arrondissementCode: 'OVL', staleReport: true,
      lentPhone: false, letEndAfterReEvaluation: true,
      decidedOn: (ref) => addDays(addMonths(ref, -MEASURE_MONTHS), 12) },
    { ...ACTIVE, arrondissementCode: 'LIE', decidedOn: lastDayFallback },
    { ...ended('EXPIRED'), arrondissementCode: 'NAM', children: 0,
      relatives: 0, daysAgo: 500 },
    { ...ACTIVE, arrondissementCode: 'NAM', sameParticipantsAs: 5,
      daysAgo: 120 },
    { ...ended('PERSON_REQUEST'), arrondissementCode: 'BRU' },
    { ...REQUESTED, arrondissementCode: 'OVL', daysAgo: 3 },
    { ...REFUSED, arrondissementCode: 'LIE', daysAgo: 20 },
    // Decided 9 days ago: the SAV's first offer still awaits an answer.
    { ...ACTIVE, arrondissementCode: 'BRU', relationship: 'HONOUR_RELATED',
      relatives: 2, wanted: true, daysAgo: 9 },
  ];
  // Cases 11 to 36. The extras add facts and draw nothing, so every
  // other value stays as the generator drew it.
  const drawn: CasePlan[] = [
    ACTIVE, ended('EXPIRED'), REAL_ALERT, REFUSED, ACTIVE, TRAVELLING,
    ended('NO_LONGER_SERIOUS'), NEW_FACTS, REQUESTED, ACTIVE, MOVING,
    ended('MISUSE'), ACTIVE, REFUSED, MISSED_REVISIT, ACTIVE,
    ended('SETTLED_ABROAD'), ACTIVE, REQUESTED, ACTIVE,
    ended('SETTLED_OUTSIDE_DEPLOYED_TERRITORY'), FALSE_ALERT, REFUSED,
    ACTIVE, ended('EXPIRED'), REQUESTED,
  ];
  return [...scenarios, ...drawn];
}

/** §7.10.2: a real alert, and so a new 9-month period. */
const REAL_ALERT: CasePlan = {
  ...ACTIVE,
  alerts: [{ classification: 'REAL', daysAgo: 57 }],
};
/** §7.11.3: the first revisit was not done; it is overdue. */
const MISSED_REVISIT: CasePlan = { ...ACTIVE, missesRevisit: true };
/** §7.11.3: new facts, a new initial PV, and a new period. */
const NEW_FACTS: CasePlan = { ...ACTIVE, newFactsDaysAgo: 30 };
/**
 * §3: a call located as the 112 app does it, every 30 s: a cell fix the
 * phone held at the press, then Wi-Fi and satellites as it finds them, near
 * Antwerpen-Centraal. The case is drawn in Antwerpen (zone 5345); the
 * demo's tests check that it stays there.
 */
const ANTWERPEN_TRACK: readonly DemoFix[] = [
  { secondsAfterPress: -6, latitude: 51.2161, longitude: 4.4198,
    accuracyMeters: 900, confidencePercent: 68, method: 'CELL' },
  { secondsAfterPress: 24, latitude: 51.21702, longitude: 4.42091,
    accuracyMeters: 40, confidencePercent: 68, method: 'WIFI' },
  { secondsAfterPress: 54, latitude: 51.217243, longitude: 4.421106,
    accuracyMeters: 6.5, confidencePercent: 68, method: 'GNSS' },
];
/** A false alarm, located during the call (§3, §7.11.2). */
const FALSE_ALERT: CasePlan = {
  ...ACTIVE,
  alerts: [{ classification: 'FALSE', daysAgo: 11, track: ANTWERPEN_TRACK }],
};
/** A test press the day after activation, and travel announced. */
const TRAVELLING: CasePlan = {
  ...ACTIVE,
  alerts: [{ classification: 'TEST', daysAfterDecision: 1 }],
  travelNotices: true,
};
/** Moving from Bruxelles to Antwerpen, a deployed zone. */
const MOVING: CasePlan = { ...ACTIVE, moveToZone: '5345' };

/**
 * The latest decision, in the last 260 days, whose 9-month end falls
 * back to a shorter month's last day (e.g. 2026-07-31 to 2027-04-30).
 */
function lastDayFallback(referenceDate: string): string {
  for (let days = 5; days <= 260; days += 1) {
    const decided = addDays(referenceDate, -days);
    const end = addMonths(decided, MEASURE_MONTHS);
    if (end.slice(8) !== decided.slice(8)) return decided;
  }
  throw new Error(`No month-end decision date before ${referenceDate}`);
}

interface Timeline {
  requestedOn: string;
  decidedOn: string | null;
  startDate: string | null;
  endDate: string | null;
  endedOn: string | null;
}

/** Dates fitting the status, all on or before the reference date. */
function timeline(plan: CasePlan, prng: Prng, ref: string): Timeline {
  const none = { decidedOn: null, startDate: null, endDate: null };
  if (plan.status === 'REQUESTED') {
    const requestedOn = addDays(ref, -(plan.daysAgo ?? prng.int(0, 12)));
    return { requestedOn, ...none, endedOn: null };
  }

  const decidedOn = plan.decidedOn?.(ref)
    ?? addDays(ref, -(plan.daysAgo ?? decisionAge(plan, prng)));
  const requestedOn = addDays(decidedOn, -prng.int(1, 10));
  if (plan.status === 'REFUSED') {
    return { requestedOn, decidedOn, startDate: null, endDate: null,
      endedOn: null };
  }

  // §7.8: the device is activated at once, so the measure starts the day
  // it is decided, and runs 9 months (§7.10).
  const endDate = addMonths(decidedOn, MEASURE_MONTHS);
  const dates = { requestedOn, decidedOn, startDate: decidedOn, endDate };
  if (plan.status === 'ACTIVE') return { ...dates, endedOn: null };
  // The measure protects through its end date and expires the day after
  // (the domain's reading of §7.12.2, see expiryDate).
  if (plan.endReason === 'EXPIRED') {
    return { ...dates, endedOn: addDays(endDate, 1) };
  }
  // §7.12.3: an early end, before the planned end and before today.
  const last = Math.min(
    daysBetween(decidedOn, endDate),
    daysBetween(decidedOn, ref),
  ) - 1;
  return { ...dates, endedOn: addDays(decidedOn, prng.int(14, last)) };
}

/** Days before the reference date a decision can be, by status. */
function decisionAge(plan: CasePlan, prng: Prng): number {
  switch (plan.status) {
    case 'ACTIVE':
      // Under 9 months (273 days at the least), so still running.
      return prng.int(5, 260);
    case 'REFUSED':
      return prng.int(5, 400);
    case 'ENDED':
      return plan.endReason === 'EXPIRED'
        ? prng.int(300, 560)
        : prng.int(100, 540);
    case 'REQUESTED':
      throw new Error('A requested measure has no decision yet');
    default:
      return unreachable(plan.status);
  }
}

function unreachable(value: never): never {
  throw new Error(`Unexpected measure status ${JSON.stringify(value)}`);
}

const RELATIONSHIPS: readonly (readonly [Relationship, number])[] = [
  ['EX_PARTNER', 60],
  ['ASCENDANT', 10],
  ['SIBLING', 10],
  ['OTHER_FAMILY', 12],
  ['HONOUR_RELATED', 8],
];

const REQUEST_ORIGINS: readonly (readonly [RequestOrigin, number])[] = [
  ['PERSON', 30],
  ['RESIDENCE_POLICE', 30],
  ['PARQUET', 15],
  ['OTHER_POLICE_ZONE', 8],
  ['OTHER_PARQUET', 5],
  ['TRUSTED_THIRD_PARTY', 6],
  ['OTHER_THIRD_PARTY', 3],
  ['INVESTIGATING_JUDGE', 3],
];

const VICTIM_GENDERS: readonly (readonly [Gender, number])[] = [
  ['FEMALE', 80],
  ['MALE', 17],
  ['X', 3],
];

interface Participants {
  victim: PersonRecord;
  children: PersonRecord[];
  relatives: PersonRecord[];
  suspect: PersonRecord;
}

/** Draws the victim, the suspect and whoever else the alarm covers. */
function drawParticipants(
  plan: CasePlan,
  relationship: Relationship,
  prng: Prng,
  people: PersonFactory,
): Participants {
  const victim = people.make({
    gender: prng.weighted(VICTIM_GENDERS),
    ages: [19, 62],
  });
  const suspect = people.make({
    gender: prng.chance(0.85) ? 'MALE' : 'FEMALE',
    ages: [20, 66],
  });
  // §7.9: children with enough discernment, and relatives, may be covered.
  const childCount = plan.children
    ?? (relationship === 'EX_PARTNER' && prng.chance(0.35)
      ? prng.int(1, 2) : 0);
  const relativeCount = plan.relatives
    ?? (relationship === 'HONOUR_RELATED' ? 1 : prng.chance(0.1) ? 1 : 0);
  const family = { lastName: victim.lastName };
  const children = Array.from({ length: childCount }, () =>
    people.make({ ...family, gender: childGender(prng), ages: [6, 16] }));
  const relatives = Array.from({ length: relativeCount }, () =>
    people.make({ ...family, gender: childGender(prng), ages: [40, 75] }));
  return { victim, children, relatives, suspect };
}

function childGender(prng: Prng): Gender {
  return prng.chance(0.5) ? 'FEMALE' : 'MALE';
}

function covered(
  measure: string,
  role: ProtectedRole,
  persons: PersonRecord[],
): CaseProtectedPerson[] {
  return persons
    .map((person) => ({
      measureId: measure,
      nationalNumber: person.nationalNumber,
      role,
    }))
    .sort((a, b) => compareText(a.nationalNumber, b.nationalNumber));
}

interface CaseContext {
  prng: Prng;
  people: PersonFactory;
  zones: readonly ZoneRecord[];
  referenceDate: string;
  /** The cases built so far, in plan order. */
  cases: readonly DemoCase[];
}

/**
 * Builds every case in plan order. Persons land in `people`; the zones
 * give each case a deployed managing zone in its arrondissement.
 */
export function buildCases(
  plans: readonly CasePlan[],
  context: Omit<CaseContext, 'cases'>,
): DemoCase[] {
  const cases: DemoCase[] = [];
  plans.forEach((plan, index) => {
    cases.push(buildCase(plan, index + 1, { ...context, cases }));
  });
  return cases;
}

function buildCase(
  plan: CasePlan,
  number: number,
  { prng, people, zones, referenceDate, cases }: CaseContext,
): DemoCase {
  const arrondissementCode = plan.arrondissementCode
    ?? DEMO_ARRONDISSEMENTS[(number - 1) % DEMO_ARRONDISSEMENTS.length]!
      .code;
  const deployed = zones.filter((zone) =>
    zone.arrondissementCode === arrondissementCode && zone.deployedOn);
  if (plan.managingZoneCode !== undefined
    && !deployed.some((zone) => zone.code === plan.managingZoneCode)) {
    throw new RangeError(`Zone ${plan.managingZoneCode} is no deployed zone `
      + `of arrondissement ${arrondissementCode}`);
  }
  const earlier = plan.sameParticipantsAs
    ? cases[plan.sameParticipantsAs - 1]
    : undefined;
  const relationship = plan.relationship
    ?? earlier?.measure.relationship
    ?? prng.weighted(RELATIONSHIPS);
  const participants: Participants = earlier
    ? { victim: earlier.victim, suspect: earlier.suspect, children: [],
        relatives: [] }
    : drawParticipants(plan, relationship, prng, people);
  const dates = prolonged(timeline(plan, prng, referenceDate), plan,
    referenceDate);
  const id = measureId(number);

  const measure: CaseMeasure = {
    id,
    reference: `SA/${dates.requestedOn.slice(0, 4)}/${pad(number, 4)}`,
    status: plan.status,
    relationship,
    arrondissementCode,
    managingZoneCode: plan.managingZoneCode ?? prng.pick(deployed).code,
    requestOrigin: prng.weighted(REQUEST_ORIGINS),
    ...dates,
    endReason: plan.endReason ?? null,
    suspectNationalNumber: participants.suspect.nationalNumber,
  };
  const protectedPersons = [
    ...covered(id, 'VICTIM', [participants.victim]),
    ...covered(id, 'CHILD', participants.children),
    ...covered(id, 'RELATIVE', participants.relatives),
  ];
  const { victim, suspect, children, relatives } = participants;
  return { number, plan, measure, protectedPersons, victim, suspect,
    children, relatives };
}

/**
 * The day of each planned alert, between the day after the decision and
 * the day before the reference date when the measure leaves room.
 */
export function alertDays(
  plan: CasePlan,
  decidedOn: string,
  referenceDate: string,
): { classification: AlertClass; day: string; track: readonly DemoFix[] }[] {
  const room = Math.max(daysBetween(decidedOn, referenceDate) - 1, 1);
  return (plan.alerts ?? []).map((alert) => ({
    classification: alert.classification,
    track: alert.track ?? [],
    day: 'daysAgo' in alert
      ? addDays(referenceDate, -Math.min(alert.daysAgo, room))
      : addDays(decidedOn, Math.min(alert.daysAfterDecision, room)),
  }));
}

/** What prolongs a measure, as its case plans it (§7.10.2). */
export interface PlannedIncident {
  cause: ProlongationCause;
  incidentOn: string;
  decidedOn: string;
}

/**
 * The real alerts and new facts of a case, by decision day. A real alert
 * prolongs the day it happens; new facts, from the day of the fact
 * (two days before the report) as of the report.
 */
export function prolongationIncidents(
  plan: CasePlan,
  decidedOn: string,
  referenceDate: string,
): PlannedIncident[] {
  const incidents: PlannedIncident[] = alertDays(plan, decidedOn,
    referenceDate)
    .filter((alert) => alert.classification === 'REAL')
    .map(({ day }) => ({ cause: 'REAL_ALERT', incidentOn: day,
      decidedOn: day }));
  if (plan.newFactsDaysAgo !== undefined) {
    const facts = newFactDays(plan.newFactsDaysAgo, decidedOn,
      referenceDate);
    incidents.push({ cause: 'NEW_FACTS', incidentOn: facts.factOn,
      decidedOn: facts.reportedOn });
  }
  return incidents.sort((a, b) => compareText(a.decidedOn, b.decidedOn));
}

/** The fact two days before its report, both after the decision. */
export function newFactDays(
  daysAgo: number,
  decidedOn: string,
  referenceDate: string,
): { factOn: string; reportedOn: string } {
  const room = Math.max(daysBetween(decidedOn, referenceDate) - 3, 0);
  const reportedOn = addDays(referenceDate, -Math.min(daysAgo, room));
  const factOn = addDays(reportedOn, -2);
  return { factOn: factOn < decidedOn ? decidedOn : factOn, reportedOn };
}

/**
 * §7.10.2 (DOMAIN Decision): each incident moves the end to the incident
 * day plus 9 months, never earlier than it was.
 */
function prolonged(
  dates: Timeline,
  plan: CasePlan,
  referenceDate: string,
): Timeline {
  if (!dates.decidedOn || !dates.endDate) return dates;
  let endDate = dates.endDate;
  for (const incident of prolongationIncidents(plan, dates.decidedOn,
    referenceDate)) {
    const end = addMonths(incident.incidentOn, MEASURE_MONTHS);
    if (end > endDate) endDate = end;
  }
  return { ...dates, endDate };
}

/** Measures whose alarm was granted: active now, or ended since. */
export function isGranted(demoCase: DemoCase): boolean {
  return demoCase.measure.status === 'ACTIVE'
    || demoCase.measure.status === 'ENDED';
}
