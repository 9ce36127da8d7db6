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
    it('issues four statements, one per table, for 1 key as for 20',
      async () => {
        const read = (keys: string[]) =>
          recorder.during(() => adapter.policeRecordsByNationalNumber(keys));
        const one = await read(numbers.slice(0, 1));
        const many = await read(twentyKeys(numbers));
        expect(one).toHaveLength(4);
        expect(many).toHaveLength(4);
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
