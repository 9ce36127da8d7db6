/**
 * What every `openSql<System>Adapter` factory does: open and migrate the
 * system's DataSource, seed the demo data when asked, then wrap it.
 */
import type { DataSource, Logger } from 'typeorm';
import {
  openDataSource,
  type StatementWatcher,
  type SystemSchema,
} from './data-source';
import type { DemoData } from './demo-data';
import type { StorageOptions, SystemName } from './options';
import { seedDemo } from './seed';

export interface OpenSqlOptions {
  /** Seeds this data set into empty tables; default: no seeding. */
  readonly seedDemo?: DemoData;
  /** Receives every SQL statement; default: nothing is logged. */
  readonly logger?: Logger;
  /** Told after every statement of the store; default: nobody. */
  readonly statements?: StatementWatcher;
}

export async function openSqlAdapter<A>(
  system: SystemName,
  storage: StorageOptions,
  schema: SystemSchema,
  options: OpenSqlOptions,
  create: (dataSource: DataSource) => A,
): Promise<A> {
  const dataSource = await openDataSource(system, storage, schema, {
    logger: options.logger,
    statements: options.statements,
  });
  try {
    if (options.seedDemo) {
      await seedDemo(system, dataSource, options.seedDemo);
    }
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return create(dataSource);
}
