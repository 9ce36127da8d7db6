import type { DataSource } from 'typeorm';
import { bngSchema } from '../adapters/bng/sql/schema';
import { devicesSchema } from '../adapters/devices/sql/schema';
import { machSchema } from '../adapters/mach/sql/schema';
import { protectionSchema } from '../adapters/protection/sql/schema';
import { victimSupportSchema } from '../adapters/victim-support/sql/schema';
import { describeEachDatabase } from '../test/support/databases';
import { openDataSource, type SystemSchema } from './data-source';
import { generateDemoData } from './demo-data';
import { StorageError } from './errors';
import {
  SYSTEM_NAMES,
  TABLE_PREFIXES,
  migrationsTableName,
  type StorageOptions,
  type SystemName,
} from './options';
import { demoSeedSteps, seedDemo } from './seed';

const SCHEMAS: Record<SystemName, SystemSchema> = {
  protection: protectionSchema,
  bng: bngSchema,
  mach: machSchema,
  devices: devicesSchema,
  'victim-support': victimSupportSchema,
};

const demo = generateDemoData();

function tablesOf(dataSource: DataSource): string[] {
  return dataSource.entityMetadatas.map((entity) => entity.tableName);
}

async function hasTables(
  dataSource: DataSource,
  tables: string[],
): Promise<boolean[]> {
  const runner = dataSource.createQueryRunner();
  try {
    return await Promise.all(tables.map((table) => runner.hasTable(table)));
  } finally {
    await runner.release();
  }
}

async function rowCounts(dataSource: DataSource): Promise<number[]> {
  return Promise.all(dataSource.entityMetadatas.map((entity) =>
    dataSource.manager.count(entity.target)));
}

async function openAll(
  options: StorageOptions,
): Promise<Map<SystemName, DataSource>> {
  const opened = await Promise.all(SYSTEM_NAMES.map(async (system) =>
    [system, await openDataSource(system, options, SCHEMAS[system])] as const));
  return new Map(opened);
}

/** Undoes every migration of the system, newest first. */
async function undoAll(system: SystemName, source: DataSource) {
  for (let i = 0; i < SCHEMAS[system].migrations.length; i += 1) {
    await source.undoLastMigration();
  }
}

async function closeAll(sources: Map<SystemName, DataSource>) {
  await Promise.all([...sources.values()].map((source) => source.destroy()));
}

