/**
 * MaCH's tables: the parquets' index catalogue (index code and label)
 * and the files naming a person as suspect (application 145).
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

export const machSchema: SystemSchema = {
  entities: [FileIndex, JudicialFile],
  migrations: [MachInitial1764700000000],
};
