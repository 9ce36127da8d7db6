/**
 * The end of an alert's 112 call (§3): `ProtectionAlertCallEnd1765200000000`
 * adds `call_ended_at` to the alert's row, null while the call lasts.
 * Nullable, so the alerts recorded before need no default: their calls
 * are taken as lasting until someone records the end.
 */
import {
  TableColumn,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';
import { tableColumn } from '../../../storage/columns';

// ---------------------------------------------------------------------
// Migration: released migrations never change.

const ALERT = 'protection_alert';

function callEndColumn(): TableColumn {
  return new TableColumn(
    tableColumn.instant('call_ended_at', { nullable: true }));
}

export class ProtectionAlertCallEnd1765200000000
implements MigrationInterface {
  name = 'ProtectionAlertCallEnd1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(ALERT, callEndColumn());
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn(ALERT, callEndColumn());
  }
}