describeEachDatabase('Storage', (getOptions) => {
  it('migrates the five systems side by side, prefixed', async () => {
    const sources = await openAll(getOptions());
    try {
      for (const [system, source] of sources) {
        const tables = tablesOf(source);
        const prefix = TABLE_PREFIXES[system];
        expect(tables.every((table) => table.startsWith(prefix))).toBe(true);
        expect(await hasTables(source, [...tables,
          migrationsTableName(system)])).not.toContain(false);
        const ran = await source.query(
          `SELECT name FROM ${migrationsTableName(system)}`);
        expect(ran).toHaveLength(SCHEMAS[system].migrations.length);
      }
    } finally {
      await closeAll(sources);
    }
  });

  it('runs no migration twice when a system opens again', async () => {
    const source = await openDataSource('bng', getOptions(), bngSchema);
    try {
      expect(await source.showMigrations()).toBe(false);
      const ran = await source.query('SELECT name FROM bng_migrations');
      expect(ran).toHaveLength(bngSchema.migrations.length);
    } finally {
      await source.destroy();
    }
  });

  it.each(SYSTEM_NAMES)('drops the %s tables, and only those, when its '
    + 'migrations are undone', async (system) => {
    const sources = await openAll(getOptions());
    const tables = (name: SystemName) => tablesOf(sources.get(name)!);
    const present = async () => (await Promise.all(SYSTEM_NAMES.map(
      (name) => hasTables(sources.get(name)!, tables(name))))).flat();
    try {
      const source = sources.get(system)!;
      await undoAll(system, source);
      const gone = await hasTables(source, tables(system));
      expect(gone.every((exists) => !exists)).toBe(true);
      const left = (await present()).filter(Boolean).length;
      const all = SYSTEM_NAMES.flatMap(tables).length;
      expect(left).toBe(all - tables(system).length);

      await source.runMigrations();
      expect(await present()).not.toContain(false);
    } finally {
      await closeAll(sources);
    }
  });

  it('seeds each system once: seeding again changes nothing', async () => {
    const sources = await openAll(getOptions());
    try {
      for (const [system, source] of sources) {
        expect(await seedDemo(system, source, demo)).toBe(true);
        const counts = await rowCounts(source);
        for (const step of demoSeedSteps(system, demo)) {
          expect(step.rows.length).toBeGreaterThan(0);
          expect(await source.manager.count(step.entity))
            .toBe(step.rows.length);
        }
        expect(await seedDemo(system, source, demo)).toBe(false);
        expect(await rowCounts(source)).toEqual(counts);
      }
      const measures = sources.get('protection')!;
      expect(await measures.query('SELECT id FROM protection_measure'))
        .toHaveLength(demo.protection.measures.length);
    } finally {
      await closeAll(sources);
    }
  });

  it('seeds in one transaction: a failing row leaves no row behind',
    async () => {
      const source = await openDataSource('devices', getOptions(),
        devicesSchema);
      try {
        await undoAll('devices', source);
        await source.runMigrations();
        // The devices go in first; then a report of an unknown device
        // breaks the foreign key.
        const broken = {
          ...demo,
          devices: {
            devices: demo.devices.devices,
            dailyReports: [
              { ...demo.devices.dailyReports[0]!, serial: 'DEMO-NONE' },
            ],
          },
        };
        const seeding = seedDemo('devices', source, broken);
        await expect(seeding).rejects.toThrow(StorageError);
        await expect(seeding).rejects.toThrow(
          'The devices storage failed during seedDemo');
        expect((await rowCounts(source)).every((count) => count === 0))
          .toBe(true);
      } finally {
        await source.destroy();
      }
    });
});

describe('openDataSource: misuse', () => {
  it('rejects a URL that is not MySQL, hiding the password', async () => {
    const opening = openDataSource('bng', {
      driver: 'mysql',
      url: 'postgres://app:s3cret@db:5432/sat',
    }, bngSchema);
    await expect(opening).rejects.toThrow(
      'The MySQL URL postgres://app:***@db:5432/sat must start with');
  });

  it('rejects options in the URL rather than ignore them', async () => {
    const opening = openDataSource('bng', {
      driver: 'mysql',
      url: 'mysql://root@127.0.0.1:3306/test?ssl=true',
    }, bngSchema);
    await expect(opening).rejects.toThrow('must not carry options (?ssl');
  });

  it('rejects a URL without a database', async () => {
    const opening = openDataSource('bng', {
      driver: 'mysql',
      url: 'mysql://root@127.0.0.1:3306',
    }, bngSchema);
    await expect(opening).rejects.toThrow('must name one database');
  });

  it('rejects a pool size that is not a positive integer', async () => {
    const opening = openDataSource('bng', {
      driver: 'mysql',
      url: 'mysql://root@127.0.0.1:3306/test',
      poolSize: 0,
    }, bngSchema);
    await expect(opening).rejects.toThrow('not 0');
  });

  it('names the system and keeps the cause when the server refuses',
    async () => {
      const opening = openDataSource('mach', {
        driver: 'mysql',
        url: 'mysql://root@127.0.0.1:1/test',
      }, machSchema);
      // Node's own errors come from another realm than the test's
      // globals, so the cause is matched on its code, not its class.
      await expect(opening).rejects.toMatchObject({
        message: 'The mach storage failed during open',
        cause: { code: 'ECONNREFUSED' },
      });
    });
});
