/**
 * Runs the same tests on both databases the storage layer supports:
 *
 *   describeEachDatabase('SqlBngAdapter', (getOptions) => {
 *     it('...', async () => { await openSqlBngAdapter(getOptions()) });
 *   });
 *
 * SQLite gets a fresh temporary directory; MariaDB a fresh database named
 * `sat_<random>` on the server of TEST_MYSQL_URL (see config.ts), created
 * before the tests and dropped after them. An unreachable server fails
 * the tests: it never skips them.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { DataSource, Logger } from 'typeorm';
import { redactUrl } from '../../storage/data-source';
import type { StorageOptions } from '../../storage/options';
import { readTestConfig } from './config';

export type DatabaseKind = 'sqlite' | 'mariadb';

export interface TestDatabase {
  /** Makes an empty database; answers how to reach it. */
  create(): Promise<StorageOptions>;
  /** Removes it, with everything in it. */
  drop(): Promise<void>;
}

export function describeEachDatabase(
  title: string,
  body: (getOptions: () => StorageOptions, kind: DatabaseKind) => void,
): void {
  const databases: [DatabaseKind, string, () => TestDatabase][] = [
    ['sqlite', 'SQLite', () => sqliteDatabase()],
    ['mariadb', 'MariaDB', () => mariadbDatabase()],
  ];
  for (const [kind, label, make] of databases) {
    describe(`${title} (${label})`, () => {
      const database = make();
      let options: StorageOptions | undefined;
      beforeAll(async () => {
        options = await database.create();
      });

      body(() => {
        if (!options) throw new Error(`The ${label} test database is not up`);
        return options;
      }, kind);

      // Declared after the body's hooks so that it runs after them, once
      // the tests have closed their connections.
      afterAll(() => database.drop());
    });
  }
}

export function sqliteDatabase(): TestDatabase {
  let directory: string | undefined;
  return {
    async create() {
      directory = await mkdtemp(join(tmpdir(), 'sat-sqlite-'));
      return { driver: 'sqlite', directory };
    },
    async drop() {
      if (directory) await rm(directory, { recursive: true, force: true });
    },
  };
}

export function mariadbDatabase(
  serverUrl = readTestConfig().TEST_MYSQL_URL,
): TestDatabase {
  const name = `sat_${randomBytes(6).toString('hex')}`;
  let created = false;
  return {
    async create() {
      await onServer(serverUrl,
        `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
      created = true;
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      return { driver: 'mysql', url: url.toString(), poolSize: 4 };
    },
    async drop() {
      if (created) await onServer(serverUrl, `DROP DATABASE \`${name}\``);
    },
  };
}

/** Runs one administrative statement; says loudly where it failed. */
async function onServer(serverUrl: string, statement: string) {
  let connection;
  try {
    connection = await createConnection({
      uri: serverUrl,
      connectTimeout: 5000,
    });
  } catch (error) {
    const reason = (error as Error).message;
    throw new Error(
      `MariaDB is unreachable at ${redactUrl(serverUrl)} (set TEST_MYSQL_URL to a server where the tests may create databases): ${reason}`,
      { cause: error },
    );
  }
  try {
    await connection.query(statement);
  } finally {
    await connection.end();
  }
}

/**
 * A typeorm Logger that keeps the SQL statements it sees, to prove how
 * many statements a read costs.
 */
export class StatementRecorder implements Logger {
  readonly statements: string[] = [];

  logQuery(query: string): void {
    this.statements.push(query);
  }

  /** The statements issued while `action` ran. */
  async during(action: () => Promise<unknown>): Promise<string[]> {
    const start = this.statements.length;
    await action();
    return this.statements.slice(start);
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** Twenty distinct keys: up to 19 known ones, then unknown ones. */
export function twentyKeys(known: readonly string[]): string[] {
  const keys = [...new Set(known)].slice(0, 19);
  for (let i = 1; keys.length < 20; i += 1) keys.push(`unknown-${i}`);
  return keys;
}

/**
 * Undoes the migrations of `source`, newest first, down to and including
 * the one named `name`, as an operator rolling back that release would.
 * The source must have run them all.
 */
export async function undoMigrationsThrough(
  source: DataSource,
  name: string,
): Promise<void> {
  const names = source.migrations.map((migration) => migration.name);
  const index = names.indexOf(name);
  if (index < 0) throw new Error(`The source has no migration ${name}`);
  for (let undone = names.length; undone > index; undone -= 1) {
    await source.undoLastMigration();
  }
}

/** Whether the database of `source` has the table `table`. */
export async function hasTable(
  source: DataSource,
  table: string,
): Promise<boolean> {
  const runner = source.createQueryRunner();
  try {
    return await runner.hasTable(table);
  } finally {
    await runner.release();
  }
}

/** The names of the columns of `table`, which must exist, in `source`. */
export async function columnsOf(
  source: DataSource,
  table: string,
): Promise<string[]> {
  const runner = source.createQueryRunner();
  try {
    const found = await runner.getTable(table);
    if (!found) throw new Error(`The database has no table ${table}`);
    return found.columns.map((column) => column.name);
  } finally {
    await runner.release();
  }
}
