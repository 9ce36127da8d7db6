import { SHIPPED_TERRITORY } from '../../../reference/shipped';
import { openDataSource } from '../../../storage/data-source';
import {
  columnsOf,
  describeEachDatabase,
  undoMigrationsThrough,
} from '../../../test/support/databases';
import { fullAggregate } from '../../../test/support/protection';
import type { MeasureAggregate } from '../aggregate';
import { openSqlProtectionAdapter, type SqlProtectionAdapter } from '../index';
import { protectionSchema } from './schema';

const MIGRATION = 'ProtectionAlertCallEnd1765200000000';

function open(getOptions: Parameters<typeof openSqlProtectionAdapter>[0]) {
  return openSqlProtectionAdapter(getOptions,
    { territory: SHIPPED_TERRITORY });
}

async function insertFull(
  store: SqlProtectionAdapter,
): Promise<MeasureAggregate> {
  const { aggregate, persons } = fullAggregate('calls-1', 'SA/1999/0003');
  await store.transaction(async (tx) => {
    await tx.upsertPersons(persons);
    await tx.insert(aggregate);
  });
  return aggregate;
}

describeEachDatabase(MIGRATION, (getOptions) => {
  it('§3: keeps the end of a call with its alert, in UTC', async () => {
    const store = await open(getOptions());
    try {
      const { aggregate, persons } = fullAggregate('calls-utc',
        'SA/1999/0004');
      const [first, ...others] = aggregate.alerts;
      const closed = { ...aggregate, alerts: [
        { ...first!, callEndedAt: '2026-06-10T21:58:00+02:00' }, ...others,
      ] };
      await store.transaction(async (tx) => {
        await tx.upsertPersons(persons);
        await tx.insert(closed);
      });

      const [back] = await store.aggregatesById([aggregate.measure.id]);
      expect(back!.alerts.map((alert) => alert.callEndedAt))
        .toEqual(['2026-06-10T19:58:00.000Z', null]);
    } finally {
      await store.close();
    }
  });

  it('§3: undone, drops the column and keeps the alerts and their '
    + 'tracks; redone, the calls read as lasting', async () => {
    const store = await open(getOptions());
    const aggregate = await insertFull(store);
    await store.close();

    const source = await openDataSource('protection', getOptions(),
      protectionSchema);
    try {
      await undoMigrationsThrough(source, MIGRATION);
      const columns = await columnsOf(source, 'protection_alert');
      expect(columns).toContain('raised_at');
      expect(columns).not.toContain('call_ended_at');
      const alerts = await source.query(
        'SELECT id FROM protection_alert WHERE measure_id = ?',
        [aggregate.measure.id]);
      expect(alerts).toHaveLength(2);
      const fixes = await source.query(
        'SELECT fixed_at FROM protection_alert_location WHERE measure_id = ?',
        [aggregate.measure.id]);
      expect(fixes).toHaveLength(aggregate.alerts[0]!.track.length);

      await source.runMigrations();
      expect(await columnsOf(source, 'protection_alert'))
        .toContain('call_ended_at');
    } finally {
      await source.destroy();
    }

    const reopened = await open(getOptions());
    try {
      const [back] = await reopened.aggregatesById([aggregate.measure.id]);
      expect(back!.alerts).toEqual(aggregate.alerts.map((alert) =>
        ({ ...alert, callEndedAt: null })));
    } finally {
      await reopened.close();
    }
  });
});
