import { In, type DataSource } from 'typeorm';
import { AgencyRuleError } from '../adapters/adapter';
import { BngPerson, bngSchema } from '../adapters/bng/sql/schema';
import { describeEachDatabase } from '../test/support/databases';
import { openDataSource } from './data-source';
import { StorageError } from './errors';
import {
  WRITE_ATTEMPTS,
  WriteConflict,
  batchReadCommitted,
  findOneForUpdate,
  writeTransaction,
} from './write';

function person(n: number) {
  return {
    nationalNumber: `990101${String(n).padStart(5, '0')}`,
    knownForViolence: false,
    wanted: false,
  };
}

describeEachDatabase('writeTransaction', (getOptions, kind) => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await openDataSource('bng', getOptions(), bngSchema);
  });

  afterAll(() => dataSource.destroy());

  const exists = (n: number) => dataSource.manager.existsBy(BngPerson,
    { nationalNumber: person(n).nationalNumber });

  it('commits the work and answers its result', async () => {
    const answer = await writeTransaction('bng', 'test', dataSource,
      async (manager) => {
        await manager.insert(BngPerson, person(1));
        return 'done';
      });
    expect(answer).toBe('done');
    expect(await exists(1)).toBe(true);
  });

  it('rolls back and lets a rule error through as it was thrown',
    async () => {
      const refusal = new AgencyRuleError('TEST_RULE', 'refused');
      const writing = writeTransaction('bng', 'test', dataSource,
        async (manager) => {
          await manager.insert(BngPerson, person(2));
          throw refusal;
        });
      await expect(writing).rejects.toBe(refusal);
      expect(await exists(2)).toBe(false);
    });

  it('wraps a database failure once, keeping the cause', async () => {
    const writing = writeTransaction('bng', 'testWrite', dataSource,
      (manager) => manager.insert(BngPerson,
        { nationalNumber: person(3).nationalNumber }));
    await expect(writing).rejects.toBeInstanceOf(StorageError);
    await expect(writing).rejects.toMatchObject({
      message: 'The bng storage failed during testWrite',
      cause: { name: 'QueryFailedError' },
    });
  });

  it('runs the work again after a conflict, a few times at most',
    async () => {
      let runs = 0;
      const answer = await writeTransaction('bng', 'test', dataSource,
        async () => {
          runs += 1;
          if (runs < WRITE_ATTEMPTS) throw new WriteConflict();
          return runs;
        });
      expect(answer).toBe(WRITE_ATTEMPTS);

      runs = 0;
      const endless = writeTransaction('bng', 'test', dataSource,
        async () => {
          runs += 1;
          throw new WriteConflict();
        });
      await expect(endless).rejects.toBeInstanceOf(StorageError);
      expect(runs).toBe(WRITE_ATTEMPTS);
    });

  it('runs a write that found a duplicate key again', async () => {
    let runs = 0;
    await writeTransaction('bng', 'test', dataSource, async (manager) => {
      runs += 1;
      if (runs === 1) await manager.insert(BngPerson, person(1));
    });
    expect(runs).toBe(2);
  });

  it('keeps one write from undoing another that runs at the same time',
    async () => {
      const failing = writeTransaction('bng', 'test', dataSource,
        async (manager) => {
          await manager.insert(BngPerson, person(4));
          await new Promise((resolve) => setTimeout(resolve, 20));
          throw new AgencyRuleError('TEST_RULE', 'refused');
        });
      const passing = writeTransaction('bng', 'test', dataSource,
        (manager) => manager.insert(BngPerson, person(5)));
      const results = await Promise.allSettled([failing, passing]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
      expect([await exists(4), await exists(5)]).toEqual([false, true]);
    });

  it('lets a batch read see no row of a write still under way',
    async () => {
      const number = person(7).nationalNumber;
      const read = batchReadCommitted('bng', 'test', dataSource,
        async (keys: string[]) => {
          const rows = await dataSource.manager.findBy(BngPerson,
            { nationalNumber: In(keys) });
          return new Map(rows.map((row) => [row.nationalNumber, true]));
        }, () => false);
      let inserted!: () => void;
      const insertedYet = new Promise<void>((resolve) => {
        inserted = resolve;
      });
      const writing = writeTransaction('bng', 'test', dataSource,
        async (manager) => {
          await manager.insert(BngPerson, person(7));
          inserted();
          await new Promise((resolve) => setTimeout(resolve, 20));
          throw new AgencyRuleError('TEST_RULE', 'refused');
        });
      await insertedYet;
      expect(await read([number])).toEqual([false]);
      await expect(writing).rejects.toThrow('refused');
    });

  it('reads a row for update the latest as committed', async () => {
    const number = person(6).nationalNumber;
    await dataSource.manager.insert(BngPerson, person(6));
    const seen = await writeTransaction('bng', 'test', dataSource,
      async (manager) => {
        // The transaction's snapshot starts here...
        await manager.findOneBy(BngPerson, { nationalNumber: number });
        // ...and another connection changes the row meanwhile.
        if (kind === 'mariadb') {
          await dataSource.manager.update(BngPerson,
            { nationalNumber: number }, { wanted: true });
        }
        return findOneForUpdate(manager, BngPerson,
          { nationalNumber: number });
      });
    expect(seen?.wanted).toBe(kind === 'mariadb');
  });
});
