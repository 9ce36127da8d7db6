/**
 * The audit trail over SQL (SQLite or MySQL/MariaDB). Append-only: this
 * file holds the one INSERT of an entry and no UPDATE or DELETE of one.
 *
 * Appends form one line. On MariaDB an append first locks the head row
 * (SELECT ... FOR UPDATE) and holds it to the end of its transaction, so
 * a second append, from this process or another gateway's subgraph,
 * waits there and chains onto the entry the first committed. The head
 * moves by a conditional UPDATE, and the entry's sequence is the primary
 * key, so a lost race is a conflict that runs the append again, never a
 * fork. SQLite has one writer, this process, whose writes run one at a
 * time (storage/write.ts).
 *
 * A batch is the same append, of several entries: one transaction under
 * the same lock, each entry chained to the one before it exactly as a
 * single append would, so a trail reads and verifies the same however it
 * was written.
 */
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { SqlAgencyAdapter } from '../../../storage/sql-adapter';
import {
  WriteConflict,
  findOneForUpdate,
  readCommitted,
  writeTransaction,
} from '../../../storage/write';
import { chainEntry } from '../chain';
import type {
  AuditAdapter,
  AuditEntryInput,
  AuditEntryRecord,
  AuditFilter,
  AuditHead as Head,
  AuditOutcome,
  AuditPage,
  OperationType,
} from '../types';
import {
  AuditEntry,
  AuditHead,
  HEAD_ID,
  type AuditEntryRow,
} from './schema';

export class SqlAuditAdapter extends SqlAgencyAdapter implements AuditAdapter {
  constructor(dataSource: DataSource) {
    super('audit', dataSource);
  }

  async append(input: AuditEntryInput): Promise<AuditEntryRecord> {
    const [entry] = await writeTransaction('audit', 'append',
      this.dataSource, (manager) => appendIn(manager, [input]));
    return entry;
  }

  appendAll(
    inputs: readonly AuditEntryInput[],
  ): Promise<AuditEntryRecord[]> {
    if (inputs.length === 0) return Promise.resolve([]);
    return writeTransaction('audit', 'appendAll', this.dataSource,
      (manager) => appendIn(manager, inputs));
  }

  entries(filter: AuditFilter, page: AuditPage): Promise<AuditEntryRecord[]> {
    return readCommitted('audit', 'entries', this.dataSource, async () => {
      const query = filtered(this.dataSource, filter);
      const newest = page.order === 'NEWEST_FIRST';
      if (page.after !== undefined) {
        query.andWhere(`entry.sequence ${newest ? '<' : '>'} :after`,
          { after: page.after });
      }
      const rows = await query
        .orderBy('entry.sequence', newest ? 'DESC' : 'ASC')
        .limit(page.limit)
        .getMany();
      return rows.map(recordOf);
    });
  }

  entriesAfter(after: number, limit: number): Promise<AuditEntryRecord[]> {
    return this.entries({}, { after, limit, order: 'OLDEST_FIRST' });
  }

  head(): Promise<Head> {
    return readCommitted('audit', 'head', this.dataSource, async () => {
      const row = await this.dataSource.manager.findOneBy(AuditHead,
        { id: HEAD_ID });
      return headOf(row);
    });
  }
}

/** Private: the head row, which the first migration writes. */
function headOf(row: { sequence: number; hash: string } | null): Head {
  if (row === null) {
    throw new Error('The audit trail has no head row: run its migrations');
  }
  return { sequence: Number(row.sequence), hash: row.hash };
}

/**
 * Rows per INSERT of a batch: far below SQLite's and MariaDB's bounds
 * on placeholders, and a statement stays well under MariaDB's packet
 * bound even when each entry names hundreds of persons.
 */
const ROWS_PER_INSERT = 50;

/**
 * Private: entries appended in order after the head, in the transaction
 * of `manager`, which holds the head's lock to its end.
 */
async function appendIn(
  manager: EntityManager,
  inputs: readonly AuditEntryInput[],
): Promise<AuditEntryRecord[]> {
  const head = headOf(await findOneForUpdate(manager, AuditHead,
    { id: HEAD_ID }));
  const entries = chainAll(head, inputs);
  for (let at = 0; at < entries.length; at += ROWS_PER_INSERT) {
    const rows = entries.slice(at, at + ROWS_PER_INSERT).map(rowOf);
    await insertRows(manager, rows);
  }
  const last = entries[entries.length - 1];
  const moved = await manager.createQueryBuilder()
    .update(AuditHead)
    .set({ sequence: last.sequence, hash: last.hash })
    .where('id = :id AND sequence = :sequence',
      { id: HEAD_ID, sequence: head.sequence })
    .execute();
  if (moved.affected === 0) {
    throw new WriteConflict('the audit head moved during an append');
  }
  return entries;
}

