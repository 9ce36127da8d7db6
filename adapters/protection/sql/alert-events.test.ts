import { setTimeout as pause } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { SHIPPED_TERRITORY } from '../../../reference/shipped';
import { openDataSource } from '../../../storage/data-source';
import { StorageError } from '../../../storage/errors';
import type { StorageOptions } from '../../../storage/options';
import {
  describeEachDatabase,
  hasTable,
  undoMigrationsThrough,
} from '../../../test/support/databases';
import { fullAggregate } from '../../../test/support/protection';
import type { MeasureAggregate } from '../aggregate';
import { openSqlProtectionAdapter, type SqlProtectionAdapter } from '../index';
import type {
  AlertEventKind,
  AlertEventRecord,
  NewAlertEvent,
} from '../types';
import { protectionSchema } from './schema';

const AT = '2026-12-01T09:00:00+01:00';
const AT_UTC = '2026-12-01T08:00:00.000Z';

describeEachDatabase('ProtectionStore: the alert log', (getOptions) => {
  let store: SqlProtectionAdapter;
  let measure: MeasureAggregate;

  beforeAll(async () => {
    store = await openSqlProtectionAdapter(getOptions(),
      { territory: SHIPPED_TERRITORY });
    const { aggregate, persons } = fullAggregate('events-1', 'SA/1999/0001');
    await store.transaction(async (tx) => {
      await tx.upsertPersons(persons);
      await tx.insert(aggregate);
    });
    measure = aggregate;
  });

  afterAll(() => store.close());

  function event(alertId: string, kind: AlertEventKind): NewAlertEvent {
    return { measureId: measure.measure.id, alertId, kind, at: AT };
  }

  /** The whole log, a page at a time. */
  async function wholeLog(pageSize = 1000) {
    const events = [];
    let after = 0;
    for (;;) {
      const page = await store.alertEventsAfter(after, pageSize);
      if (page.length === 0) return events;
      events.push(...page);
      after = page[page.length - 1].sequence;
    }
  }

  it('§3: appends an event with the change it records, in UTC', async () => {
    await store.transaction(async (tx) => {
      const loaded = await tx.load(measure.measure.id);
      if (!loaded) throw new Error('the measure is gone');
      await tx.save(loaded);
      await tx.appendAlertEvent(event('a1', 'RAISED'));
    });

    const [appended] = await wholeLog();
    expect(appended).toEqual({
      sequence: expect.any(Number),
      measureId: measure.measure.id,
      alertId: 'a1',
      kind: 'RAISED',
      at: AT_UTC,
    });
  });

  it('§3: an event goes when its transaction is rolled back', async () => {
    const before = await wholeLog();
    await expect(store.transaction(async (tx) => {
      await tx.appendAlertEvent(event('rolled-back', 'RAISED'));
      throw new Error('the change failed');
    })).rejects.toThrow('the change failed');

    expect(await wholeLog()).toEqual(before);
  });

  it('§3: numbers the events in a strictly increasing sequence, across '
    + 'transactions', async () => {
    const kinds: AlertEventKind[] =
      ['LOCATION_UPDATED', 'CLASSIFIED', 'POLICE_ARRIVED'];
    for (const kind of kinds) {
      await store.transaction((tx) => tx.appendAlertEvent(event('a1', kind)));
    }
    await store.transaction(async (tx) => {
      await tx.appendAlertEvent(event('a2', 'RAISED'));
      await tx.appendAlertEvent(event('a2', 'LOCATION_UPDATED'));
    });

    const log = await wholeLog();
    const sequences = log.map((entry) => entry.sequence);
    expect(sequences.every((n, i) => i === 0 || n > sequences[i - 1]))
      .toBe(true);
    expect(log.map(({ alertId, kind }) => `${alertId} ${kind}`)).toEqual([
      'a1 RAISED', 'a1 LOCATION_UPDATED', 'a1 CLASSIFIED',
      'a1 POLICE_ARRIVED', 'a2 RAISED', 'a2 LOCATION_UPDATED',
    ]);
  });

  it('answers pages after a sequence, oldest first, at most the limit',
    async () => {
      const log = await wholeLog();

      expect(await wholeLog(2)).toEqual(log);
      expect(await store.alertEventsAfter(log[1].sequence, 3))
        .toEqual(log.slice(2, 5));
      expect(await store.alertEventsAfter(log[log.length - 1].sequence, 10))
        .toEqual([]);
    });

  it('answers pages before a sequence, latest first, at most the limit',
    async () => {
      const log = await wholeLog();
      const latest = [...log].reverse();

      expect(await store.alertEventsBefore(Number.MAX_SAFE_INTEGER, 2))
        .toEqual(latest.slice(0, 2));
      expect(await store.alertEventsBefore(log[3].sequence, 10))
        .toEqual(log.slice(0, 3).reverse());
      expect(await store.alertEventsBefore(log[0].sequence, 10)).toEqual([]);
    });

  it.each([
    [0, 0], [0, 1001], [-1, 10], [0.5, 10],
  ])('refuses to read before %p with a limit of %p', async (before, limit) => {
    await expect(store.alertEventsBefore(before, limit))
      .rejects.toThrow(TypeError);
  });

  it.each([
    [0, 0], [0, 1001], [0, 1.5], [-1, 10], [0.5, 10],
  ])('refuses to read after %p with a limit of %p', async (after, limit) => {
    await expect(store.alertEventsAfter(after, limit))
      .rejects.toThrow(TypeError);
  });

  it('refuses an event of an unknown kind', async () => {
    const unknown = { ...event('a1', 'RAISED'), kind: 'CALLED' };
    await expect(store.transaction((tx) =>
      tx.appendAlertEvent(unknown as NewAlertEvent)))
      .rejects.toThrow('Unknown alert event kind "CALLED"');
  });
});

