/**
 * The device inventory's tables: the devices, the 112 app's daily
 * reports about each (kept as a history; the adapter answers the last),
 * the shortages of §7.8.7 and the grant registrations of §7.13.1.
 */
import {
  EntitySchema,
  Table,
  TableColumn,
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
import {
  REPORT_ID_LENGTH,
  type DeviceKind,
  type DeviceStatus,
  type GrantRegistrationRecord,
} from '../types';

export interface DeviceRow {
  serial: string;
  kind: DeviceKind;
  status: DeviceStatus;
  arrondissementCode: string;
  zoneCode: string | null;
  measureId: string | null;
  assignedTo: string | null;
  assignedZoneCode: string | null;
  assignedOn: string | null;
  returnedOn: string | null;
}

export interface DailyReportRow {
  /** Generated on insert. */
  id?: number;
  deviceSerial: string;
  /**
   * The 112 app's id of the report, unique; null for the reports stored
   * before ids were (the demo's among them).
   */
  reportId?: string | null;
  /** UTC, as `Date#toISOString` writes it, so that text order is time. */
  receivedAt: string;
  batteryPercent: number;
  lastContactAt: string;
  alarmPressed: boolean;
}

export interface ShortageRow {
  /** Generated on insert. */
  id?: number;
  measureId: string;
  kind: DeviceKind;
  arrondissementCode: string;
  zoneCode: string;
  reportedOn: string;
  resolvedOn: string | null;
  /**
   * `<kind>:<measureId>` while open, null once resolved: a unique index
   * on it keeps one open shortage per measure and kind (NULLs never
   * clash, on SQLite as on MySQL).
   */
  openFor: string | null;
}

// The registration maps one to one onto its row.
export type GrantRegistrationRow = GrantRegistrationRecord;

/** Room for the protection system's enumerations. */
const ENUM_LENGTH = 40;
/** `LENT_PHONE:` and a 36-character measure id. */
const OPEN_FOR_LENGTH = 48;

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
    assignedZoneCode: column.text('assigned_zone_code', 8,
      { nullable: true }),
    assignedOn: column.date('assigned_on', { nullable: true }),
    returnedOn: column.date('returned_on', { nullable: true }),
  },
});

export const DailyReport = new EntitySchema<DailyReportRow>({
  name: 'DailyReport',
  tableName: 'devices_daily_report',
  columns: {
    id: column.generatedKey('id'),
    deviceSerial: column.text('device_serial', 32),
    reportId: column.text('report_id', REPORT_ID_LENGTH, { nullable: true }),
    receivedAt: column.text('received_at', INSTANT_LENGTH),
    batteryPercent: column.integer('battery_percent'),
    lastContactAt: column.text('last_contact_at', INSTANT_LENGTH),
    alarmPressed: column.flag('alarm_pressed'),
  },
});

export const Shortage = new EntitySchema<ShortageRow>({
  name: 'Shortage',
  tableName: 'devices_shortage',
  columns: {
    id: column.generatedKey('id'),
    measureId: column.text('measure_id', 36),
    kind: column.text('kind', 16),
    arrondissementCode: column.text('arrondissement_code', 8),
    zoneCode: column.text('zone_code', 8),
    reportedOn: column.date('reported_on'),
    resolvedOn: column.date('resolved_on', { nullable: true }),
    openFor: column.text('open_for', OPEN_FOR_LENGTH, { nullable: true }),
  },
});

