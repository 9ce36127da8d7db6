/**
 * Helpers for the adapters' batch reads (see `BatchRead`): one entry per
 * key in key order, whatever order and repeats the database answers with.
 */
import type { BatchRead } from '../adapters/adapter';
import { StorageError } from './errors';
import type { StoreName } from './options';

/**
 * Builds a BatchRead from a lookup that answers what it found by key.
 * The lookup sees each key once and never an empty list; keys it leaves
 * out answer `missing()` (a fresh value per key, so lists are not shared).
 * Database failures come out as one StorageError naming the operation.
 */
export function batchRead<K, V>(
  system: StoreName,
  operation: string,
  lookup: (keys: K[]) => Promise<Map<K, V>>,
  missing: () => V,
): BatchRead<K, V> {
  return async (keys) => {
    const unique = [...new Set(keys)];
    if (unique.length === 0) return [];

    let found: Map<K, V>;
    try {
      found = await lookup(unique);
    } catch (error) {
      throw new StorageError(system, operation, { cause: error });
    }
    return keys.map((key) => (found.has(key) ? found.get(key)! : missing()));
  };
}

/** Indexes rows by a key; a later row with the same key wins. */
export function indexBy<K, R>(
  rows: readonly R[],
  keyOf: (row: R) => K,
): Map<K, R> {
  return new Map(rows.map((row) => [keyOf(row), row] as const));
}

/** Groups rows by a key, keeping the rows' order within each group. */
export function groupBy<K, R>(
  rows: readonly R[],
  keyOf: (row: R) => K,
): Map<K, R[]> {
  const groups = new Map<K, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}
