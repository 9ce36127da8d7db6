/**
 * The alert log (§3, §7.11.2): one row per fact of an alert, appended
 * by the transaction that records the fact, which live alerts are
 * streamed from. `ProtectionAlertEvents1765100000000` adds the table.
 *
 * The sequence is the database's auto-increment, global to every measure:
 * a reader pages through the log by the last sequence it has seen. Rows
 * hold no coordinates and no person; a reader takes those from the alert.
 *
 * Known limit: on MariaDB two transactions may take sequences in one
 * order and commit in the other, so a reader polling at that moment can
 * pass over the lower one. SQLite writes one transaction at a time and
 * has no such gap. A streaming reader that must never miss an event
 * should re-read a short window behind its last sequence until the
 * gateway's subscription work (issue 5) settles how it reads the log.
 *
 * Like the journal, the log keeps its measure: RESTRICT, no cascade.
 */
import {
  EntitySchema,
  Table,
  type DataSource,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';
import { column, tableColumn } from '../../../storage/columns';
import type { AlertEventKind, AlertEventRecord } from '../types';
import { ENUM, ID, foreignKey, index } from './tables';

export interface AlertEventRow {
  /** The database numbers it on insert. */
  sequence?: number;
  measureId: string;
  alertId: string;
  kind: AlertEventKind;
  at: string;
}

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
