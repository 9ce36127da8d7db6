/**
 * The victim support adapter backed by SQL (SQLite or MySQL/MariaDB):
 * see `sql/` for its tables, migrations and queries.
 */
import type { StorageOptions } from '../../storage/options';
import {
  openSqlAdapter,
  type OpenSqlOptions,
} from '../../storage/open-adapter';
import { SqlVictimSupportAdapter } from './sql/adapter';
import { victimSupportSchema } from './sql/schema';
import type { VictimSupportAdapter } from './types';

export { SqlVictimSupportAdapter };
export type { OpenSqlOptions };

/** Opens the tables (running migrations) and seeds them when asked. */
export function openSqlVictimSupportAdapter(
  storage: StorageOptions,
  options: OpenSqlOptions = {},
): Promise<VictimSupportAdapter> {
  return openSqlAdapter('victim-support', storage, victimSupportSchema,
    options, (dataSource) => new SqlVictimSupportAdapter(dataSource));
}
