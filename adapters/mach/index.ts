/**
 * The MaCH adapter backed by SQL (SQLite or MySQL/MariaDB):
 * see `sql/` for its tables, migrations and queries.
 */
import type { StorageOptions } from '../../storage/options';
import {
  openSqlAdapter,
  type OpenSqlOptions,
} from '../../storage/open-adapter';
import { SqlMachAdapter } from './sql/adapter';
import { machSchema } from './sql/schema';
import type { MachAdapter } from './types';

export { SqlMachAdapter };
export type { OpenSqlOptions };

/** Opens the tables (running migrations) and seeds them when asked. */
export function openSqlMachAdapter(
  storage: StorageOptions,
  options: OpenSqlOptions = {},
): Promise<MachAdapter> {
  return openSqlAdapter('mach', storage, machSchema, options,
    (dataSource) => new SqlMachAdapter(dataSource));
}
