/**
 * The BNG adapter backed by SQL (SQLite or MySQL/MariaDB):
 * see `sql/` for its tables, migrations and queries.
 */
import type { StorageOptions } from '../../storage/options';
import {
  openSqlAdapter,
  type OpenSqlOptions,
} from '../../storage/open-adapter';
import { SqlBngAdapter } from './sql/adapter';
import { bngSchema } from './sql/schema';
import type { BngAdapter } from './types';

export { SqlBngAdapter };
export type { OpenSqlOptions };

/** Opens the tables (running migrations) and seeds them when asked. */
export function openSqlBngAdapter(
  storage: StorageOptions,
  options: OpenSqlOptions = {},
): Promise<BngAdapter> {
  return openSqlAdapter('bng', storage, bngSchema, options,
    (dataSource) => new SqlBngAdapter(dataSource));
}
