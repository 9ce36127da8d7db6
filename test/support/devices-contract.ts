/**
 * The behaviour every DevicesAdapter owes its callers, as one suite run
 * against each implementation: the SQL one (adapters/devices/sql/*.test.ts,
 * on SQLite and MariaDB) and the SharePoint one
 * (adapters/devices/sharepoint/adapter.test.ts, on the local Graph
 * server, ./sharepoint-server.ts). A test bed gives the suite what only the store
 * can: a way to put devices in stock around the adapter, and a count of
 * what a read costs (SQL statements, HTTP requests).
 */
import {
  DEMO,
  generateDemoData,
  type DemoData,
} from '../../storage/demo-data';
import { compareText } from '../../storage/demo/text';
import { twentyKeys } from './databases';
import {
  DevicesRuleError,
  answeringZoneOf,
  type DeviceDailyReport,
  type DeviceKind,
  type DeviceRecord,
  type DeviceStatus,
  type DevicesAdapter,
  type GrantRegistrationRecord,
  type StockRecord,
  type ZoneStockRecord,
} from '../../adapters/devices/types';

export interface StockLine {
  serial: string;
  zoneCode: string | null;
  kind?: DeviceKind;
  status?: DeviceStatus;
  /**
   * The measure of a device handed over outside the port: nothing says
   * which zone answers for it. Default none.
   */
  measureId?: string;
}

export interface DevicesTestBed {
  readonly adapter: DevicesAdapter;
  /** Puts devices in an arrondissement's stock, AVAILABLE by default. */
  stock(arrondissementCode: string, lines: StockLine[]): Promise<void>;
  /** How many statements or requests the store got while `action` ran. */
  count(action: () => Promise<unknown>): Promise<number>;
  /** Releases what the bed holds besides the adapter. */
  release(): Promise<void>;
}

export type BatchReadName =
  | 'devicesBySerial'
  | 'devicesByMeasureId'
  | 'stockByArrondissement'
  | 'zoneStocksByArrondissement'
  | 'devicesByArrondissement'
  | 'shortagesByArrondissement'
  | 'assignedDevicesByZone'
  | 'grantRegistrationsByMeasureId';

export interface DevicesContract {
  /** Opens an adapter over the demo data set, seeded. */
  open(demo: DemoData): Promise<DevicesTestBed>;
  /** What `count` counts, in the plural: `statements`, `requests`. */
  readonly unit: string;
  /** What each batch read costs, for 1 key as for 20. */
  readonly batchCost: Readonly<Record<BatchReadName, number>>;
  /** The message of ping's error once the adapter is closed. */
  readonly closedPingError: string;
}

const VICTIM = '99010100001';
const OTHER_VICTIM = '99010100002';

