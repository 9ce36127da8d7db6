/**
 * The audit trail's port (issue 6): who read or changed which persons
 * and measures, when, through which operation and for which stated
 * purpose. Append-only: there is no update and no delete.
 */
import type { AgencyAdapter } from '../adapter';

export const OPERATION_TYPES = ['query', 'mutation', 'subscription'] as const;
export type OperationType = (typeof OPERATION_TYPES)[number];

/**
 * COMPLETE: answered without error. PARTIAL: answered with errors beside
 * the data. FAILED: no data came back.
 */
export const AUDIT_OUTCOMES = ['COMPLETE', 'PARTIAL', 'FAILED'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** What the gateway knows of one operation: everything but the chain. */
export interface AuditEntryInput {
  /** When the operation was answered (`Date#toISOString`). */
  readonly at: string;
  readonly subject: string;
  readonly role: string;
  /** `zone:5345`, `arrondissement:ANT`, `province:BE-VAN`; null if none. */
  readonly organisation: string | null;
  readonly operationType: OperationType;
  readonly operationName: string | null;
  /** SHA-256 of the document, hex: never the variables. */
  readonly documentHash: string;
  readonly requestId: string;
  /** National numbers, sorted, each once. */
  readonly persons: readonly string[];
  /** Measure ids, sorted, each once. */
  readonly measures: readonly string[];
  /** As the caller stated it; null when none was given. */
  readonly purpose: string | null;
  readonly outcome: AuditOutcome;
}

/** An entry as the trail holds it, chained to the one before. */
export interface AuditEntryRecord extends AuditEntryInput {
  /** 1 for the first entry, then each entry one more than the last. */
  readonly sequence: number;
  /** The hash of the entry before; GENESIS_HASH for the first. */
  readonly previousHash: string;
  /** SHA-256 over the entry's fields and previousHash (chain.ts). */
  readonly hash: string;
}

export interface AuditFilter {
  /** Entries at or after this instant. */
  readonly from?: string;
  /** Entries before this instant. */
  readonly to?: string;
  readonly subject?: string;
  readonly person?: string;
  readonly measure?: string;
}

export interface AuditPage {
  /** Above (oldest first) or below (newest first) this sequence. */
  readonly after?: number;
  readonly order: 'OLDEST_FIRST' | 'NEWEST_FIRST';
  readonly limit: number;
}

/** The last entry as the store's head row records it. */
export interface AuditHead {
  readonly sequence: number;
  readonly hash: string;
}

export interface AuditAdapter extends AgencyAdapter {
  /**
   * Appends one entry after the last, whatever the number of writers:
   * appends are serialised, so the chain stays one line.
   */
  append(input: AuditEntryInput): Promise<AuditEntryRecord>;
  /**
   * Appends entries after the last, in their order, in one transaction:
   * all of them or none. Each is chained to the one before it exactly
   * as `append` would chain it; none: nothing is written.
   */
  appendAll(inputs: readonly AuditEntryInput[]): Promise<AuditEntryRecord[]>;
  /** One page of the entries the filter keeps, in the page's order. */
  entries(filter: AuditFilter, page: AuditPage): Promise<AuditEntryRecord[]>;
  /** Every entry above `after`, oldest first, at most `limit`. */
  entriesAfter(after: number, limit: number): Promise<AuditEntryRecord[]>;
  /** The head row; sequence 0 and GENESIS_HASH before the first entry. */
  head(): Promise<AuditHead>;
}
