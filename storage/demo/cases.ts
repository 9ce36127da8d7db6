/**
 * The demo measures and the people in them. The first ten cases are
 * scenarios that tests and the README rely on (see `DEMO` in
 * `../demo-data.ts`); the others are drawn from the seeded generator.
 */
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
}

export interface DemoCase {
  /** 1-based; measure `demo-measure-001` is case 1. */
  number: number;
  plan: CasePlan;
  measure: MeasureRecord;
  /** The victim first, then children, then relatives. */
  protectedPersons: ProtectedPersonRecord[];
  victim: PersonRecord;
  suspect: PersonRecord;
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

/** 36 cases: 20 active, 8 ended, 4 refused, 4 requested. */
export function demoPlans(): CasePlan[] {
  const scenarios: CasePlan[] = [
    { ...ACTIVE, arrondissementCode: 'ANT', relationship: 'EX_PARTNER',
      children: 1, relatives: 0, suspect: 'HEAVY', lentPhone: true,
      daysAgo: 60 },
    { ...ACTIVE, arrondissementCode: 'BRU', relationship: 'SIBLING',
      children: 0, relatives: 0, suspect: 'CLEAN', lentPhone: false },
    { ...ACTIVE, arrondissementCode: 'OVL', staleReport: true,
      lentPhone: false,
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
  const drawn: CasePlan[] = [
    ACTIVE, ended('EXPIRED'), ACTIVE, REFUSED, ACTIVE, ACTIVE,
    ended('NO_LONGER_SERIOUS'), ACTIVE, REQUESTED, ACTIVE, ACTIVE,
    ended('MISUSE'), ACTIVE, REFUSED, ACTIVE, ACTIVE,
    ended('SETTLED_ABROAD'), ACTIVE, REQUESTED, ACTIVE,
    ended('SETTLED_OUTSIDE_DEPLOYED_TERRITORY'), ACTIVE, REFUSED, ACTIVE,
    ended('EXPIRED'), REQUESTED,
  ];
  return [...scenarios, ...drawn];
}

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
  if (plan.endReason === 'EXPIRED') return { ...dates, endedOn: endDate };
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
): ProtectedPersonRecord[] {
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
  const dates = timeline(plan, prng, referenceDate);
  const id = measureId(number);

  const measure: MeasureRecord = {
    id,
    reference: `SA/${dates.requestedOn.slice(0, 4)}/${pad(number, 4)}`,
    status: plan.status,
    relationship,
    arrondissementCode,
    managingZoneCode: prng.pick(deployed).code,
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
  const { victim, suspect } = participants;
  return { number, plan, measure, protectedPersons, victim, suspect };
}

/** Measures whose alarm was granted: active now, or ended since. */
export function isGranted(demoCase: DemoCase): boolean {
  return demoCase.measure.status === 'ACTIVE'
    || demoCase.measure.status === 'ENDED';
}
