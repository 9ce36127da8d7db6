import { describeEachDatabase } from '../../../test/support/databases';
import { describeDevicesReads } from '../../../test/support/devices-contract';
import { sqlDevicesContract } from '../../../test/support/devices-sql';
import { devicesSeedSteps } from './seed';

describeEachDatabase('SqlDevicesAdapter', (getOptions) => {
  describeDevicesReads(sqlDevicesContract(getOptions));
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
