/**
 * Opens the typeorm DataSource of one agency system on SQLite or on
 * MySQL/MariaDB, and brings its tables up to date with its migrations.
 * Schema changes only ever come from migrations: `synchronize` stays off.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  DataSource,
  type DataSourceOptions,
  type EntitySchema,
  type EntitySubscriberInterface,
  type Logger,
  type MigrationInterface,
} from 'typeorm';
import {
  DEFAULT_POOL_SIZE,
  SQLITE_BUSY_TIMEOUT_MS,
  migrationsTableName,
  type StorageOptions,
  type StoreName,
} from './options';
import { StorageError } from './errors';

export type MigrationClass = new () => MigrationInterface;

/** What a system brings: its entities and its migrations, oldest first. */
export interface SystemSchema {
  readonly entities: readonly EntitySchema[];
  readonly migrations: readonly MigrationClass[];
}

export interface DataSourceHooks {
  /** Receives every statement; default: nothing is logged. */
  logger?: Logger;
  /**
   * Told after every statement once the tables are up to date (a trace
   * span each, runtime/tracing/sql.ts); default: nobody.
   */
  statements?: StatementWatcher;
}

/** Makes the subscriber told of a store's statements. */
export type StatementWatcher = (
  system: StoreName,
) => EntitySubscriberInterface<unknown>;

type DriverOptions = Extract<
  DataSourceOptions,
  { type: 'better-sqlite3' | 'mysql' | 'mariadb' }
>;

/**
 * Opens, initializes and migrates the DataSource of `system`. Bad options
 * throw a TypeError naming the value; a database failure releases the
 * connections and throws a StorageError that keeps the cause.
 */
export async function openDataSource(
  system: StoreName,
  options: StorageOptions,
  schema: SystemSchema,
  hooks: DataSourceHooks = {},
): Promise<DataSource> {
  const dataSource = new DataSource({
    ...driverOptions(system, options),
    entities: [...schema.entities],
    migrations: [...schema.migrations],
    migrationsTableName: migrationsTableName(system),
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    ...(hooks.logger ? { logger: hooks.logger } : {}),
  });

  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    if (hooks.statements) {
      dataSource.subscribers.push(hooks.statements(system));
    }
  } catch (error) {
    // The first failure is the one to report, not a failed clean-up.
    if (dataSource.isInitialized) {
      await dataSource.destroy().catch(() => undefined);
    }
    throw new StorageError(system, 'open', { cause: error });
  }
  return dataSource;
}

function driverOptions(
  system: StoreName,
  options: StorageOptions,
): DriverOptions {
  switch (options.driver) {
    case 'sqlite':
      return sqliteOptions(system, options.directory);
    case 'mysql':
      return mysqlOptions(options.url, options.poolSize);
    default:
      return unknownDriver(options);
  }
}

function unknownDriver(options: never): never {
  const driver = (options as { driver?: unknown }).driver;
  throw new TypeError(
    `Unknown storage driver ${JSON.stringify(driver)}: expected "sqlite" or "mysql"`,
  );
}

function sqliteOptions(system: StoreName, directory: string): DriverOptions {
  if (typeof directory !== 'string' || directory === '') {
    throw new TypeError(
      `The SQLite directory must be a path, not ${JSON.stringify(directory)}`,
    );
  }
  mkdirSync(directory, { recursive: true });
  return {
    type: 'better-sqlite3',
    database: join(directory, `${system}.sqlite`),
    // WAL lets readers go on while a seed or migration writes.
    enableWAL: true,
    timeout: SQLITE_BUSY_TIMEOUT_MS,
  };
}

function mysqlOptions(url: string, poolSize?: number): DriverOptions {
  const parsed = parseMysqlUrl(url);
  const size = poolSize ?? DEFAULT_POOL_SIZE;
  if (!Number.isInteger(size) || size < 1) {
    throw new TypeError(
      `The MySQL pool size must be a positive integer, not ${poolSize}`,
    );
  }
  return {
    type: parsed.protocol === 'mariadb:' ? 'mariadb' : 'mysql',
    // An IPv6 host comes bracketed in a URL, not in mysql2's options.
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port ? Number(parsed.port) : 3306,
    username: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)),
    poolSize: size,
    charset: 'utf8mb4',
    // DATE columns come back as 'YYYY-MM-DD' as on SQLite, never as a
    // JS Date shifted by the process's time zone.
    dateStrings: true,
  };
}

/** Parses a MySQL URL; errors show it with the password hidden. */
export function parseMysqlUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`The MySQL URL ${redactUrl(url)} is not a URL`);
  }
  if (parsed.protocol !== 'mysql:' && parsed.protocol !== 'mariadb:') {
    const shown = redactUrl(url);
    throw new TypeError(
      `The MySQL URL ${shown} must start with mysql:// or mariadb://`,
    );
  }
  if (parsed.pathname.length < 2 || parsed.pathname.includes('/', 1)) {
    throw new TypeError(
      `The MySQL URL ${redactUrl(url)} must name one database`,
    );
  }
  // Options in the query string would be silently ignored: refuse them.
  if (parsed.search) {
    throw new TypeError(
      `The MySQL URL ${redactUrl(url)} must not carry options (${parsed.search})`,
    );
  }
  return parsed;
}

/** The URL with any password replaced, fit for an error message. */
export function redactUrl(url: string): string {
  return String(url).replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}
