import { existsSync } from 'node:fs';
import { createConnection } from 'mysql2/promise';
import { readTestConfig } from './config';
import { mariadbDatabase, sqliteDatabase, twentyKeys } from './databases';

const serverUrl = readTestConfig().TEST_MYSQL_URL;

async function databaseNames(): Promise<string[]> {
  const connection = await createConnection(serverUrl);
  try {
    const [rows] = await connection.query('SHOW DATABASES');
    return (rows as { Database: string }[]).map((row) => row.Database);
  } finally {
    await connection.end();
  }
}

describe('Test databases', () => {
  it('makes a fresh SQLite directory and removes it', async () => {
    const database = sqliteDatabase();
    const options = await database.create();
    if (options.driver !== 'sqlite') throw new Error('expected sqlite');
    expect(existsSync(options.directory)).toBe(true);
    await database.drop();
    expect(existsSync(options.directory)).toBe(false);
  });

  it('makes a uniquely named MariaDB database and drops it', async () => {
    const database = mariadbDatabase();
    const options = await database.create();
    if (options.driver !== 'mysql') throw new Error('expected mysql');
    const name = new URL(options.url).pathname.slice(1);
    expect(name).toMatch(/^sat_[0-9a-f]{12}$/);
    expect(await databaseNames()).toContain(name);
    await database.drop();
    expect(await databaseNames()).not.toContain(name);
  });

  it('fails loudly, password hidden, when MariaDB is unreachable',
    async () => {
      const database = mariadbDatabase('mysql://root:s3cret@127.0.0.1:1/x');
      await expect(database.create()).rejects.toThrow(
        'MariaDB is unreachable at mysql://root:***@127.0.0.1:1/x');
    });
});

describe('twentyKeys', () => {
  it('keeps 19 known keys and pads with unknown ones', () => {
    expect(twentyKeys(['a', 'b', 'a'])).toEqual([
      'a', 'b', ...Array.from({ length: 18 }, (_, i) => `unknown-${i + 1}`),
    ]);
    expect(twentyKeys(Array.from({ length: 30 }, (_, i) => `k${i}`)))
      .toHaveLength(20);
  });
});
