import { DEMO, generateDemoData } from '../../../storage/demo-data';
import { compareText } from '../../../storage/demo/text';
import { StorageError } from '../../../storage/errors';
import {
  StatementRecorder,
  describeEachDatabase,
  twentyKeys,
} from '../../../test/support/databases';
import { openSqlProtectionAdapter } from '../index';
import type { ProtectionAdapter, ProtectionStore } from '../types';

const demo = generateDemoData();
const { measures, persons, protectedPersons } = demo.protection;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

describeEachDatabase('SqlProtectionAdapter', (getOptions) => {
  const recorder = new StatementRecorder();
  let adapter: ProtectionAdapter;
  let store: ProtectionStore;

  beforeAll(async () => {
    const opened = await openSqlProtectionAdapter(getOptions(), {
      seedDemo: demo,
      logger: recorder,
    });
    adapter = opened;
    store = opened;
  });

  afterAll(() => adapter.close());

  describe('measuresById', () => {
    it('answers the demo measures as they were generated', async () => {
      const ids = measures.map((m) => m.id);
      expect(await adapter.measuresById(ids)).toEqual(measures);
    });

    it('answers in key order, null for an unknown id, repeats included',
      async () => {
        const [a, b] = measures;
        expect(await adapter.measuresById([b!.id, 'nope', a!.id, b!.id]))
          .toEqual([b, null, a, b]);
      });

    it('answers dates as YYYY-MM-DD strings on this driver', async () => {
      const [m] = await adapter.measuresById([DEMO.measureIds.endedExpired]);
      for (const date of [m!.requestedOn, m!.decidedOn, m!.startDate,
        m!.endDate, m!.endedOn]) {
        expect(date).toMatch(ISO_DATE);
      }
    });
  });

  describe('the seeded store', () => {
    it('reads the demo aggregates back as generated', async () => {
      const ids = demo.protection.aggregates.map((a) => a.measure.id);
      expect(await store.aggregatesById(ids))
        .toEqual(demo.protection.aggregates);
    });

    it('reads the demo journal back, each measure oldest first',
      async () => {
        const ids = measures.map((m) => m.id);
        const journals = await store.journalByMeasureId(ids);
        expect(journals.flat()).toEqual(demo.protection.journal);
      });

    it('hands out references after the demo\'s own', async () => {
      const years = new Set(measures.map((m) => m.reference.slice(3, 7)));
      for (const year of years) {
        const taken = new Set(measures.map((m) => m.reference));
        const next = await store.transaction(async (tx) => {
          const reference = await tx.nextReference(Number(year));
          throw Object.assign(new Error('roll back'), { reference });
        }).catch((error: { reference: string }) => error.reference);
        expect(taken.has(next)).toBe(false);
      }
    });
  });

  describe('personsByNationalNumber', () => {
    it('answers each person, null for an unknown number', async () => {
      const numbers = persons.map((p) => p.nationalNumber);
      expect(await adapter.personsByNationalNumber([...numbers, '0']))
        .toEqual([...persons, null]);
    });
  });

  describe('protectedPersonsByMeasureId', () => {
    it('lists the victim first, then children and relatives', async () => {
      const ids = [DEMO.measureIds.activeWantedSuspect,
        DEMO.measureIds.activeWithEverything, 'nope'];
      const answer = await adapter.protectedPersonsByMeasureId(ids);
      expect(answer.map((list) => list.map((p) => p.role))).toEqual([
        ['VICTIM', 'RELATIVE', 'RELATIVE'],
        ['VICTIM', 'CHILD'],
        [],
      ]);
    });

    it('answers what the demo data holds for every measure', async () => {
      const ids = measures.map((m) => m.id);
      const expected = ids.map((id) =>
        protectedPersons.filter((p) => p.measureId === id));
      expect(await adapter.protectedPersonsByMeasureId(ids)).toEqual(expected);
    });
  });

  describe('measureIdsByProtectedPerson', () => {
    it('lists the newest measure first', async () => {
      const [ids, none] = await adapter.measureIdsByProtectedPerson([
        DEMO.nationalNumbers.victimOfTwoMeasures, '0']);
      expect(ids).toEqual([DEMO.measureIds.activeAfterEarlierMeasure,
        DEMO.measureIds.endedExpired]);
      expect(none).toEqual([]);
    });

    it('orders by request date, newest first, then by id', async () => {
      const numbers = [...new Set(protectedPersons.map((p) =>
        p.nationalNumber))];
      const expected = numbers.map((number) => protectedPersons
        .filter((p) => p.nationalNumber === number)
        .map((p) => measures.find((m) => m.id === p.measureId)!)
        .sort((a, b) => compareText(b.requestedOn, a.requestedOn)
          || compareText(b.id, a.id))
        .map((m) => m.id));
      expect(await adapter.measureIdsByProtectedPerson(numbers))
        .toEqual(expected);
    });
  });

  describe('territory', () => {
    it('answers provinces, arrondissements and zones, null if unknown',
      async () => {
        const { provinces, arrondissements, zones } = demo.protection;
        expect(await adapter.provincesByCode(
          [...provinces.map((p) => p.code), 'XX']))
          .toEqual([...provinces, null]);
        expect(await adapter.arrondissementsByCode(
          ['XX', ...arrondissements.map((a) => a.code)]))
          .toEqual([null, ...arrondissements]);
        expect(await adapter.zonesByCode(zones.map((z) => z.code)))
          .toEqual(zones);
      });

    it('answers a zone not yet deployed with a null date', async () => {
      const [zone] = await adapter.zonesByCode(['5344']);
      expect(zone?.deployedOn).toBeNull();
    });
  });

  describe('batching', () => {
    const reads: [string, (keys: string[]) => Promise<unknown>,
      () => string[]][] = [
      ['measuresById', (k) => adapter.measuresById(k),
        () => measures.map((m) => m.id)],
      ['personsByNationalNumber', (k) => adapter.personsByNationalNumber(k),
        () => persons.map((p) => p.nationalNumber)],
      ['protectedPersonsByMeasureId',
        (k) => adapter.protectedPersonsByMeasureId(k),
        () => measures.map((m) => m.id)],
      ['measureIdsByProtectedPerson',
        (k) => adapter.measureIdsByProtectedPerson(k),
        () => protectedPersons.map((p) => p.nationalNumber)],
      ['provincesByCode', (k) => adapter.provincesByCode(k),
        () => demo.protection.provinces.map((p) => p.code)],
      ['arrondissementsByCode', (k) => adapter.arrondissementsByCode(k),
        () => demo.protection.arrondissements.map((a) => a.code)],
      ['zonesByCode', (k) => adapter.zonesByCode(k),
        () => demo.protection.zones.map((z) => z.code)],
    ];

    it.each(reads)('%s issues one statement for 1 key as for 20',
      async (_name, read, keys) => {
        const one = await recorder.during(() => read(keys().slice(0, 1)));
        const many = await recorder.during(() => read(twentyKeys(keys())));
        expect(one).toHaveLength(1);
        expect(many).toHaveLength(1);
      });

    it('issues no statement for no key', async () => {
      expect(await recorder.during(() => adapter.measuresById([])))
        .toEqual([]);
    });
  });

  describe('lifecycle', () => {
    it('pings, and fails with a StorageError once closed', async () => {
      await expect(adapter.ping()).resolves.toBeUndefined();
      await adapter.close();
      await expect(adapter.ping()).rejects.toThrow(StorageError);
      await expect(adapter.measuresById(['x'])).rejects.toThrow(
        'The protection storage failed during measuresById');
    });
  });
});
