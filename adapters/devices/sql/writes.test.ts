import { openDataSource } from '../../../storage/data-source';
import { describeEachDatabase } from '../../../test/support/databases';
import { describeDevicesWrites } from '../../../test/support/devices-contract';
import { sqlDevicesContract } from '../../../test/support/devices-sql';
import { openSqlDevicesAdapter } from '../index';
import {
  DevicesDailyReports1764900000000,
  DevicesInitial1764700000000,
  DevicesWrites1764800000000,
} from './schema';

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

describeEachDatabase('DevicesAssignedZone1765000000000', (getOptions) => {
  it('gives the devices already assigned the zone of their measure\'s '
    + 'registration, when there is one', async () => {
    const before = await openDataSource('devices', getOptions(), {
      entities: [],
      migrations: [DevicesInitial1764700000000, DevicesWrites1764800000000,
        DevicesDailyReports1764900000000],
    });
    try {
      await before.query(
        `INSERT INTO devices_grant_registration (measure_id,
           arrondissement_code, zone_code, decided_on, start_date, end_date,
           relationship, protected_person_count, status, ended_on,
           end_reason, prolongation_count)
         VALUES ('m-reg', 'BRU', 'ZM', '2026-11-01', '2026-11-01',
           '2027-08-01', 'EX_PARTNER', 1, 'ACTIVE', NULL, NULL, 0)`);
      await before.query(
        `INSERT INTO devices_device (serial, kind, status,
           arrondissement_code, zone_code, measure_id, assigned_to)
         VALUES
           ('OLD-A', 'BUTTON', 'ASSIGNED', 'BRU', 'ZK', 'm-reg', '${VICTIM}'),
           ('OLD-B', 'BUTTON', 'ASSIGNED', 'BRU', 'ZK', 'm-none',
             '${VICTIM}'),
           ('OLD-C', 'BUTTON', 'AVAILABLE', 'BRU', 'ZK', NULL, NULL)`);
    } finally {
      await before.destroy();
    }

    const adapter = await openSqlDevicesAdapter(getOptions());
    try {
      const devices = await adapter.devicesBySerial(
        ['OLD-A', 'OLD-B', 'OLD-C']);
      expect(devices.map((d) => d?.assignedZoneCode))
        .toEqual(['ZM', null, null]);
      const [managing, keeping] = await adapter.assignedDevicesByZone(
        ['ZM', 'ZK']);
      expect(managing!.map((d) => d.serial)).toEqual(['OLD-A']);
      expect(keeping!.map((d) => d.serial)).toEqual(['OLD-B']);
    } finally {
      await adapter.close();
    }
  });
});
