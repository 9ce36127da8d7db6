import type { DataSource } from 'typeorm';
import { openDataSource } from '../../../storage/data-source';
import { DEMO, generateDemoData } from '../../../storage/demo-data';
import { describeEachDatabase } from '../../../test/support/databases';
import { openSqlDevicesAdapter } from '../index';
import {
  DevicesRuleError,
  type DeviceDailyReport,
  type DevicesAdapter,
} from '../types';
import {
  DailyReport,
  DevicesInitial1764700000000,
  DevicesWrites1764800000000,
  devicesSchema,
} from './schema';

const demo = generateDemoData();
const BUTTON = DEMO.serials.buttonOfActiveWithEverything;
const PHONE = DEMO.serials.phoneOfActiveWithEverything;

/** A report sent in Brussels time, the morning after the reference day. */
function report(
  reportId: string,
  overrides: Partial<DeviceDailyReport> = {},
): DeviceDailyReport {
  return {
    reportId,
    serial: BUTTON,
    receivedAt: '2026-12-02T07:15:00+01:00',
    batteryPercent: 64,
    lastContactAt: '2026-12-02T07:00:00+01:00',
    alarmPressed: false,
    ...overrides,
  };
}

describeEachDatabase('SqlDevicesAdapter.recordDailyReport (§3)',
  (getOptions) => {
    let adapter: DevicesAdapter;
    /** A second connection, to count the rows a write left. */
    let tables: DataSource;

    beforeAll(async () => {
      adapter = await openSqlDevicesAdapter(getOptions(), { seedDemo: demo });
      tables = await openDataSource('devices', getOptions(), devicesSchema);
    });

    afterAll(async () => {
      await tables.destroy();
      await adapter.close();
    });

    const rowsOf = (reportId: string) =>
      tables.manager.countBy(DailyReport, { reportId });

    it('stores a report in UTC, as the device\'s last report', async () => {
      const stored = await adapter.recordDailyReport(report('r-1'));
      expect(stored).toEqual({
        reportId: 'r-1',
        serial: BUTTON,
        receivedAt: '2026-12-02T06:15:00.000Z',
        batteryPercent: 64,
        lastContactAt: '2026-12-02T06:00:00.000Z',
        alarmPressed: false,
      });
      const [device] = await adapter.devicesBySerial([BUTTON]);
      expect(device?.lastReport).toEqual({
        receivedAt: '2026-12-02T06:15:00.000Z',
        batteryPercent: 64,
        lastContactAt: '2026-12-02T06:00:00.000Z',
        alarmPressed: false,
      });
    });

    it('answers the stored report when the app sends it again, storing it '
      + 'once', async () => {
      const again = await adapter.recordDailyReport(report('r-1'));
      expect(again.receivedAt).toBe('2026-12-02T06:15:00.000Z');
      // The same instant written with another offset is the same report.
      await adapter.recordDailyReport(report('r-1',
        { receivedAt: '2026-12-02T06:15:00Z',
          lastContactAt: '2026-12-02T06:00:00.000Z' }));
      expect(await rowsOf('r-1')).toBe(1);
    });

    it('stores a report once when two retries arrive together', async () => {
      const sent = report('r-2', { serial: PHONE });
      const answers = await Promise.all([
        adapter.recordDailyReport(sent),
        adapter.recordDailyReport(sent),
      ]);
      expect(answers[0]).toEqual(answers[1]);
      expect(await rowsOf('r-2')).toBe(1);
    });

    it('refuses other content under a report id already used', async () => {
      const writing = adapter.recordDailyReport(
        report('r-1', { batteryPercent: 12 }));
      await expect(writing).rejects.toBeInstanceOf(DevicesRuleError);
      await expect(writing).rejects.toMatchObject(
        { code: 'DAILY_REPORT_CONFLICT' });
      const [device] = await adapter.devicesBySerial([BUTTON]);
      expect(device?.lastReport?.batteryPercent).toBe(64);
    });

    it('refuses a second report of a device received at the same instant',
      async () => {
        await expect(adapter.recordDailyReport(report('r-3')))
          .rejects.toMatchObject({ code: 'DAILY_REPORT_CONFLICT' });
        expect(await rowsOf('r-3')).toBe(0);
      });

    it('refuses a serial the inventory does not know, in any case',
      async () => {
        for (const serial of ['DEMO-BTN-9999', BUTTON.toLowerCase()]) {
          await expect(adapter.recordDailyReport(report('r-4', { serial })))
            .rejects.toMatchObject({ code: 'UNKNOWN_DEVICE' });
        }
        expect(await rowsOf('r-4')).toBe(0);
      });

    it.each([
      ['a battery over 100', { batteryPercent: 101 },
        'batteryPercent must be a whole number from 0 to 100, not 101'],
      ['a fractional battery', { batteryPercent: 50.5 }, 'batteryPercent'],
      ['a contact after the arrival',
        { lastContactAt: '2026-12-02T08:00:00+01:00' },
        'lastContactAt (2026-12-02T08:00:00+01:00) must not be after'],
      ['an instant without offset', { receivedAt: '2026-12-02T07:15:00' },
        'receivedAt must be an ISO 8601 instant with an offset'],
      ['a blank report id', { reportId: ' ' }, 'reportId must be'],
    ] as const)('rejects %s as misuse, writing nothing',
      async (_, overrides, message) => {
        await expect(adapter.recordDailyReport(
          report('r-5', overrides))).rejects.toThrow(message);
        expect(await rowsOf('r-5')).toBe(0);
      });
  });

describeEachDatabase('DevicesDailyReports1764900000000', (getOptions) => {
  it('keeps the reports stored before ids, and takes new ones beside them',
    async () => {
      const before = await openDataSource('devices', getOptions(), {
        entities: [],
        migrations: [DevicesInitial1764700000000, DevicesWrites1764800000000],
      });
      try {
        await before.query(
          `INSERT INTO devices_device (serial, kind, status,
             arrondissement_code, zone_code, measure_id, assigned_to)
           VALUES ('OLD-1', 'BUTTON', 'ASSIGNED', 'BRU', '5339', 'm-old',
             '99010100001')`);
        for (const day of ['2026-11-29', '2026-11-30']) {
          await before.query(
            `INSERT INTO devices_daily_report (device_serial, received_at,
               battery_percent, last_contact_at, alarm_pressed)
             VALUES ('OLD-1', '${day}T05:00:00.000Z', 80,
               '${day}T04:00:00.000Z', 0)`);
        }
      } finally {
        await before.destroy();
      }

      const adapter = await openSqlDevicesAdapter(getOptions());
      try {
        const [old] = await adapter.devicesBySerial(['OLD-1']);
        expect(old?.lastReport?.receivedAt).toBe('2026-11-30T05:00:00.000Z');
        await adapter.recordDailyReport(report('new-1', { serial: 'OLD-1' }));
        const [device] = await adapter.assignedDevicesByZone(['5339']);
        expect(device?.map((d) => d.lastReport?.receivedAt))
          .toEqual(['2026-12-02T06:15:00.000Z']);
      } finally {
        await adapter.close();
      }
    });
});
