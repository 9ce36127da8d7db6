/**
 * The audit trail's tables (issue 6): one row per entry, and the head,
 * one row naming the last entry. An append locks the head row for its
 * transaction, so appends from every gateway form one line (adapter.ts).
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
import { GENESIS_HASH } from '../chain';

/** Lengths of the text columns; the gateway keeps to them. */
export const AUDIT_LENGTHS = {
  subject: 200,
  role: 32,
  organisation: 64,
  operationType: 16,
  operationName: 200,
  hash: 64,
  requestId: 64,
  purpose: 500,
  outcome: 16,
} as const;

export interface AuditEntryRow {
  sequence: number;
  at: string;
  subject: string;
  role: string;
  organisation: string | null;
  operationType: string;
  operationName: string | null;
  documentHash: string;
  requestId: string;
  /** A JSON array of national numbers, sorted. */
  persons: string;
  /** A JSON array of measure ids, sorted. */
  measures: string;
  purpose: string | null;
  outcome: string;
  previousHash: string;
  hash: string;
}

export interface AuditHeadRow {
  id: number;
  sequence: number;
  hash: string;
}

/** The key of the head's one row. */
export const HEAD_ID = 1;

const L = AUDIT_LENGTHS;

/**
 * Sequences are 64-bit: a 32-bit column would run out after two
 * billion entries. mysql2 reads them back as text; the adapter turns
 * them into numbers, exact up to 2^53.
 */
const SEQUENCE = { type: 'bigint' } as const;

/**
 * The persons and measures of one entry: an auditor's page may name
 * thousands, past MySQL's TEXT (64 KiB); MEDIUMTEXT holds 16 MiB.
 * SQLite's TEXT has no such bound.
 */
function listColumn(queryRunner: QueryRunner, name: string) {
  const sqlite = queryRunner.connection.options.type === 'better-sqlite3';
  const type = sqlite ? 'text' : 'mediumtext';
  return { ...tableColumn.longText(name), type };
}

export const AuditEntry = new EntitySchema<AuditEntryRow>({
  name: 'AuditEntry',
  tableName: 'audit_entry',
  columns: {
    sequence: { name: 'sequence', ...SEQUENCE, primary: true },
    at: column.instant('at'),
    subject: column.text('subject', L.subject),
    role: column.text('role', L.role),
    organisation: column.text('organisation', L.organisation, {
      nullable: true,
    }),
    operationType: column.text('operation_type', L.operationType),
    operationName: column.text('operation_name', L.operationName, {
      nullable: true,
    }),
    documentHash: column.text('document_hash', L.hash),
    requestId: column.text('request_id', L.requestId),
    persons: column.longText('persons'),
    measures: column.longText('measures'),
    purpose: column.text('purpose', L.purpose, { nullable: true }),
    outcome: column.text('outcome', L.outcome),
    previousHash: column.text('previous_hash', L.hash),
    hash: column.text('hash', L.hash),
  },
});

export const AuditHead = new EntitySchema<AuditHeadRow>({
  name: 'AuditHead',
  tableName: 'audit_head',
  columns: {
    id: { ...column.integer('id'), primary: true },
    sequence: { name: 'sequence', ...SEQUENCE },
    hash: column.text('hash', L.hash),
  },
});

export class AuditInitial1766000000000 implements MigrationInterface {
  name = 'AuditInitial1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(new Table({
      name: 'audit_entry',
      columns: [
        { name: 'sequence', ...SEQUENCE, isPrimary: true },
        tableColumn.instant('at'),
        tableColumn.text('subject', L.subject),
        tableColumn.text('role', L.role),
        tableColumn.text('organisation', L.organisation, { nullable: true }),
        tableColumn.text('operation_type', L.operationType),
        tableColumn.text('operation_name', L.operationName, {
          nullable: true,
        }),
        tableColumn.text('document_hash', L.hash),
        tableColumn.text('request_id', L.requestId),
        listColumn(queryRunner, 'persons'),
        listColumn(queryRunner, 'measures'),
        tableColumn.text('purpose', L.purpose, { nullable: true }),
        tableColumn.text('outcome', L.outcome),
        tableColumn.text('previous_hash', L.hash),
        tableColumn.text('hash', L.hash),
      ],
      indices: [
        new TableIndex({ name: 'IDX_audit_entry_at', columnNames: ['at'] }),
        new TableIndex({
          name: 'IDX_audit_entry_subject',
          columnNames: ['subject', 'sequence'],
        }),
      ],
    }), true);

    await queryRunner.createTable(new Table({
      name: 'audit_head',
      columns: [
        { ...tableColumn.integer('id'), isPrimary: true },
        { name: 'sequence', ...SEQUENCE },
        tableColumn.text('hash', L.hash),
      ],
    }), true);
    await queryRunner.manager.insert('audit_head', {
      id: HEAD_ID, sequence: 0, hash: GENESIS_HASH,
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_head', true);
    await queryRunner.dropTable('audit_entry', true);
  }
}

export const auditSchema: SystemSchema = {
  entities: [AuditEntry, AuditHead],
  migrations: [AuditInitial1766000000000],
};
