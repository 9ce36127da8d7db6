/**
 * What every agency adapter offers besides its own reads: a readiness
 * probe and a way to release its connections.
 */
import type { PoolState } from '../storage/pool';

export interface AgencyAdapter {
  /** Resolves when the system answers; rejects with the cause otherwise. */
  ping(): Promise<void>;
  /** Releases connections; the adapter is unusable afterwards. */
  close(): Promise<void>;
  /**
   * Its database connections, for the metrics; absent, or null, when it
   * keeps no pool (SQLite, an agency system over HTTP).
   */
  pool?(): PoolState | null;
}

/**
 * Batch reads take a list of keys and answer one entry per key, in the
 * same order, so that a DataLoader can sit in front of them. A key the
 * system does not know answers `null` (or an empty list).
 */
export type BatchRead<K, V> = (keys: readonly K[]) => Promise<V[]>;

/**
 * A write that the agency's rules refuse, such as a no-contact order
 * ending before it starts. Callers branch on `code`, which never changes
 * between releases, not on the message. The same input is refused the
 * same way every time, so retrying it is pointless.
 */
export class AgencyRuleError<C extends string = string> extends Error {
  override readonly name: string = 'AgencyRuleError';

  constructor(
    readonly code: C,
    message: string,
  ) {
    super(message);
  }
}
