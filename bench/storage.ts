/**
 * A store of a bench's own: a fresh MariaDB database made for the run on
 * the server it is given, or a temporary SQLite directory; either
 * removed, with everything in it, when the run ends.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { redactUrl } from '../storage/data-source';
import type { StorageOptions } from '../storage/options';

/** Where a bench's subgraphs keep their tables. */
export type BenchDatabase = 'mariadb' | 'sqlite';

export interface BenchStore {
  readonly storage: StorageOptions;
  /** What the output says of it: no password, no random name. */
  readonly label: string;
  /** Removes it; safe to call twice. */
  drop(): Promise<void>;
}

/** Connections per subgraph on MariaDB: the project's default. */
const POOL_SIZE = 10;

/**
 * Makes the store; the caller drops it. `bench` names the bench in the
 * SQLite directory's name (`sat-bench-<bench>-…`).
 */
export async function createBenchStore(
  database: BenchDatabase,
  mysqlUrl: string,
  bench: string,
): Promise<BenchStore> {
  return database === 'sqlite' ? sqliteStore(bench) : mariadbStore(mysqlUrl);
}

async function sqliteStore(bench: string): Promise<BenchStore> {
  const directory = await mkdtemp(join(tmpdir(), `sat-bench-${bench}-`));
  // The last resort, should the process die before the run's `finally`.
  const removeOnExit = () =>
    rmSync(directory, { recursive: true, force: true });
  process.once('exit', removeOnExit);
  return {
    storage: { driver: 'sqlite', directory },
    label: 'SQLite (a temporary directory)',
    drop: async () => {
      await rm(directory, { recursive: true, force: true });
      process.removeListener('exit', removeOnExit);
    },
  };
}

async function mariadbStore(serverUrl: string): Promise<BenchStore> {
  const name = `sat_bench_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl,
    `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    storage: { driver: 'mysql', url: url.toString(), poolSize: POOL_SIZE },
    label: `MariaDB at ${url.host} (a fresh database, ${POOL_SIZE} connections a subgraph)`,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await onServer(serverUrl, `DROP DATABASE IF EXISTS \`${name}\``);
    },
  };
}

/** Private: one administrative statement; says where it failed. */
async function onServer(serverUrl: string, statement: string) {
  let connection;
  try {
    connection = await createConnection({
      uri: serverUrl, connectTimeout: 5000,
    });
  } catch (error) {
    throw new Error(
      `MariaDB is unreachable at ${redactUrl(serverUrl)} (give --mysql-url, or --database sqlite): ${(error as Error).message}`,
      { cause: error });
  }
  try {
    await connection.query(statement);
  } finally {
    await connection.end();
  }
}
