import { DEMO, generateDemoData } from '../../../storage/demo-data';
import { StorageError } from '../../../storage/errors';
import {
  StatementRecorder,
  describeEachDatabase,
  twentyKeys,
} from '../../../test/support/databases';
import { openSqlBngAdapter } from '../index';
import { BngRuleError, type BngAdapter } from '../types';

const demo = generateDemoData();

/** Made-up national numbers the demo does not use (11 digits). */
function person(n: number): string {
  return `990101${String(n).padStart(5, '0')}`;
}

describeEachDatabase('SqlBngAdapter writes', (getOptions) => {
  const recorder = new StatementRecorder();
  let adapter: BngAdapter;

  beforeAll(async () => {
    adapter = await openSqlBngAdapter(getOptions(), {
      seedDemo: demo,
      logger: recorder,
    });
  });

  afterAll(() => adapter.close());

  async function recordOf(nationalNumber: string) {
    const [record] = await adapter.policeRecordsByNationalNumber(
      [nationalNumber]);
    return record;
  }

  describe('upsertAlarmMention (§7.8.1)', () => {
    it('creates the record of a person the BNG does not know', async () => {
      const mention = {
        nationalNumber: person(1),
        measureId: 'test-measure-m1',
        registeredOn: '2026-12-01',
        validUntil: '2027-09-01',
      };
      expect(await adapter.upsertAlarmMention(mention)).toEqual({
        measureId: 'test-measure-m1',
        registeredOn: '2026-12-01',
        validUntil: '2027-09-01',
      });
      expect(await recordOf(person(1))).toEqual({
        nationalNumber: person(1),
        knownForViolence: false,
        wanted: false,
        wantedReason: null,
        weapons: [],
        alarmMention: {
          measureId: 'test-measure-m1',
          registeredOn: '2026-12-01',
          validUntil: '2027-09-01',
        },
        noContactOrders: [],
        interventions: [],
      });
    });

    it('answers the same when called twice, and stores it once', async () => {
      const mention = {
        nationalNumber: person(2),
        measureId: 'test-measure-m2',
        registeredOn: '2026-12-01',
        validUntil: '2027-09-01',
      };
      const first = await adapter.upsertAlarmMention(mention);
      const before = await recordOf(person(2));
      expect(await adapter.upsertAlarmMention(mention)).toEqual(first);
      expect(await recordOf(person(2))).toEqual(before);
    });

    it('leaves the rest of an existing record alone', async () => {
      const number = DEMO.nationalNumbers.suspectOfActiveWithEverything;
      const before = await recordOf(number);
      await adapter.upsertAlarmMention({
        nationalNumber: number,
        measureId: 'test-measure-m3',
        registeredOn: '2026-12-01',
        validUntil: '2027-09-01',
      });
      const after = await recordOf(number);
      expect({ ...after, alarmMention: null }).toEqual(before);
    });

    it('replaces the mention of an earlier measure, and updates its own',
      async () => {
        const number = DEMO.nationalNumbers.victimOfTwoMeasures;
        const later = {
          nationalNumber: number,
          measureId: 'test-measure-m4',
          registeredOn: '2026-12-02',
          validUntil: '2027-09-02',
        };
        await adapter.upsertAlarmMention(later);
        expect((await recordOf(number))?.alarmMention?.measureId)
          .toBe('test-measure-m4');

        // A prolongation of the same measure moves its end.
        await adapter.upsertAlarmMention(
          { ...later, validUntil: '2028-03-01' });
        expect((await recordOf(number))?.alarmMention?.validUntil)
          .toBe('2028-03-01');
      });

    it('keeps a later measure\'s mention when an earlier one comes late',
      async () => {
        const number = person(5);
        const newer = {
          nationalNumber: number,
          measureId: 'test-measure-m5-new',
          registeredOn: '2026-12-01',
          validUntil: '2027-09-01',
        };
        await adapter.upsertAlarmMention(newer);
        const late = await adapter.upsertAlarmMention({
          nationalNumber: number,
          measureId: 'test-measure-m5-old',
          registeredOn: '2026-01-10',
          validUntil: '2026-10-10',
        });
        expect(late.measureId).toBe('test-measure-m5-new');
        expect((await recordOf(number))?.alarmMention?.measureId)
          .toBe('test-measure-m5-new');
      });

    it('refuses a mention ending before its registration', async () => {
      const writing = adapter.upsertAlarmMention({
        nationalNumber: person(6),
        measureId: 'test-measure-m6',
        registeredOn: '2026-12-01',
        validUntil: '2026-11-30',
      });
      await expect(writing).rejects.toBeInstanceOf(BngRuleError);
      await expect(writing).rejects.toMatchObject({
        code: 'MENTION_TOO_SHORT',
        message: expect.stringContaining('2026-11-30'),
      });
      expect(await recordOf(person(6))).toBeNull();
    });

    it('refuses a mention on the record of the measure\'s suspect (§7.8.4)',
      async () => {
        await adapter.upsertNoContactOrder({
          measureId: 'test-measure-m8',
          suspectNationalNumber: person(8),
          validFrom: '2026-12-01',
          validUntil: '2027-09-01',
        });
        const writing = adapter.upsertAlarmMention({
          nationalNumber: person(8),
          measureId: 'test-measure-m8',
          registeredOn: '2026-12-01',
          validUntil: '2027-09-01',
        });
        await expect(writing).rejects.toBeInstanceOf(BngRuleError);
        await expect(writing).rejects.toMatchObject({
          code: 'MENTION_ON_SUSPECT',
          message: 'The alarm mention of measure test-measure-m8 cannot go '
            + 'on the record of the measure\'s suspect: it belongs on the '
            + 'protected person\'s record (§7.8.4)',
        });
        expect((await recordOf(person(8)))?.alarmMention).toBeNull();
      });

    it('never shows the suspect a mention that reached their record first',
      async () => {
        const measure = {
          measureId: 'test-measure-m9',
          validFrom: '2026-12-01',
          validUntil: '2027-09-01',
        };
        // Written before the order said who the suspect is.
        await adapter.upsertAlarmMention({
          nationalNumber: person(9),
          measureId: measure.measureId,
          registeredOn: measure.validFrom,
          validUntil: measure.validUntil,
        });
        await adapter.upsertNoContactOrder(
          { ...measure, suspectNationalNumber: person(9) });
        const record = await recordOf(person(9));
        expect(record?.noContactOrders).toHaveLength(1);
        expect(record?.alarmMention).toBeNull();
      });

    it('keeps the mention of a measure protecting a suspect of another one',
      async () => {
        await adapter.upsertNoContactOrder({
          measureId: 'test-measure-m10-a',
          suspectNationalNumber: person(10),
          validFrom: '2026-12-01',
          validUntil: '2027-09-01',
        });
        await adapter.upsertAlarmMention({
          nationalNumber: person(10),
          measureId: 'test-measure-m10-b',
          registeredOn: '2026-12-02',
          validUntil: '2027-09-02',
        });
        expect((await recordOf(person(10)))?.alarmMention?.measureId)
          .toBe('test-measure-m10-b');
      });

    it('rejects misuse, never showing a national number', async () => {
      await expect(adapter.upsertAlarmMention({
        nationalNumber: person(7),
        measureId: 'test-measure-m7',
        registeredOn: '2026-02-30',
        validUntil: '2027-09-01',
      })).rejects.toThrow(
        'registeredOn must be a date as YYYY-MM-DD, not "2026-02-30"');
      const writing = adapter.upsertAlarmMention({
        nationalNumber: '9901010000',
        measureId: 'test-measure-m7',
        registeredOn: '2026-12-01',
        validUntil: '2027-09-01',
      });
      await expect(writing).rejects.toThrow(TypeError);
      await expect(writing).rejects.not.toThrow('9901010000');
    });
  });

  describe('upsertNoContactOrder (§7.8.4)', () => {
    const order = {
      measureId: 'test-measure-o1',
      suspectNationalNumber: person(11),
      validFrom: '2026-12-03',
      validUntil: '2027-09-01',
    };

    it('registers the order as nco-<measureId>, creating the suspect\'s '
      + 'record', async () => {
      const expected = {
        id: 'nco-test-measure-o1',
        measureId: 'test-measure-o1',
        validFrom: '2026-12-03',
        validUntil: '2027-09-01',
      };
      expect(await adapter.upsertNoContactOrder(order)).toEqual(expected);
      const record = await recordOf(person(11));
      expect(record).toMatchObject({ knownForViolence: false, wanted: false });
      expect(record?.noContactOrders).toEqual([expected]);
    });

    it('answers the same when called twice, and stores it once', async () => {
      const first = await adapter.upsertNoContactOrder(order);
      expect(await adapter.upsertNoContactOrder(order)).toEqual(first);
      expect((await recordOf(person(11)))?.noContactOrders).toHaveLength(1);
    });

    it('never shortens the order: it keeps the widest span', async () => {
      const measureId = 'test-measure-o2';
      const base = { ...order, measureId };
      await adapter.upsertNoContactOrder(base);

      const shorter = await adapter.upsertNoContactOrder(
        { ...base, validFrom: '2027-01-01', validUntil: '2027-06-01' });
      expect(shorter).toMatchObject(
        { validFrom: '2026-12-03', validUntil: '2027-09-01' });

      // §7.10.2: a prolongation moves the end further.
      const longer = await adapter.upsertNoContactOrder(
        { ...base, validUntil: '2028-06-01' });
      expect(longer).toMatchObject(
        { validFrom: '2026-12-03', validUntil: '2028-06-01' });
      const [stored] = await adapter.noContactOrdersByMeasureId([measureId]);
      expect(stored).toEqual(longer);
    });

    it('extends a demo order under its own id', async () => {
      const measureId = DEMO.measureIds.activeWithEverything;
      const [demoOrder] = await adapter.noContactOrdersByMeasureId(
        [measureId]);
      const extended = await adapter.upsertNoContactOrder({
        measureId,
        suspectNationalNumber:
          DEMO.nationalNumbers.suspectOfActiveWithEverything,
        validFrom: demoOrder!.validFrom,
        validUntil: '2029-01-01',
      });
      expect(extended).toEqual({ ...demoOrder, validUntil: '2029-01-01' });
    });

    it('derives a key that fits its column from a long measure id',
      async () => {
        const measureId = '6f1c1d2e-8a4b-4c3d-9e0f-123456789abc';
        const first = await adapter.upsertNoContactOrder(
          { ...order, measureId });
        expect(first.id).toMatch(/^nco-[0-9a-f]{32}$/);
        expect((await adapter.upsertNoContactOrder(
          { ...order, measureId })).id).toBe(first.id);
      });

    it('refuses an order ending before it starts, with a clear message',
      async () => {
        const writing = adapter.upsertNoContactOrder({
          ...order,
          measureId: 'test-measure-o3',
          validUntil: '2026-12-02',
        });
        await expect(writing).rejects.toBeInstanceOf(BngRuleError);
        await expect(writing).rejects.toMatchObject({
          code: 'ORDER_TOO_SHORT',
          message: 'The no-contact order of measure test-measure-o3 cannot '
            + 'end on 2026-12-02, before it starts on 2026-12-03 (§7.8.4)',
        });
        expect(await adapter.noContactOrdersByMeasureId(['test-measure-o3']))
          .toEqual([null]);
      });

    describe('covering the whole protection (§7.8.4)', () => {
      const measureId = 'test-measure-o4';
      const mention = (nationalNumber: string, validUntil: string) =>
        adapter.upsertAlarmMention({
          nationalNumber,
          measureId,
          registeredOn: '2026-12-01',
          validUntil,
        });
      const orderUntil = (validUntil: string) =>
        adapter.upsertNoContactOrder({
          measureId,
          suspectNationalNumber: person(13),
          validFrom: '2026-12-01',
          validUntil,
        });

      it('refuses an order ending before the measure, saying both ends',
        async () => {
          await mention(person(14), '2027-09-01');
          const writing = orderUntil('2027-08-31');
          await expect(writing).rejects.toBeInstanceOf(BngRuleError);
          await expect(writing).rejects.toMatchObject({
            code: 'ORDER_ENDS_BEFORE_MEASURE',
            message: 'The no-contact order of measure test-measure-o4 cannot '
              + 'end on 2027-08-31, before the protection it must cover '
              + 'ends on 2027-09-01, prolongations included (§7.8.4)',
          });
          expect(await adapter.noContactOrdersByMeasureId([measureId]))
            .toEqual([null]);
        });

      it('registers an order ending on the measure\'s last day', async () => {
        expect(await orderUntil('2027-09-01'))
          .toMatchObject({ validUntil: '2027-09-01' });
      });

      it('follows a prolongation: the order must reach the new end',
        async () => {
          // §7.10.2: the mention moves first, then the order follows.
          await mention(person(14), '2028-06-01');
          await expect(orderUntil('2027-09-01')).rejects
            .toMatchObject({ code: 'ORDER_ENDS_BEFORE_MEASURE' });
          expect(await orderUntil('2028-06-01'))
            .toMatchObject({ validUntil: '2028-06-01' });
        });

      it('checks the widened order: a late, shorter retry changes nothing',
        async () => {
          expect(await orderUntil('2027-09-01'))
            .toMatchObject({ validUntil: '2028-06-01' });
        });

      it('weighs the latest end among the mentions of the measure',
        async () => {
          // A child protected by the same measure, for longer.
          await mention(person(15), '2028-07-01');
          await expect(orderUntil('2028-06-30')).rejects
            .toMatchObject({ code: 'ORDER_ENDS_BEFORE_MEASURE' });
        });

      it('ignores the mentions of other measures', async () => {
        await adapter.upsertAlarmMention({
          nationalNumber: person(16),
          measureId: 'test-measure-o5-other',
          registeredOn: '2026-12-01',
          validUntil: '2029-01-01',
        });
        expect(await adapter.upsertNoContactOrder({
          measureId: 'test-measure-o5',
          suspectNationalNumber: person(13),
          validFrom: '2026-12-01',
          validUntil: '2027-01-01',
        })).toMatchObject({ validUntil: '2027-01-01' });
      });
    });

    it('refuses the measure\'s order against another suspect', async () => {
      await expect(adapter.upsertNoContactOrder({
        ...order,
        suspectNationalNumber: person(12),
      })).rejects.toMatchObject({ code: 'ORDER_SUSPECT_MISMATCH' });
      expect(await recordOf(person(12))).toBeNull();
    });
  });

  describe('noContactOrdersByMeasureId', () => {
    it('answers in key order, null for a measure without order', async () => {
      const ids = [
        DEMO.measureIds.requested,
        DEMO.measureIds.activeWithoutAntecedents,
        'nope',
      ];
      const answer = await adapter.noContactOrdersByMeasureId(ids);
      expect(answer.map((o) => o?.measureId ?? null))
        .toEqual([null, DEMO.measureIds.activeWithoutAntecedents, null]);
    });

    it('issues one statement for 1 key as for 20', async () => {
      const ids = demo.protection.measures.map((m) => m.id);
      const read = (keys: string[]) =>
        recorder.during(() => adapter.noContactOrdersByMeasureId(keys));
      expect(await read(ids.slice(0, 1))).toHaveLength(1);
      expect(await read(twentyKeys(ids))).toHaveLength(1);
    });
  });

  describe('database failures', () => {
    it('come out once as a StorageError naming the write', async () => {
      await adapter.close();
      const writing = adapter.upsertAlarmMention({
        nationalNumber: person(20),
        measureId: 'test-measure-f1',
        registeredOn: '2026-12-01',
        validUntil: '2027-09-01',
      });
      await expect(writing).rejects.toBeInstanceOf(StorageError);
      await expect(writing).rejects.toThrow(
        'The bng storage failed during upsertAlarmMention');
    });
  });
});
