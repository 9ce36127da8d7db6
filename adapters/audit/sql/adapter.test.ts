import { openSqlAuditAdapter, type SqlAuditAdapter } from '..';
import { describeEachDatabase } from '../../../test/support/databases';
import { ChainVerifier, GENESIS_HASH } from '../chain';
import type { AuditEntryInput } from '../types';

const VICTIM = '91072212345';
const SUSPECT = '87020912345';

function input(overrides: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    at: '2027-01-04T09:00:00.000Z',
    subject: 'officer-1',
    role: 'police',
    organisation: 'zone:5345',
    operationType: 'query',
    operationName: 'Measure',
    documentHash: 'ab'.repeat(32),
    requestId: 'req-1',
    persons: [SUSPECT, VICTIM],
    measures: ['measure-1'],
    purpose: 'PV 5345/2027/001',
    outcome: 'COMPLETE',
    ...overrides,
  };
}

async function verify(adapter: SqlAuditAdapter) {
  const verifier = new ChainVerifier();
  const entries = await adapter.entriesAfter(0, 10_000);
  verifier.add(entries);
  return verifier.result(await adapter.head());
}

describeEachDatabase('the audit trail store', (storage, kind) => {
  let adapter: SqlAuditAdapter;

  beforeAll(async () => {
    adapter = await openSqlAuditAdapter(storage());
  });

  afterAll(() => adapter?.close());

  it('starts empty, its head at the genesis hash', async () => {
    expect(await adapter.head()).toEqual({ sequence: 0, hash: GENESIS_HASH });
  });

  it('chains each appended entry to the one before', async () => {
    const first = await adapter.append(input());
    const second = await adapter.append(input({
      subject: 'magistrate-1', role: 'magistrate',
      organisation: 'arrondissement:ANT', operationType: 'mutation',
      persons: [], purpose: null, at: '2027-01-06T09:00:00.000Z',
    }));
    expect(first).toMatchObject({ sequence: 1, previousHash: GENESIS_HASH });
    expect(second).toMatchObject({ sequence: 2, previousHash: first.hash });
    expect(await adapter.head()).toEqual({ sequence: 2, hash: second.hash });
    expect(await adapter.entriesAfter(0, 10)).toEqual([first, second]);
  });

  it('filters by person, measure, subject and time, newest first', async () => {
    await adapter.append(input({
      measures: ['measure-2'], persons: [VICTIM],
      at: '2027-02-01T09:00:00.000Z',
    }));
    const sequences = async (filter: object, order = 'NEWEST_FIRST') =>
      (await adapter.entries(filter, {
        order: order as 'NEWEST_FIRST', limit: 10,
      })).map((entry) => entry.sequence);

    expect(await sequences({ person: VICTIM })).toEqual([3, 1]);
    expect(await sequences({ person: SUSPECT })).toEqual([1]);
    expect(await sequences({ measure: 'measure-2' })).toEqual([3]);
    expect(await sequences({ measure: 'measure-%' })).toEqual([]);
    expect(await sequences({ subject: 'magistrate-1' })).toEqual([2]);
    expect(await sequences({
      from: '2027-01-05T00:00:00.000Z', to: '2027-02-01T09:00:00.000Z',
    })).toEqual([2]);
    expect(await sequences({}, 'OLDEST_FIRST')).toEqual([1, 2, 3]);
  });

  it('holds an entry naming thousands of persons', async () => {
    const persons = Array.from({ length: 6000 }, (_, i) =>
      String(10_000_000_000 + i));
    const entry = await adapter.append(input({ persons }));
    const [read] = await adapter.entries({ person: persons[5999] },
      { order: 'NEWEST_FIRST', limit: 1 });
    expect(read).toEqual(entry);
    expect(read.persons).toHaveLength(6000);
  });

  it('pages on from a cursor, either way', async () => {
    const page = (after: number, order: 'NEWEST_FIRST' | 'OLDEST_FIRST') =>
      adapter.entries({}, { after, order, limit: 1 });
    expect((await page(3, 'NEWEST_FIRST'))[0].sequence).toBe(2);
    expect((await page(1, 'OLDEST_FIRST'))[0].sequence).toBe(2);
  });

  // SQLite has one writer, the audit subgraph's process; MariaDB may
  // have one per gateway instance's audit subgraph.
  const writers = kind === 'sqlite' ? 'one store' : 'two stores';
  it(`keeps one line when ${writers} append at once`, async () => {
    const other = kind === 'sqlite'
      ? adapter
      : await openSqlAuditAdapter(storage());
    try {
      const before = (await adapter.head()).sequence;
      const appends = Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? adapter : other).append(input({ requestId: `req-c${i}` })));
      const appended = await Promise.all(appends);
      const numbers = appended.map((entry) => entry.sequence);
      expect(new Set(numbers).size).toBe(20);
      expect(Math.max(...numbers)).toBe(before + 20);
      expect(await verify(adapter)).toMatchObject({
        ok: true, checked: before + 20,
      });
    } finally {
      if (other !== adapter) await other.close();
    }
  }, 30_000);
});
