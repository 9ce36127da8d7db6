import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DataSource } from 'typeorm';
import { openSqlAuditAdapter, type SqlAuditAdapter } from '..';
import { openDataSource } from '../../../storage/data-source';
import type { StorageOptions } from '../../../storage/options';
import { describeEachDatabase } from '../../../test/support/databases';
import { GENESIS_HASH, chainEntry } from '../chain';
import type { AuditEntryInput, AuditEntryRecord, AuditHead } from '../types';
import { verifyAuditTrail } from '../verify';
import { auditSchema } from './schema';

function input(n: number): AuditEntryInput {
  return {
    at: `2027-01-04T09:00:${String(n % 60).padStart(2, '0')}.000Z`,
    subject: `officer-${n}`,
    role: 'police',
    organisation: 'zone:5345',
    operationType: 'subscription',
    operationName: 'Alerts',
    documentHash: 'ab'.repeat(32),
    requestId: `req-${n}`,
    persons: ['91072212345'],
    measures: [`measure-${n % 3}`],
    purpose: n % 2 ? 'PV 5345/2027/001' : null,
    outcome: 'COMPLETE',
  };
}

const inputs = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => input(from + i));

/** The chain single appends would have made of the same inputs. */
function singlyChained(all: readonly AuditEntryInput[]): AuditEntryRecord[] {
  let head: AuditHead = { sequence: 0, hash: GENESIS_HASH };
  return all.map((entry) => {
    const chained = chainEntry(head, entry);
    head = { sequence: chained.sequence, hash: chained.hash };
    return chained;
  });
}

/** `npm run audit:verify` on the test's store, in a child process. */
async function runAuditVerify(storage: StorageOptions): Promise<string> {
  const root = join(__dirname, '..', '..', '..');
  const env = storage.driver === 'sqlite'
    ? { DB_DRIVER: 'sqlite', SQLITE_DIR: storage.directory }
    : { DB_DRIVER: 'mysql', MYSQL_URL: storage.url };
  const { stdout } = await promisify(execFile)(
    join(root, 'node_modules', '.bin', 'tsx'),
    [join(root, 'scripts', 'audit-verify.ts')],
    { cwd: root, env: { ...process.env, ...env } });
  return stdout;
}

describeEachDatabase('the audit trail store, in batches', (storage, kind) => {
  let adapter: SqlAuditAdapter;
  /** Behind the trail's back, as someone with the database's keys. */
  let raw: DataSource;
  const written: AuditEntryInput[] = [];

  beforeAll(async () => {
    adapter = await openSqlAuditAdapter(storage());
    raw = await openDataSource('audit', storage(), auditSchema);
  });

  afterAll(async () => {
    await raw?.destroy();
    await adapter?.close();
  });

  it('chains a batch entry by entry, exactly as single appends would',
    async () => {
      written.push(input(1));
      await adapter.append(input(1));
      written.push(...inputs(2, 120));
      const batch = await adapter.appendAll(inputs(2, 120));
      written.push(input(122));
      await adapter.append(input(122));

      expect(batch.map((entry) => entry.sequence))
        .toEqual(Array.from({ length: 120 }, (_, i) => i + 2));
      const stored = await adapter.entriesAfter(0, 1000);
      expect(stored).toEqual(singlyChained(written));
      expect(await verifyAuditTrail(adapter, 50)).toMatchObject({
        ok: true, checked: 122,
      });
    });

  it('writes nothing for an empty batch', async () => {
    const before = await adapter.head();
    expect(await adapter.appendAll([])).toEqual([]);
    expect(await adapter.head()).toEqual(before);
  });

  const writers = kind === 'sqlite' ? 'one store' : 'two stores';
  it(`keeps one line when ${writers} append batches at once`, async () => {
    const other = kind === 'sqlite'
      ? adapter
      : await openSqlAuditAdapter(storage());
    try {
      const before = (await adapter.head()).sequence;
      const batches = Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? adapter : other).appendAll(inputs(1000 + i * 10, 10)));
      const singles = Array.from({ length: 4 }, (_, i) =>
        other.append(input(2000 + i)));
      const appended = (await Promise.all(batches)).flat();
      appended.push(...await Promise.all(singles));

      const numbers = appended.map((entry) => entry.sequence);
      expect(new Set(numbers).size).toBe(84);
      expect(Math.max(...numbers)).toBe(before + 84);
      for (const batch of await Promise.all(batches)) {
        const first = batch[0].sequence;
        expect(batch.map((e) => e.sequence - first))
          .toEqual([...batch.keys()]);
      }
      expect(await verifyAuditTrail(adapter)).toMatchObject({
        ok: true, checked: before + 84,
      });
    } finally {
      if (other !== adapter) await other.close();
    }
  }, 30_000);

  it('is verified by `npm run audit:verify`', async () => {
    const { sequence } = await adapter.head();
    expect(await runAuditVerify(storage()))
      .toContain(`audit trail verified: ${sequence} entries`);
  }, 30_000);

  it('breaks at an entry altered inside a batch', async () => {
    await tampered(raw,
      'UPDATE audit_entry SET purpose = ? WHERE sequence = ?',
      ['nothing to see here', 60],
      'UPDATE audit_entry SET purpose = ? WHERE sequence = ?',
      [input(60).purpose, 60],
      async () => expect(await verifyAuditTrail(adapter)).toMatchObject({
        ok: false, sequence: 60, reason: 'hash',
      }));
    expect(await verifyAuditTrail(adapter)).toMatchObject({ ok: true });
  });

  it('breaks where an entry inside a batch was removed', async () => {
    const [row] = await raw.query(
      'SELECT * FROM audit_entry WHERE sequence = ?', [61]);
    const columns = Object.keys(row);
    await tampered(raw,
      'DELETE FROM audit_entry WHERE sequence = ?', [61],
      `INSERT INTO audit_entry (${columns.join(', ')}) VALUES (${
        columns.map(() => '?').join(', ')})`,
      columns.map((column) => row[column]),
      async () => expect(await verifyAuditTrail(adapter)).toMatchObject({
        ok: false, sequence: 61, reason: 'sequence',
      }));
    expect(await verifyAuditTrail(adapter)).toMatchObject({ ok: true });
  });

  it('breaks where two entries inside a batch were swapped', async () => {
    // Their whole content swapped, sequence numbers kept in place.
    const swap = (a: number, b: number) => raw.transaction(async (m) => {
      await m.query('UPDATE audit_entry SET sequence = ? WHERE sequence = ?',
        [-1, a]);
      await m.query('UPDATE audit_entry SET sequence = ? WHERE sequence = ?',
        [a, b]);
      await m.query('UPDATE audit_entry SET sequence = ? WHERE sequence = ?',
        [b, -1]);
    });
    await swap(70, 71);
    try {
      expect(await verifyAuditTrail(adapter)).toMatchObject({
        ok: false, sequence: 70, reason: 'previous-hash',
      });
    } finally {
      await swap(70, 71);
    }
    expect(await verifyAuditTrail(adapter)).toMatchObject({ ok: true });
  });
});

/** Runs `check` on the tampered store, then undoes the tampering. */
async function tampered(
  raw: DataSource,
  change: string,
  changeValues: unknown[],
  undo: string,
  undoValues: unknown[],
  check: () => Promise<void>,
): Promise<void> {
  await raw.query(change, changeValues);
  try {
    await check();
  } finally {
    await raw.query(undo, undoValues);
  }
}
