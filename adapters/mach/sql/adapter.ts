/**
 * The MaCH port over SQL: a batch of persons is one statement (the files
 * joined with their index labels).
 */
import type { DataSource } from 'typeorm';
import { batchRead, groupBy } from '../../../storage/batch';
import { SqlAgencyAdapter } from '../../../storage/sql-adapter';
import type { BatchRead } from '../../adapter';
import type { JudicialFileRecord, MachAdapter } from '../types';
import { FileIndex, JudicialFile, type JudicialFileRow } from './schema';

export class SqlMachAdapter extends SqlAgencyAdapter implements MachAdapter {
  constructor(dataSource: DataSource) {
    super('mach', dataSource);
  }

  /** Newest first; files opened the same day by number, descending. */
  readonly antecedentsByNationalNumber: BatchRead<
    string,
    JudicialFileRecord[]
  > = batchRead('mach', 'antecedentsByNationalNumber',
    (numbers) => this.findFiles(numbers), () => []);

  private async findFiles(
    numbers: string[],
  ): Promise<Map<string, JudicialFileRecord[]>> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(JudicialFile, 'file')
      .leftJoinAndMapOne('file.fileIndex', FileIndex.options.name, 'idx',
        'idx.code = file.indexCode')
      .where('file.nationalNumber IN (:...numbers)', { numbers })
      .orderBy('file.openedOn', 'DESC')
      .addOrderBy('file.number', 'DESC')
      .getMany();
    return groupBy(rows.map(toRecord), (file) => file.nationalNumber);
  }
}

function toRecord(row: JudicialFileRow): JudicialFileRecord {
  return {
    number: row.number,
    nationalNumber: row.nationalNumber,
    index: row.indexCode,
    // The foreign key guarantees a label; keep the code if it ever lacks.
    indexLabel: row.fileIndex?.label ?? row.indexCode,
    openedOn: row.openedOn,
    status: row.status,
    dismissalReason: row.dismissalReason,
    intraFamily: row.intraFamily,
    arrondissementCode: row.arrondissementCode,
  };
}
