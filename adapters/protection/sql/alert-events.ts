/**
 * The alert log (§3, §7.11.2): one row per fact of an alert, appended
 * by the transaction that records the fact, which live alerts are
 * streamed from. `ProtectionAlertEvents1765100000000` adds the table.
 *
 * The sequence is the database's auto-increment, global to every measure:
 * a reader pages through the log by the last sequence it has seen. Rows
 * hold no coordinates and no person; a reader takes those from the alert.
 *
 * Commit order. A reader that has seen sequence n must be able to trust
 * that nothing below n is still to come. On MariaDB two transactions
 * could otherwise take sequences in one order and commit in the other,
 * and a reader polling in between would pass over the lower one for
 * good. So an append first locks the one row of the log's lock table
 * (`ProtectionAlertLogOrder1765300000000`), and holds it until its
 * transaction ends: a second append waits there, takes its sequence
 * only once the first has committed or rolled back, and so commits
 * after it. Appends queue; the rest of a change does not. SQLite writes
 * one transaction at a time, which orders the log by itself.
 *
 * Like the journal, the log keeps its measure: RESTRICT, no cascade.
 */
import {
  EntitySchema,
  Table,
  type DataSource,
  type EntityManager,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';
import { column, tableColumn } from '../../../storage/columns';
import type { AlertEventKind, AlertEventRecord } from '../types';
import { isSqlite } from './gate';
import { ENUM, ID, foreignKey, index } from './tables';

export interface AlertEventRow {
  /** The database numbers it on insert. */
  sequence?: number;
  measureId: string;
  alertId: string;
  kind: AlertEventKind;
  at: string;
}

/** The lock table's one row; its key is LOG_LOCK_ID. */
export interface AlertLogLockRow {
  id: number;
}

export const LOG_LOCK_ID = 1;

export const AlertLogLock = new EntitySchema<AlertLogLockRow>({
  name: 'AlertLogLock',
  tableName: 'protection_alert_log_lock',
  columns: {
    id: { ...column.integer('id'), primary: true },
  },
});

export const AlertEvent = new EntitySchema<AlertEventRow>({
  name: 'AlertEvent',
  tableName: 'protection_alert_event',
  columns: {
    sequence: column.generatedKey('sequence'),
    measureId: column.text('measure_id', ID),
    alertId: column.text('alert_id', ID),
    kind: column.text('kind', ENUM),
    at: column.instant('at'),
  },
});

/**
 * Appends one event in the transaction of `manager`; answers its
 * sequence. On MariaDB the log's lock row is taken first and held to the
 * end of the transaction, so that sequences commit in their order (see
 * the file comment); a missing row is a register whose migrations did
 * not run, not something to append past.
 */
export async function appendAlertEvent(
  manager: EntityManager,
  row: AlertEventRow,
): Promise<number> {
  if (!isSqlite(manager.dataSource)) {
    const locked = await manager.createQueryBuilder(AlertLogLock, 'lock')
      .select('lock.id')
      .where('lock.id = :id', { id: LOG_LOCK_ID })
      .setLock('pessimistic_write')
      .getRawOne();
    if (locked === undefined) {
      throw new Error(
        'The alert log has no lock row: run ProtectionAlertLogOrder1765300000000',
      );
    }
  }
  const result = await manager.insert(AlertEvent, row);
  const sequence = Number(result.identifiers[0]?.sequence);
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new Error(
      `The database numbered an alert event ${String(sequence)}`,
    );
  }
  return sequence;
}

/** Events above `after`, in their order; MySQL may answer the key as text. */
export function findAlertEventsAfter(
  dataSource: DataSource,
  after: number,
  limit: number,
): Promise<AlertEventRecord[]> {
  return findAlertEvents(dataSource, '>', after, limit);
}

/** Events below `before`, latest first. */
export function findAlertEventsBefore(
  dataSource: DataSource,
  before: number,
  limit: number,
): Promise<AlertEventRecord[]> {
  return findAlertEvents(dataSource, '<', before, limit);
}

/** Private: one page of the log, walked up (`>`) or down (`<`). */
async function findAlertEvents(
  dataSource: DataSource,
  direction: '>' | '<',
  sequence: number,
  limit: number,
): Promise<AlertEventRecord[]> {
  const rows = await dataSource.manager
    .createQueryBuilder(AlertEvent, 'event')
    .where(`event.sequence ${direction} :sequence`, { sequence })
    .orderBy('event.sequence', direction === '>' ? 'ASC' : 'DESC')
    .limit(limit)
    .getMany();
  return rows.map((row) => ({
    sequence: Number(row.sequence),
    measureId: row.measureId,
    alertId: row.alertId,
    kind: row.kind,
    at: row.at,
  }));
}

// ---------------------------------------------------------------------
// Migration: released migrations never change.

const TABLE = 'protection_alert_event';

function alertEventTable(): Table {
  return new Table({
    name: TABLE,
    columns: [
      tableColumn.generatedKey('sequence'),
      tableColumn.text('measure_id', ID),
      tableColumn.text('alert_id', ID),
      tableColumn.text('kind', ENUM),
      tableColumn.instant('at'),
    ],
    indices: [index(TABLE, ['measure_id', 'alert_id'])],
    foreignKeys: [foreignKey(TABLE, 'measure_id', 'protection_measure', 'id')],
  });
}

export class ProtectionAlertEvents1765100000000 implements MigrationInterface {
  name = 'ProtectionAlertEvents1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(alertEventTable(), true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable(TABLE, true);
  }
}

const LOCK_TABLE = 'protection_alert_log_lock';

function alertLogLockTable(): Table {
  return new Table({
    name: LOCK_TABLE,
    columns: [{ ...tableColumn.integer('id'), isPrimary: true }],
  });
}

/** The log's lock table and its one row (see "Commit order" above). */
export class ProtectionAlertLogOrder1765300000000
implements MigrationInterface {
  name = 'ProtectionAlertLogOrder1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(alertLogLockTable(), true);
    await queryRunner.query(
      `INSERT INTO ${LOCK_TABLE} (id) VALUES (?)`, [LOG_LOCK_ID]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable(LOCK_TABLE, true);
  }
}
