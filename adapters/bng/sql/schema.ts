/**
 * The BNG's tables: a person's police record, the weapons they hold, the
 * alarm mention of §7.8.1 and the no-contact orders of §7.8.4.
 */
import {
  EntitySchema,
  Table,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';
import { column, tableColumn } from '../../../storage/columns';
import type { SystemSchema } from '../../../storage/data-source';
import type { WeaponCategory } from '../types';

export interface BngPersonRow {
  nationalNumber: string;
  knownForViolence: boolean;
  wanted: boolean;
}

export interface BngWeaponRow {
  /** Generated on insert. */
  id?: number;
  nationalNumber: string;
  category: WeaponCategory;
  description: string;
  permitReference: string | null;
  registeredOn: string;
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

export const bngSchema: SystemSchema = {
  entities: [BngPerson, BngWeapon, BngAlarmMention, BngNoContactOrder],
  migrations: [BngInitial1764700000000, BngWrites1764800000000],
};
