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

/** The persons and measures an answer shows, by the fields that name them. */
export interface ShownData {
  readonly persons: string[];
  readonly measures: string[];
}

/** Keys whose object is a measure, whose `id` is the measure's. */
const MEASURE_KEYS = new Set(['protectionMeasure', 'measure']);

/**
 * What an answer shows of persons (any `nationalNumber`) and measures
 * (a `measureId`, the `id` of a `protectionMeasure` or `measure`, and
 * of a mutation's result, which is the measure it changed).
 */
export function shownIn(data: unknown, mutation: boolean): ShownData {
  const persons = new Set<string>();
  const measures = new Set<string>();
  const walk = (value: unknown, key: string | null, depth: number) => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, key, depth);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    const isMeasure = (key !== null && MEASURE_KEYS.has(key))
      || (mutation && depth === 1);
    if (isMeasure && typeof record.id === 'string') measures.add(record.id);
    for (const [name, inner] of Object.entries(record)) {
      if (name === 'nationalNumber' && typeof inner === 'string') {
        persons.add(inner);
      } else if (name === 'measureId' && typeof inner === 'string') {
        measures.add(inner);
      } else {
        walk(inner, name, depth + 1);
      }
    }
  };
  walk(data, null, 0);
  return { persons: [...persons].sort(), measures: [...measures].sort() };
}
