/**
 * The statistics of the protection register over a period (§7.13, §9;
 * issue 7), from the lean facts the store reads (adapters/protection/
 * statistics.ts), under disclosure control (disclosure.ts). Pure: the
 * same facts give the same report.
 *
 * Every figure is attached to a measure, and broken down by that
 * measure's values: its current arrondissement and zone, its victim's
 * gender and age band, its suspect's, the relationship and the request's
 * origin. The people a count stands for are the measures' victims, so an
 * event count (alerts, prolongations) of 7 alerts pressed by 3 victims
 * stands for 3 people and is suppressed; a count of newly protected
 * persons stands for those persons.
 */
import {
  GENDERS,
  RELATIONSHIPS,
  REQUEST_ORIGINS,
  type Gender,
  type Relationship,
  type RequestOrigin,
} from '../../../adapters/protection/types';
import type {
  StatisticsFacts,
  StatisticsMeasure,
  StatisticsPerson,
} from '../../../adapters/protection/statistics';
import { addMonths, daysBetween, parseIsoDate } from '../../../storage/dates';
import { brusselsDateOf, instantMillis } from './clock';
import {
  DISCLOSURE_THRESHOLD,
  protectTable,
  type DisclosureOptions,
  type MarginKey,
  type Nesting,
  type ProtectedCount,
  type ProtectedTable,
  type TableCell,
} from './disclosure';
import { isLateNotice, type RulesConfig } from './rules';

export const STATISTICS_DIMENSIONS = [
  'ARRONDISSEMENT',
  'ZONE',
  'PROTECTED_GENDER',
  'PROTECTED_AGE_BAND',
  'SUSPECT_GENDER',
  'SUSPECT_AGE_BAND',
  'RELATIONSHIP',
  'REQUEST_ORIGIN',
] as const;
export type StatisticsDimension = (typeof STATISTICS_DIMENSIONS)[number];

/** At most this many dimensions at once: finer cells show nothing. */
export const MAX_STATISTICS_DIMENSIONS = 4;

/** Lower bounds in years, youngest first. */
const AGE_BANDS = [
  [0, 'UNDER_18'],
  [18, 'FROM_18_TO_24'],
  [25, 'FROM_25_TO_34'],
  [35, 'FROM_35_TO_44'],
  [45, 'FROM_45_TO_54'],
  [55, 'FROM_55_TO_64'],
  [65, 'FROM_65'],
] as const;
export type AgeBand = (typeof AGE_BANDS)[number][1];

/** Whole years from `birthDate` to `day`. */
export function ageOn(birthDate: string, day: string): number {
  const birth = parseIsoDate(birthDate);
  const on = parseIsoDate(day);
  const years = on.getUTCFullYear() - birth.getUTCFullYear();
  const before =
    on.getUTCMonth() < birth.getUTCMonth() ||
    (on.getUTCMonth() === birth.getUTCMonth() &&
      on.getUTCDate() < birth.getUTCDate());
  return before ? years - 1 : years;
}

/** The band of the age on `day`; null without a birth date. */
export function ageBandOn(
  birthDate: string | null,
  day: string,
): AgeBand | null {
  if (birthDate === null) return null;
  const age = ageOn(birthDate, day);
  let band: AgeBand = AGE_BANDS[0][1];
  for (const [lowest, name] of AGE_BANDS) if (age >= lowest) band = name;
  return band;
}

/** A figure withheld under the threshold: a mean, a median, a rate. */
export interface WithheldStatistic {
  readonly value: number | null;
  readonly withheld: boolean;
}