/** The reads, over the demo data set; ends by closing the adapter. */
export function describeDevicesReads(contract: DevicesContract): void {
  const demo = generateDemoData();
  const { devices } = demo.devices;
  const serials = devices.map((d) => d.serial);
  const measureIds = demo.protection.measures.map((m) => m.id);
  let bed: DevicesTestBed;
  let adapter: DevicesAdapter;

  beforeAll(async () => {
    bed = await contract.open(demo);
    adapter = bed.adapter;
  });

  afterAll(async () => {
    await adapter.close();
    await bed.release();
  });

  describe('devicesBySerial', () => {
    it('answers the demo devices with their last report', async () => {
      expect(await adapter.devicesBySerial(serials)).toEqual(devices);
    });

    it('answers in key order, null for an unknown serial', async () => {
      const { buttonOfActiveWithEverything: button, staleReport } =
        DEMO.serials;
      const answer = await adapter.devicesBySerial(
        [staleReport, 'DEMO-NONE', button]);
      expect(answer.map((d) => d?.serial ?? null))
        .toEqual([staleReport, null, button]);
    });

    it('picks the newest of several daily reports', async () => {
      const [device] = await adapter.devicesBySerial(
        [DEMO.serials.buttonOfActiveWithEverything]);
      const history = demo.devices.dailyReports.filter((r) =>
        r.serial === DEMO.serials.buttonOfActiveWithEverything);
      expect(history.length).toBeGreaterThan(1);
      expect(device?.lastReport?.receivedAt)
        .toBe(history[history.length - 1]!.receivedAt);
      expect(typeof device?.lastReport?.alarmPressed).toBe('boolean');
    });
  });

  describe('devicesByMeasureId', () => {
    it('answers each measure\'s devices by serial, [] when none',
      async () => {
        const expected = measureIds.map((id) => devices
          .filter((d) => d.measureId === id)
          .sort((a, b) => compareText(a.serial, b.serial)));
        expect(expected).toContainEqual([]);
        expect(await adapter.devicesByMeasureId(measureIds))
          .toEqual(expected);
      });

    it('answers the button before the lent phone', async () => {
      const [own] = await adapter.devicesByMeasureId(
        [DEMO.measureIds.activeWithEverything]);
      expect(own?.map((d) => d.kind)).toEqual(['BUTTON', 'LENT_PHONE']);
    });
  });

  describe('zoneStocksByArrondissement (§7.8.7)', () => {
    it('splits each stock by keeper: zones by code, then the '
      + 'arrondissement\'s own devices', async () => {
      const codes = ['BRU', 'ANT', 'LIE', 'XX'];
      const expected = codes.map((code) => keeperStocks(devices, code));
      expect(expected[0]!.length).toBeGreaterThan(1);
      expect(expected[3]).toEqual([]);
      expect(await adapter.zoneStocksByArrondissement(codes))
        .toEqual(expected);
    });

    it('adds up to the arrondissement\'s stock', async () => {
      const [bru] = await adapter.zoneStocksByArrondissement(['BRU']);
      const [stock] = await adapter.stockByArrondissement(['BRU']);
      const sum = (field: keyof Omit<StockRecord, 'arrondissementCode'>) =>
        bru!.reduce((total, keeper) => total + keeper[field], 0);
      expect({ arrondissementCode: 'BRU', available: sum('available'),
        assigned: sum('assigned'), inRepair: sum('inRepair'),
        lost: sum('lost'), returned: sum('returned') }).toEqual(stock);
    });
  });

  describe('devicesByArrondissement (§9)', () => {
    it('answers every device of each stock by serial, without reports, '
      + '[] when none', async () => {
      const codes = ['BRU', 'LIE', 'XX'];
      const expected = codes.map((code) => devices
        .filter((d) => d.arrondissementCode === code)
        .sort((a, b) => (a.serial < b.serial ? -1 : 1))
        .map(({ lastReport: _report, ...device }) => device));
      expect(expected[0]!.length).toBeGreaterThan(1);
      expect(await adapter.devicesByArrondissement(codes)).toEqual(expected);
    });
  });

  describe('assignedDevicesByZone (§3)', () => {
    it('answers the devices ASSIGNED under each zone by serial, [] when '
      + 'none', async () => {
        const zones = [...new Set(devices.map(answeringZoneOf))]
          .filter((zone): zone is string => zone !== null)
          .concat('0000');
        const expected = zones.map((zone) => devices
          .filter((d) => answeringZoneOf(d) === zone
            && d.status === 'ASSIGNED')
          .sort((a, b) => compareText(a.serial, b.serial)));
        expect(expected).toContainEqual([]);
        expect(expected.some((group) => group.length > 1)).toBe(true);
        expect(await adapter.assignedDevicesByZone(zones)).toEqual(expected);
      });
  });

  describe('batching', () => {
    it.each([
      ['devicesBySerial', () => serials],
      ['devicesByMeasureId', () => measureIds],
      ['zoneStocksByArrondissement',
        () => ['BRU', 'ANT', 'OVL', 'LIE', 'NAM']],
      ['devicesByArrondissement',
        () => ['BRU', 'ANT', 'OVL', 'LIE', 'NAM']],
      ['assignedDevicesByZone', () => [...new Set(devices
        .map((d) => d.zoneCode).filter((zone) => zone !== null))] as string[]],
    ] as const)(sameCost(contract), async (name, keys) => {
      const read = (k: string[]) => bed.count(() => adapter[name](k));
      expect(await read(keys().slice(0, 1))).toBe(contract.batchCost[name]);
      expect(await read(twentyKeys(keys()))).toBe(contract.batchCost[name]);
    });
  });

  describe('lifecycle', () => {
    it('pings, and fails once closed', async () => {
      await expect(adapter.ping()).resolves.toBeUndefined();
      await adapter.close();
      await expect(adapter.ping()).rejects.toThrow(contract.closedPingError);
    });
  });
}