const LOG = 'protection_alert_event';
const LOCK = 'protection_alert_log_lock';

/** A source on the register, once the store has run every migration. */
async function migratedSource(options: StorageOptions): Promise<DataSource> {
  const store = await openSqlProtectionAdapter(options,
    { territory: SHIPPED_TERRITORY });
  await store.close();
  return openDataSource('protection', options, protectionSchema);
}

describeEachDatabase('ProtectionAlertEvents1765100000000', (getOptions) => {
  it('§3: adds the alert log to a register already there, and undoes it',
    async () => {
      const source = await migratedSource(getOptions());
      try {
        await undoMigrationsThrough(source,
          'ProtectionAlertEvents1765100000000');
        expect(await hasTable(source, LOG)).toBe(false);
        await source.runMigrations();
        expect(await hasTable(source, LOG)).toBe(true);
      } finally {
        await source.destroy();
      }
    });
});

/** A promise the test settles by hand. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

/**
 * Other connections' statements on this database that have been taking
 * the alert log's lock row for 200 ms or more: on a table of one row,
 * only a lock held elsewhere keeps them that long. (The server's process
 * list is live; InnoDB's own lock tables are a cache that is refreshed
 * only once left unread for 0.1 s, which parallel readers defeat.)
 */
async function waitingOnLogLock(monitor: DataSource): Promise<number> {
  const [row] = await monitor.query(`
    SELECT COUNT(*) AS waiting
    FROM information_schema.PROCESSLIST
    WHERE DB = DATABASE()
      AND ID <> CONNECTION_ID()
      AND INFO LIKE '%protection_alert_log_lock%FOR UPDATE%'
      AND TIME_MS >= 200`);
  return Number(row.waiting);
}

/** True once an append waits on the lock row; false after 10 s. */
async function someoneWaitsOnLogLock(monitor: DataSource): Promise<boolean> {
  const deadline = Date.now() + 10_000;
  while ((await waitingOnLogLock(monitor)) === 0) {
    if (Date.now() > deadline) return false;
    await pause(50);
  }
  return true;
}

