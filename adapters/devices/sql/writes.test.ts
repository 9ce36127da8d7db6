import type { DataSource } from 'typeorm';
import { openDataSource } from '../../../storage/data-source';
import { DEMO, generateDemoData } from '../../../storage/demo-data';
import {
  StatementRecorder,
  describeEachDatabase,
  twentyKeys,
} from '../../../test/support/databases';
import { openSqlDevicesAdapter } from '../index';
import {
  DevicesRuleError,
  type DeviceKind,
  type DeviceStatus,
  type DevicesAdapter,
  type GrantRegistrationRecord,
} from '../types';
import {
  DevicesInitial1764700000000,
  Device,
  devicesSchema,
  type DeviceRow,
} from './schema';

const demo = generateDemoData();
const VICTIM = '99010100001';
const OTHER_VICTIM = '99010100002';

interface StockLine {
  serial: string;
  zoneCode: string | null;
  kind?: DeviceKind;
  status?: DeviceStatus;
}

describeEachDatabase('SqlDevicesAdapter writes', (getOptions) => {
  const recorder = new StatementRecorder();
  let adapter: DevicesAdapter;
  /** A second connection, to put test devices in stock. */
  let tables: DataSource;

  beforeAll(async () => {
    adapter = await openSqlDevicesAdapter(getOptions(), {
      seedDemo: demo,
      logger: recorder,
    });
    tables = await openDataSource('devices', getOptions(), devicesSchema);
  });

  afterAll(async () => {
    await tables.destroy();
    await adapter.close();
  });

  /** Puts devices in an arrondissement's stock, AVAILABLE by default. */
  async function stock(arrondissementCode: string, lines: StockLine[]) {
    await tables.manager.insert(Device, lines.map((line): DeviceRow => ({
      serial: line.serial,
      kind: line.kind ?? 'BUTTON',
      status: line.status ?? 'AVAILABLE',
      arrondissementCode,
      zoneCode: line.zoneCode,
      measureId: null,
      assignedTo: null,
      assignedOn: null,
      returnedOn: null,
    })));
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
    ] as const)('%s issues one statement for 1 key as for 20',
      async (name, keys) => {
        const read = (k: string[]) =>
          recorder.during(() => adapter[name](k));
        expect(await read(keys().slice(0, 1))).toHaveLength(1);
        expect(await read(twentyKeys(keys()))).toHaveLength(1);
      });
  });
});

describeEachDatabase('DevicesWrites1764800000000', (getOptions) => {
  it('keeps the devices and their reports already in the tables',
    async () => {
      const before = await openDataSource('devices', getOptions(), {
        entities: [],
        migrations: [DevicesInitial1764700000000],
      });
      try {
        await before.query(
          `INSERT INTO devices_device (serial, kind, status,
             arrondissement_code, zone_code, measure_id, assigned_to)
           VALUES ('OLD-1', 'BUTTON', 'ASSIGNED', 'BRU', NULL, 'm-old',
             '${VICTIM}')`);
        await before.query(
          `INSERT INTO devices_daily_report (device_serial, received_at,
             battery_percent, last_contact_at, alarm_pressed)
           VALUES ('OLD-1', '2026-11-30T05:00:00.000Z', 80,
             '2026-11-30T04:00:00.000Z', 0)`);
      } finally {
        await before.destroy();
      }

      const adapter = await openSqlDevicesAdapter(getOptions());
      try {
        const [device] = await adapter.devicesBySerial(['OLD-1']);
        expect(device).toMatchObject({
          measureId: 'm-old',
          assignedTo: VICTIM,
          assignedOn: null,
          returnedOn: null,
          lastReport: { batteryPercent: 80 },
        });
      } finally {
        await adapter.close();
      }
    });
});
