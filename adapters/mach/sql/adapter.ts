/**
 * The MaCH port over SQL: a batch of persons is one statement (the files
 * joined with their index labels), and so is a batch of comments. Each
 * write is one transaction (see storage/write.ts).
 */
import {
  In,
  IsNull,
  type DataSource,
  type EntityManager,
  type FindOptionsWhere,
} from 'typeorm';
import { groupBy } from '../../../storage/batch';
import {
  requireDate,
  requireNationalNumber,
  requireText,
} from '../../../storage/input';
import { SqlAgencyAdapter } from '../../../storage/sql-adapter';
import {
  WriteConflict,
  batchReadCommitted,
  writeTransaction,
} from '../../../storage/write';
import type { BatchRead } from '../../adapter';
import {
  MachRuleError,
  type JudicialFileRecord,
  type MachAdapter,
  type RegistrationCommentInput,
  type RegistrationCommentRecord,
} from '../types';
import {
  COMMENT_LENGTH,
  FileIndex,
  JudicialFile,
  RegistrationComment,
  type JudicialFileRow,
  type RegistrationCommentRow,
} from './schema';

const MEASURE_ID_LENGTH = 36;

/** Newest first; the same day, the latest written first. */
const NEWEST_FIRST = { writtenOn: 'DESC', id: 'DESC' } as const;

export class SqlMachAdapter extends SqlAgencyAdapter implements MachAdapter {
  constructor(dataSource: DataSource) {
    super('mach', dataSource);
  }

  /** Newest first; files opened the same day by number, descending. */
  readonly antecedentsByNationalNumber: BatchRead<
    string,
    JudicialFileRecord[]
  > = batchReadCommitted('mach', 'antecedentsByNationalNumber',
    this.dataSource, (numbers) => this.findFiles(numbers), () => []);

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

  readonly registrationCommentsByMeasureId: BatchRead<
    string,
    RegistrationCommentRecord[]
  > = batchReadCommitted('mach', 'registrationCommentsByMeasureId',
    this.dataSource, async (ids) => {
      const rows = await this.findComments({ measureId: In(ids) });
      return groupBy(rows, (comment) => comment.measureId);
    }, () => []);

  readonly currentRegistrationCommentsByNationalNumber: BatchRead<
    string,
    RegistrationCommentRecord[]
  > = batchReadCommitted('mach', 'currentRegistrationCommentsByNationalNumber',
    this.dataSource, async (numbers) => {
      const rows = await this.findComments(
        { nationalNumber: In(numbers), replacedOn: IsNull() });
      return groupBy(rows, (comment) => comment.nationalNumber);
    }, () => []);

  private async findComments(
    where: FindOptionsWhere<RegistrationCommentRow>,
  ): Promise<RegistrationCommentRecord[]> {
    const rows = await this.dataSource.manager.find(RegistrationComment,
      { where, order: NEWEST_FIRST });
    return rows.map(toComment);
  }

  async setRegistrationComment(
    input: RegistrationCommentInput,
  ): Promise<RegistrationCommentRecord> {
    const comment = checkComment(input);
    return writeTransaction('mach', 'setRegistrationComment',
      this.dataSource, (manager) => setComment(manager, comment));
  }
}

type NewComment = Omit<RegistrationCommentRow, 'id' | 'currentFor'>;

function checkComment(input: RegistrationCommentInput): NewComment {
  return {
    measureId: requireText('measureId', input.measureId, MEASURE_ID_LENGTH),
    nationalNumber: requireNationalNumber('suspectNationalNumber',
      input.suspectNationalNumber),
    text: requireText('text', input.text, COMMENT_LENGTH),
    writtenOn: requireDate('writtenOn', input.writtenOn),
    replacedOn: null,
  };
}

/**
 * §7.13.2: the new comment replaces the current one, which is kept with
 * the day it was replaced. The conditional UPDATE guards against another
 * writer replacing it meanwhile (the write then runs again).
 */
async function setComment(
  manager: EntityManager,
  comment: NewComment,
): Promise<RegistrationCommentRecord> {
  const rows = await manager.find(RegistrationComment, {
    where: { measureId: comment.measureId },
    order: NEWEST_FIRST,
  });
  // MySQL compares case-insensitively: keep the measure's own rows.
  const history = rows.filter((row) => row.measureId === comment.measureId);
  if (history.some((row) => row.nationalNumber !== comment.nationalNumber)) {
    throw new MachRuleError('COMMENT_SUSPECT_MISMATCH',
      `The registration comments of measure ${comment.measureId} concern another suspect`);
  }
  // Already written, be it current or replaced since: a retry.
  const same = history.find((row) =>
    row.text === comment.text && row.writtenOn === comment.writtenOn);
  if (same) return toComment(same);

  const current = history.find((row) => row.replacedOn === null);
  if (current) await replace(manager, current, comment);
  await manager.insert(RegistrationComment,
    { ...comment, currentFor: comment.measureId });
  return toComment(comment);
}

async function replace(
  manager: EntityManager,
  current: RegistrationCommentRow,
  comment: NewComment,
): Promise<void> {
  if (comment.writtenOn < current.writtenOn) {
    throw new MachRuleError('COMMENT_OUT_OF_ORDER',
      `A comment written on ${comment.writtenOn} cannot replace the comment of ${current.writtenOn} on measure ${comment.measureId} (§7.13.2)`);
  }
  const replaced = await manager.update(RegistrationComment,
    { id: current.id, currentFor: comment.measureId },
    { replacedOn: comment.writtenOn, currentFor: null });
  if (replaced.affected !== 1) throw new WriteConflict();
}

function toComment(
  row: RegistrationCommentRow | NewComment,
): RegistrationCommentRecord {
  return {
    measureId: row.measureId,
    nationalNumber: row.nationalNumber,
    text: row.text,
    writtenOn: row.writtenOn,
    replacedOn: row.replacedOn,
  };
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
