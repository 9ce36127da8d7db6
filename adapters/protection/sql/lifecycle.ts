/**
 * The tables of a measure's life after the request (aggregate.ts): its
 * evaluations, conditions, prolongations, re-evaluation decisions,
 * revisits, travel notices, alerts and new facts, then the journal of
 * every change, the outbox of effects on the other agency systems and
 * the counter of references.
 *
 * The facts are normalised, one column per field, so that the statistics
 * of §7.13 and §9 count them in SQL. Two values are text on purpose: an
 * effect's payload (the JSON input of another system's write, read back
 * whole) and an evaluation's bomb factors (a comma-separated list of
 * names from BOMB_FACTORS).
 *
 * List tables keep the aggregate's order in a `position` column.
 */
import {
  EntitySchema,
  Table,
  type MigrationInterface,
  type QueryRunner,
  type TableColumnOptions,
  type TableOptions,
} from 'typeorm';
import { column, tableColumn } from '../../../storage/columns';
import type {
  AlertClass,
  BombFactor,
  EffectState,
  ProlongationCause,
  ReEvaluationOutcome,
  TravelKind,
} from '../aggregate';
import type { Relationship } from '../types';
import {
  ACTION,
  CODE,
  DESCRIPTION,
  ENUM,
  ERROR_TEXT,
  FACTOR_LIST,
  ID,
  PV_REFERENCE,
  SUBJECT,
  addedColumn,
  foreignKey,
  index,
  keyPart,
  uniqueIndex,
} from './tables';
import {
  ALERT_LOCATION_COLUMNS,
  type AlertLocationColumns,
} from './locations';

// ---------------------------------------------------------------------
// Rows

export interface EvaluationRow {
  measureId: string;
  position: number;
  heardOn: string;
  pvReference: string;
  relationship: Relationship;
  fearForLife: boolean;
  rejectedBreakUp: boolean;
  threatsToKillOrSuicide: boolean;
  pastViolence: boolean;
  weaponAffinity: boolean;
  heavyStalkingInvestment: boolean;
  uncontrolledAnger: boolean;
  destroyedBelongings: boolean;
  /** Comma-separated BombFactor names; '' for none. */
  bombFactors: string;
  breakUpIntentionsDiverge: boolean;
  inShelter: boolean;
  reEvaluation: boolean;
}

export interface ConditionsRow {
  measureId: string;
  recordedOn: string;
  livesInDeployedZone: boolean;
  withinMaterialScope: boolean;
  wantsAlarm: boolean;
  noVoluntaryContact: boolean;
  filesComplaints: boolean;
  acceptsUserAgreement: boolean;
}

export interface ProlongationRow {
  measureId: string;
  position: number;
  cause: ProlongationCause;
  incidentOn: string;
  previousEndDate: string;
  newEndDate: string;
  decidedOn: string;
}

export interface ReEvaluationDecisionRow {
  measureId: string;
  position: number;
  decidedOn: string;
  outcome: ReEvaluationOutcome;
  pvReference: string;
}

export interface RevisitRow {
  measureId: string;
  position: number;
  dueOn: string;
  doneOn: string | null;
  pvReference: string | null;
}

export interface TravelNoticeRow {
  measureId: string;
  id: string;
  position: number;
  kind: TravelKind;
  zoneCode: string;
  fromDate: string;
  toDate: string | null;
  announcedOn: string;
  forwardedOn: string | null;
}

/** The latest fix's columns: ProtectionAlertLocation, see locations.ts. */
export interface AlertRow extends AlertLocationColumns {
  measureId: string;
  id: string;
  position: number;
  raisedAt: string;
  pvReference: string | null;
  classification: AlertClass | null;
  classifiedAt: string | null;
  policeArrivedAt: string | null;
  magistrateInformed: boolean;
  /** Added by ProtectionAlertCallEnd1765200000000 (alert-calls.ts). */
  callEndedAt: string | null;
}

export interface NewFactRow {
  measureId: string;
  position: number;
  reportedOn: string;
  factOn: string;
  pvReference: string;
  magistrateInformed: boolean;
}

export interface JournalRow {
  /** Insertion order; the database numbers it. */
  number?: number;
  id: string;
  measureId: string;
  at: string;
  action: string;
  actorSubject: string;
  actorRole: string;
  actorOrganisation: string | null;
  pvReference: string | null;
}

export type EffectRow = EffectState;