/**
 * Private: one INSERT of `rows`, written here rather than by typeorm's
 * query builder, whose handling of hundreds of parameters cost more than
 * the rest of an append (`npm run bench:alerts` writes an entry for each
 * delivery). The columns are the entity's, plain text and numbers with
 * no transformer to apply; `?` is both drivers' placeholder.
 */
async function insertRows(
  manager: EntityManager,
  rows: readonly AuditEntryRow[],
): Promise<void> {
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(AuditEntry);
  const columns = metadata.columns.map((column) => ({
    key: column.propertyName as keyof AuditEntryRow,
    name: driver.escape(column.databaseName),
  }));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const parameters = rows.flatMap((row) =>
    columns.map(({ key }) => row[key]));
  await manager.query(
    `INSERT INTO ${driver.escape(metadata.tableName)} `
      + `(${columns.map(({ name }) => name).join(', ')}) `
      + `VALUES ${rows.map(() => tuple).join(', ')}`,
    parameters);
}

/** Private: each entry chained to the one before, the first to `head`. */
function chainAll(
  head: Head,
  inputs: readonly AuditEntryInput[],
): AuditEntryRecord[] {
  const entries: AuditEntryRecord[] = [];
  let last = head;
  for (const input of inputs) {
    const entry = chainEntry(last, input);
    entries.push(entry);
    last = { sequence: entry.sequence, hash: entry.hash };
  }
  return entries;
}

/** Private: LIKE on a JSON array of quoted values, `!` escaping. */
function containing(value: string): string {
  return `%${JSON.stringify(value).replace(/[!%_]/g, '!$&')}%`;
}

/** Private: the entries the filter keeps, not yet ordered or limited. */
function filtered(
  dataSource: DataSource,
  filter: AuditFilter,
): SelectQueryBuilder<AuditEntryRow> {
  const query = dataSource.manager
    .createQueryBuilder(AuditEntry, 'entry')
    .where('1 = 1');
  if (filter.from !== undefined) {
    query.andWhere('entry.at >= :from', { from: filter.from });
  }
  if (filter.to !== undefined) {
    query.andWhere('entry.at < :to', { to: filter.to });
  }
  if (filter.subject !== undefined) {
    query.andWhere('entry.subject = :subject', { subject: filter.subject });
  }
  // A scan of the trail's JSON lists: see the README, "Audit trail".
  if (filter.person !== undefined) {
    query.andWhere("entry.persons LIKE :person ESCAPE '!'",
      { person: containing(filter.person) });
  }
  if (filter.measure !== undefined) {
    query.andWhere("entry.measures LIKE :measure ESCAPE '!'",
      { measure: containing(filter.measure) });
  }
  return query;
}

function rowOf(entry: AuditEntryRecord): AuditEntryRow {
  return {
    sequence: entry.sequence,
    at: entry.at,
    subject: entry.subject,
    role: entry.role,
    organisation: entry.organisation,
    operationType: entry.operationType,
    operationName: entry.operationName,
    documentHash: entry.documentHash,
    requestId: entry.requestId,
    persons: JSON.stringify(entry.persons),
    measures: JSON.stringify(entry.measures),
    purpose: entry.purpose,
    outcome: entry.outcome,
    previousHash: entry.previousHash,
    hash: entry.hash,
  };
}

/**
 * Private: the row as it reads, unchecked: a row altered in the
 * database must reach the verifier as it is, to be found out there.
 */
function recordOf(row: AuditEntryRow): AuditEntryRecord {
  return {
    sequence: Number(row.sequence),
    at: row.at,
    subject: row.subject,
    role: row.role,
    organisation: row.organisation,
    operationType: row.operationType as OperationType,
    operationName: row.operationName,
    documentHash: row.documentHash,
    requestId: row.requestId,
    persons: listOf(row.persons),
    measures: listOf(row.measures),
    purpose: row.purpose,
    outcome: row.outcome as AuditOutcome,
    previousHash: row.previousHash,
    hash: row.hash,
  };
}

/** Private: a JSON list of strings; anything else reads as [garbled]. */
function listOf(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      return value;
    }
  } catch {
    // Falls through: the verifier reports the entry.
  }
  return [`(unreadable: ${text.length} characters)`];
}
