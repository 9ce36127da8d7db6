/**
 * The audit trail's chain (issue 6): each entry's hash covers its own
 * fields and the hash of the entry before it, so changing, removing,
 * inserting or reordering any entry changes every hash after it. Pure:
 * the store and `npm run audit:verify` both use it.
 */
import { createHash } from 'node:crypto';
import type { AuditEntryInput, AuditEntryRecord, AuditHead } from './types';

/** The previousHash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Private: the fields in a fixed order, as a JSON array: no key order,
 * no whitespace and no number format is left to chance.
 */
function canonical(
  sequence: number,
  entry: AuditEntryInput,
  previousHash: string,
): string {
  return JSON.stringify([
    'audit-entry/1',
    sequence,
    entry.at,
    entry.subject,
    entry.role,
    entry.organisation,
    entry.operationType,
    entry.operationName,
    entry.documentHash,
    entry.requestId,
    [...entry.persons],
    [...entry.measures],
    entry.purpose,
    entry.outcome,
    previousHash,
  ]);
}

/** The hash of an entry at `sequence` after one whose hash is given. */
export function entryHash(
  sequence: number,
  entry: AuditEntryInput,
  previousHash: string,
): string {
  return createHash('sha256')
    .update(canonical(sequence, entry, previousHash), 'utf8')
    .digest('hex');
}

/** The entry that follows `head` in the chain. */
export function chainEntry(
  head: AuditHead,
  entry: AuditEntryInput,
): AuditEntryRecord {
  const sequence = head.sequence + 1;
  return {
    ...entry,
    sequence,
    previousHash: head.hash,
    hash: entryHash(sequence, entry, head.hash),
  };
}

export type ChainBreak =
  | 'sequence'
  | 'previous-hash'
  | 'hash'
  | 'head';

export type ChainCheck =
  | { readonly ok: true; readonly checked: number; readonly head: AuditHead }
  | {
      readonly ok: false;
      readonly checked: number;
      /** The first sequence that does not follow from the one before. */
      readonly sequence: number;
      readonly reason: ChainBreak;
    };

/**
 * Checks a chain page by page: feed it the entries oldest first, then
 * ask for the result with the store's head. Stops at the first break.
 */
export class ChainVerifier {
  #last: AuditHead = { sequence: 0, hash: GENESIS_HASH };
  #checked = 0;
  #broken: Extract<ChainCheck, { ok: false }> | null = null;

  /** Answers false once the chain is broken: the rest need no reading. */
  add(entries: readonly AuditEntryRecord[]): boolean {
    for (const entry of entries) {
      if (this.#broken) return false;
      this.#broken = this.#check(entry);
      if (this.#broken) return false;
      this.#last = { sequence: entry.sequence, hash: entry.hash };
      this.#checked += 1;
    }
    return this.#broken === null;
  }

  /**
   * The result. The head row must name the last entry: a trail cut
   * short at its end would otherwise still verify.
   */
  result(head: AuditHead): ChainCheck {
    if (this.#broken) return this.#broken;
    const last = this.#last;
    if (head.sequence !== last.sequence || head.hash !== last.hash) {
      const sequence = Math.min(head.sequence, last.sequence) + 1;
      return { ok: false, checked: this.#checked, sequence, reason: 'head' };
    }
    return { ok: true, checked: this.#checked, head: last };
  }

  #check(entry: AuditEntryRecord): Extract<ChainCheck, { ok: false }> | null {
    const broken = (reason: ChainBreak) => ({
      ok: false as const,
      checked: this.#checked,
      sequence: this.#last.sequence + 1,
      reason,
    });
    if (entry.sequence !== this.#last.sequence + 1) return broken('sequence');
    if (entry.previousHash !== this.#last.hash) return broken('previous-hash');
    const hash = entryHash(entry.sequence, entry, entry.previousHash);
    return hash === entry.hash ? null : broken('hash');
  }
}

/** Verifies a whole chain held in memory. */
export function verifyChain(
  entries: readonly AuditEntryRecord[],
  head: AuditHead,
): ChainCheck {
  const verifier = new ChainVerifier();
  verifier.add(entries);
  return verifier.result(head);
}