export interface ReferenceCounterRow {
  year: number;
  lastNumber: number;
}

export type { BombFactor };

// ---------------------------------------------------------------------
// Entities

const nullable = { nullable: true };
const measureKey = () => column.key('measure_id', ID);
const position = () => ({ ...column.integer('position'), primary: true });

export const Evaluation = new EntitySchema<EvaluationRow>({
  name: 'Evaluation',
  tableName: 'protection_evaluation',
  columns: {
    measureId: measureKey(),
    position: position(),
    heardOn: column.date('heard_on'),
    pvReference: column.text('pv_reference', PV_REFERENCE),
    relationship: column.text('relationship', ENUM),
    fearForLife: column.flag('fear_for_life'),
    rejectedBreakUp: column.flag('rejected_break_up'),
    threatsToKillOrSuicide: column.flag('threats_to_kill_or_suicide'),
    pastViolence: column.flag('past_violence'),
    weaponAffinity: column.flag('weapon_affinity'),
    heavyStalkingInvestment: column.flag('heavy_stalking_investment'),
    uncontrolledAnger: column.flag('uncontrolled_anger'),
    destroyedBelongings: column.flag('destroyed_belongings'),
    bombFactors: column.text('bomb_factors', FACTOR_LIST),
    breakUpIntentionsDiverge: column.flag('break_up_intentions_diverge'),
    inShelter: column.flag('in_shelter'),
    reEvaluation: column.flag('re_evaluation'),
  },
});

export const Conditions = new EntitySchema<ConditionsRow>({
  name: 'Conditions',
  tableName: 'protection_conditions',
  columns: {
    measureId: measureKey(),
    recordedOn: column.date('recorded_on'),
    livesInDeployedZone: column.flag('lives_in_deployed_zone'),
    withinMaterialScope: column.flag('within_material_scope'),
    wantsAlarm: column.flag('wants_alarm'),
    noVoluntaryContact: column.flag('no_voluntary_contact'),
    filesComplaints: column.flag('files_complaints'),
    acceptsUserAgreement: column.flag('accepts_user_agreement'),
  },
});

export const Prolongation = new EntitySchema<ProlongationRow>({
  name: 'Prolongation',
  tableName: 'protection_prolongation',
  columns: {
    measureId: measureKey(),
    position: position(),
    cause: column.text('cause', ENUM),
    incidentOn: column.date('incident_on'),
    previousEndDate: column.date('previous_end_date'),
    newEndDate: column.date('new_end_date'),
    decidedOn: column.date('decided_on'),
  },
});

export const ReEvaluationDecision = new EntitySchema<ReEvaluationDecisionRow>({
  name: 'ReEvaluationDecision',
  tableName: 'protection_re_evaluation_decision',
  columns: {
    measureId: measureKey(),
    position: position(),
    decidedOn: column.date('decided_on'),
    outcome: column.text('outcome', ENUM),
    pvReference: column.text('pv_reference', PV_REFERENCE),
  },
});

export const Revisit = new EntitySchema<RevisitRow>({
  name: 'Revisit',
  tableName: 'protection_revisit',
  columns: {
    measureId: measureKey(),
    position: position(),
    dueOn: column.date('due_on'),
    doneOn: column.date('done_on', nullable),
    pvReference: column.text('pv_reference', PV_REFERENCE, nullable),
  },
});

export const TravelNotice = new EntitySchema<TravelNoticeRow>({
  name: 'TravelNotice',
  tableName: 'protection_travel_notice',
  columns: {
    measureId: measureKey(),
    id: column.key('id', ID),
    position: column.integer('position'),
    kind: column.text('kind', ENUM),
    zoneCode: column.text('zone_code', CODE),
    fromDate: column.date('from_date'),
    toDate: column.date('to_date', nullable),
    announcedOn: column.date('announced_on'),
    forwardedOn: column.date('forwarded_on', nullable),
  },
});

export const Alert = new EntitySchema<AlertRow>({
  name: 'Alert',
  tableName: 'protection_alert',
  columns: {
    measureId: measureKey(),
    id: column.key('id', ID),
    position: column.integer('position'),
    raisedAt: column.instant('raised_at'),
    pvReference: column.text('pv_reference', PV_REFERENCE, nullable),
    classification: column.text('classification', ENUM, nullable),
    classifiedAt: column.instant('classified_at', nullable),
    policeArrivedAt: column.instant('police_arrived_at', nullable),
    magistrateInformed: column.flag('magistrate_informed'),
    // Added by ProtectionAlertLocation1764900000000.
    ...ALERT_LOCATION_COLUMNS,
    // Added by ProtectionAlertCallEnd1765200000000.
    callEndedAt: column.instant('call_ended_at', nullable),
  },
});