/** The writes, and the reads that only writes make interesting. */
export function describeDevicesWrites(contract: DevicesContract): void {
  const demo = generateDemoData();
  let bed: DevicesTestBed;
  let adapter: DevicesAdapter;

  beforeAll(async () => {
    bed = await contract.open(demo);
    adapter = bed.adapter;
  });

  afterAll(async () => {
    await bed.release();
    await adapter.close();
  });

  function stock(arrondissementCode: string, lines: StockLine[]) {
    return bed.stock(arrondissementCode, lines);
  }

  function assignment(measureId: string, arrondissementCode: string) {
    return {
      measureId,
      nationalNumber: VICTIM,
      arrondissementCode,
      zoneCode: 'Z1',
      assignedOn: '2026-12-01',
    };
  }

  function serialOf(
    result: Awaited<ReturnType<DevicesAdapter['assignDevice']>>,
  ): string | null {
    return 'device' in result ? result.device.serial : null;
  }

  describe('assignDevice (§7.8.7)', () => {
    it('takes the zone\'s own devices first, then the others by serial',
      async () => {
        await stock('TA', [
          { serial: 'TA-3', zoneCode: null },
          { serial: 'TA-1', zoneCode: 'Z2' },
          { serial: 'TA-2', zoneCode: 'Z1' },
          { serial: 'TA-0', zoneCode: 'Z1', status: 'IN_REPAIR' },
          { serial: 'TA-P', zoneCode: 'Z1', kind: 'LENT_PHONE' },
        ]);
        const serials = [];
        for (const measureId of ['ta-1', 'ta-2', 'ta-3']) {
          serials.push(serialOf(
            await adapter.assignDevice(assignment(measureId, 'TA'))));
        }
        expect(serials).toEqual(['TA-2', 'TA-1', 'TA-3']);
      });

    it('marks the device ASSIGNED to the person under the measure',
      async () => {
        await stock('TB', [{ serial: 'TB-1', zoneCode: 'Z1' }]);
        const result = await adapter.assignDevice(assignment('tb-1', 'TB'));
        expect(result).toEqual({
          device: {
            serial: 'TB-1',
            kind: 'BUTTON',
            status: 'ASSIGNED',
            arrondissementCode: 'TB',
            zoneCode: 'Z1',
            measureId: 'tb-1',
            assignedTo: VICTIM,
            assignedZoneCode: 'Z1',
            assignedOn: '2026-12-01',
            returnedOn: null,
            lastReport: null,
          },
        });
        const [stored] = await adapter.devicesBySerial(['TB-1']);
        expect(stored).toEqual('device' in result ? result.device : null);
      });

    it('answers the device already held when called again', async () => {
      await stock('TC', [
        { serial: 'TC-1', zoneCode: 'Z1' },
        { serial: 'TC-2', zoneCode: 'Z1' },
      ]);
      const first = await adapter.assignDevice(assignment('tc-1', 'TC'));
      const again = await adapter.assignDevice(
        { ...assignment('tc-1', 'TC'), assignedOn: '2026-12-05' });
      expect(again).toEqual(first);
      expect(await adapter.devicesByMeasureId(['tc-1'])).toHaveLength(1);
      const [stock1] = await adapter.stockByArrondissement(['TC']);
      expect(stock1).toMatchObject({ available: 1, assigned: 1 });
    });

    it('takes a device of the kind asked for', async () => {
      await stock('TD', [
        { serial: 'TD-B', zoneCode: 'Z1' },
        { serial: 'TD-P', zoneCode: 'Z1', kind: 'LENT_PHONE' },
      ]);
      const phone = await adapter.assignDevice(
        { ...assignment('td-1', 'TD'), kind: 'LENT_PHONE' });
      const button = await adapter.assignDevice(assignment('td-1', 'TD'));
      expect([serialOf(phone), serialOf(button)]).toEqual(['TD-P', 'TD-B']);
    });

    it('reports a shortage once while it stays open', async () => {
      const measureId = DEMO.measureIds.activeAfterEarlierMeasure;
      const code = DEMO.arrondissementWithoutStock;
      const asked = { ...assignment(measureId, code), zoneCode: 'NAM-Z' };
      expect(await adapter.assignDevice(asked)).toEqual({ shortage: true });
      expect(await adapter.assignDevice(
        { ...asked, assignedOn: '2026-12-02' })).toEqual({ shortage: true });

      const [shortages] = await adapter.shortagesByArrondissement([code]);
      expect(shortages).toEqual([{
        id: expect.any(String),
        measureId,
        kind: 'BUTTON',
        arrondissementCode: code,
        zoneCode: 'NAM-Z',
        reportedOn: '2026-12-01',
        resolvedOn: null,
      }]);
    });

    it('resolves the shortage when a later assignment succeeds',
      async () => {
        const first = { ...assignment('te-1', 'TE'), assignedOn: '2026-11-20' };
        expect(await adapter.assignDevice(first)).toEqual({ shortage: true });
        await adapter.assignDevice(
          { ...assignment('te-2', 'TE'), assignedOn: '2026-11-25' });

        await stock('TE', [{ serial: 'TE-1', zoneCode: null }]);
        const later = { ...first, assignedOn: '2026-11-28' };
        expect(serialOf(await adapter.assignDevice(later))).toBe('TE-1');

        const [shortages] = await adapter.shortagesByArrondissement(['TE']);
        expect(shortages!.map((s) => [s.measureId, s.resolvedOn])).toEqual([
          ['te-2', null],
          ['te-1', '2026-11-28'],
        ]);
      });

    it('never gives one device to two measures at once', async () => {
      await stock('TF', [{ serial: 'TF-1', zoneCode: 'Z1' }]);
      const results = await Promise.all([
        adapter.assignDevice(assignment('tf-1', 'TF')),
        adapter.assignDevice(
          { ...assignment('tf-2', 'TF'), nationalNumber: OTHER_VICTIM }),
      ]);
      const serials = results.map(serialOf);
      expect(serials.filter((s) => s === 'TF-1')).toHaveLength(1);
      expect(results.filter((r) => 'shortage' in r)).toHaveLength(1);

      const [shortages] = await adapter.shortagesByArrondissement(['TF']);
      const loser = serials[0] === 'TF-1' ? 'tf-2' : 'tf-1';
      expect(shortages!.map((s) => s.measureId)).toEqual([loser]);
    });

    it('answers one device to calls at once for the same person, measure '
      + 'and kind', async () => {
      await stock('TL', ['TL-1', 'TL-2', 'TL-3']
        .map((serial) => ({ serial, zoneCode: 'Z1' })));
      const results = await Promise.all(['a', 'b', 'c'].map(() =>
        adapter.assignDevice(assignment('tl-1', 'TL'))));

      const serials = results.map(serialOf);
      expect(serials[0]).not.toBeNull();
      expect(new Set(serials)).toEqual(new Set([serials[0]]));
      expect(results[1]).toEqual(results[0]);
      expect(await adapter.devicesByMeasureId(['tl-1'])).toHaveLength(1);
      const [stockTl] = await adapter.stockByArrondissement(['TL']);
      expect(stockTl).toMatchObject({ available: 2, assigned: 1 });
    });

    it('hands out each device once among many concurrent measures',
      async () => {
        await stock('TG', ['TG-1', 'TG-2', 'TG-3', 'TG-4', 'TG-5']
          .map((serial, i) => ({ serial, zoneCode: i % 2 ? 'Z1' : 'Z2' })));
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            adapter.assignDevice(assignment(`tg-${i}`, 'TG'))));
        const serials = results.map(serialOf).filter(Boolean);
        expect([...serials].sort())
          .toEqual(['TG-1', 'TG-2', 'TG-3', 'TG-4', 'TG-5']);
        const [shortages] = await adapter.shortagesByArrondissement(['TG']);
        expect(shortages).toHaveLength(3);
      });

    it('rejects an unknown kind or a malformed date as misuse', async () => {
      await expect(adapter.assignDevice({ ...assignment('th-1', 'TH'),
        kind: 'WATCH' as DeviceKind })).rejects.toThrow(
        'kind must be one of BUTTON, LENT_PHONE, not "WATCH"');
      await expect(adapter.assignDevice({ ...assignment('th-1', 'TH'),
        assignedOn: '2026-13-01' })).rejects.toThrow(TypeError);
    });
  });

  describe('assignedDevicesByZone (§3, §7.2.2)', () => {
    it('answers a device under the managing zone of its measure, whoever '
      + 'kept it', async () => {
        await stock('TM', [
          { serial: 'TM-1', zoneCode: 'ZK' },
          { serial: 'TM-2', zoneCode: null },
        ]);
        const managed = { ...assignment('tm-1', 'TM'), zoneCode: 'ZM' };
        const first = await adapter.assignDevice(managed);
        await adapter.assignDevice({ ...managed, measureId: 'tm-2',
          nationalNumber: OTHER_VICTIM });
        expect(first).toMatchObject({ device: { serial: 'TM-1',
          zoneCode: 'ZK', assignedZoneCode: 'ZM' } });

        const [managing, keeping] = await adapter.assignedDevicesByZone(
          ['ZM', 'ZK']);
        expect(managing!.map((d) => d.serial)).toEqual(['TM-1', 'TM-2']);
        expect(keeping).toEqual([]);
      });

    it('leaves the stock with the keeper (§7.8.7)', async () => {
      const [keepers] = await adapter.zoneStocksByArrondissement(['TM']);
      expect(keepers!.map((k) => [k.zoneCode, k.available, k.assigned]))
        .toEqual([['ZK', 0, 1], [null, 0, 1]]);
    });

    it('drops a returned device, which keeps the zone on record',
      async () => {
        const [returned] = await adapter.returnDevices(
          { measureId: 'tm-1', returnedOn: '2027-09-01' });
        expect(returned).toMatchObject({ serial: 'TM-1',
          assignedZoneCode: 'ZM', zoneCode: 'ZK' });
        const [managing] = await adapter.assignedDevicesByZone(['ZM']);
        expect(managing!.map((d) => d.serial)).toEqual(['TM-2']);
      });

    it('answers under its keeper a device assigned without a recorded '
      + 'zone', async () => {
        await stock('TN', [{ serial: 'TN-1', zoneCode: 'ZN',
          status: 'ASSIGNED', measureId: 'tn-1' }]);
        const [kept] = await adapter.assignedDevicesByZone(['ZN']);
        expect(kept!.map((d) => [d.serial, d.assignedZoneCode]))
          .toEqual([['TN-1', null]]);
      });
  });

  describe('returnDevices (§7.12.2)', () => {
    it('returns every device assigned under the measure, keeping whom it '
      + 'was with', async () => {
      await stock('TR', [
        { serial: 'TR-B', zoneCode: 'Z1' },
        { serial: 'TR-P', zoneCode: 'Z1', kind: 'LENT_PHONE' },
      ]);
      await adapter.assignDevice(assignment('tr-1', 'TR'));
      await adapter.assignDevice(
        { ...assignment('tr-1', 'TR'), kind: 'LENT_PHONE' });

      const returned = await adapter.returnDevices(
        { measureId: 'tr-1', returnedOn: '2027-09-01' });
      expect(returned.map((d) => [d.serial, d.status, d.returnedOn]))
        .toEqual([
          ['TR-B', 'RETURNED', '2027-09-01'],
          ['TR-P', 'RETURNED', '2027-09-01'],
        ]);
      for (const device of returned) {
        expect(device).toMatchObject({ measureId: 'tr-1',
          assignedTo: VICTIM, assignedOn: '2026-12-01' });
      }
      const [stockTr] = await adapter.stockByArrondissement(['TR']);
      expect(stockTr).toMatchObject({ assigned: 0, returned: 2 });
    });

    it('answers the same when called again, dates unchanged', async () => {
      const first = await adapter.returnDevices(
        { measureId: 'tr-1', returnedOn: '2027-09-01' });
      const again = await adapter.returnDevices(
        { measureId: 'tr-1', returnedOn: '2027-09-03' });
      expect(again).toEqual(first);
    });

    it('answers nothing for a measure without devices', async () => {
      expect(await adapter.returnDevices(
        { measureId: 'none', returnedOn: '2027-01-01' })).toEqual([]);
    });
  });

  describe('reassignZone (§7.2.3)', () => {
    it('puts the measure\'s assigned devices under its new managing '
      + 'zone, the keeper unchanged', async () => {
        await stock('TZ', [
          { serial: 'TZ-B', zoneCode: 'Z1' },
          { serial: 'TZ-P', zoneCode: 'Z1', kind: 'LENT_PHONE' },
        ]);
        await adapter.assignDevice(assignment('tz-1', 'TZ'));
        await adapter.assignDevice(
          { ...assignment('tz-1', 'TZ'), kind: 'LENT_PHONE' });

        const moved = await adapter.reassignZone(
          { measureId: 'tz-1', zoneCode: 'ZN2' });
        expect(moved.map((d) => [d.serial, d.zoneCode, d.assignedZoneCode]))
          .toEqual([['TZ-B', 'Z1', 'ZN2'], ['TZ-P', 'Z1', 'ZN2']]);
        expect(await adapter.devicesByMeasureId(['tz-1'])).toEqual([moved]);

        const [newZone, oldZone] = await adapter.assignedDevicesByZone(
          ['ZN2', 'Z1']);
        expect(newZone!.map((d) => d.serial)).toEqual(['TZ-B', 'TZ-P']);
        expect(oldZone!.map((d) => d.serial)).not.toContain('TZ-B');
        const [keepers] = await adapter.zoneStocksByArrondissement(['TZ']);
        expect(keepers!.map((k) => [k.zoneCode, k.assigned]))
          .toEqual([['Z1', 2]]);
      });

    it('answers the same when called again', async () => {
      const first = await adapter.reassignZone(
        { measureId: 'tz-1', zoneCode: 'ZN2' });
      expect(await adapter.reassignZone(
        { measureId: 'tz-1', zoneCode: 'ZN2' })).toEqual(first);
    });

    it('leaves a returned device with the zone of its assignment',
      async () => {
        await stock('TY', [{ serial: 'TY-1', zoneCode: 'Z1' }]);
        await adapter.assignDevice(assignment('ty-1', 'TY'));
        await adapter.returnDevices(
          { measureId: 'ty-1', returnedOn: '2027-01-01' });

        expect(await adapter.reassignZone(
          { measureId: 'ty-1', zoneCode: 'ZN2' })).toEqual([]);
        const [device] = await adapter.devicesBySerial(['TY-1']);
        expect(device).toMatchObject(
          { status: 'RETURNED', assignedZoneCode: 'Z1' });
      });

    it('touches only the measure of that exact id', async () => {
      await stock('TX', [{ serial: 'TX-1', zoneCode: 'Z1' }]);
      await adapter.assignDevice(assignment('tx-1', 'TX'));
      expect(await adapter.reassignZone(
        { measureId: 'TX-1', zoneCode: 'ZN2' })).toEqual([]);
      const [device] = await adapter.devicesBySerial(['TX-1']);
      expect(device?.assignedZoneCode).toBe('Z1');
    });

    it('answers nothing for a measure without devices', async () => {
      expect(await adapter.reassignZone(
        { measureId: 'none', zoneCode: 'ZN2' })).toEqual([]);
    });

    it('rejects a zone code longer than the column as misuse', async () => {
      await expect(adapter.reassignZone(
        { measureId: 'tz-1', zoneCode: 'Z'.repeat(9) }))
        .rejects.toThrow(TypeError);
    });
  });

  describe('recordDailyReport (§3)', () => {
    const report: DeviceDailyReport = {
      reportId: 'report-k1',
      serial: 'TK-1',
      receivedAt: '2026-12-02T07:15:00+01:00',
      batteryPercent: 80,
      lastContactAt: '2026-12-02T07:00:00+01:00',
      alarmPressed: false,
    };
    const inUtc = { ...report, receivedAt: '2026-12-02T06:15:00.000Z',
      lastContactAt: '2026-12-02T06:00:00.000Z' };

    it('stores a report, which becomes the device\'s last report',
      async () => {
        await stock('TK', [{ serial: 'TK-1', zoneCode: 'Z1' }]);
        expect(await adapter.recordDailyReport(report)).toEqual(inUtc);
        const [device] = await adapter.devicesBySerial(['TK-1']);
        expect(device?.lastReport).toEqual({
          receivedAt: inUtc.receivedAt, batteryPercent: 80,
          lastContactAt: inUtc.lastContactAt, alarmPressed: false });
      });

    it('answers the stored report when called again', async () => {
      expect(await adapter.recordDailyReport(report)).toEqual(inUtc);
      expect(await adapter.recordDailyReport(inUtc)).toEqual(inUtc);
    });

    it('refuses the same id with other content', async () => {
      await expect(adapter.recordDailyReport({ ...report,
        batteryPercent: 79 })).rejects.toMatchObject(
        { code: 'DAILY_REPORT_CONFLICT' });
    });

    it('refuses a second report of the device at the same instant',
      async () => {
        await expect(adapter.recordDailyReport({ ...report,
          reportId: 'report-k2' })).rejects.toMatchObject(
          { code: 'DAILY_REPORT_CONFLICT' });
      });

    it('refuses a report of an unknown device, in any case', async () => {
      for (const serial of ['TK-NONE', 'tk-1']) {
        const writing = adapter.recordDailyReport({ ...report,
          reportId: 'report-k3', serial });
        await expect(writing).rejects.toBeInstanceOf(DevicesRuleError);
        await expect(writing).rejects.toMatchObject(
          { code: 'UNKNOWN_DEVICE' });
      }
    });

    it('answers both of two retries sent together alike', async () => {
      const sent = { ...report, reportId: 'report-k6',
        receivedAt: '2026-12-03T07:15:00+01:00' };
      const [first, second] = await Promise.all([
        adapter.recordDailyReport(sent), adapter.recordDailyReport(sent)]);
      expect(first).toEqual(second);
      const [device] = await adapter.devicesBySerial(['TK-1']);
      expect(device?.lastReport?.receivedAt).toBe(first.receivedAt);
    });

    it('rejects a battery beyond 100 or a contact after arrival as misuse',
      async () => {
        await expect(adapter.recordDailyReport({ ...report,
          reportId: 'report-k4', batteryPercent: 101 }))
          .rejects.toThrow(TypeError);
        await expect(adapter.recordDailyReport({ ...report,
          reportId: 'report-k5', lastContactAt: '2026-12-02T07:16:00+01:00' }))
          .rejects.toThrow(TypeError);
      });
  });

  describe('stockByArrondissement', () => {
    it('counts the demo devices by status, zeros where there are none',
      async () => {
        const count = (code: string, status: DeviceStatus) =>
          demo.devices.devices.filter((d) =>
            d.arrondissementCode === code && d.status === status).length;
        const [bru, nowhere] = await adapter.stockByArrondissement(
          ['BRU', 'XX']);
        expect(bru).toEqual({
          arrondissementCode: 'BRU',
          available: count('BRU', 'AVAILABLE'),
          assigned: count('BRU', 'ASSIGNED'),
          inRepair: count('BRU', 'IN_REPAIR'),
          lost: count('BRU', 'LOST'),
          returned: count('BRU', 'RETURNED'),
        });
        expect(bru!.available).toBeGreaterThan(0);
        expect(nowhere).toEqual({ arrondissementCode: 'XX', available: 0,
          assigned: 0, inRepair: 0, lost: 0, returned: 0 });
      });
  });

  describe('upsertGrantRegistration (§7.13.1)', () => {
    const registration: GrantRegistrationRecord = {
      measureId: 'test-measure-g1',
      arrondissementCode: 'BRU',
      zoneCode: '5339',
      decidedOn: '2026-12-01',
      startDate: '2026-12-01',
      endDate: '2027-09-01',
      relationship: 'EX_PARTNER',
      protectedPersonCount: 2,
      status: 'ACTIVE',
      endedOn: null,
      endReason: null,
      prolongationCount: 0,
    };

    it('registers a grant, and answers the same when called twice',
      async () => {
        expect(await adapter.upsertGrantRegistration(registration))
          .toEqual(registration);
        expect(await adapter.upsertGrantRegistration(registration))
          .toEqual(registration);
        expect(await adapter.grantRegistrationsByMeasureId(
          ['nope', registration.measureId])).toEqual([null, registration]);
      });

    it('follows the measure through a prolongation to its end', async () => {
      const prolonged = { ...registration, endDate: '2028-03-01',
        prolongationCount: 1 };
      await adapter.upsertGrantRegistration(prolonged);
      const ended = { ...prolonged, status: 'ENDED' as const,
        endedOn: '2027-05-01', endReason: 'PERSON_REQUEST' };
      await adapter.upsertGrantRegistration(ended);
      expect(await adapter.grantRegistrationsByMeasureId(
        [registration.measureId])).toEqual([ended]);
    });

    it('refuses to make an ended measure active again', async () => {
      const writing = adapter.upsertGrantRegistration(registration);
      await expect(writing).rejects.toBeInstanceOf(DevicesRuleError);
      await expect(writing).rejects.toMatchObject(
        { code: 'REGISTRATION_ALREADY_ENDED' });
      const [stored] = await adapter.grantRegistrationsByMeasureId(
        [registration.measureId]);
      expect(stored?.status).toBe('ENDED');
    });

    it('refuses an end before the start', async () => {
      await expect(adapter.upsertGrantRegistration({ ...registration,
        measureId: 'test-measure-g2', endDate: '2026-11-30' }))
        .rejects.toMatchObject({ code: 'REGISTRATION_END_BEFORE_START' });
    });

    it('rejects an ENDED registration without its end as misuse',
      async () => {
        await expect(adapter.upsertGrantRegistration({ ...registration,
          measureId: 'test-measure-g3', status: 'ENDED' }))
          .rejects.toThrow(
            'A registration ENDED must have endedOn and endReason');
      });
  });

  describe('batching', () => {
    it.each([
      ['stockByArrondissement', () => ['BRU', 'ANT', 'OVL', 'LIE', 'NAM']],
      ['shortagesByArrondissement', () => ['BRU', 'ANT', 'OVL', 'LIE', 'NAM']],
      ['grantRegistrationsByMeasureId',
        () => demo.protection.measures.map((m) => m.id)],
    ] as const)(sameCost(contract), async (name, keys) => {
      const read = (k: string[]) => bed.count(() => adapter[name](k));
      expect(await read(keys().slice(0, 1))).toBe(contract.batchCost[name]);
      expect(await read(twentyKeys(keys()))).toBe(contract.batchCost[name]);
    });
  });
}

/** The title of a batching test, `%s` standing for the read. */
function sameCost(contract: DevicesContract): string {
  return `%s issues the same number of ${contract.unit} for 1 key as for 20`;
}

/** What zoneStocksByArrondissement owes for one arrondissement. */
function keeperStocks(
  devices: readonly DeviceRecord[],
  arrondissementCode: string,
): ZoneStockRecord[] {
  const here = devices.filter((d) =>
    d.arrondissementCode === arrondissementCode);
  const keepers = [...new Set(here.map((d) => d.zoneCode))].sort((a, b) =>
    (a === null ? 1 : b === null ? -1 : compareText(a, b)));
  return keepers.map((zoneCode) => {
    const held = here.filter((d) => d.zoneCode === zoneCode);
    const count = (status: DeviceStatus) =>
      held.filter((d) => d.status === status).length;
    return {
      arrondissementCode,
      available: count('AVAILABLE'),
      assigned: count('ASSIGNED'),
      inRepair: count('IN_REPAIR'),
      lost: count('LOST'),
      returned: count('RETURNED'),
      zoneCode,
    };
  });
}