export interface ProtectionFigures {
  readonly requests: ProtectedCount;
  readonly grants: ProtectedCount;
  readonly refusals: ProtectedCount;
  readonly activeAtEnd: ProtectedCount;
  readonly newProtectedPersons: Readonly<Record<
    'victims' | 'children' | 'relatives', ProtectedCount>>;
  readonly prolongations: Readonly<Record<
    'realAlert' | 'newFacts' | 'reEvaluation', ProtectedCount>>;
  readonly ends: Readonly<Record<EndField, ProtectedCount>>;
  readonly duration: Readonly<Record<
    'meanDays' | 'medianDays', WithheldStatistic>>;
  readonly alerts: Readonly<Record<
    'total' | 'real' | 'falseAlerts' | 'tests' | 'unclassified',
    ProtectedCount>> & { readonly realRate: WithheldStatistic };
  readonly policeOnSite: {
    readonly measured: ProtectedCount;
    readonly medianMinutes: WithheldStatistic;
    readonly p90Minutes: WithheldStatistic;
  };
  readonly revisits: Readonly<Record<'due' | 'onTime', ProtectedCount>>;
  readonly travelNotices: Readonly<Record<'announced' | 'late',
    ProtectedCount>>;
}

type EndField = 'total' | 'early' | 'expired' | 'noLongerSerious' |
  'misuse' | 'personRequest' | 'settledAbroad' |
  'settledOutsideDeployedTerritory';

/**
 * A cell's value for each dimension: null for a dimension not asked, or
 * a gender or birth date not recorded.
 */
export interface StatisticsCellValues {
  readonly arrondissementCode: string | null;
  readonly zoneCode: string | null;
  readonly protectedGender: Gender | null;
  readonly protectedAgeBand: AgeBand | null;
  readonly suspectGender: Gender | null;
  readonly suspectAgeBand: AgeBand | null;
  readonly relationship: Relationship | null;
  readonly requestOrigin: RequestOrigin | null;
}

export interface StatisticsCell extends StatisticsCellValues {
  readonly figures: ProtectionFigures;
}

export interface StatisticsResult {
  readonly total: ProtectionFigures;
  /** Every combination found, ordered by the dimensions' values. */
  readonly cells: readonly StatisticsCell[];
}

export interface StatisticsInput {
  readonly facts: StatisticsFacts;
  /** The period's first and last Brussels days. */
  readonly from: string;
  readonly to: string;
  /** Revisits due after today are not yet counted as due. */
  readonly today: string;
  readonly dimensions: readonly StatisticsDimension[];
  readonly rules: RulesConfig;
  /** Default DISCLOSURE_THRESHOLD. */
  readonly threshold?: number;
}

/** A value not recorded (a gender, a birth date) in a key. */
const UNKNOWN = '';

// ------------------------------------------------------------- the keys

/**
 * Private: the table's dimensions: those asked, and the arrondissement
 * when only the zone is asked, so that zones nest in it.
 */
interface Layout {
  readonly dimensions: readonly StatisticsDimension[];
  readonly published: number;
  readonly nested: readonly Nesting[];
}

function layoutOf(asked: readonly StatisticsDimension[]): Layout {
  const dimensions = [...asked];
  if (dimensions.includes('ZONE') && !dimensions.includes('ARRONDISSEMENT')) {
    dimensions.push('ARRONDISSEMENT');
  }
  const zone = dimensions.indexOf('ZONE');
  const nested: Nesting[] =
    zone < 0 ? [] : [[zone, dimensions.indexOf('ARRONDISSEMENT')]];
  return { dimensions, published: asked.length, nested };
}

function victimOf(measure: StatisticsMeasure): StatisticsPerson {
  return measure.protectedPersons.find((p) => p.role === 'VICTIM') ??
    measure.protectedPersons[0] ??
    { nationalNumber: `measure:${measure.id}`, gender: null, birthDate: null };
}

/** §7.9: ages count on the decision day, or the request's while open. */
function valueOf(
  dimension: StatisticsDimension,
  measure: StatisticsMeasure,
): string {
  const day = measure.decidedOn ?? measure.refusalDecidedOn ??
    measure.requestedOn;
  const victim = victimOf(measure);
  switch (dimension) {
    case 'ARRONDISSEMENT': return measure.arrondissementCode;
    case 'ZONE': return measure.managingZoneCode;
    case 'PROTECTED_GENDER': return victim.gender ?? UNKNOWN;
    case 'PROTECTED_AGE_BAND':
      return ageBandOn(victim.birthDate, day) ?? UNKNOWN;
    case 'SUSPECT_GENDER': return measure.suspect.gender ?? UNKNOWN;
    case 'SUSPECT_AGE_BAND':
      return ageBandOn(measure.suspect.birthDate, day) ?? UNKNOWN;
    case 'RELATIONSHIP': return measure.relationship;
    case 'REQUEST_ORIGIN': return measure.requestOrigin;
    default: {
      const impossible: never = dimension;
      throw new Error(`Unknown dimension ${String(impossible)}`);
    }
  }
}

