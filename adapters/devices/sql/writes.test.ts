import { openDataSource } from '../../../storage/data-source';
import { describeEachDatabase } from '../../../test/support/databases';
import { describeDevicesWrites } from '../../../test/support/devices-contract';
import { sqlDevicesContract } from '../../../test/support/devices-sql';
import { openSqlDevicesAdapter } from '../index';
import { DevicesInitial1764700000000 } from './schema';

const VICTIM = '99010100001';

describeEachDatabase('SqlDevicesAdapter writes', (getOptions) => {
  describeDevicesWrites(sqlDevicesContract(getOptions));
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
