import type { DeviceRecord } from '../../adapters/devices/types';
import type { Identity } from '../../runtime/identity';
import { fixedClock } from '../protection/domain/clock';
import {
  CONTACT_LOST_AFTER_MS,
  deviceIssues,
  issueKindsOf,
  loadDeviceIssues,
  workListDeviceIssues,
} from './issues';
import { devicesContextOf, scriptedDevicesAdapter } from './testing';

const NOW = '2026-12-01T09:00:00.000Z';
const HOUR_MS = 60 * 60 * 1000;

/** An instant `hours` before NOW. */
function hoursAgo(hours: number): string {
  return new Date(Date.parse(NOW) - hours * HOUR_MS).toISOString();
}

function device(
  serial: string,
  report: { contactHoursAgo: number; battery: number } | null,
  status: DeviceRecord['status'] = 'ASSIGNED',
): DeviceRecord {
  return {
    serial,
    kind: 'BUTTON',
    status,
    arrondissementCode: 'BRU',
    zoneCode: '5339',
    measureId: `measure-${serial}`,
    assignedTo: '99010100001',
    assignedZoneCode: '5339',
    assignedOn: '2026-11-01',
    returnedOn: null,
    lastReport: report && {
      receivedAt: hoursAgo(Math.max(report.contactHoursAgo - 1, 0)),
      batteryPercent: report.battery,
      lastContactAt: hoursAgo(report.contactHoursAgo),
      alarmPressed: false,
    },
  };
}

describe('issueKindsOf (§3)', () => {
  const now = Date.parse(NOW);

  it.each([
    ['a contact 25 hours ago', 25, 80, ['NO_RECENT_CONTACT']],
    ['a contact 23 hours ago', 23, 80, []],
    ['a contact exactly 24 hours ago', 24, 80, []],
    ['a battery at 19%', 1, 19, ['LOW_BATTERY']],
    ['a battery at 20%', 1, 20, []],
    ['both', 30, 5, ['NO_RECENT_CONTACT', 'LOW_BATTERY']],
  ] as const)('reads %s', (_, hours, battery, kinds) => {
    expect(issueKindsOf(device('D', { contactHoursAgo: hours, battery }),
      now)).toEqual(kinds);
  });

  it('counts a contact one millisecond past 24 hours as lost', () => {
    const late = device('D', { contactHoursAgo: 0, battery: 80 });
    expect(issueKindsOf(late, Date.parse(late.lastReport!.lastContactAt)
      + CONTACT_LOST_AFTER_MS + 1)).toEqual(['NO_RECENT_CONTACT']);
  });

  it('flags a device never reported', () => {
    expect(issueKindsOf(device('D', null), now)).toEqual(['NEVER_REPORTED']);
  });
});

describe('deviceIssues', () => {
  it('lists the assigned devices only: silent ones first, then low '
    + 'batteries, by serial within each', () => {
    const issues = deviceIssues([
      device('B-1', { contactHoursAgo: 2, battery: 10 }),
      device('B-2', { contactHoursAgo: 40, battery: 10 }),
      device('B-3', null),
      device('B-4', { contactHoursAgo: 2, battery: 90 }),
      device('B-5', null, 'RETURNED'),
    ], NOW);
    expect(issues.map((i) => [i.device.serial, i.kind, i.measure.id]))
      .toEqual([
        ['B-3', 'NEVER_REPORTED', 'measure-B-3'],
        ['B-2', 'NO_RECENT_CONTACT', 'measure-B-2'],
        ['B-1', 'LOW_BATTERY', 'measure-B-1'],
        ['B-2', 'LOW_BATTERY', 'measure-B-2'],
      ]);
  });
});

describe('loadDeviceIssues', () => {
  const reads: string[][] = [];
  const adapter = scriptedDevicesAdapter({
    assignedDevicesByZone: async (zones) => {
      reads.push([...zones]);
      return zones.map(() => [device('B-1', { contactHoursAgo: 25,
        battery: 50 })]);
    },
  });
  const contextOf = (identity: Identity) =>
    devicesContextOf(adapter, fixedClock(NOW), identity);

  it('reads the caller\'s zone and judges at the clock\'s now', async () => {
    const police: Identity = { subject: 'p-1', role: 'police', zone: '5339' };
    const issues = await loadDeviceIssues(contextOf(police));
    expect(issues.map((i) => i.kind)).toEqual(['NO_RECENT_CONTACT']);
    expect(reads).toEqual([['5339']]);
  });

  it.each([
    { subject: 'm-1', role: 'magistrate', arrondissement: 'BRU' },
    { subject: 'c-1', role: 'cic', province: 'BE-BRU' },
    { subject: 'a-1', role: 'analyst' },
  ] as Identity[])('refuses the role $role with FORBIDDEN', async (who) => {
    await expect(loadDeviceIssues(contextOf(who))).rejects.toMatchObject({
      message: expect.stringContaining(`this caller's role is ${who.role}`),
      extensions: { code: 'FORBIDDEN' },
    });
  });
});

describe('workListDeviceIssues', () => {
  const adapter = scriptedDevicesAdapter({
    assignedDevicesByZone: async (zones) => zones.map(() =>
      [device('B-1', null)]),
  });
  const contextOf = (identity: Identity) =>
    devicesContextOf(adapter, fixedClock(NOW), identity);

  it('gives the police their zone\'s issues', async () => {
    const police: Identity = { subject: 'p-1', role: 'police', zone: '5339' };
    expect((await workListDeviceIssues(contextOf(police)))
      .map((issue) => issue.kind)).toEqual(['NEVER_REPORTED']);
  });

  it('leaves the part empty for a role keeping no devices', async () => {
    const magistrate: Identity = { subject: 'm-1', role: 'magistrate',
      arrondissement: 'BRU' };
    expect(await workListDeviceIssues(contextOf(magistrate))).toEqual([]);
  });
});