export const NewFact = new EntitySchema<NewFactRow>({
  name: 'NewFact',
  tableName: 'protection_new_fact',
  columns: {
    measureId: measureKey(),
    position: position(),
    reportedOn: column.date('reported_on'),
    factOn: column.date('fact_on'),
    pvReference: column.text('pv_reference', PV_REFERENCE),
    magistrateInformed: column.flag('magistrate_informed'),
  },
});

export const Journal = new EntitySchema<JournalRow>({
  name: 'Journal',
  tableName: 'protection_journal',
  columns: {
    number: column.generatedKey('number'),
    id: column.text('id', ID),
    measureId: column.text('measure_id', ID),
    at: column.instant('at'),
    action: column.text('action', ACTION),
    actorSubject: column.text('actor_subject', SUBJECT),
    actorRole: column.text('actor_role', ENUM),
    actorOrganisation: column.text('actor_organisation', ENUM, nullable),
    pvReference: column.text('pv_reference', PV_REFERENCE, nullable),
  },
});

export const Effect = new EntitySchema<EffectRow>({
  name: 'Effect',
  tableName: 'protection_effect',
  columns: {
    id: column.key('id', ID),
    measureId: column.text('measure_id', ID),
    sequence: column.integer('sequence'),
    kind: column.text('kind', ENUM),
    payload: column.longText('payload'),
    status: column.text('status', ENUM),
    attempts: column.integer('attempts'),
    lastError: column.text('last_error', ERROR_TEXT, nullable),
    createdAt: column.instant('created_at'),
    nextAttemptAt: column.instant('next_attempt_at'),
    doneAt: column.instant('done_at', nullable),
  },
});

export const ReferenceCounter = new EntitySchema<ReferenceCounterRow>({
  name: 'ReferenceCounter',
  tableName: 'protection_reference_counter',
  columns: {
    year: { ...column.integer('year'), primary: true },
    lastNumber: column.integer('last_number'),
  },
});

/** Parents before children: the order the demo seed fills them in. */
export const LIFECYCLE_ENTITIES = [
  Evaluation,
  Conditions,
  Prolongation,
  ReEvaluationDecision,
  Revisit,
  TravelNotice,
  Alert,
  NewFact,
  Journal,
  Effect,
  ReferenceCounter,
] as const;

// ---------------------------------------------------------------------
// Migration

const MEASURE = 'protection_measure';

type Extra = Omit<TableOptions, 'name' | 'columns'>;

function tableOf(
  name: string,
  columns: TableColumnOptions[],
  extra: Extra = {},
): Table {
  return new Table({ ...extra, name, columns });
}

/** Facts under a measure go with it (there is no delete path yet). */
function factTable(
  name: string,
  columns: TableColumnOptions[],
  extra: Extra = {},
): Table {
  return tableOf(name, columns, {
    ...extra,
    foreignKeys: [foreignKey(name, 'measure_id', MEASURE, 'id', 'CASCADE')],
  });
}

const measureKeyColumn = () => keyPart(tableColumn.text('measure_id', ID));
const positionColumn = () => keyPart(tableColumn.integer('position'));

