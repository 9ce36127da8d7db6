/**
 * The audit trail of a running stack, read straight from its store, as
 * `npm run audit:verify` reads it: what the gateway wrote, unfiltered.
 */
import { SqlAuditAdapter } from '../../adapters/audit';
import type { AuditEntryRecord } from '../../adapters/audit/types';
import type { RunningStack } from '../../scripts/stack';

export function auditStoreOf(stack: RunningStack): SqlAuditAdapter {
  const { adapter } = stack.subgraphs.audit;
  if (!(adapter instanceof SqlAuditAdapter)) {
    throw new Error('The audit subgraph is not on its SQL store');
  }
  return adapter;
}

/** Every entry, oldest first. */
export async function auditEntriesOf(
  stack: RunningStack,
): Promise<AuditEntryRecord[]> {
  const store = auditStoreOf(stack);
  const entries: AuditEntryRecord[] = [];
  for (let after = 0; ;) {
    const page = await store.entriesAfter(after, 500);
    if (page.length === 0) return entries;
    entries.push(...page);
    after = page[page.length - 1].sequence;
  }
}

/** The entries written after the trail's head was `sequence`. */
export async function auditEntriesAfter(
  stack: RunningStack,
  sequence: number,
): Promise<AuditEntryRecord[]> {
  return auditStoreOf(stack).entriesAfter(sequence, 500);
}

/** The sequence of the trail's last entry; 0 while it is empty. */
export async function auditHeadOf(stack: RunningStack): Promise<number> {
  return (await auditStoreOf(stack).head()).sequence;
}
