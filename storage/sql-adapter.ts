/**
 * What the five SQL adapters share: the readiness probe and the release
 * of the DataSource (see `AgencyAdapter`).
 */
import type { DataSource } from 'typeorm';
import type { AgencyAdapter } from '../adapters/adapter';
import { StorageError } from './errors';
import { poolStateOf, type PoolState } from './pool';
import type { StoreName } from './options';

export abstract class SqlAgencyAdapter implements AgencyAdapter {
  protected constructor(
    private readonly system: StoreName,
    protected readonly dataSource: DataSource,
  ) {}

  /** One trivial statement; a StorageError with the cause otherwise. */
  async ping(): Promise<void> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch (error) {
      throw new StorageError(this.system, 'ping', { cause: error });
    }
  }

  /** The connection pool as it stands; null on SQLite. */
  pool(): PoolState | null {
    return poolStateOf(this.dataSource);
  }

  /** Destroys the DataSource; closing twice is harmless. */
  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
