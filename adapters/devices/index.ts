/**
 * The device inventory adapters: backed by SQL (SQLite or MySQL/MariaDB,
 * see `sql/` for its tables, migrations and queries), or by the police's
 * SharePoint lists through Microsoft Graph (see `sharepoint/README.md`).
 */
import type { StorageOptions } from '../../storage/options';
import {
  openSqlAdapter,
  type OpenSqlOptions,
} from '../../storage/open-adapter';
import { GraphDevicesAdapter } from './sharepoint/adapter';
import { SharePointError } from './sharepoint/errors';
import type { GraphDevicesOptions } from './sharepoint/options';
import { SqlDevicesAdapter } from './sql/adapter';
import { devicesSchema } from './sql/schema';
import type { DevicesAdapter } from './types';

export { GraphDevicesAdapter, SharePointError, SqlDevicesAdapter };
export type { GraphDevicesOptions, OpenSqlOptions };

/** Opens the tables (running migrations) and seeds them when asked. */
export function openSqlDevicesAdapter(
  storage: StorageOptions,
  options: OpenSqlOptions = {},
): Promise<DevicesAdapter> {
  return openSqlAdapter('devices', storage, devicesSchema, options,
    (dataSource) => new SqlDevicesAdapter(dataSource));
}

/**
 * The adapter over the police's SharePoint lists through Microsoft
 * Graph; checks the options (a TypeError lists what is wrong) and makes
 * no request until the first read or write.
 */
export async function openGraphDevicesAdapter(
  options: GraphDevicesOptions,
): Promise<DevicesAdapter> {
  return new GraphDevicesAdapter(options);
}
