import { DEMO, generateDemoData } from '../../../storage/demo-data';
import { compareText } from '../../../storage/demo/text';
import {
  StatementRecorder,
  describeEachDatabase,
  twentyKeys,
} from '../../../test/support/databases';
import { openSqlDevicesAdapter } from '../index';
import type { DevicesAdapter } from '../types';
import { devicesSeedSteps } from './seed';

const demo = generateDemoData();
const { devices } = demo.devices;
const serials = devices.map((d) => d.serial);
const measureIds = demo.protection.measures.map((m) => m.id);

describeEachDatabase('SqlDevicesAdapter', (getOptions) => {
  const recorder = new StatementRecorder();
  let adapter: DevicesAdapter;

  beforeAll(async () => {
    adapter = await openSqlDevicesAdapter(getOptions(), {
      seedDemo: demo,
      logger: recorder,
    });
  });

  afterAll(() => adapter.close());

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

  describe('batching', () => {
    it.each([
      ['devicesBySerial', () => serials],
      ['devicesByMeasureId', () => measureIds],
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
        'The devices storage failed during ping');
    });
  });
});

describe('devicesSeedSteps', () => {
  it('stores instants in UTC so that text order is time order', () => {
    const [, reports] = devicesSeedSteps({
      devices: [],
      dailyReports: [{
        serial: 'DEMO-BTN-9999',
        receivedAt: '2026-11-30T06:15:00+01:00',
        lastContactAt: '2026-11-30T06:00:00+01:00',
        batteryPercent: 80,
        alarmPressed: false,
      }],
    });
    expect(reports!.rows[0]).toMatchObject({
      receivedAt: '2026-11-30T05:15:00.000Z',
      lastContactAt: '2026-11-30T05:00:00.000Z',
    });
  });

  it('rejects an instant that is not ISO 8601', () => {
    expect(() => devicesSeedSteps({
      devices: [],
      dailyReports: [{
        serial: 'DEMO-BTN-9999',
        receivedAt: 'yesterday',
        lastContactAt: '2026-11-30T06:00:00+01:00',
        batteryPercent: 80,
        alarmPressed: false,
      }],
    })).toThrow('yesterday');
  });
});
