/**
 * A measure aggregate as rows of the protection tables, and back. Used by
 * the store and by the demo seed, so seeded measures read back as the
 * aggregates they were generated from.
 *
 * Instants are written in UTC as `Date#toISOString` does, whatever offset
 * they came with, so that text order is time order in SQL.
 */
import type {
  AlertState,
  AmlLocation,
  BombFactor,
  EvaluationState,
  JournalEntry,
  MeasureAggregate,
  TravelNoticeState,
} from '../aggregate';
import {
  measureRecordOf,
  measureStateOf,
  protectedPersonRecordsOf,
  protectedPersonStateOf,
} from '../records';
import type { MeasureRecord, ProtectedPersonRecord } from '../types';
import type {
  AlertRow,
  ConditionsRow,
  EvaluationRow,
  JournalRow,
  NewFactRow,
  ProlongationRow,
  ReEvaluationDecisionRow,
  RevisitRow,
  TravelNoticeRow,
} from './lifecycle';
import type { AlertLocationColumns, AlertLocationRow } from './locations';

/** Every row of one measure, table by table. */
export interface AggregateRows {
  measure: MeasureRecord;
  protectedPersons: ProtectedPersonRecord[];
  evaluations: EvaluationRow[];
  conditions: ConditionsRow[];
  prolongations: ProlongationRow[];
  reEvaluationDecisions: ReEvaluationDecisionRow[];
  revisits: RevisitRow[];
  travelNotices: TravelNoticeRow[];
  alerts: AlertRow[];
  /** The fixes of every alert's track, alert by alert (§3). */
  alertLocations: AlertLocationRow[];
  newFacts: NewFactRow[];
}

/**
 * The tables below the measure: one per part of the aggregate, and one
 * for the alerts' tracks, which the aggregate keeps inside each alert.
 */
export type PartName =
  | Exclude<keyof MeasureAggregate, 'measure'>
  | 'alertLocations';

// Keyed by every part of the aggregate: a part added to aggregate.ts
// fails to compile here until it has its table and its rows.
const PARTS: Record<PartName, true> = {
  protectedPersons: true,
  evaluations: true,
  conditions: true,
  prolongations: true,
  reEvaluationDecisions: true,
  revisits: true,
  travelNotices: true,
  alerts: true,
  alertLocations: true,
  newFacts: true,
};

export const PART_NAMES = Object.keys(PARTS) as readonly PartName[];

export function rowsOf(aggregate: MeasureAggregate): AggregateRows {
  const measureId = aggregate.measure.id;
  const numbered = <T, R>(list: readonly T[], row: (item: T) => R) =>
    list.map((item, position) => ({ measureId, position, ...row(item) }));
  return {
    measure: measureRecordOf(aggregate.measure),
    protectedPersons: protectedPersonRecordsOf(aggregate),
    evaluations: numbered(aggregate.evaluations, evaluationColumns),
    conditions: aggregate.conditions
      ? [{ measureId, ...aggregate.conditions }]
      : [],
    prolongations: numbered(aggregate.prolongations, (p) => ({ ...p })),
    reEvaluationDecisions: numbered(aggregate.reEvaluationDecisions,
      (d) => ({ ...d })),
    revisits: numbered(aggregate.revisits, (r) => ({ ...r })),
    travelNotices: numbered(aggregate.travelNotices, (t) => ({ ...t })),
    alerts: numbered(aggregate.alerts, alertColumns),
    alertLocations: aggregate.alerts.flatMap((alert) =>
      alert.track.map((fix, position) => ({
        measureId,
        alertId: alert.id,
        position,
        ...fix,
        fixedAt: utcInstant(fix.fixedAt, 'fixedAt'),
      }))),
    newFacts: numbered(aggregate.newFacts, (f) => ({ ...f })),
  };
}

function evaluationColumns(evaluation: EvaluationState) {
  const { answers, bombFactors, ...rest } = evaluation;
  return { ...rest, ...answers, bombFactors: bombFactors.join(',') };
}

function alertColumns(alert: AlertState) {
  const { location, track: _track, ...rest } = alert;
  return {
    ...rest,
    raisedAt: utcInstant(alert.raisedAt, 'raisedAt'),
    classifiedAt: optionalInstant(alert.classifiedAt, 'classifiedAt'),
    policeArrivedAt: optionalInstant(alert.policeArrivedAt,
      'policeArrivedAt'),
    callEndedAt: optionalInstant(alert.callEndedAt, 'callEndedAt'),
    ...latestFixColumns(location),
  };
}

function latestFixColumns(fix: AmlLocation | null): AlertLocationColumns {
  return {
    locationLatitude: fix?.latitude ?? null,
    locationLongitude: fix?.longitude ?? null,
    locationAccuracyMeters: fix?.accuracyMeters ?? null,
    locationConfidencePercent: fix?.confidencePercent ?? null,
    locationMethod: fix?.method ?? null,
    locationFixedAt: optionalInstant(fix?.fixedAt ?? null, 'fixedAt'),
  };
}