describeEachDatabase('ProtectionStore: the alert log in commit order',
  (getOptions, kind) => {
    let store: SqlProtectionAdapter;
    let measureId: string;
    /** MariaDB only: a connection of its own to watch the others. */
    let monitor: DataSource | undefined;

    beforeAll(async () => {
      store = await openSqlProtectionAdapter(getOptions(),
        { territory: SHIPPED_TERRITORY });
      const { aggregate, persons } = fullAggregate('order-1', 'SA/1999/0002');
      await store.transaction(async (tx) => {
        await tx.upsertPersons(persons);
        await tx.insert(aggregate);
      });
      measureId = aggregate.measure.id;
      if (kind === 'mariadb') {
        monitor = await openDataSource('protection', getOptions(),
          protectionSchema);
      }
    });

    afterAll(async () => {
      await monitor?.destroy();
      await store.close();
    });

    function event(alertId: string): NewAlertEvent {
      return { measureId, alertId, kind: 'RAISED', at: AT };
    }

    async function head(): Promise<number> {
      const [latest] = await store.alertEventsBefore(
        Number.MAX_SAFE_INTEGER, 1);
      return latest?.sequence ?? 0;
    }

    const named = (events: readonly AlertEventRecord[]) =>
      events.map(({ sequence, alertId }) => `${sequence} ${alertId}`);

    /**
     * A transaction that appends `alertId`, says so, then holds until the
     * test releases it; `fail` rolls it back instead of committing.
     */
    function heldAppend(alertId: string, fail = false) {
      const appended = deferred<number>();
      const release = deferred();
      const done = store.transaction(async (tx) => {
        appended.resolve(await tx.appendAlertEvent(event(alertId)));
        await release.promise;
        if (fail) throw new Error('the change failed');
      });
      // Handled here too, so that a test failing before it awaits the
      // rollback reports its own failure, not this one.
      done.catch(() => undefined);
      return { appended: appended.promise, release: release.resolve, done };
    }

    /** A transaction that appends `alertId` and commits at once. */
    function nextAppend(alertId: string) {
      const state = { begun: false, sequence: null as number | null };
      const done = store.transaction(async (tx) => {
        state.begun = true;
        state.sequence = await tx.appendAlertEvent(event(alertId));
        return state.sequence;
      });
      return { state, done };
    }

    /**
     * Until the held append ends, the next one waits: on MariaDB, on the
     * log's lock row; SQLite runs one transaction at a time, so there the
     * next one has not even begun.
     */
    async function waitingBehind(
      next: ReturnType<typeof nextAppend>['state'],
    ): Promise<void> {
      if (monitor !== undefined) {
        if (!(await someoneWaitsOnLogLock(monitor))) {
          const { begun, sequence } = next;
          throw new Error(
            `No append waited on the log lock within 10 s (the next one: begun ${begun}, sequence ${sequence})`,
          );
        }
      } else {
        await pause(100);
        expect(next.begun).toBe(false);
      }
    }

    /**
     * The log above `start` as a reader sees it, read again and again
     * until `settling` settles.
     */
    async function readUntil(
      start: number,
      settling: Promise<unknown>,
    ): Promise<string[][]> {
      let settled = false;
      const done = settling.finally(() => {
        settled = true;
      });
      const snapshots: string[][] = [];
      while (!settled) {
        snapshots.push(named(await store.alertEventsAfter(start, 10)));
      }
      await done;
      return snapshots;
    }

    it('§3: an append waits until the one before it has committed, so '
      + 'a reader never sees a sequence before a lower one', async () => {
      const start = await head();
      const first = heldAppend('held');
      // Only once the first holds the lock: begun together, either may
      // take it first.
      await first.appended;
      const second = nextAppend('queued');
      let whileHeld: Promise<AlertEventRecord[]>;
      try {
        await waitingBehind(second.state);
        expect(second.state.sequence).toBeNull();
        // On MariaDB this read answers at once; on SQLite it queues.
        whileHeld = store.alertEventsAfter(start, 10);
      } finally {
        first.release();
      }
      const snapshots = await readUntil(start,
        Promise.all([first.done, second.done]));

      const firstSequence = await first.appended;
      const secondSequence = await second.done;
      expect(firstSequence).toBeLessThan(secondSequence);
      const both = [`${firstSequence} held`, `${secondSequence} queued`];
      const prefixes = [[], both.slice(0, 1), both];
      expect(prefixes).toContainEqual(named(await whileHeld));
      for (const snapshot of snapshots) {
        expect(prefixes).toContainEqual(snapshot);
      }
      expect(named(await store.alertEventsAfter(start, 10))).toEqual(both);
    });

    it('§3: a rolled-back append leaves no row and lets the next one '
      + 'through', async () => {
      const start = await head();
      const first = heldAppend('rolled-back', true);
      await first.appended;
      const second = nextAppend('after-rollback');
      try {
        await waitingBehind(second.state);
      } finally {
        first.release();
      }

      await expect(first.done).rejects.toThrow('the change failed');
      const secondSequence = await second.done;
      const third = await store.transaction((tx) =>
        tx.appendAlertEvent(event('later')));

      const log = await store.alertEventsAfter(start, 10);
      expect(log.map(({ alertId }) => alertId))
        .toEqual(['after-rollback', 'later']);
      expect(log.map(({ sequence }) => sequence))
        .toEqual([secondSequence, third]);
    });

    if (kind === 'mariadb') {
      // SQLite takes no lock (one writer at a time): the row is not read
      // there, so only MariaDB can miss it.
      it('§3: refuses to append when the lock row is missing, naming '
        + 'the migration', async () => {
        const source = monitor!;
        const start = await head();
        await source.query('DELETE FROM protection_alert_log_lock');
        try {
          const error = await store.transaction((tx) =>
            tx.appendAlertEvent(event('unordered')))
            .then(() => null, (reason: unknown) => reason);
          expect(error).toBeInstanceOf(StorageError);
          expect(error).toMatchObject({
            operation: 'appendAlertEvent',
            cause: expect.objectContaining({
              message: 'The alert log has no lock row: run '
                + 'ProtectionAlertLogOrder1765300000000',
            }),
          });
          expect(await store.alertEventsAfter(start, 10)).toEqual([]);
        } finally {
          await source.query(
            'INSERT INTO protection_alert_log_lock (id) VALUES (1)');
        }
      });
    }
  });

describeEachDatabase('ProtectionAlertLogOrder1765300000000', (getOptions) => {
  it('§3: adds the log\'s lock table with its one row, and undoes it',
    async () => {
      const source = await migratedSource(getOptions());
      const lockRows = async () => {
        const rows: { id: number | string }[] = await source.query(
          'SELECT id FROM protection_alert_log_lock');
        return rows.map((row) => Number(row.id));
      };
      try {
        expect(await lockRows()).toEqual([1]);
        await undoMigrationsThrough(source,
          'ProtectionAlertLogOrder1765300000000');
        expect(await hasTable(source, LOCK)).toBe(false);
        // The log itself stays when only its lock is undone.
        expect(await hasTable(source, LOG)).toBe(true);

        await source.runMigrations();
        expect(await hasTable(source, LOCK)).toBe(true);
        expect(await lockRows()).toEqual([1]);
      } finally {
        await source.destroy();
      }
    });
});
