/**
 * The audit trail backed by SQL (SQLite or MySQL/MariaDB): see `sql/`
 * for its tables, migrations and the serialised append.
 */
import {
  openDataSource,
  type StatementWatcher,
} from '../../storage/data-source';
import type { StorageOptions } from '../../storage/options';
import type { Logger } from 'typeorm';
import { SqlAuditAdapter } from './sql/adapter';
import { auditSchema } from './sql/schema';

export { SqlAuditAdapter };

export interface OpenAuditOptions {
  /** Receives every SQL statement; default: nothing is logged. */
  readonly logger?: Logger;
  /** Told after every statement of the trail; default: nobody. */
  readonly statements?: StatementWatcher;
}

/** Opens the trail's tables, running its migrations; never seeded. */
export async function openSqlAuditAdapter(
  storage: StorageOptions,
  options: OpenAuditOptions = {},
): Promise<SqlAuditAdapter> {
  const dataSource = await openDataSource('audit', storage, auditSchema,
    { logger: options.logger, statements: options.statements });
  return new SqlAuditAdapter(dataSource);
}
