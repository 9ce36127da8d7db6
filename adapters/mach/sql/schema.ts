/**
 * MaCH's tables: the parquets' index catalogue (index code and label),
 * the files naming a person as suspect (application 145) and the
 * registration comments of §7.13.2.
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
import type { JudicialFileStatus } from '../types';

/** Room for the circular's texts (under 60 characters) and more. */
export const COMMENT_LENGTH = 200;

export interface FileIndexRow {
  code: string;
  label: string;
}

export interface JudicialFileRow {
  number: string;
  nationalNumber: string;
  indexCode: string;
  openedOn: string;
  status: JudicialFileStatus;
  dismissalReason: string | null;
  intraFamily: boolean;
  arrondissementCode: string;
  /** Filled by the adapter's join; not a column. */
  fileIndex?: FileIndexRow;
}

export interface RegistrationCommentRow {
  /** Generated on insert; orders comments written the same day. */
  id?: number;
  measureId: string;
  nationalNumber: string;
  text: string;
  writtenOn: string;
  replacedOn: string | null;
  /**
   * The measure id while the comment is current, null once replaced: a
   * unique index on it lets a measure have one current comment at most
   * (NULLs never clash, on SQLite as on MySQL).
   */
  currentFor: string | null;
}

export const FileIndex = new EntitySchema<FileIndexRow>({
  name: 'FileIndex',
  tableName: 'mach_file_index',
  columns: {
    code: column.key('code', 8),
    label: column.text('label', 100),
  },
});

export const JudicialFile = new EntitySchema<JudicialFileRow>({
  name: 'JudicialFile',
  tableName: 'mach_judicial_file',
  columns: {
    number: column.key('number', 32),
    nationalNumber: column.text('national_number', 11),
    indexCode: column.text('index_code', 8),
    openedOn: column.date('opened_on'),
    status: column.text('status', 16),
    dismissalReason: column.text('dismissal_reason', 200, {
      nullable: true,
    }),
    intraFamily: column.flag('intra_family'),
    arrondissementCode: column.text('arrondissement_code', 8),
  },
});

export const RegistrationComment = new EntitySchema<RegistrationCommentRow>({
  name: 'RegistrationComment',
  tableName: 'mach_registration_comment',
  columns: {
    id: column.generatedKey('id'),
    measureId: column.text('measure_id', 36),
    nationalNumber: column.text('national_number', 11),
    text: column.text('text', COMMENT_LENGTH),
    writtenOn: column.date('written_on'),
    replacedOn: column.date('replaced_on', { nullable: true }),
    currentFor: column.text('current_for', 36, { nullable: true }),
  },
});

export class MachInitial1764700000000 implements MigrationInterface {
  name = 'MachInitial1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'mach_file_index',
        columns: [
          tableColumn.key('code', 8),
          tableColumn.text('label', 100),
        ],
      }),
      true,
    );

    await queryRunner.createTable(
      new Table({
        name: 'mach_judicial_file',
        columns: [
          tableColumn.key('number', 32),
          tableColumn.text('national_number', 11),
          tableColumn.text('index_code', 8),
          tableColumn.date('opened_on'),
          tableColumn.text('status', 16),
          tableColumn.text('dismissal_reason', 200, { nullable: true }),
          tableColumn.flag('intra_family'),
          tableColumn.text('arrondissement_code', 8),
        ],
        indices: [
          // The antecedents listing reads a person's files by date.
          new TableIndex({
            name: 'IDX_mach_judicial_file_person',
            columnNames: ['national_number', 'opened_on'],
          }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_mach_judicial_file_index',
            columnNames: ['index_code'],
            referencedTableName: 'mach_file_index',
            referencedColumnNames: ['code'],
          }),
        ],
      }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('mach_judicial_file', true);
    await queryRunner.dropTable('mach_file_index', true);
  }
}

/** §7.13.2: the registration comments, with their history. */
export class MachWrites1764800000000 implements MigrationInterface {
  name = 'MachWrites1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'mach_registration_comment',
        columns: [
          tableColumn.generatedKey('id'),
          tableColumn.text('measure_id', 36),
          tableColumn.text('national_number', 11),
          tableColumn.text('text', COMMENT_LENGTH),
          tableColumn.date('written_on'),
          tableColumn.date('replaced_on', { nullable: true }),
          tableColumn.text('current_for', 36, { nullable: true }),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_mach_registration_comment_measure',
            columnNames: ['measure_id', 'written_on'],
          }),
          // The antecedents show each suspect's current comments.
          new TableIndex({
            name: 'IDX_mach_registration_comment_person',
            columnNames: ['national_number', 'replaced_on'],
          }),
          new TableIndex({
            name: 'UQ_mach_registration_comment_current',
            columnNames: ['current_for'],
            isUnique: true,
          }),
        ],
      }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('mach_registration_comment', true);
  }
}

export const machSchema: SystemSchema = {
  entities: [FileIndex, JudicialFile, RegistrationComment],
  migrations: [MachInitial1764700000000, MachWrites1764800000000],
};
