/**
 * The BNG's tables: a person's police record, the weapons they hold, the
 * alarm mention of §7.8.1, the no-contact orders of §7.8.4 and the police
 * interventions at the person's address.
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
import { column, tableColumn } from '../../../storage/columns';
import type { SystemSchema } from '../../../storage/data-source';
import type {
  InterventionNature,
  WantedReason,
  WeaponCategory,
} from '../types';

/** Room for the longest category name of WANTED_REASONS and more. */
const CATEGORY_LENGTH = 24;

export interface BngPersonRow {
  nationalNumber: string;
  knownForViolence: boolean;
  wanted: boolean;
  /** Null when not wanted, and on rows older than the column. */
  wantedReason?: WantedReason | null;
}

export interface BngWeaponRow {
  /** Generated on insert. */
  id?: number;
  nationalNumber: string;
  category: WeaponCategory;
  description: string;
  permitReference: string | null;
  /** Null without a permit, and on rows older than the column. */
  permitValidUntil?: string | null;
  registeredOn: string;
}

export interface BngInterventionRow {
  /** Generated on insert; orders interventions of the same day. */
  id?: number;
  nationalNumber: string;
  occurredOn: string;
  nature: InterventionNature;
  zoneCode: string;
}

/** One mention per person: a new grant replaces the previous mention. */
export interface BngAlarmMentionRow {
  nationalNumber: string;
  measureId: string;
  registeredOn: string;
  validUntil: string;
}

export interface BngNoContactOrderRow {
  id: string;
  nationalNumber: string;
  measureId: string;
  validFrom: string;
  validUntil: string;
}

export const BngPerson = new EntitySchema<BngPersonRow>({
  name: 'BngPerson',
  tableName: 'bng_person',
  columns: {
    nationalNumber: column.key('national_number', 11),
    knownForViolence: column.flag('known_for_violence'),
    wanted: column.flag('wanted'),
    wantedReason: column.text('wanted_reason', CATEGORY_LENGTH,
      { nullable: true }),
  },
});

export const BngWeapon = new EntitySchema<BngWeaponRow>({
  name: 'BngWeapon',
  tableName: 'bng_weapon',
  columns: {
    id: column.generatedKey('id'),
    nationalNumber: column.text('national_number', 11),
    category: column.text('category', 16),
    description: column.text('description', 200),
    permitReference: column.text('permit_reference', 40, { nullable: true }),
    permitValidUntil: column.date('permit_valid_until', { nullable: true }),
    registeredOn: column.date('registered_on'),
  },
});

export const BngAlarmMention = new EntitySchema<BngAlarmMentionRow>({
  name: 'BngAlarmMention',
  tableName: 'bng_alarm_mention',
  columns: {
    nationalNumber: column.key('national_number', 11),
    measureId: column.text('measure_id', 36),
    registeredOn: column.date('registered_on'),
    validUntil: column.date('valid_until'),
  },
});

export const BngNoContactOrder = new EntitySchema<BngNoContactOrderRow>({
  name: 'BngNoContactOrder',
  tableName: 'bng_no_contact_order',
  columns: {
    id: column.key('id', 36),
    nationalNumber: column.text('national_number', 11),
    measureId: column.text('measure_id', 36),
    validFrom: column.date('valid_from'),
    validUntil: column.date('valid_until'),
  },
});

export const BngIntervention = new EntitySchema<BngInterventionRow>({
  name: 'BngIntervention',
  tableName: 'bng_intervention',
  columns: {
    id: column.generatedKey('id'),
    nationalNumber: column.text('national_number', 11),
    occurredOn: column.date('occurred_on'),
    nature: column.text('nature', CATEGORY_LENGTH),
    zoneCode: column.text('zone_code', 8),
  },
});

/** Every part of a record hangs off the person and goes with it. */
function personKey(table: string): TableForeignKey {
  return new TableForeignKey({
    name: `FK_${table}_person`,
    columnNames: ['national_number'],
    referencedTableName: 'bng_person',
    referencedColumnNames: ['national_number'],
    onDelete: 'CASCADE',
  });
}

function byPerson(table: string): TableIndex {
  return new TableIndex({
    name: `IDX_${table}_person`,
    columnNames: ['national_number'],
  });
}

