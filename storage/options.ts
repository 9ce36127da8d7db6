/**
 * Where the agency systems keep their tables. Each system (one subgraph's
 * backing store) opens its own DataSource; the five may share one MySQL or
 * MariaDB database because every table carries the system's prefix.
 */

export const SYSTEM_NAMES = [
  'protection',
  'bng',
  'mach',
  'devices',
  'victim-support',
] as const;

export type SystemName = (typeof SYSTEM_NAMES)[number];

/**
 * Every store that opens a DataSource: the five agency systems and the
 * audit trail (issue 6), which is no agency's and is never seeded.
 */
export const STORE_NAMES = [...SYSTEM_NAMES, 'audit'] as const;

export type StoreName = (typeof STORE_NAMES)[number];

export type StorageOptions =
  | {
      driver: 'sqlite';
      /** Holds one `<system>.sqlite` file per system; created if missing. */
      directory: string;
    }
  | {
      driver: 'mysql';
      /** `mysql://user:password@host:port/database` (or `mariadb://`). */
      url: string;
      /** Connections per system's pool; default `DEFAULT_POOL_SIZE`. */
      poolSize?: number;
    };

/** Matches mysql2's own default connection limit. */
export const DEFAULT_POOL_SIZE = 10;

/** Milliseconds a SQLite statement waits for a lock before failing. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * The prefix of every table of a system, its migrations table included:
 * it is what lets the five systems share one database without clashes.
 */
export const TABLE_PREFIXES: Readonly<Record<StoreName, string>> = {
  protection: 'protection_',
  bng: 'bng_',
  mach: 'mach_',
  devices: 'devices_',
  'victim-support': 'vs_',
  audit: 'audit_',
};

export function migrationsTableName(system: StoreName): string {
  return `${TABLE_PREFIXES[system]}migrations`;
}
