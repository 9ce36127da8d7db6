/**
 * Who may use the DataSource when. typeorm's better-sqlite3 driver runs
 * every statement of a DataSource on one connection: a read issued while
 * a transaction is open would see its uncommitted rows, and a second
 * transaction would nest inside the first as a savepoint. On SQLite the
 * gate therefore runs one task at a time, reads included. On MySQL and
 * MariaDB each task takes its own pooled connection and runs at once.
 *
 * Tasks started from inside a transaction's work are refused on both
 * drivers, so that a misuse fails the same way everywhere instead of
 * waiting forever on SQLite for the transaction it runs in.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource } from 'typeorm';

/** SQLite: one connection, no row locks (typeorm refuses them). */
export function isSqlite(dataSource: DataSource): boolean {
  return dataSource.options.type === 'better-sqlite3';
}

export class Gate {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly inTransaction = new AsyncLocalStorage<true>();

  /** `exclusive`: one task at a time (SQLite). */
  constructor(private readonly exclusive: boolean) {}

  /** Runs `task` when its turn comes; refused inside a transaction. */
  run<T>(operation: string, task: () => Promise<T>): Promise<T> {
    if (this.inTransaction.getStore()) {
      return Promise.reject(new TypeError(
        `The protection store's ${operation} was called inside transaction(): use the transaction's own methods there`,
      ));
    }
    if (!this.exclusive) return task();
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Like `run`, and marks everything `task` starts as in a transaction. */
  runTransaction<T>(task: () => Promise<T>): Promise<T> {
    return this.run('transaction',
      () => this.inTransaction.run(true, task));
  }
}
