/**
 * The protection system's ports: the read port (`ProtectionAdapter`, one
 * record per row, for the read side's loaders) and the store of measure
 * aggregates (`ProtectionStore`, for the commands and the effects
 * outbox). Dates are ISO strings (YYYY-MM-DD).
 */
import { ALERT_NOTICE_KINDS } from '../../runtime/alerts/notice';
import type { AgencyAdapter, BatchRead } from '../adapter';
import type { StatisticsFacts, StatisticsQuery } from './statistics';
import type {
  EffectState,
  JournalEntry,
  MeasureAggregate,
  NewEffect,
  PersonState,
} from './aggregate';

export const GENDERS = ['FEMALE', 'MALE', 'X'] as const;
export type Gender = (typeof GENDERS)[number];

export const MEASURE_STATUSES = [
  'REQUESTED',
  'REFUSED',
  'ACTIVE',
  'ENDED',
] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export const RELATIONSHIPS = [
  'EX_PARTNER',
  'ASCENDANT',
  'SIBLING',
  'OTHER_FAMILY',
  'HONOUR_RELATED',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** §7.3: who asked for the alarm. */
export const REQUEST_ORIGINS = [
  'PERSON',
  'RESIDENCE_POLICE',
  'OTHER_POLICE_ZONE',
  'PARQUET',
  'OTHER_PARQUET',
  'TRUSTED_THIRD_PARTY',
  'OTHER_THIRD_PARTY',
  'INVESTIGATING_JUDGE',
] as const;
export type RequestOrigin = (typeof REQUEST_ORIGINS)[number];

/** §7.12: why a measure ended. */
export const END_REASONS = [
  'EXPIRED',
  'NO_LONGER_SERIOUS',
  'MISUSE',
  'PERSON_REQUEST',
  'SETTLED_ABROAD',
  'SETTLED_OUTSIDE_DEPLOYED_TERRITORY',
] as const;
export type EndReason = (typeof END_REASONS)[number];

export const PROTECTED_ROLES = ['VICTIM', 'CHILD', 'RELATIVE'] as const;
export type ProtectedRole = (typeof PROTECTED_ROLES)[number];

/**
 * §3, §7.11.2: the facts of an alert that the alert log keeps, in the
 * order they usually happen to an alert: raised, located (again and
 * again), classified, reached by the police, its 112 call ended. The
 * notices to the gateways name the same facts, so one list serves both.
 */
export const ALERT_EVENT_KINDS = ALERT_NOTICE_KINDS;
export type AlertEventKind = (typeof ALERT_EVENT_KINDS)[number];

/**
 * One fact of an alert, as the change that recorded it appends it. It
 * names the alert and nothing personal: no person, no coordinates. A
 * reader takes the rest from the alert itself.
 */
export interface NewAlertEvent {
  measureId: string;
  alertId: string;
  kind: AlertEventKind;
  /** When the change was recorded, in UTC. */
  at: string;
}

export interface AlertEventRecord extends NewAlertEvent {
  /** The log's global order: strictly increasing, never reused. */
  sequence: number;
}

/** The most events `alertEventsAfter` answers at once. */
export const ALERT_EVENTS_PAGE_MAX = 1000;

export interface PersonRecord {
  nationalNumber: string;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  gender: Gender | null;
}

export interface MeasureRecord {
  id: string;
  reference: string;
  status: MeasureStatus;
  relationship: Relationship;
  arrondissementCode: string;
  managingZoneCode: string;
  requestOrigin: RequestOrigin;
  requestedOn: string;
  decidedOn: string | null;
  startDate: string | null;
  endDate: string | null;
  endedOn: string | null;
  endReason: EndReason | null;
  suspectNationalNumber: string;
  /** Optimistic concurrency: 0 when requested, one more per change. */
  version: number;
  /** The PV recording the request (§7.3.1). */
  pvReference: string;
  /** §7.3: the requesting zone, parquet or third party (`Requester`). */
  requesterZoneCode: string | null;
  requesterArrondissementCode: string | null;
  requesterDescription: string | null;
  /** §7.8.2 */
  underInvestigation: boolean;
  investigatingJudgeInformedOn: string | null;
  /** §7.8.1, §7.12.2 */
  deviceActivatedOn: string | null;
  devicesReturnedOn: string | null;
  /** §7.7: the negative decision, all four set or all null. */
  refusalDecidedOn: string | null;
  refusalReasons: string | null;
  refusalThirdPartyInformed: boolean | null;
  refusalPvReference: string | null;
  /** §7.2.3: a move awaiting the new parquet, all three or none. */
  transferToZoneCode: string | null;
  transferToArrondissementCode: string | null;
  transferRequestedOn: string | null;
}

export interface ProtectedPersonRecord {
  measureId: string;
  nationalNumber: string;
  role: ProtectedRole;
  /** §7.9: a minor's discernment, as recorded. */
  discernmentRecorded: boolean;
  /** §7.5, §7.9: not required under 16. */
  agreementSigned: boolean;
}

export interface ProvinceRecord {
  code: string;
  name: string;
}

export interface ArrondissementRecord {
  code: string;
  name: string;
  provinceCode: string;
}

export interface ZoneRecord {
  code: string;
  name: string;
  arrondissementCode: string;
  deployedOn: string | null;
}

/**
 * §7.8.5: where a protected person lives and how to reach them, kept
 * apart from the measure aggregate so that no read of a measure (the
 * alert path, the journal, the effects) ever loads it.
 */
export interface ConfidentialAddress {
  street: string;
  number: string;
  box: string | null;
  postalCode: string;
  municipality: string;
  /** ISO 3166-1 alpha-2, in capitals: BE, NL, FR... */
  country: string;
}

export interface ConfidentialContactRecord {
  measureId: string;
  /** The protected person's national register number. */
  nationalNumber: string;
  address: ConfidentialAddress | null;
  /** E.164, as victim support keeps it (adapters/victim-support). */
  phone: string | null;
  email: string | null;
  /** The suspect knows the address or contacts (§7.8.5). */
  knownToSuspect: boolean;
  /** When it was last recorded, in UTC. */
  recordedAt: string;
}

export interface ProtectionAdapter extends AgencyAdapter {
  measuresById: BatchRead<string, MeasureRecord | null>;
  personsByNationalNumber: BatchRead<string, PersonRecord | null>;
  /** The protected persons of each measure, victim first. */
  protectedPersonsByMeasureId: BatchRead<string, ProtectedPersonRecord[]>;
  /** The ids of the measures protecting each person, newest first. */
  measureIdsByProtectedPerson: BatchRead<string, string[]>;
  /** The ids of the measures naming each person as the suspect. */
  measureIdsBySuspect: BatchRead<string, string[]>;
  provincesByCode: BatchRead<string, ProvinceRecord | null>;
  arrondissementsByCode: BatchRead<string, ArrondissementRecord | null>;
  zonesByCode: BatchRead<string, ZoneRecord | null>;
  /**
   * §7.8.5: the confidential addresses and contacts of each measure's
   * protected persons, by national number; read only for a caller who
   * may see them, never with the aggregate.
   */
  confidentialContactsByMeasureId: BatchRead<
    string,
    ConfidentialContactRecord[]
  >;
}

/** What `findMeasureIds` matches; a field left out matches anything. */
export interface MeasureFilter {
  statuses?: readonly MeasureStatus[];
  managingZoneCodes?: readonly string[];
  arrondissementCodes?: readonly string[];
  /** Planned end strictly before this date (YYYY-MM-DD). */
  endDateBefore?: string;
  /** A move pending towards one of these arrondissements (§7.2.3). */
  transferToArrondissementCodes?: readonly string[];
  /** Newest request first instead of id order. */
  newestFirst?: boolean;
  /** At most this many ids. */
  limit?: number;
}

/**
 * The measures as aggregates, written in transactions, with the journal
 * of every change and the outbox of what the other agency systems must
 * record (see aggregate.ts). Instants are stored in UTC, as
 * `Date#toISOString` writes them, and answered so.
 */
export interface ProtectionStore {
  /**
   * Runs `work` in one transaction: all of it is saved, or nothing. Inside
   * `work`, use `tx` only: a call to the store itself is refused (on
   * SQLite it would wait for the transaction it runs in).
   */
  transaction<T>(work: (tx: ProtectionTransaction) => Promise<T>): Promise<T>;
  aggregatesById: BatchRead<string, MeasureAggregate | null>;
  /** Each measure's journal, oldest first. */
  journalByMeasureId: BatchRead<string, JournalEntry[]>;
  /** Each measure's effects, by sequence. */
  effectsByMeasureId: BatchRead<string, EffectState[]>;
  /** Ids of the measures matching, by id; for work lists and sweeps. */
  findMeasureIds(filter: MeasureFilter): Promise<string[]>;
  /**
   * Effects to attempt at `now`: of each measure, only its first PENDING
   * effect by sequence, and only once its `nextAttemptAt` <= `now`, so a
   * failing effect holds back the later ones of its measure. Oldest
   * first (by `createdAt`), at most `limit`.
   */
  dueEffects(now: string, limit: number): Promise<EffectState[]>;
  /**
   * The alert log's events numbered above `sequence`, in their order, at
   * most `limit` (1 to ALERT_EVENTS_PAGE_MAX). Start from 0; continue
   * from the last sequence answered.
   */
  alertEventsAfter(sequence: number, limit: number): Promise<AlertEventRecord[]>;
  /**
   * The alert log's events numbered below `sequence`, latest first, at
   * most `limit` (1 to ALERT_EVENTS_PAGE_MAX): the log read backwards.
   * Start from Number.MAX_SAFE_INTEGER for the latest events.
   */
  alertEventsBefore(
    sequence: number,
    limit: number,
  ): Promise<AlertEventRecord[]>;
  /**
   * §9: the lean facts of the measures a period touches and of their
   * events in it, for the statistics (statistics.ts); one statement per
   * table, filtered by period and territory. An empty territory list
   * matches nothing.
   */
  statisticsFacts(query: StatisticsQuery): Promise<StatisticsFacts>;
  /** DONE at `doneAt`; counts the attempt. */
  markEffectDone(id: string, doneAt: string): Promise<void>;
  /** Still PENDING; counts the attempt, keeps `error` for the record. */
  markEffectFailed(
    id: string,
    error: string,
    nextAttemptAt: string,
  ): Promise<void>;
}

export interface ProtectionTransaction {
  /**
   * Loads a measure; on MySQL/MariaDB the measure row stays locked
   * (SELECT ... FOR UPDATE) until the transaction ends.
   */
  load(measureId: string): Promise<MeasureAggregate | null>;
  /**
   * Inserts a new measure with every part, at `aggregate.measure.version`
   * (0 for a new request). Its persons must exist (`upsertPersons`).
   */
  insert(aggregate: MeasureAggregate): Promise<void>;
  /**
   * Saves every part. Fails with a ConcurrentChangeError when the stored
   * version is no longer `aggregate.measure.version`; the stored version
   * is then `version + 1`.
   */
  save(aggregate: MeasureAggregate): Promise<void>;
  /** Inserts new persons, updates known ones. */
  upsertPersons(persons: readonly PersonState[]): Promise<void>;
  /** The persons known by these numbers, in the order asked; unknown ones are left out. */
  loadPersons(nationalNumbers: readonly string[]): Promise<PersonState[]>;
  /** Appends to the journal, which is never updated nor deleted. */
  appendJournal(entry: JournalEntry): Promise<void>;
  /**
   * §7.8.5: records a protected person's confidential address and
   * contacts, replacing whatever was recorded for that person under
   * that measure. The measure and the person must exist.
   */
  replaceConfidentialContact(
    record: ConfidentialContactRecord,
  ): Promise<void>;
  /**
   * Appends one fact of an alert to the alert log; answers the sequence
   * the database numbered it with. Sequences commit in their order: a
   * reader never sees an event while one numbered below it is still to
   * commit. Like the journal, the log is never updated nor deleted.
   */
  appendAlertEvent(event: NewAlertEvent): Promise<number>;
  /**
   * Numbers the effects after the measure's last sequence: PENDING,
   * attempts 0, `nextAttemptAt` = `createdAt` = `now`.
   */
  enqueueEffects(
    measureId: string,
    effects: readonly NewEffect[],
    now: string,
  ): Promise<void>;
  /**
   * The next free reference of a year, as SA/2026/0042: never twice the
   * same, also under concurrent transactions.
   */
  nextReference(year: number): Promise<string>;
}

/**
 * The measure changed since it was loaded: another change won. The
 * caller may load it again and retry, or tell the client (code
 * CONCURRENT_CHANGE).
 */
export class ConcurrentChangeError extends Error {
  override readonly name = 'ConcurrentChangeError';
  readonly code = 'CONCURRENT_CHANGE';

  constructor(
    readonly measureId: string,
    readonly expectedVersion: number,
  ) {
    super(
      `Measure ${measureId} changed meanwhile: it is no longer at version ${expectedVersion}`,
    );
  }
}
