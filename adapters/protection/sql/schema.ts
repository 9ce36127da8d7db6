/**
 * The protection system's tables: the territory (provinces, judicial
 * arrondissements, police zones), the persons, the measures of COL 03/2023
 * and who each measure protects. The tables of the rest of a measure's
 * life, the journal and the effects outbox are in `lifecycle.ts`; the
 * position fixes of alerts in `locations.ts`; the confidential addresses
 * and contacts (§7.8.5), kept apart, in `confidential.ts`.
 */
import {
  EntitySchema,
  Table,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';
import { column, tableColumn } from '../../../storage/columns';
import type { SystemSchema } from '../../../storage/data-source';
import type {
  ArrondissementRecord,
  MeasureRecord,
  PersonRecord,
  ProtectedPersonRecord,
  ProvinceRecord,
  ZoneRecord,
} from '../types';
import {
  LIFECYCLE_ENTITIES,
  ProtectionLifecycle1764800000000,
} from './lifecycle';
import {
  AlertLocation,
  ProtectionAlertLocation1764900000000,
} from './locations';
import { ProtectionAlertCallEnd1765200000000 } from './alert-calls';
import {
  ConfidentialContact,
  ProtectionConfidentialContact1765420000000,
} from './confidential';
import {
  AlertEvent,
  AlertLogLock,
  ProtectionAlertEvents1765100000000,
  ProtectionAlertLogOrder1765300000000,
} from './alert-events';
import {
  CODE,
  DESCRIPTION,
  ENUM,
  ID,
  NAME,
  NATIONAL_NUMBER,
  PV_REFERENCE,
  foreignKey,
  index,
} from './tables';

const nullable = { nullable: true };

// The records map one to one onto rows.
export type ProvinceRow = ProvinceRecord;
export type ArrondissementRow = ArrondissementRecord;
export type ZoneRow = ZoneRecord;
export type PersonRow = PersonRecord;
export type MeasureRow = MeasureRecord;
export type ProtectedPersonRow = ProtectedPersonRecord;

export const Province = new EntitySchema<ProvinceRow>({
  name: 'Province',
  tableName: 'protection_province',
  columns: {
    code: column.key('code', CODE),
    name: column.text('name', NAME),
  },
});

export const Arrondissement = new EntitySchema<ArrondissementRow>({
  name: 'Arrondissement',
  tableName: 'protection_arrondissement',
  columns: {
    code: column.key('code', CODE),
    name: column.text('name', NAME),
    provinceCode: column.text('province_code', CODE),
  },
});

export const Zone = new EntitySchema<ZoneRow>({
  name: 'Zone',
  tableName: 'protection_zone',
  columns: {
    code: column.key('code', CODE),
    name: column.text('name', NAME),
    arrondissementCode: column.text('arrondissement_code', CODE),
    deployedOn: column.date('deployed_on', { nullable: true }),
  },
});

export const Person = new EntitySchema<PersonRow>({
  name: 'Person',
  tableName: 'protection_person',
  columns: {
    nationalNumber: column.key('national_number', NATIONAL_NUMBER),
    firstName: column.text('first_name', NAME),
    lastName: column.text('last_name', NAME),
    birthDate: column.date('birth_date', { nullable: true }),
    gender: column.text('gender', ENUM, { nullable: true }),
  },
});

export const Measure = new EntitySchema<MeasureRow>({
  name: 'Measure',
  tableName: 'protection_measure',
  columns: {
    id: column.key('id', ID),
    reference: column.text('reference', 32),
    status: column.text('status', ENUM),
    relationship: column.text('relationship', ENUM),
    arrondissementCode: column.text('arrondissement_code', CODE),
    managingZoneCode: column.text('managing_zone_code', CODE),
    requestOrigin: column.text('request_origin', ENUM),
    requestedOn: column.date('requested_on'),
    decidedOn: column.date('decided_on', { nullable: true }),
    startDate: column.date('start_date', { nullable: true }),
    endDate: column.date('end_date', { nullable: true }),
    endedOn: column.date('ended_on', { nullable: true }),
    endReason: column.text('end_reason', ENUM, { nullable: true }),
    suspectNationalNumber: column.text(
      'suspect_national_number',
      NATIONAL_NUMBER,
    ),
    // Added by ProtectionLifecycle1764800000000.
    version: column.integer('version'),
    pvReference: column.text('pv_reference', PV_REFERENCE),
    requesterZoneCode: column.text('requester_zone_code', CODE, nullable),
    requesterArrondissementCode: column.text(
      'requester_arrondissement_code', CODE, nullable),
    requesterDescription: column.text(
      'requester_description', DESCRIPTION, nullable),
    underInvestigation: column.flag('under_investigation'),
    investigatingJudgeInformedOn: column.date(
      'investigating_judge_informed_on', nullable),
    deviceActivatedOn: column.date('device_activated_on', nullable),
    devicesReturnedOn: column.date('devices_returned_on', nullable),
    refusalDecidedOn: column.date('refusal_decided_on', nullable),
    refusalReasons: column.longText('refusal_reasons', nullable),
    refusalThirdPartyInformed: column.flag(
      'refusal_third_party_informed', nullable),
    refusalPvReference: column.text(
      'refusal_pv_reference', PV_REFERENCE, nullable),
    transferToZoneCode: column.text('transfer_to_zone_code', CODE, nullable),
    transferToArrondissementCode: column.text(
      'transfer_to_arrondissement_code', CODE, nullable),
    transferRequestedOn: column.date('transfer_requested_on', nullable),
  },
});

export const ProtectedPerson = new EntitySchema<ProtectedPersonRow>({
  name: 'ProtectedPerson',
  tableName: 'protection_protected_person',
  columns: {
    measureId: column.key('measure_id', ID),
    nationalNumber: column.key('national_number', NATIONAL_NUMBER),
    role: column.text('role', ENUM),
    // Added by ProtectionLifecycle1764800000000.
    discernmentRecorded: column.flag('discernment_recorded'),
    agreementSigned: column.flag('agreement_signed'),
  },
});

function territoryTables(): Table[] {
  return [
    new Table({
      name: 'protection_province',
      columns: [
        tableColumn.key('code', CODE),
        tableColumn.text('name', NAME),
      ],
    }),
    new Table({
      name: 'protection_arrondissement',
      columns: [
        tableColumn.key('code', CODE),
        tableColumn.text('name', NAME),
        tableColumn.text('province_code', CODE),
      ],
      foreignKeys: [
        foreignKey('protection_arrondissement', 'province_code',
          'protection_province', 'code'),
      ],
    }),
    new Table({
      name: 'protection_zone',
      columns: [
        tableColumn.key('code', CODE),
        tableColumn.text('name', NAME),
        tableColumn.text('arrondissement_code', CODE),
        tableColumn.date('deployed_on', { nullable: true }),
      ],
      foreignKeys: [
        foreignKey('protection_zone', 'arrondissement_code',
          'protection_arrondissement', 'code'),
      ],
    }),
  ];
}

function personTable(): Table {
  return new Table({
    name: 'protection_person',
    columns: [
      tableColumn.key('national_number', NATIONAL_NUMBER),
      tableColumn.text('first_name', NAME),
      tableColumn.text('last_name', NAME),
      tableColumn.date('birth_date', { nullable: true }),
      tableColumn.text('gender', ENUM, { nullable: true }),
    ],
  });
}

function measureTable(): Table {
  return new Table({
    name: 'protection_measure',
    columns: [
      tableColumn.key('id', ID),
      tableColumn.text('reference', 32),
      tableColumn.text('status', ENUM),
      tableColumn.text('relationship', ENUM),
      tableColumn.text('arrondissement_code', CODE),
      tableColumn.text('managing_zone_code', CODE),
      tableColumn.text('request_origin', ENUM),
      tableColumn.date('requested_on'),
      tableColumn.date('decided_on', { nullable: true }),
      tableColumn.date('start_date', { nullable: true }),
      tableColumn.date('end_date', { nullable: true }),
      tableColumn.date('ended_on', { nullable: true }),
      tableColumn.text('end_reason', ENUM, { nullable: true }),
      tableColumn.text('suspect_national_number', NATIONAL_NUMBER),
    ],
    indices: [
      new TableIndex({
        name: 'UQ_protection_measure_reference',
        columnNames: ['reference'],
        isUnique: true,
      }),
      index('protection_measure', ['suspect_national_number']),
      index('protection_measure', ['managing_zone_code']),
    ],
    foreignKeys: [
      foreignKey('protection_measure', 'arrondissement_code',
        'protection_arrondissement', 'code'),
      foreignKey('protection_measure', 'managing_zone_code',
        'protection_zone', 'code'),
      foreignKey('protection_measure', 'suspect_national_number',
        'protection_person', 'national_number'),
    ],
  });
}

function protectedPersonTable(): Table {
  return new Table({
    name: 'protection_protected_person',
    columns: [
      tableColumn.key('measure_id', ID),
      tableColumn.key('national_number', NATIONAL_NUMBER),
      tableColumn.text('role', ENUM),
    ],
    indices: [index('protection_protected_person', ['national_number'])],
    foreignKeys: [
      foreignKey('protection_protected_person', 'measure_id',
        'protection_measure', 'id', 'CASCADE'),
      foreignKey('protection_protected_person', 'national_number',
        'protection_person', 'national_number'),
    ],
  });
}

export class ProtectionInitial1764700000000 implements MigrationInterface {
  name = 'ProtectionInitial1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const tables = [
      ...territoryTables(),
      personTable(),
      measureTable(),
      protectedPersonTable(),
    ];
    for (const table of tables) await queryRunner.createTable(table, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const tables = [
      'protection_protected_person',
      'protection_measure',
      'protection_person',
      'protection_zone',
      'protection_arrondissement',
      'protection_province',
    ];
    for (const table of tables) await queryRunner.dropTable(table, true);
  }
}

export const protectionSchema: SystemSchema = {
  entities: [
    Province,
    Arrondissement,
    Zone,
    Person,
    Measure,
    ProtectedPerson,
    ...LIFECYCLE_ENTITIES,
    AlertLocation,
    AlertEvent,
    AlertLogLock,
    ConfidentialContact,
  ],
  migrations: [
    ProtectionInitial1764700000000,
    ProtectionLifecycle1764800000000,
    ProtectionAlertLocation1764900000000,
    ProtectionAlertEvents1765100000000,
    ProtectionAlertCallEnd1765200000000,
    ProtectionAlertLogOrder1765300000000,
    ProtectionConfidentialContact1765420000000,
  ],
};