export const GrantRegistration = new EntitySchema<GrantRegistrationRow>({
  name: 'GrantRegistration',
  tableName: 'devices_grant_registration',
  columns: {
    measureId: column.key('measure_id', 36),
    arrondissementCode: column.text('arrondissement_code', 8),
    zoneCode: column.text('zone_code', 8),
    decidedOn: column.date('decided_on'),
    startDate: column.date('start_date'),
    endDate: column.date('end_date'),
    relationship: column.text('relationship', ENUM_LENGTH),
    protectedPersonCount: column.integer('protected_person_count'),
    status: column.text('status', 16),
    endedOn: column.date('ended_on', { nullable: true }),
    endReason: column.text('end_reason', ENUM_LENGTH, { nullable: true }),
    prolongationCount: column.integer('prolongation_count'),
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

/**
 * The writes of the protection system: when a device was assigned and
 * returned (§7.8.7, §7.12.2), the shortages (§7.8.7) and the grant
 * registrations (§7.13.1).
 */
export class DevicesWrites1764800000000 implements MigrationInterface {
  name = 'DevicesWrites1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('devices_device', [
      new TableColumn(tableColumn.date('assigned_on', { nullable: true })),
      new TableColumn(tableColumn.date('returned_on', { nullable: true })),
    ]);
    await queryRunner.createTable(shortageTable(), true);
    await queryRunner.createTable(grantRegistrationTable(), true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('devices_grant_registration', true);
    await queryRunner.dropTable('devices_shortage', true);
    await queryRunner.dropColumns('devices_device',
      ['returned_on', 'assigned_on']);
  }
}

function shortageTable(): Table {
  return new Table({
    name: 'devices_shortage',
    columns: [
      tableColumn.generatedKey('id'),
      tableColumn.text('measure_id', 36),
      tableColumn.text('kind', 16),
      tableColumn.text('arrondissement_code', 8),
      tableColumn.text('zone_code', 8),
      tableColumn.date('reported_on'),
      tableColumn.date('resolved_on', { nullable: true }),
      tableColumn.text('open_for', OPEN_FOR_LENGTH, { nullable: true }),
    ],
    indices: [
      new TableIndex({
        name: 'IDX_devices_shortage_arrondissement',
        columnNames: ['arrondissement_code', 'reported_on'],
      }),
      new TableIndex({
        name: 'IDX_devices_shortage_measure',
        columnNames: ['measure_id'],
      }),
      new TableIndex({
        name: 'UQ_devices_shortage_open',
        columnNames: ['open_for'],
        isUnique: true,
      }),
    ],
  });
}

function grantRegistrationTable(): Table {
  return new Table({
    name: 'devices_grant_registration',
    columns: [
      tableColumn.key('measure_id', 36),
      tableColumn.text('arrondissement_code', 8),
      tableColumn.text('zone_code', 8),
      tableColumn.date('decided_on'),
      tableColumn.date('start_date'),
      tableColumn.date('end_date'),
      tableColumn.text('relationship', ENUM_LENGTH),
      tableColumn.integer('protected_person_count'),
      tableColumn.text('status', 16),
      tableColumn.date('ended_on', { nullable: true }),
      tableColumn.text('end_reason', ENUM_LENGTH, { nullable: true }),
      tableColumn.integer('prolongation_count'),
    ],
    indices: [
      // Statistics count registrations per arrondissement and period.
      new TableIndex({
        name: 'IDX_devices_grant_registration_stats',
        columnNames: ['arrondissement_code', 'decided_on'],
      }),
    ],
  });
}

/**
 * §3: the 112 app's daily reports arrive with an id of their own, which
 * makes a retried report a no-op; the managing zone reads the devices
 * it keeps, to watch their reports.
 */
export class DevicesDailyReports1764900000000 implements MigrationInterface {
  name = 'DevicesDailyReports1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('devices_daily_report', new TableColumn(
      tableColumn.text('report_id', REPORT_ID_LENGTH, { nullable: true })));
    // NULLs never clash, on SQLite as on MySQL: older reports keep none.
    await queryRunner.createIndex('devices_daily_report', new TableIndex({
      name: 'UQ_devices_daily_report_id',
      columnNames: ['report_id'],
      isUnique: true,
    }));
    await queryRunner.createIndex('devices_device', new TableIndex({
      name: 'IDX_devices_device_zone',
      columnNames: ['zone_code', 'status'],
    }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('devices_device', 'IDX_devices_device_zone');
    await queryRunner.dropIndex('devices_daily_report',
      'UQ_devices_daily_report_id');
    await queryRunner.dropColumn('devices_daily_report', 'report_id');
  }
}

/**
 * §3, §7.2.2: the zone that answers for an assigned device is its
 * measure's managing zone, recorded apart from the keeper, which may be
 * another zone or the arrondissement. The devices already assigned take
 * the zone of their measure's grant registration; without one it stays
 * unknown, and the keeper answers for the device as before.
 */
export class DevicesAssignedZone1765000000000 implements MigrationInterface {
  name = 'DevicesAssignedZone1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('devices_device', new TableColumn(
      tableColumn.text('assigned_zone_code', 8, { nullable: true })));
    await queryRunner.createIndex('devices_device', new TableIndex({
      name: 'IDX_devices_device_assigned_zone',
      columnNames: ['assigned_zone_code', 'status'],
    }));
    await queryRunner.query(
      `UPDATE devices_device SET assigned_zone_code = (
         SELECT registration.zone_code
         FROM devices_grant_registration registration
         WHERE registration.measure_id = devices_device.measure_id)
       WHERE status = 'ASSIGNED' AND measure_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('devices_device',
      'IDX_devices_device_assigned_zone');
    await queryRunner.dropColumn('devices_device', 'assigned_zone_code');
  }
}

export const devicesSchema: SystemSchema = {
  entities: [Device, DailyReport, Shortage, GrantRegistration],
  migrations: [
    DevicesInitial1764700000000,
    DevicesWrites1764800000000,
    DevicesDailyReports1764900000000,
    DevicesAssignedZone1765000000000,
  ],
};
