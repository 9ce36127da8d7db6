/**
 * Verifies the whole audit trail of a store, page by page, oldest first
 * (chain.ts): what `npm run audit:verify` runs.
 */
import { ChainVerifier, type ChainCheck } from './chain';
import type { AuditAdapter } from './types';

/** Entries read per statement; default of verifyAuditTrail. */
export const VERIFY_PAGE_SIZE = 1000;

export async function verifyAuditTrail(
  store: Pick<AuditAdapter, 'entriesAfter' | 'head'>,
  pageSize: number = VERIFY_PAGE_SIZE,
): Promise<ChainCheck> {
  // The head first: entries appended while the check runs lie past it
  // and are left for the next check, not taken for a broken head.
  const head = await store.head();
  const verifier = new ChainVerifier();
  for (let after = 0; after < head.sequence;) {
    const page = await store.entriesAfter(after, pageSize);
    const upToHead = page.filter((entry) => entry.sequence <= head.sequence);
    if (upToHead.length === 0 || !verifier.add(upToHead)) break;
    after = upToHead[upToHead.length - 1].sequence;
  }
  return verifier.result(head);
}
