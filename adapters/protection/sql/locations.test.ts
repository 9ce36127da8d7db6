import { SHIPPED_TERRITORY } from '../../../reference/shipped';
import { openDataSource } from '../../../storage/data-source';
import { StorageError } from '../../../storage/errors';
import {
  columnsOf,
  describeEachDatabase,
  hasTable,
  StatementRecorder,
  undoMigrationsThrough,
} from '../../../test/support/databases';
import {
  fullAggregate,
  ixellesTrack,
} from '../../../test/support/protection';
import type { AmlLocation, MeasureAggregate } from '../aggregate';
import { openSqlProtectionAdapter, type SqlProtectionAdapter } from '../index';
import { protectionSchema } from './schema';

let counter = 0;
function nextIds(): { id: string; reference: string } {
  counter += 1;
  return {
    id: `located-measure-${String(counter).padStart(3, '0')}`,
    reference: `SA/1998/${String(counter).padStart(4, '0')}`,
  };
}

/** A full aggregate (alert-1 tracked in Ixelles, alert-2 not), stored. */
async function insertFull(
  store: SqlProtectionAdapter,
  change: (aggregate: MeasureAggregate) => void = () => undefined,
): Promise<MeasureAggregate> {
  const { id, reference } = nextIds();
  const { aggregate, persons } = fullAggregate(id, reference);
  change(aggregate);
  await store.transaction(async (tx) => {
    await tx.upsertPersons(persons);
    await tx.insert(aggregate);
  });
  return aggregate;
}

async function reload(
  store: SqlProtectionAdapter,
  id: string,
): Promise<MeasureAggregate> {
  const [found] = await store.aggregatesById([id]);
  if (!found) throw new Error(`No measure ${id}`);
  return found;
}

function tablesTouched(statements: readonly string[]): string[] {
  return statements.filter((s) => /^(DELETE|INSERT)/i.test(s))
    .map((s) => /protection_[a-z_]+/.exec(s)?.[0] ?? s);
}

describeEachDatabase('Alert locations in the store (§3)', (getOptions) => {
  const recorder = new StatementRecorder();
  let store: SqlProtectionAdapter;

  beforeAll(async () => {
    store = await openSqlProtectionAdapter(getOptions(),
      { territory: SHIPPED_TERRITORY, logger: recorder });
  });

  afterAll(() => store.close());

  it('§3: reads back an alert\'s latest fix and its track, oldest first',
    async () => {
      const aggregate = await insertFull(store);
      const [tracked, untracked] = (await reload(store, aggregate.measure.id))
        .alerts;
      expect(tracked!.location).toEqual(ixellesTrack()[2]);
      expect(tracked!.track).toEqual(ixellesTrack());
      expect(untracked).toMatchObject({ location: null, track: [] });
    });

  it('§3: keeps the limits of WGS84 and a double\'s last digits exactly',
    async () => {
      const edges: AmlLocation[] = [
        { latitude: -90, longitude: -180, accuracyMeters: 0,
          confidencePercent: 0, method: 'CELL',
          fixedAt: '2026-08-01T08:00:01.000Z' },
        { latitude: 90, longitude: 180, accuracyMeters: 123456.789,
          confidencePercent: 100, method: 'WIFI',
          fixedAt: '2026-08-01T08:00:02.000Z' },
        { latitude: 0.1 + 0.2, longitude: -1e-7,
          accuracyMeters: 0.000001, confidencePercent: 1, method: 'GNSS',
          fixedAt: '2026-08-01T08:00:03.000Z' },
      ];
      const aggregate = await insertFull(store, (a) => {
        a.alerts[1] = { ...a.alerts[1]!, location: edges[2]!, track: edges };
      });
      const [, alert] = (await reload(store, aggregate.measure.id)).alerts;
      expect(alert!.track).toEqual(edges);
      expect(alert!.location).toEqual(edges[2]);
    });

  it('§3: stores the time of a fix in UTC, whatever its offset', async () => {
    const fix: AmlLocation = { ...ixellesTrack()[0]!,
      fixedAt: '2026-08-01T10:00:30+02:00' };
    const aggregate = await insertFull(store, (a) => {
      a.alerts[1] = { ...a.alerts[1]!, location: fix, track: [fix] };
    });
    const [, alert] = (await reload(store, aggregate.measure.id)).alerts;
    expect(alert!.location!.fixedAt).toBe('2026-08-01T08:00:30.000Z');
    expect(alert!.track[0]!.fixedAt).toBe('2026-08-01T08:00:30.000Z');
  });

  it('§3: a new fix rewrites the alerts and their tracks, nothing else',
    async () => {
      const aggregate = await insertFull(store);
      const fix: AmlLocation = { ...ixellesTrack()[2]!,
        fixedAt: '2026-06-10T19:43:20.000Z' };
      const statements = await recorder.during(() =>
        store.transaction(async (tx) => {
          const loaded = (await tx.load(aggregate.measure.id))!;
          const [alert, ...others] = loaded.alerts;
          await tx.save({ ...loaded, alerts: [
            { ...alert!, location: fix, track: [...alert!.track, fix] },
            ...others,
          ] });
        }));
      expect(tablesTouched(statements)).toEqual([
        'protection_alert', 'protection_alert_location',
        'protection_alert', 'protection_alert_location',
      ]);
      const [alert] = (await reload(store, aggregate.measure.id)).alerts;
      expect(alert!.location).toEqual(fix);
      expect(alert!.track).toEqual([...ixellesTrack(), fix]);
    });

  it('§3: refuses two fixes of one alert at one instant, saving nothing',
    async () => {
      const aggregate = await insertFull(store);
      const [first] = ixellesTrack();
      const twice = { ...first!, latitude: 50.9 };
      const saving = store.transaction(async (tx) => {
        const loaded = (await tx.load(aggregate.measure.id))!;
        const [alert, ...others] = loaded.alerts;
        await tx.save({ ...loaded, alerts: [
          { ...alert!, track: [first!, twice, ...alert!.track.slice(1)] },
          ...others,
        ] });
      });
      await expect(saving).rejects.toBeInstanceOf(StorageError);
      expect(await reload(store, aggregate.measure.id)).toEqual(aggregate);
    });
});

describeEachDatabase('ProtectionAlertLocation1764900000000', (getOptions) => {
  it('§3: adds the fix columns to alerts already there, and undoes them',
    async () => {
      const open = () => openSqlProtectionAdapter(getOptions(),
        { territory: SHIPPED_TERRITORY });
      const store = await open();
      const aggregate = await insertFull(store);
      await store.close();

      const source = await openDataSource('protection', getOptions(),
        protectionSchema);
      try {
        await undoMigrationsThrough(source,
          'ProtectionAlertLocation1764900000000');
        expect(await hasTable(source, 'protection_alert_location'))
          .toBe(false);
        const columns = await columnsOf(source, 'protection_alert');
        expect(columns).toContain('raised_at');
        expect(columns.filter((name) => name.startsWith('location_')))
          .toEqual([]);
        const alerts = await source.query(
          'SELECT id FROM protection_alert WHERE measure_id = ?',
          [aggregate.measure.id]);
        expect(alerts).toHaveLength(2);
        await source.runMigrations();
      } finally {
        await source.destroy();
      }

      const reopened = await open();
      try {
        const [back] = await reopened.aggregatesById([aggregate.measure.id]);
        // Undoing through this migration undid the later call ends too.
        expect(back!.alerts).toEqual(aggregate.alerts.map((alert) =>
          ({ ...alert, location: null, track: [], callEndedAt: null })));
      } finally {
        await reopened.close();
      }
    });
});