// ----------------------------------------------------------- the tables

/** Private: the finest cells of one figure, members as extra keys. */
class Tally {
  private readonly cells = new Map<string,
    { key: string[]; value: number; people: string[] }>();

  add(key: readonly string[], person: string, value = 1): void {
    const text = JSON.stringify(key);
    const cell = this.cells.get(text) ??
      { key: [...key], value: 0, people: [] };
    cell.value += value;
    cell.people.push(person);
    this.cells.set(text, cell);
  }

  keys(): readonly (readonly string[])[] {
    return [...this.cells.values()].map((cell) => cell.key);
  }

  protect(dimensions: number, options: DisclosureOptions): ProtectedTable {
    const cells: TableCell[] = [...this.cells.values()];
    return protectTable(dimensions, cells, options);
  }
}

const inPeriod = (day: string | null, from: string, to: string) =>
  day !== null && day >= from && day <= to;

/** Private: the measure was running on `day` (§7.10.1, §7.12.2). */
function runningOn(measure: StatisticsMeasure, day: string): boolean {
  if (measure.startDate === null || measure.startDate > day) return false;
  if (measure.endedOn !== null) return measure.endedOn > day;
  return measure.endDate === null || measure.endDate >= day;
}

const ALERT_MEMBERS = ['REAL', 'FALSE', 'TEST', 'UNCLASSIFIED'] as const;

/** Private: the raw values behind the withheld figures, by cell. */
interface Samples {
  durations: Map<string, number[]>;
  minutes: Map<string, number[]>;
  classifiedPeople: Map<string, Set<string>>;
}

function sample<T>(map: Map<string, T[]>, keys: string[], value: T): void {
  for (const key of keys) {
    const values = map.get(key);
    if (values) values.push(value);
    else map.set(key, [value]);
  }
}

/** Private: the cell keys a finest key counts in: its own and the total. */
function cellTexts(key: readonly string[], layout: Layout): string[] {
  return [JSON.stringify(key.slice(0, layout.dimensions.length)), 'total'];
}

interface Tallies {
  requests: Tally; grants: Tally; refusals: Tally; activeAtEnd: Tally;
  persons: Tally; prolongations: Tally; ends: Tally; alerts: Tally;
  measured: Tally; revisits: Tally; travel: Tally;
}

function tallyMeasures(
  input: StatisticsInput,
  layout: Layout,
  tallies: Tallies,
  samples: Samples,
): Map<string, { key: string[]; victim: string }> {
  const { from, to } = input;
  const byId = new Map<string, { key: string[]; victim: string }>();
  for (const measure of input.facts.measures) {
    const key = layout.dimensions.map((d) => valueOf(d, measure));
    const victim = victimOf(measure).nationalNumber;
    byId.set(measure.id, { key, victim });
    if (inPeriod(measure.requestedOn, from, to)) {
      tallies.requests.add(key, victim);
    }
    const granted = measure.startDate !== null;
    if (granted && inPeriod(measure.decidedOn, from, to)) {
      tallies.grants.add(key, victim);
      for (const person of measure.protectedPersons) {
        tallies.persons.add([...key, person.role], person.nationalNumber);
      }
    }
    if (inPeriod(measure.refusalDecidedOn, from, to)) {
      tallies.refusals.add(key, victim);
    }
    if (runningOn(measure, to)) tallies.activeAtEnd.add(key, victim);
    if (inPeriod(measure.endedOn, from, to) && measure.endReason !== null) {
      const early = measure.endReason === 'EXPIRED' ? 'ON_DATE' : 'EARLY';
      tallies.ends.add([...key, early, measure.endReason], victim);
      if (measure.startDate !== null && measure.endedOn !== null) {
        sample(samples.durations, cellTexts(key, layout),
          daysBetween(measure.startDate, measure.endedOn));
      }
    }
  }
  return byId;
}

