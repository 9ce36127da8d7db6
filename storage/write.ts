/**
 * How the SQL adapters of the agency systems write. Each write is one
 * transaction. A database failure comes out once, as a StorageError that
 * keeps the cause; a rule error (`AgencyRuleError`) comes out as thrown.
 *
 * SQLite: typeorm's better-sqlite3 driver runs all the queries of a
 * DataSource on a single connection, so two transactions begun at once
 * would nest inside each other as savepoints, and a read in the middle
 * of a transaction would see its uncommitted rows. The writes of a
 * DataSource, and the batch reads made with `batchReadCommitted`, are
 * therefore queued and run one at a time. A write's work must use the
 * manager it is given, never those batch reads: they would wait for the
 * very write that waits for them.
 *
 * MySQL/MariaDB: each transaction has its own pooled connection. When two
 * writes collide (a deadlock the server broke, a duplicate key from a row
 * inserted meanwhile, or a `WriteConflict` the work detected), the whole
 * transaction runs again, so it sees what the other one committed.
 */
import type {
  DataSource,
  EntityManager,
  EntitySchema,
  FindOptionsWhere,
  ObjectLiteral,
} from 'typeorm';
import { AgencyRuleError, type BatchRead } from '../adapters/adapter';
import { batchRead } from './batch';
import { StorageError } from './errors';
import type { StoreName } from './options';

/** Runs of a transaction that collided before the error is reported. */
export const WRITE_ATTEMPTS = 3;

/**
 * Thrown by a write's work when a row changed under it (a conditional
 * UPDATE touched no row): the transaction is rolled back and run again.
 */
export class WriteConflict extends Error {
  override readonly name = 'WriteConflict';
}

const queues = new WeakMap<DataSource, Promise<unknown>>();

export async function writeTransaction<T>(
  system: StoreName,
  operation: string,
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await oneAtATime(dataSource,
        () => dataSource.transaction(work));
    } catch (error) {
      if (error instanceof AgencyRuleError) throw error;
      if (isCollision(error) && attempt < WRITE_ATTEMPTS) continue;
      throw new StorageError(system, operation, { cause: error });
    }
  }
}

/**
 * `batchRead` (see storage/batch.ts) whose lookups wait, on SQLite, for
 * the writes queued before them: on the shared connection a read in the
 * middle of a write would see its uncommitted rows. On MySQL/MariaDB a
 * read runs at once on its own connection and sees committed rows only.
 */
export function batchReadCommitted<K, V>(
  system: StoreName,
  operation: string,
  dataSource: DataSource,
  lookup: (keys: K[]) => Promise<Map<K, V>>,
  missing: () => V,
): BatchRead<K, V> {
  return batchRead(system, operation,
    (keys) => oneAtATime(dataSource, () => lookup(keys)), missing);
}

/**
 * Runs a read that must see committed rows only: on SQLite after the
 * writes queued before it (as `batchReadCommitted`), on MySQL/MariaDB at
 * once. Its failure comes out as a StorageError naming the operation.
 */
export async function readCommitted<T>(
  system: StoreName,
  operation: string,
  dataSource: DataSource,
  read: () => Promise<T>,
): Promise<T> {
  try {
    return await oneAtATime(dataSource, read);
  } catch (error) {
    throw new StorageError(system, operation, { cause: error });
  }
}

/**
 * `findOneBy` as a locking read (SELECT ... FOR UPDATE): it sees the
 * latest committed row, not the transaction's snapshot, and holds it
 * until the transaction ends, so that a read-modify-write cannot lose
 * a concurrent update. On SQLite writes already run one at a time, and
 * typeorm refuses the lock there.
 */
export function findOneForUpdate<R extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntitySchema<R>,
  where: FindOptionsWhere<R>,
): Promise<R | null> {
  return manager.findOne(entity, isSqlite(manager.dataSource)
    ? { where }
    : { where, lock: { mode: 'pessimistic_write' } });
}

function isSqlite(dataSource: DataSource): boolean {
  return dataSource.options.type === 'better-sqlite3';
}

/** Private: chains `run` after the writes queued before it on SQLite. */
function oneAtATime<T>(
  dataSource: DataSource,
  run: () => Promise<T>,
): Promise<T> {
  if (!isSqlite(dataSource)) return run();
  const previous = queues.get(dataSource) ?? Promise.resolve();
  const next = previous.then(run);
  queues.set(dataSource, next.catch(() => undefined));
  return next;
}

/** Deadlock and duplicate-key codes of MySQL/MariaDB and SQLite. */
const COLLISION_CODES = new Set([
  'ER_LOCK_DEADLOCK',
  'ER_DUP_ENTRY',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
  'SQLITE_CONSTRAINT_UNIQUE',
]);

function isCollision(error: unknown): boolean {
  if (error instanceof WriteConflict) return true;
  // typeorm's QueryFailedError keeps the driver's error beside its own.
  const driverError = (error as { driverError?: { code?: unknown } })
    ?.driverError;
  return typeof driverError?.code === 'string'
    && COLLISION_CODES.has(driverError.code);
}
