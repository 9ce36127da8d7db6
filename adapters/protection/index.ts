/**
 * The protection adapter backed by SQL (SQLite or MySQL/MariaDB):
 * see `sql/` for its tables, migrations and queries.
 */
import type { StorageOptions } from '../../storage/options';
import {
  openSqlAdapter,
  type OpenSqlOptions,
} from '../../storage/open-adapter';
import { SqlProtectionAdapter } from './sql/adapter';
import { protectionSchema } from './sql/schema';
import type { ProtectionAdapter } from './types';

export { SqlProtectionAdapter };
export type { OpenSqlOptions };

/** Opens the tables (running migrations) and seeds them when asked. */
export function openSqlProtectionAdapter(
  storage: StorageOptions,
  options: OpenSqlOptions = {},
): Promise<ProtectionAdapter> {
  return openSqlAdapter('protection', storage, protectionSchema, options,
    (dataSource) => new SqlProtectionAdapter(dataSource));
}