function tallyEvents(
  input: StatisticsInput,
  layout: Layout,
  measures: Map<string, { key: string[]; victim: string }>,
  tallies: Tallies,
  samples: Samples,
): void {
  const { from, to, facts, rules, today } = input;
  // An event of a measure the read did not find cannot be placed.
  const each = <E extends { measureId: string }>(
    events: readonly E[],
    count: (event: E, key: string[], victim: string) => void,
  ) => events.forEach((event) => {
    const measure = measures.get(event.measureId);
    if (measure) count(event, measure.key, measure.victim);
  });
  each(facts.prolongations, (event, key, victim) => {
    if (inPeriod(event.decidedOn, from, to)) {
      tallies.prolongations.add([...key, event.cause], victim);
    }
  });
  each(facts.alerts, (alert, key, victim) => {
    if (!inPeriod(brusselsDateOf(alert.raisedAt), from, to)) return;
    const member = alert.classification ?? 'UNCLASSIFIED';
    tallies.alerts.add([...key, member], victim);
    if (alert.classification !== null) {
      for (const text of cellTexts(key, layout)) {
        const people = samples.classifiedPeople.get(text) ?? new Set();
        samples.classifiedPeople.set(text, people.add(victim));
      }
    }
    if (alert.policeArrivedAt === null) return;
    tallies.measured.add(key, victim);
    const minutes = (instantMillis(alert.policeArrivedAt) -
      instantMillis(alert.raisedAt)) / 60_000;
    sample(samples.minutes, cellTexts(key, layout), minutes);
  });
  each(facts.revisits, (revisit, key, victim) => {
    if (!inPeriod(revisit.dueOn, from, to) || revisit.dueOn > today) return;
    const onTime = revisit.doneOn !== null && revisit.doneOn <= revisit.dueOn;
    tallies.revisits.add([...key, onTime ? 'ON_TIME' : 'NOT'], victim);
  });
  each(facts.travelNotices, (notice, key, victim) => {
    if (!inPeriod(notice.announcedOn, from, to)) return;
    const late = isLateNotice(notice, rules);
    tallies.travel.add([...key, late ? 'LATE' : 'NOT'], victim);
  });
}

// ------------------------------------------------------ the figures

/** Private: the protected tables, and how to read a cell of them. */
interface Protected {
  readonly tables: Readonly<Record<keyof Tallies, ProtectedTable>>;
  readonly samples: Samples;
  readonly threshold: number;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Nearest rank: the smallest value with `share` of them at or below. */
function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)];
}

function statistic(
  values: readonly number[] | undefined,
  people: number,
  threshold: number,
  compute: (values: readonly number[]) => number,
): WithheldStatistic {
  if (!values || values.length === 0) return { value: null, withheld: false };
  if (people < threshold) return { value: null, withheld: true };
  return { value: round(compute(values)), withheld: false };
}

type At = (table: ProtectedTable, ...members: (string | null)[]) =>
  ProtectedCount;

function endFigures(ends: ProtectedTable, at: At): ProtectionFigures['ends'] {
  return {
    total: at(ends, null, null),
    early: at(ends, 'EARLY', null),
    expired: at(ends, 'ON_DATE', 'EXPIRED'),
    noLongerSerious: at(ends, 'EARLY', 'NO_LONGER_SERIOUS'),
    misuse: at(ends, 'EARLY', 'MISUSE'),
    personRequest: at(ends, 'EARLY', 'PERSON_REQUEST'),
    settledAbroad: at(ends, 'EARLY', 'SETTLED_ABROAD'),
    settledOutsideDeployedTerritory:
      at(ends, 'EARLY', 'SETTLED_OUTSIDE_DEPLOYED_TERRITORY'),
  };
}

/**
 * The rate is withheld while a class is suppressed: with the rate and
 * the other counts shown, the suppressed one would come back.
 */
