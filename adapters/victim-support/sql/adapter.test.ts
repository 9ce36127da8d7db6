import { DEMO, generateDemoData } from '../../../storage/demo-data';
import {
  StatementRecorder,
  describeEachDatabase,
  twentyKeys,
} from '../../../test/support/databases';
import { openSqlVictimSupportAdapter } from '../index';
import type { VictimSupportAdapter } from '../types';

const demo = generateDemoData();
const { referrals } = demo['victim-support'];
const measureIds = demo.protection.measures.map((m) => m.id);

describeEachDatabase('SqlVictimSupportAdapter', (getOptions) => {
  const recorder = new StatementRecorder();
  let adapter: VictimSupportAdapter;

  beforeAll(async () => {
    adapter = await openSqlVictimSupportAdapter(getOptions(), {
      seedDemo: demo,
      logger: recorder,
    });
  });

  afterAll(() => adapter.close());

  describe('referralsByMeasureId', () => {
    it('answers each measure\'s referral, null before one', async () => {
      const expected = measureIds.map((id) =>
        referrals.find((r) => r.measureId === id) ?? null);
      expect(expected).toContain(null);
      expect(await adapter.referralsByMeasureId(measureIds))
        .toEqual(expected);
    });

    it('answers offers oldest first', async () => {
      const withRenewal = referrals.find((r) => r.offers.length > 1)!;
      const [referral] = await adapter.referralsByMeasureId(
        [withRenewal.measureId]);
      expect(referral?.offers.map((o) => o.kind))
        .toEqual(['INITIAL', 'RENEWAL']);
    });

    it('answers `accepted` as a boolean, or null while unanswered',
      async () => {
        const [pending, answered] = await adapter.referralsByMeasureId([
          DEMO.measureIds.activeWantedSuspect,
          DEMO.measureIds.activeWithEverything,
        ]);
        expect(pending?.offers[0]?.accepted).toBeNull();
        expect(pending?.status).toBe('CONTACTED');
        expect(answered?.offers[0]?.accepted).toBe(true);
      });
  });

  describe('referralsById', () => {
    it('answers in key order, null for an unknown id', async () => {
      const ids = [referrals[2]!.id, 'nope', referrals[0]!.id];
      expect(await adapter.referralsById(ids))
        .toEqual([referrals[2], null, referrals[0]]);
    });

    it('answers the well-known referral with its dates as ISO', async () => {
      const [referral] = await adapter.referralsById(
        [DEMO.referralIds.activeWithEverything]);
      expect(referral?.measureId).toBe(DEMO.measureIds.activeWithEverything);
      expect(referral?.referredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
  });

  describe('referralsByArrondissement', () => {
    const codes = [...new Set(referrals.map((r) => r.arrondissementCode))];

    it('answers each arrondissement\'s referrals, oldest first', async () => {
      const expected = codes.map((code) => referrals
        .filter((r) => r.arrondissementCode === code)
        .sort((a, b) => a.referredOn.localeCompare(b.referredOn)
          || a.id.localeCompare(b.id)));
      expect(await adapter.referralsByArrondissement(codes))
        .toEqual(expected);
    });

    it('answers an empty list for an arrondissement without referrals, '
      + 'in key order', async () => {
      const [first, unknown, again] = await adapter.referralsByArrondissement(
        ['ANT', 'XXX', 'ANT']);
      expect(first?.length).toBeGreaterThan(0);
      expect(first?.every((r) => r.arrondissementCode === 'ANT')).toBe(true);
      expect(unknown).toEqual([]);
      expect(again).toEqual(first);
    });

    it('answers closed referrals too, each with its offers', async () => {
      const [ant] = await adapter.referralsByArrondissement(['ANT']);
      expect(new Set(ant?.map((r) => r.status)))
        .toEqual(new Set(['SUPPORT_ONGOING', 'CLOSED']));
      const withRenewal = ant?.find((r) => r.offers.length > 1);
      expect(withRenewal?.offers.map((o) => o.kind))
        .toEqual(['INITIAL', 'RENEWAL']);
    });
  });

  describe('batching', () => {
    it.each([
      ['referralsById', () => referrals.map((r) => r.id)],
      ['referralsByMeasureId', () => measureIds],
      ['referralsByArrondissement',
        () => referrals.map((r) => r.arrondissementCode)],
    ] as const)('%s issues two statements for 1 key as for 20',
      async (name, keys) => {
        const read = (k: string[]) =>
          recorder.during(() => adapter[name](k));
        expect(await read(keys().slice(0, 1))).toHaveLength(2);
        expect(await read(twentyKeys(keys()))).toHaveLength(2);
      });
  });

  describe('lifecycle', () => {
    it('pings, and fails once closed', async () => {
      await expect(adapter.ping()).resolves.toBeUndefined();
      await adapter.close();
      await expect(adapter.ping()).rejects.toThrow(
        'The victim-support storage failed during ping');
    });
  });
});
