/**
 * Measure references, SA/<year>/<number>: one counter row per year,
 * raised by a single upsert. The upsert locks the row until the
 * transaction ends, so concurrent transactions take numbers one after
 * the other and a rolled-back one gives its number back.
 */
import type { EntityManager } from 'typeorm';
import { isSqlite } from './gate';

const TABLE = 'protection_reference_counter';

/** MySQL/MariaDB and SQLite spell the upsert differently. */
const RAISE: Readonly<Record<'mysql' | 'sqlite', string>> = {
  mysql: `INSERT INTO ${TABLE} (year, last_number) VALUES (?, 1) `
    + 'ON DUPLICATE KEY UPDATE last_number = last_number + 1',
  sqlite: `INSERT INTO ${TABLE} (year, last_number) VALUES (?, 1) `
    + 'ON CONFLICT (year) DO UPDATE SET last_number = last_number + 1',
};

export async function nextReference(
  manager: EntityManager,
  year: number,
): Promise<string> {
  const dialect = isSqlite(manager.dataSource) ? 'sqlite' : 'mysql';
  await manager.query(RAISE[dialect], [year]);
  const [row]: { last_number: number | string }[] = await manager.query(
    `SELECT last_number FROM ${TABLE} WHERE year = ?`, [year]);
  return formatReference(year, Number(row!.last_number));
}

/** SA/2026/0042; past 9999 the number simply grows a digit. */
export function formatReference(year: number, number: number): string {
  return `SA/${year}/${String(number).padStart(4, '0')}`;
}