function alertFigures(
  text: string,
  at: At,
  { tables, samples, threshold }: Protected,
): ProtectionFigures['alerts'] {
  const { alerts } = tables;
  const real = at(alerts, 'REAL');
  const falseAlerts = at(alerts, 'FALSE');
  const tests = at(alerts, 'TEST');
  const classified = [real, falseAlerts, tests];
  const people = samples.classifiedPeople.get(text)?.size ?? 0;
  const count = classified.reduce((n, c) => n + (c.value ?? 0), 0);
  const shown = classified.every((c) => !c.suppressed) && people >= threshold;
  const realRate = people === 0
    ? { value: null, withheld: false }
    : shown
      ? { value: round((real.value ?? 0) / count), withheld: false }
      : { value: null, withheld: true };
  return {
    total: at(alerts, null), real, falseAlerts, tests,
    unclassified: at(alerts, 'UNCLASSIFIED'), realRate,
  };
}

function timeFigures(
  key: MarginKey,
  text: string,
  at: At,
  { tables, samples, threshold }: Protected,
): Pick<ProtectionFigures, 'duration' | 'policeOnSite'> {
  const ended = tables.ends.people([...key, null, null]);
  const measured = tables.measured.people(key);
  const durations = samples.durations.get(text);
  const minutes = samples.minutes.get(text);
  const mean = (values: readonly number[]) =>
    values.reduce((a, b) => a + b, 0) / values.length;
  return {
    duration: {
      meanDays: statistic(durations, ended, threshold, mean),
      medianDays: statistic(durations, ended, threshold, median),
    },
    policeOnSite: {
      measured: at(tables.measured),
      medianMinutes: statistic(minutes, measured, threshold, median),
      p90Minutes: statistic(minutes, measured, threshold,
        (values) => percentile(values, 0.9)),
    },
  };
}

function figuresAt(
  key: MarginKey,
  text: string,
  read: Protected,
): ProtectionFigures {
  const { tables } = read;
  const at: At = (table, ...members) => table.count([...key, ...members]);
  return {
    requests: at(tables.requests),
    grants: at(tables.grants),
    refusals: at(tables.refusals),
    activeAtEnd: at(tables.activeAtEnd),
    newProtectedPersons: {
      victims: at(tables.persons, 'VICTIM'),
      children: at(tables.persons, 'CHILD'),
      relatives: at(tables.persons, 'RELATIVE'),
    },
    prolongations: {
      realAlert: at(tables.prolongations, 'REAL_ALERT'),
      newFacts: at(tables.prolongations, 'NEW_FACTS'),
      reEvaluation: at(tables.prolongations, 'RE_EVALUATION'),
    },
    ends: endFigures(tables.ends, at),
    ...timeFigures(key, text, at, read),
    alerts: alertFigures(text, at, read),
    revisits: {
      due: at(tables.revisits, null),
      onTime: at(tables.revisits, 'ON_TIME'),
    },
    travelNotices: {
      announced: at(tables.travel, null),
      late: at(tables.travel, 'LATE'),
    },
  };
}

/** How many member dimensions each figure's table adds. */
const MEMBERS: Readonly<Record<keyof Tallies, number>> = {
  requests: 0, grants: 0, refusals: 0, activeAtEnd: 0, persons: 1,
  prolongations: 1, ends: 2, alerts: 1, measured: 0, revisits: 1,
  travel: 1,
};

/**
 * The figures whose parts no answer sums: the report gives no total of
 * newly protected persons, nor of prolongations.
 */
const UNSUMMED_PARTS: ReadonlySet<keyof Tallies> =
  new Set(['persons', 'prolongations']);

function protectAll(
  tallies: Tallies,
  layout: Layout,
  threshold: number,
): Protected['tables'] {
  const base = layout.dimensions.length;
  const entries = Object.entries(tallies).map(([name, tally]) => {
    const figure = name as keyof Tallies;
    // An end reason is nested in early or not.
    const nested: Nesting[] = [...layout.nested,
      ...(figure === 'ends' ? [[base + 1, base] as const] : [])];
    const unsummed = UNSUMMED_PARTS.has(figure) ? [base] : [];
    return [name, tally.protect(base + MEMBERS[figure],
      { nested, unsummed, threshold })];
  });
  return Object.fromEntries(entries) as Protected['tables'];
}