function factTables(): Table[] {
  return [
    factTable('protection_evaluation', [
      measureKeyColumn(),
      positionColumn(),
      tableColumn.date('heard_on'),
      tableColumn.text('pv_reference', PV_REFERENCE),
      tableColumn.text('relationship', ENUM),
      tableColumn.flag('fear_for_life'),
      tableColumn.flag('rejected_break_up'),
      tableColumn.flag('threats_to_kill_or_suicide'),
      tableColumn.flag('past_violence'),
      tableColumn.flag('weapon_affinity'),
      tableColumn.flag('heavy_stalking_investment'),
      tableColumn.flag('uncontrolled_anger'),
      tableColumn.flag('destroyed_belongings'),
      tableColumn.text('bomb_factors', FACTOR_LIST),
      tableColumn.flag('break_up_intentions_diverge'),
      tableColumn.flag('in_shelter'),
      tableColumn.flag('re_evaluation'),
    ]),
    factTable('protection_conditions', [
      tableColumn.key('measure_id', ID),
      tableColumn.date('recorded_on'),
      tableColumn.flag('lives_in_deployed_zone'),
      tableColumn.flag('within_material_scope'),
      tableColumn.flag('wants_alarm'),
      tableColumn.flag('no_voluntary_contact'),
      tableColumn.flag('files_complaints'),
      tableColumn.flag('accepts_user_agreement'),
    ]),
    factTable('protection_prolongation', [
      measureKeyColumn(),
      positionColumn(),
      tableColumn.text('cause', ENUM),
      tableColumn.date('incident_on'),
      tableColumn.date('previous_end_date'),
      tableColumn.date('new_end_date'),
      tableColumn.date('decided_on'),
    ], { indices: [index('protection_prolongation', ['decided_on'])] }),
    factTable('protection_re_evaluation_decision', [
      measureKeyColumn(),
      positionColumn(),
      tableColumn.date('decided_on'),
      tableColumn.text('outcome', ENUM),
      tableColumn.text('pv_reference', PV_REFERENCE),
    ]),
    factTable('protection_revisit', [
      measureKeyColumn(),
      positionColumn(),
      tableColumn.date('due_on'),
      tableColumn.date('done_on', { nullable: true }),
      tableColumn.text('pv_reference', PV_REFERENCE, { nullable: true }),
    ], { indices: [index('protection_revisit', ['due_on'])] }),
    factTable('protection_travel_notice', [
      measureKeyColumn(),
      keyPart(tableColumn.text('id', ID)),
      tableColumn.integer('position'),
      tableColumn.text('kind', ENUM),
      tableColumn.text('zone_code', CODE),
      tableColumn.date('from_date'),
      tableColumn.date('to_date', { nullable: true }),
      tableColumn.date('announced_on'),
      tableColumn.date('forwarded_on', { nullable: true }),
    ], { indices: [index('protection_travel_notice', ['zone_code'])] }),
    factTable('protection_alert', [
      measureKeyColumn(),
      keyPart(tableColumn.text('id', ID)),
      tableColumn.integer('position'),
      tableColumn.instant('raised_at'),
      tableColumn.text('pv_reference', PV_REFERENCE, { nullable: true }),
      tableColumn.text('classification', ENUM, { nullable: true }),
      tableColumn.instant('classified_at', { nullable: true }),
      tableColumn.instant('police_arrived_at', { nullable: true }),
      tableColumn.flag('magistrate_informed'),
    ], { indices: [index('protection_alert', ['raised_at'])] }),
    factTable('protection_new_fact', [
      measureKeyColumn(),
      positionColumn(),
      tableColumn.date('reported_on'),
      tableColumn.date('fact_on'),
      tableColumn.text('pv_reference', PV_REFERENCE),
      tableColumn.flag('magistrate_informed'),
    ]),
  ];
}

/**
 * The journal outlives nothing it describes: RESTRICT keeps a measure
 * with a journal from being deleted.
 */
function journalTable(): Table {
  const name = 'protection_journal';
  return tableOf(name, [
    tableColumn.generatedKey('number'),
    tableColumn.text('id', ID),
    tableColumn.text('measure_id', ID),
    tableColumn.instant('at'),
    tableColumn.text('action', ACTION),
    tableColumn.text('actor_subject', SUBJECT),
    tableColumn.text('actor_role', ENUM),
    tableColumn.text('actor_organisation', ENUM, { nullable: true }),
    tableColumn.text('pv_reference', PV_REFERENCE, { nullable: true }),
  ], {
    indices: [uniqueIndex(name, ['id']), index(name, ['measure_id'])],
    foreignKeys: [foreignKey(name, 'measure_id', MEASURE, 'id')],
  });
}

function effectTable(): Table {
  const name = 'protection_effect';
  return tableOf(name, [
    tableColumn.key('id', ID),
    tableColumn.text('measure_id', ID),
    tableColumn.integer('sequence'),
    tableColumn.text('kind', ENUM),
    tableColumn.longText('payload'),
    tableColumn.text('status', ENUM),
    tableColumn.integer('attempts'),
    tableColumn.text('last_error', ERROR_TEXT, { nullable: true }),
    tableColumn.instant('created_at'),
    tableColumn.instant('next_attempt_at'),
    tableColumn.instant('done_at', { nullable: true }),
  ], {
    indices: [
      uniqueIndex(name, ['measure_id', 'sequence']),
      index(name, ['status', 'next_attempt_at']),
    ],
    foreignKeys: [foreignKey(name, 'measure_id', MEASURE, 'id')],
  });
}

