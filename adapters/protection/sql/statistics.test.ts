import type { MeasureAggregate } from '../aggregate';
import { generateDemoData } from '../../../storage/demo-data';
import {
  StatementRecorder,
  describeEachDatabase,
} from '../../../test/support/databases';
import { openSqlProtectionAdapter, type SqlProtectionAdapter } from '../index';

const demo = generateDemoData();
const { aggregates } = demo.protection;
const YEAR = { from: '2026-01-01', to: '2026-12-31' };

/** The same predicate as the adapter's, over the generated aggregates. */
function touches({ measure }: MeasureAggregate, from: string, to: string) {
  const since = (day: string | null) => day !== null && day >= from;
  return measure.requestedOn <= to && (since(measure.requestedOn) ||
    since(measure.decidedOn) || since(measure.refusal?.decidedOn ?? null) ||
    (measure.startDate !== null &&
      (measure.endedOn === null || measure.endedOn >= from)));
}

describeEachDatabase('SqlProtectionAdapter.statisticsFacts', (getOptions) => {
  const recorder = new StatementRecorder();
  let adapter: SqlProtectionAdapter;

  beforeAll(async () => {
    adapter = await openSqlProtectionAdapter(getOptions(), {
      seedDemo: demo, logger: recorder,
    });
  });

  afterAll(() => adapter.close());

  it('reads a period in six statements, one per table', async () => {
    const statements = await recorder.during(() =>
      adapter.statisticsFacts(YEAR));

    expect(statements).toHaveLength(6);
  });

  it('reads the measures the period touches, and no other', async () => {
    const facts = await adapter.statisticsFacts(YEAR);
    const expected = aggregates
      .filter((aggregate) => touches(aggregate, YEAR.from, YEAR.to))
      .map((aggregate) => aggregate.measure.id).sort();

    expect(facts.measures.map((measure) => measure.id)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('reads the victim first, with gender and birth date and no name',
    async () => {
      const { measures } = await adapter.statisticsFacts(YEAR);

      for (const measure of measures) {
        expect(measure.protectedPersons[0]?.role).toBe('VICTIM');
        expect(Object.keys(measure.suspect).sort())
          .toEqual(['birthDate', 'gender', 'nationalNumber']);
        for (const person of measure.protectedPersons) {
          expect(Object.keys(person).sort())
            .toEqual(['birthDate', 'gender', 'nationalNumber', 'role']);
        }
      }
    });

  it('reads the alerts raised around the period, a day wider each side',
    async () => {
      const { alerts } = await adapter.statisticsFacts(YEAR);
      const expected = aggregates.flatMap((aggregate) => aggregate.alerts
        .filter((alert) => alert.raisedAt >= '2025-12-31' &&
          alert.raisedAt < '2027-01-02')
        .map((alert) => alert.raisedAt)).sort();

      expect(alerts.map((alert) => alert.raisedAt).sort()).toEqual(expected);
    });

  it('keeps to the territory asked, and reads nothing for an empty one',
    async () => {
      const ant = await adapter.statisticsFacts(
        { ...YEAR, arrondissementCodes: ['ANT'] });
      const statements = await recorder.during(() =>
        adapter.statisticsFacts({ ...YEAR, managingZoneCodes: [] }));

      expect(ant.measures.length).toBeGreaterThan(0);
      expect(ant.measures.every((m) => m.arrondissementCode === 'ANT'))
        .toBe(true);
      expect(statements).toEqual([]);
    });

  it('refuses a date that is not YYYY-MM-DD, showing it', async () => {
    await expect(adapter.statisticsFacts({ from: '2026-1-1', to: YEAR.to }))
      .rejects.toThrow('from must be a date as YYYY-MM-DD, not "2026-1-1"');
  });
});