/** The cells found, ordered by the dimensions' values. */
function cellKeys(tallies: Tallies, layout: Layout): string[][] {
  const base = layout.dimensions.length;
  const found = new Map<string, string[]>();
  for (const tally of Object.values(tallies) as Tally[]) {
    for (const key of tally.keys()) {
      const cell = key.slice(0, base);
      found.set(JSON.stringify(cell), cell);
    }
  }
  return [...found.values()].sort((a, b) => {
    for (let i = 0; i < a.length; i += 1) {
      if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    }
    return 0;
  });
}

function oneOf<T extends string>(
  values: readonly T[],
  value: string | undefined,
): T | null {
  return values.find((known) => known === value) ?? null;
}

const BAND_NAMES = AGE_BANDS.map(([, name]) => name);

/** Private: a cell's key read back into typed values. */
function cellValuesOf(
  dimensions: readonly StatisticsDimension[],
  key: readonly string[],
): StatisticsCellValues {
  const at = (dimension: StatisticsDimension) => {
    const index = dimensions.indexOf(dimension);
    return index < 0 || key[index] === UNKNOWN ? undefined : key[index];
  };
  return {
    arrondissementCode: at('ARRONDISSEMENT') ?? null,
    zoneCode: at('ZONE') ?? null,
    protectedGender: oneOf(GENDERS, at('PROTECTED_GENDER')),
    protectedAgeBand: oneOf(BAND_NAMES, at('PROTECTED_AGE_BAND')),
    suspectGender: oneOf(GENDERS, at('SUSPECT_GENDER')),
    suspectAgeBand: oneOf(BAND_NAMES, at('SUSPECT_AGE_BAND')),
    relationship: oneOf(RELATIONSHIPS, at('RELATIONSHIP')),
    requestOrigin: oneOf(REQUEST_ORIGINS, at('REQUEST_ORIGIN')),
  };
}

/** The report's figures, the total and each cell, protected. */
export function computeStatistics(input: StatisticsInput): StatisticsResult {
  const layout = layoutOf(input.dimensions);
  const threshold = input.threshold ?? DISCLOSURE_THRESHOLD;
  const tallies: Tallies = {
    requests: new Tally(), grants: new Tally(), refusals: new Tally(),
    activeAtEnd: new Tally(), persons: new Tally(),
    prolongations: new Tally(), ends: new Tally(), alerts: new Tally(),
    measured: new Tally(), revisits: new Tally(), travel: new Tally(),
  };
  const samples: Samples = {
    durations: new Map(), minutes: new Map(), classifiedPeople: new Map(),
  };
  const measures = tallyMeasures(input, layout, tallies, samples);
  tallyEvents(input, layout, measures, tallies, samples);

  const tables = protectAll(tallies, layout, threshold);
  const read: Protected = { tables, samples, threshold };
  const none = layout.dimensions.map(() => null);
  return {
    total: figuresAt(none, 'total', read),
    // Without a dimension the total is the only cell.
    cells: layout.dimensions.length === 0 ? [] : cellKeys(tallies, layout)
      .map((key) => ({
        ...cellValuesOf(input.dimensions, key),
        figures: figuresAt(key, JSON.stringify(key), read),
      })),
  };
}

/** The period of a label: 2026-07, 2026-Q3 or 2026; null if none. */
export function periodOfLabel(
  unit: 'MONTH' | 'QUARTER' | 'YEAR',
  label: string,
): { from: string; to: string } | null {
  const patterns = {
    MONTH: /^(\d{4})-(0[1-9]|1[0-2])$/,
    QUARTER: /^(\d{4})-Q([1-4])$/,
    YEAR: /^(\d{4})$/,
  };
  const match = patterns[unit].exec(label);
  if (!match) return null;
  const year = match[1];
  const [firstMonth, months] =
    unit === 'MONTH' ? [Number(match[2]), 1]
      : unit === 'QUARTER' ? [(Number(match[2]) - 1) * 3 + 1, 3]
        : [1, 12];
  const from = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  const next = addMonths(from, months);
  const to = new Date(parseIsoDate(next).getTime() - 86_400_000)
    .toISOString().slice(0, 10);
  return { from, to };
}