function referenceCounterTable(): Table {
  return tableOf('protection_reference_counter', [
    keyPart(tableColumn.integer('year')),
    tableColumn.integer('last_number'),
  ]);
}

/** Rows from before this migration get the defaults of a plain request. */
function measureColumns() {
  const optional = { nullable: true };
  return [
    addedColumn(tableColumn.integer('version'), 0),
    addedColumn(tableColumn.text('pv_reference', PV_REFERENCE), "''"),
    addedColumn(tableColumn.text('requester_zone_code', CODE, optional)),
    addedColumn(tableColumn.text('requester_arrondissement_code', CODE,
      optional)),
    addedColumn(tableColumn.text('requester_description', DESCRIPTION,
      optional)),
    addedColumn(tableColumn.flag('under_investigation'), false),
    addedColumn(tableColumn.date('investigating_judge_informed_on',
      optional)),
    addedColumn(tableColumn.date('device_activated_on', optional)),
    addedColumn(tableColumn.date('devices_returned_on', optional)),
    addedColumn(tableColumn.date('refusal_decided_on', optional)),
    addedColumn(tableColumn.longText('refusal_reasons', optional)),
    addedColumn(tableColumn.flag('refusal_third_party_informed', optional)),
    addedColumn(tableColumn.text('refusal_pv_reference', PV_REFERENCE,
      optional)),
    addedColumn(tableColumn.text('transfer_to_zone_code', CODE, optional)),
    addedColumn(tableColumn.text('transfer_to_arrondissement_code', CODE,
      optional)),
    addedColumn(tableColumn.date('transfer_requested_on', optional)),
  ];
}

function protectedPersonColumns() {
  return [
    addedColumn(tableColumn.flag('discernment_recorded'), false),
    addedColumn(tableColumn.flag('agreement_signed'), false),
  ];
}

const NEW_TABLES = () => [
  ...factTables(),
  journalTable(),
  effectTable(),
  referenceCounterTable(),
];

export class ProtectionLifecycle1764800000000 implements MigrationInterface {
  name = 'ProtectionLifecycle1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns(MEASURE, measureColumns());
    await queryRunner.addColumns('protection_protected_person',
      protectedPersonColumns());
    await queryRunner.createIndex(MEASURE, index(MEASURE, ['status']));
    await queryRunner.createIndex(MEASURE, index(MEASURE, ['end_date']));
    for (const table of NEW_TABLES()) {
      await queryRunner.createTable(table, true);
    }
    await countExistingReferences(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of NEW_TABLES().reverse()) {
      await queryRunner.dropTable(table.name, true);
    }
    await queryRunner.dropIndex(MEASURE, `IDX_${MEASURE}_end_date`);
    await queryRunner.dropIndex(MEASURE, `IDX_${MEASURE}_status`);
    await queryRunner.dropColumns('protection_protected_person',
      protectedPersonColumns());
    await queryRunner.dropColumns(MEASURE, measureColumns());
  }
}

/**
 * Starts each year's counter after the highest reference already there
 * (SA/2026/0036 makes the next one SA/2026/0037), so that a database
 * seeded before this migration never hands out a reference twice.
 */
async function countExistingReferences(
  queryRunner: QueryRunner,
): Promise<void> {
  const rows: { reference: string }[] = await queryRunner.query(
    `SELECT reference FROM ${MEASURE}`);
  for (const [year, lastNumber] of highestReferences(rows)) {
    await queryRunner.query(
      'INSERT INTO protection_reference_counter (year, last_number) '
        + 'VALUES (?, ?)',
      [year, lastNumber]);
  }
}

const REFERENCE = /^SA\/(\d{4})\/(\d+)$/;

/** The highest number of each year among references SA/<year>/<n>. */
export function highestReferences(
  rows: readonly { reference: string }[],
): Map<number, number> {
  const highest = new Map<number, number>();
  for (const { reference } of rows) {
    const match = REFERENCE.exec(reference);
    if (!match) continue;
    const year = Number(match[1]);
    const number = Number(match[2]);
    highest.set(year, Math.max(highest.get(year) ?? 0, number));
  }
  return highest;
}