export class BngInitial1764700000000 implements MigrationInterface {
  name = 'BngInitial1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'bng_person',
        columns: [
          tableColumn.key('national_number', 11),
          tableColumn.flag('known_for_violence'),
          tableColumn.flag('wanted'),
        ],
      }),
      true,
    );

    await queryRunner.createTable(
      new Table({
        name: 'bng_weapon',
        columns: [
          tableColumn.generatedKey('id'),
          tableColumn.text('national_number', 11),
          tableColumn.text('category', 16),
          tableColumn.text('description', 200),
          tableColumn.text('permit_reference', 40, { nullable: true }),
          tableColumn.date('registered_on'),
        ],
        foreignKeys: [personKey('bng_weapon')],
        indices: [byPerson('bng_weapon')],
      }),
      true,
    );

    await queryRunner.createTable(
      new Table({
        name: 'bng_alarm_mention',
        columns: [
          tableColumn.key('national_number', 11),
          tableColumn.text('measure_id', 36),
          tableColumn.date('registered_on'),
          tableColumn.date('valid_until'),
        ],
        foreignKeys: [personKey('bng_alarm_mention')],
      }),
      true,
    );

    await queryRunner.createTable(
      new Table({
        name: 'bng_no_contact_order',
        columns: [
          tableColumn.key('id', 36),
          tableColumn.text('national_number', 11),
          tableColumn.text('measure_id', 36),
          tableColumn.date('valid_from'),
          tableColumn.date('valid_until'),
        ],
        foreignKeys: [personKey('bng_no_contact_order')],
        indices: [byPerson('bng_no_contact_order')],
      }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('bng_no_contact_order', true);
    await queryRunner.dropTable('bng_alarm_mention', true);
    await queryRunner.dropTable('bng_weapon', true);
    await queryRunner.dropTable('bng_person', true);
  }
}

/**
 * The writes of the protection system (§7.8.1, §7.8.4): at most one
 * no-contact order per measure, which also serves reading by measure.
 */
export class BngWrites1764800000000 implements MigrationInterface {
  name = 'BngWrites1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('bng_no_contact_order', new TableIndex({
      name: 'UQ_bng_no_contact_order_measure',
      columnNames: ['measure_id'],
      isUnique: true,
    }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('bng_no_contact_order',
      'UQ_bng_no_contact_order_measure');
  }
}

/**
 * The record made complete: why a person is wanted (a category), how long
 * a weapon permit runs, the interventions at the person's address, and
 * the mentions by measure, which the §7.8.4 check of an order reads.
 */
export class BngRecordDetails1765000000000 implements MigrationInterface {
  name = 'BngRecordDetails1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('bng_person', new TableColumn(
      tableColumn.text('wanted_reason', CATEGORY_LENGTH, { nullable: true })));
    await queryRunner.addColumn('bng_weapon', new TableColumn(
      tableColumn.date('permit_valid_until', { nullable: true })));
    await queryRunner.createTable(interventionTable(), true);
    await queryRunner.createIndex('bng_alarm_mention', new TableIndex({
      name: 'IDX_bng_alarm_mention_measure',
      columnNames: ['measure_id'],
    }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('bng_alarm_mention',
      'IDX_bng_alarm_mention_measure');
    await queryRunner.dropTable('bng_intervention', true);
    await queryRunner.dropColumn('bng_weapon', 'permit_valid_until');
    await queryRunner.dropColumn('bng_person', 'wanted_reason');
  }
}

function interventionTable(): Table {
  return new Table({
    name: 'bng_intervention',
    columns: [
      tableColumn.generatedKey('id'),
      tableColumn.text('national_number', 11),
      tableColumn.date('occurred_on'),
      tableColumn.text('nature', CATEGORY_LENGTH),
      tableColumn.text('zone_code', 8),
    ],
    foreignKeys: [personKey('bng_intervention')],
    indices: [
      // A record lists the person's interventions newest first.
      new TableIndex({
        name: 'IDX_bng_intervention_person',
        columnNames: ['national_number', 'occurred_on'],
      }),
    ],
  });
}

export const bngSchema: SystemSchema = {
  entities: [
    BngPerson,
    BngWeapon,
    BngAlarmMention,
    BngNoContactOrder,
    BngIntervention,
  ],
  migrations: [
    BngInitial1764700000000,
    BngWrites1764800000000,
    BngRecordDetails1765000000000,
  ],
};