/** Rows of one measure, each list in position order, back as a whole. */
export function aggregateOf(rows: AggregateRows): MeasureAggregate {
  const [conditions] = rows.conditions;
  const tracks = tracksOf(rows.alertLocations);
  return {
    measure: measureStateOf(rows.measure),
    protectedPersons: rows.protectedPersons.map(protectedPersonStateOf),
    evaluations: rows.evaluations.map(evaluationOf),
    conditions: conditions ? withoutKeys(conditions) : null,
    prolongations: rows.prolongations.map(withoutKeys),
    reEvaluationDecisions: rows.reEvaluationDecisions.map(withoutKeys),
    revisits: rows.revisits.map(withoutKeys),
    travelNotices: rows.travelNotices.map(travelNoticeOf),
    alerts: rows.alerts.map((row) =>
      alertOf(row, tracks.get(row.id) ?? [])),
    newFacts: rows.newFacts.map(withoutKeys),
  };
}

/** Private: drops the columns that place a row under its measure. */
function withoutKeys<R extends { measureId: string; position?: number }>(
  row: R,
): Omit<R, 'measureId' | 'position'> {
  const { measureId: _measureId, position: _position, ...rest } = row;
  return rest;
}

function evaluationOf(row: EvaluationRow): EvaluationState {
  return {
    heardOn: row.heardOn,
    pvReference: row.pvReference,
    relationship: row.relationship,
    answers: {
      fearForLife: row.fearForLife,
      rejectedBreakUp: row.rejectedBreakUp,
      threatsToKillOrSuicide: row.threatsToKillOrSuicide,
      pastViolence: row.pastViolence,
      weaponAffinity: row.weaponAffinity,
      heavyStalkingInvestment: row.heavyStalkingInvestment,
      uncontrolledAnger: row.uncontrolledAnger,
      destroyedBelongings: row.destroyedBelongings,
    },
    bombFactors: row.bombFactors === ''
      ? []
      : (row.bombFactors.split(',') as BombFactor[]),
    breakUpIntentionsDiverge: row.breakUpIntentionsDiverge,
    inShelter: row.inShelter,
    reEvaluation: row.reEvaluation,
  };
}

function travelNoticeOf(row: TravelNoticeRow): TravelNoticeState {
  return {
    id: row.id,
    kind: row.kind,
    zoneCode: row.zoneCode,
    fromDate: row.fromDate,
    toDate: row.toDate,
    announcedOn: row.announcedOn,
    forwardedOn: row.forwardedOn,
  };
}

function alertOf(row: AlertRow, track: AmlLocation[]): AlertState {
  return {
    id: row.id,
    raisedAt: row.raisedAt,
    pvReference: row.pvReference,
    classification: row.classification,
    classifiedAt: row.classifiedAt,
    policeArrivedAt: row.policeArrivedAt,
    magistrateInformed: row.magistrateInformed,
    callEndedAt: row.callEndedAt,
    location: latestFixOf(row),
    track,
  };
}

/** The alert row's latest fix; null when its columns are (no fix yet). */
function latestFixOf(row: AlertRow): AmlLocation | null {
  const {
    locationLatitude: latitude,
    locationLongitude: longitude,
    locationAccuracyMeters: accuracyMeters,
    locationConfidencePercent: confidencePercent,
    locationMethod: method,
    locationFixedAt: fixedAt,
  } = row;
  if (latitude === null || longitude === null || accuracyMeters === null
    || confidencePercent === null || method === null || fixedAt === null) {
    return null;
  }
  return { latitude, longitude, accuracyMeters, confidencePercent, method,
    fixedAt };
}

/** Each alert's fixes, by alert id, in the order of their rows. */
function tracksOf(rows: readonly AlertLocationRow[]) {
  const tracks = new Map<string, AmlLocation[]>();
  for (const row of rows) {
    const { latitude, longitude, accuracyMeters, confidencePercent, method,
      fixedAt } = row;
    const track = tracks.get(row.alertId) ?? [];
    track.push({ latitude, longitude, accuracyMeters, confidencePercent,
      method, fixedAt });
    tracks.set(row.alertId, track);
  }
  return tracks;
}

export function journalRowOf(entry: JournalEntry): JournalRow {
  return {
    id: entry.id,
    measureId: entry.measureId,
    at: utcInstant(entry.at, 'at'),
    action: entry.action,
    actorSubject: entry.actor.subject,
    actorRole: entry.actor.role,
    actorOrganisation: entry.actor.organisation,
    pvReference: entry.pvReference,
  };
}

export function journalEntryOf(row: JournalRow): JournalEntry {
  return {
    id: row.id,
    measureId: row.measureId,
    at: row.at,
    action: row.action,
    actor: {
      subject: row.actorSubject,
      role: row.actorRole,
      organisation: row.actorOrganisation,
    },
    pvReference: row.pvReference,
  };
}

/**
 * An ISO 8601 instant in UTC with milliseconds (24 characters). A value
 * that is no instant is a programmer's misuse: a TypeError shows it.
 */
export function utcInstant(value: string, name: string): string {
  const time = typeof value === 'string' && ISO_INSTANT.test(value)
    ? Date.parse(value)
    : Number.NaN;
  if (Number.isNaN(time)) {
    throw new TypeError(
      `${name} must be an ISO 8601 instant with offset, not ${JSON.stringify(value)}`,
    );
  }
  return new Date(time).toISOString();
}

function optionalInstant(value: string | null, name: string): string | null {
  return value === null ? null : utcInstant(value, name);
}

const ISO_INSTANT =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
