/**
 * How a store's connections stand, for the operators' metrics: on
 * MySQL/MariaDB, mysql2's pool (connections open, idle, and requests
 * waiting for one); on SQLite, nothing: better-sqlite3 holds one
 * connection in the process, always there, and nothing ever waits for it.
 */
import type { DataSource } from 'typeorm';

/** A pool's connections at one moment. */
export interface PoolState {
  /** Connections handed out and not yet released. */
  readonly inUse: number;
  /** Connections open and waiting for a request. */
  readonly idle: number;
  /** Requests waiting for a connection, the pool being exhausted. */
  readonly queued: number;
}

/** Private: the counts mysql2's pool keeps, as it keeps them. */
interface Mysql2Pool {
  readonly _allConnections?: { readonly length: number };
  readonly _freeConnections?: { readonly length: number };
  readonly _connectionQueue?: { readonly length: number };
}

/** The pool of `dataSource`; null when it has none (SQLite, closed). */
export function poolStateOf(dataSource: DataSource): PoolState | null {
  if (!dataSource.isInitialized) return null;
  const { type } = dataSource.options;
  if (type !== 'mysql' && type !== 'mariadb') return null;
  const pool = (dataSource.driver as { pool?: Mysql2Pool }).pool;
  const all = pool?._allConnections?.length;
  const idle = pool?._freeConnections?.length;
  const queued = pool?._connectionQueue?.length;
  if (all === undefined || idle === undefined || queued === undefined) {
    return null;
  }
  return { inUse: all - idle, idle, queued };
}
