import { DEMO, generateDemoData } from '../../../storage/demo-data';
import {
  StatementRecorder,
  describeEachDatabase,
  twentyKeys,
} from '../../../test/support/databases';
import { openSqlBngAdapter } from '../index';
import type { BngAdapter } from '../types';

const demo = generateDemoData();
const numbers = demo.protection.persons.map((p) => p.nationalNumber);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

describeEachDatabase('SqlBngAdapter', (getOptions) => {
  const recorder = new StatementRecorder();
  let adapter: BngAdapter;

  beforeAll(async () => {
    adapter = await openSqlBngAdapter(getOptions(), {
      seedDemo: demo,
      logger: recorder,
    });
  });

  afterAll(() => adapter.close());

  describe('policeRecordsByNationalNumber', () => {
    it('answers the demo records, null for persons the BNG lacks',
      async () => {
        const expected = numbers.map((number) => demo.bng.records.find(
          (record) => record.nationalNumber === number) ?? null);
        expect(expected).toContain(null);
        expect(await adapter.policeRecordsByNationalNumber(numbers))
          .toEqual(expected);
      });

    it('answers in key order, null for an unknown number', async () => {
      const suspect = DEMO.nationalNumbers.suspectOfActiveWithEverything;
      const victim = DEMO.nationalNumbers.victimOfActiveWithEverything;
      const answer = await adapter.policeRecordsByNationalNumber(
        [victim, '00000000000', suspect]);
      expect(answer.map((record) => record?.nationalNumber ?? null))
        .toEqual([victim, null, suspect]);
    });

    it('answers the weapons, violence and no-contact order of a suspect',
      async () => {
        const [record] = await adapter.policeRecordsByNationalNumber(
          [DEMO.nationalNumbers.suspectOfActiveWithEverything]);
        expect(record?.knownForViolence).toBe(true);
        expect(record?.weapons.map((w) => w.category))
          .toEqual(['FIREARM', 'BLADE']);
        expect(record?.noContactOrders.map((o) => o.measureId))
          .toEqual([DEMO.measureIds.activeWithEverything]);
        expect(record?.alarmMention).toBeNull();
      });

    it('answers the interventions at the address, newest first', async () => {
      const [record] = await adapter.policeRecordsByNationalNumber(
        [DEMO.nationalNumbers.suspectOfActiveWithEverything]);
      const interventions = record?.interventions ?? [];
      expect(interventions.map((i) => i.nature))
        .toEqual(['DOMESTIC_VIOLENCE', 'THREATS', 'DISTURBANCE']);
      expect(interventions.map((i) => i.occurredOn))
        .toEqual(interventions.map((i) => i.occurredOn).sort().reverse());
      const zone = demo.protection.measures.find((m) =>
        m.id === DEMO.measureIds.activeWithEverything)?.managingZoneCode;
      expect(new Set(interventions.map((i) => i.zoneCode)))
        .toEqual(new Set([zone]));
    });

    it('answers why a wanted person is wanted, null for anyone else',
      async () => {
        const wanted = demo.protection.measures.find((m) =>
          m.id === DEMO.measureIds.activeWantedSuspect)!;
        const [sought, other] = await adapter.policeRecordsByNationalNumber([
          wanted.suspectNationalNumber,
          DEMO.nationalNumbers.suspectOfActiveWithEverything,
        ]);
        expect(sought).toMatchObject(
          { wanted: true, wantedReason: 'TO_BE_HEARD' });
        expect(other).toMatchObject({ wanted: false, wantedReason: null });
      });

    it('answers a permit\'s last valid day, null without a permit',
      async () => {
        const [record] = await adapter.policeRecordsByNationalNumber(
          [DEMO.nationalNumbers.suspectOfActiveWithEverything]);
        for (const weapon of record?.weapons ?? []) {
          expect(weapon.permitValidUntil === null)
            .toBe(weapon.permitReference === null);
        }
        expect(record?.weapons.some((w) => w.permitValidUntil !== null))
          .toBe(true);
      });

    it('shows no alarm mention on any suspect\'s record (§7.8.4)',
      async () => {
        const suspects = [...new Set(demo.protection.measures
          .map((m) => m.suspectNationalNumber))];
        const records = await adapter.policeRecordsByNationalNumber(suspects);
        expect(records.filter((record) => record !== null).length)
          .toBeGreaterThan(20);
        expect(records.map((record) => record?.alarmMention ?? null))
          .toEqual(suspects.map(() => null));
      });

    it('answers booleans as booleans and dates as YYYY-MM-DD', async () => {
      const [record] = await adapter.policeRecordsByNationalNumber(
        [DEMO.nationalNumbers.victimOfTwoMeasures]);
      expect(typeof record?.knownForViolence).toBe('boolean');
      expect(typeof record?.wanted).toBe('boolean');
      expect(record?.alarmMention?.registeredOn).toMatch(ISO_DATE);
      expect(record?.alarmMention?.validUntil).toMatch(ISO_DATE);
    });
  });

  describe('batching', () => {
    it('issues five statements, one per table, for 1 key as for 20',
      async () => {
        const read = (keys: string[]) =>
          recorder.during(() => adapter.policeRecordsByNationalNumber(keys));
        const one = await read(numbers.slice(0, 1));
        const many = await read(twentyKeys(numbers));
        expect(one).toHaveLength(5);
        expect(many).toHaveLength(5);
      });
  });

  describe('lifecycle', () => {
    it('pings, and fails once closed', async () => {
      await expect(adapter.ping()).resolves.toBeUndefined();
      await adapter.close();
      await expect(adapter.ping()).rejects.toThrow(
        'The bng storage failed during ping');
    });
  });
});
