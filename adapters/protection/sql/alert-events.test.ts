import { SHIPPED_TERRITORY } from '../../../reference/shipped';
import { openDataSource } from '../../../storage/data-source';
import {
  describeEachDatabase,
  undoMigrationsThrough,
} from '../../../test/support/databases';
import { fullAggregate } from '../../../test/support/protection';
import type { MeasureAggregate } from '../aggregate';
import { openSqlProtectionAdapter, type SqlProtectionAdapter } from '../index';
import type { AlertEventKind, NewAlertEvent } from '../types';
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

describeEachDatabase('ProtectionAlertEvents1765100000000', (getOptions) => {
  it('§3: adds the alert log to a register already there, and undoes it',
    async () => {
      const store = await openSqlProtectionAdapter(getOptions(),
        { territory: SHIPPED_TERRITORY });
      await store.close();

      const source = await openDataSource('protection', getOptions(),
        protectionSchema);
      const hasLog = async () => {
        const runner = source.createQueryRunner();
        try {
          return await runner.hasTable('protection_alert_event');
        } finally {
          await runner.release();
        }
      };
      try {
        await undoMigrationsThrough(source,
          'ProtectionAlertEvents1765100000000');
        expect(await hasLog()).toBe(false);
        await source.runMigrations();
        expect(await hasLog()).toBe(true);
      } finally {
        await source.destroy();
      }
    });
});
