/**
 * The protection adapter backed by SQL (SQLite or MySQL/MariaDB):
 * see `sql/` for its tables, migrations and queries. It serves both the
 * read port and the store of aggregates (types.ts).
 */
import type { StorageOptions } from '../../storage/options';
import {
  openSqlAdapter,
  type OpenSqlOptions,
} from '../../storage/open-adapter';
import type {
  TerritoryRecords,
} from '../../subgraphs/protection/domain/territory';
import { SqlProtectionAdapter } from './sql/adapter';
import { protectionSchema } from './sql/schema';

export { SqlProtectionAdapter };
export type { OpenSqlOptions };

export interface OpenProtectionOptions extends OpenSqlOptions {
  /**
   * The territory file's records (reference/), written over the territory
   * tables after any seeding, so that measures may name every zone of
   * the file; default: the tables are left as they are.
   */
  readonly territory?: TerritoryRecords;
}

/** Opens the tables (running migrations) and seeds them when asked. */
export async function openSqlProtectionAdapter(
  storage: StorageOptions,
  options: OpenProtectionOptions = {},
): Promise<SqlProtectionAdapter> {
  const adapter = await openSqlAdapter('protection', storage,
    protectionSchema, options,
    (dataSource) => new SqlProtectionAdapter(dataSource));
  if (options.territory) {
    try {
      await adapter.syncTerritory(options.territory);
    } catch (error) {
      await adapter.close();
      throw error;
    }
  }
  return adapter;
}
