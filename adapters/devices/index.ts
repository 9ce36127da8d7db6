/**
 * The device inventory adapter backed by SQL (SQLite or MySQL/MariaDB):
 * see `sql/` for its tables, migrations and queries.
 */
import type { StorageOptions } from '../../storage/options';
import {
  openSqlAdapter,
  type OpenSqlOptions,
} from '../../storage/open-adapter';
import { SqlDevicesAdapter } from './sql/adapter';
import { devicesSchema } from './sql/schema';
import type { DevicesAdapter } from './types';

export { SqlDevicesAdapter };
export type { OpenSqlOptions };

/** Opens the tables (running migrations) and seeds them when asked. */
export function openSqlDevicesAdapter(
  storage: StorageOptions,
  options: OpenSqlOptions = {},
): Promise<DevicesAdapter> {
  return openSqlAdapter('devices', storage, devicesSchema, options,
    (dataSource) => new SqlDevicesAdapter(dataSource));
}
