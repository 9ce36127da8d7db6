/**
 * The inventory read by keeper (§7.8.7) and by zone (§3), against the
 * demo data set: the expectations are counted by hand from the stock
 * declared in storage/demo/inventory.ts and the devices handed out to
 * the demo measures.
 */
import { generateDemoData } from '../../../storage/demo-data';
import {
  StatementRecorder,
  describeEachDatabase,
  twentyKeys,
} from '../../../test/support/databases';
import { openSqlDevicesAdapter } from '../index';
import {
  answeringZoneOf,
  type DevicesAdapter,
  type ZoneStockRecord,
} from '../types';

const demo = generateDemoData();

/** One keeper's counts; the statuses not named are zero. */
function part(
  arrondissementCode: string,
  zoneCode: string | null,
  counts: Partial<Omit<ZoneStockRecord, 'arrondissementCode' | 'zoneCode'>>,
): ZoneStockRecord {
  return {
    arrondissementCode,
    zoneCode,
    available: 0,
    assigned: 0,
    inRepair: 0,
    lost: 0,
    returned: 0,
    ...counts,
  };
}

describeEachDatabase('SqlDevicesAdapter by zone', (getOptions) => {
  const recorder = new StatementRecorder();
  let adapter: DevicesAdapter;

  beforeAll(async () => {
    adapter = await openSqlDevicesAdapter(getOptions(), {
      seedDemo: demo,
      logger: recorder,
    });
  });

  afterAll(() => adapter.close());

  describe('zoneStocksByArrondissement (§7.8.7)', () => {
    it('splits each arrondissement\'s devices by the zone keeping them, '
      + 'the arrondissement\'s own last', async () => {
      const [bru, ant] = await adapter.zoneStocksByArrondissement(
        ['BRU', 'ANT']);
      expect(bru).toEqual([
        part('BRU', '5339', { assigned: 4, inRepair: 1 }),
        part('BRU', '5340', { assigned: 3, available: 1 }),
        part('BRU', null, { available: 3, lost: 1 }),
      ]);
      expect(ant).toEqual([
        part('ANT', '5345', { assigned: 1, available: 1 }),
        part('ANT', '5347', { assigned: 2, available: 3, inRepair: 1 }),
        part('ANT', null, { available: 1 }),
      ]);
    });

    it('leaves out the arrondissement\'s own part when it keeps nothing',
      async () => {
        const [nam] = await adapter.zoneStocksByArrondissement(['NAM']);
        expect(nam).toEqual([
          part('NAM', '5303', { assigned: 6, inRepair: 1 }),
        ]);
      });

    it('adds up to the arrondissement\'s stock', async () => {
      const codes = ['BRU', 'ANT', 'OVL', 'LIE', 'NAM'];
      const [parts, stocks] = await Promise.all([
        adapter.zoneStocksByArrondissement(codes),
        adapter.stockByArrondissement(codes),
      ]);
      const fields = ['available', 'assigned', 'inRepair', 'lost',
        'returned'] as const;
      parts.forEach((keepers, index) => {
        for (const field of fields) {
          const sum = keepers.reduce((total, keeper) =>
            total + keeper[field], 0);
          expect([codes[index], field, sum])
            .toEqual([codes[index], field, stocks[index]![field]]);
        }
      });
    });

    it('answers [] for an arrondissement without devices, in key order',
      async () => {
        const answer = await adapter.zoneStocksByArrondissement(
          ['XX', 'NAM', 'XX']);
        expect(answer.map((keepers) => keepers.length)).toEqual([0, 1, 0]);
      });
  });

  describe('assignedDevicesByZone (§3)', () => {
    it('answers the devices assigned under each zone, by serial, with '
      + 'their last report', async () => {
      // 5415 also keeps a button in repair, which is not assigned.
      const [gent, aalst, none] = await adapter.assignedDevicesByZone(
        ['5415', '5416', '9999']);
      expect(gent?.map((d) => d.serial))
        .toEqual(['DEMO-BTN-0008', 'DEMO-BTN-0017']);
      expect(aalst?.map((d) => d.serial)).toEqual([
        'DEMO-BTN-0003',
        'DEMO-BTN-0011',
        'DEMO-BTN-0014',
        'DEMO-PHN-0004',
        'DEMO-PHN-0005',
      ]);
      expect(none).toEqual([]);
      const expected = demo.devices.devices.filter((d) =>
        answeringZoneOf(d) === '5416' && d.status === 'ASSIGNED');
      expect(aalst).toEqual(expect.arrayContaining(expected));
    });
  });

  describe('batching', () => {
    it.each([
      ['zoneStocksByArrondissement', 1,
        () => ['BRU', 'ANT', 'OVL', 'LIE', 'NAM']],
      ['assignedDevicesByZone', 2,
        () => demo.protection.zones.map((zone) => zone.code)],
    ] as const)('%s issues %i statement(s) for 1 key as for 20',
      async (name, statements, keys) => {
        const read = (k: string[]) =>
          recorder.during(() => adapter[name](k));
        expect(await read(keys().slice(0, 1))).toHaveLength(statements);
        expect(await read(twentyKeys(keys()))).toHaveLength(statements);
      });
  });
});
