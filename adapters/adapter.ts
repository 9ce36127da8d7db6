/**
 * What every agency adapter offers besides its own reads: a readiness
 * probe and a way to release its connections.
 */
export interface AgencyAdapter {
  /** Resolves when the system answers; rejects with the cause otherwise. */
  ping(): Promise<void>;
  /** Releases connections; the adapter is unusable afterwards. */
  close(): Promise<void>;
}

/**
 * Batch reads take a list of keys and answer one entry per key, in the
 * same order, so that a DataLoader can sit in front of them. A key the
 * system does not know answers `null` (or an empty list).
 */
export type BatchRead<K, V> = (keys: readonly K[]) => Promise<V[]>;
