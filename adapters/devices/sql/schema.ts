/**
 * The device inventory's tables: the devices and the 112 app's daily
 * reports about each (kept as a history; the adapter answers the last).
 */
import {
  EntitySchema,
  Table,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';
import {
  INSTANT_LENGTH,
  column,
  tableColumn,
} from '../../../storage/columns';
import type { SystemSchema } from '../../../storage/data-source';
import type { DeviceKind, DeviceStatus } from '../types';

export interface DeviceRow {
  serial: string;
  kind: DeviceKind;
  status: DeviceStatus;
  arrondissementCode: string;
  zoneCode: string | null;
  measureId: string | null;
  assignedTo: string | null;
}

export interface DailyReportRow {
  /** Generated on insert. */
  id?: number;
  deviceSerial: string;
  /** UTC, as `Date#toISOString` writes it, so that text order is time. */
  receivedAt: string;
  batteryPercent: number;
  lastContactAt: string;
  alarmPressed: boolean;
}

export const Device = new EntitySchema<DeviceRow>({
  name: 'Device',
  tableName: 'devices_device',
  columns: {
    serial: column.key('serial', 32),
    kind: column.text('kind', 16),
    status: column.text('status', 16),
    arrondissementCode: column.text('arrondissement_code', 8),
    zoneCode: column.text('zone_code', 8, { nullable: true }),
    measureId: column.text('measure_id', 36, { nullable: true }),
    assignedTo: column.text('assigned_to', 11, { nullable: true }),
  },
});

export const DailyReport = new EntitySchema<DailyReportRow>({
  name: 'DailyReport',
  tableName: 'devices_daily_report',
  columns: {
    id: column.generatedKey('id'),
    deviceSerial: column.text('device_serial', 32),
    receivedAt: column.text('received_at', INSTANT_LENGTH),
    batteryPercent: column.integer('battery_percent'),
    lastContactAt: column.text('last_contact_at', INSTANT_LENGTH),
    alarmPressed: column.flag('alarm_pressed'),
  },
});

export class DevicesInitial1764700000000 implements MigrationInterface {
  name = 'DevicesInitial1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'devices_device',
        columns: [
          tableColumn.key('serial', 32),
          tableColumn.text('kind', 16),
          tableColumn.text('status', 16),
          tableColumn.text('arrondissement_code', 8),
          tableColumn.text('zone_code', 8, { nullable: true }),
          tableColumn.text('measure_id', 36, { nullable: true }),
          tableColumn.text('assigned_to', 11, { nullable: true }),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_devices_device_measure',
            columnNames: ['measure_id'],
          }),
          // §7.8.7: stock is counted per arrondissement.
          new TableIndex({
            name: 'IDX_devices_device_stock',
            columnNames: ['arrondissement_code', 'status'],
          }),
        ],
      }),
      true,
    );

    await queryRunner.createTable(
      new Table({
        name: 'devices_daily_report',
        columns: [
          tableColumn.generatedKey('id'),
          tableColumn.text('device_serial', 32),
          tableColumn.text('received_at', INSTANT_LENGTH),
          tableColumn.integer('battery_percent'),
          tableColumn.text('last_contact_at', INSTANT_LENGTH),
          tableColumn.flag('alarm_pressed'),
        ],
        indices: [
          // Also serves the "last report of each device" lookup.
          new TableIndex({
            name: 'UQ_devices_daily_report_received',
            columnNames: ['device_serial', 'received_at'],
            isUnique: true,
          }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_devices_daily_report_device',
            columnNames: ['device_serial'],
            referencedTableName: 'devices_device',
            referencedColumnNames: ['serial'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('devices_daily_report', true);
    await queryRunner.dropTable('devices_device', true);
  }
}

export const devicesSchema: SystemSchema = {
  entities: [Device, DailyReport],
  migrations: [DevicesInitial1764700000000],
};
