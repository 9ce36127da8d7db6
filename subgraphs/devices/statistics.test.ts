import type { InventoryDevice } from '../../adapters/devices/types';
import type { StatisticsRequest } from '../statistics/request';
import { fixedClock } from '../protection/domain/clock';
import {
  computeDeviceStatistics,
  deviceStatistics,
  stockStatusOn,
} from './statistics';
import { devicesContextOf, scriptedDevicesAdapter } from './testing';

const Q1: StatisticsRequest = {
  key: 'v1|2028-01-01|2028-03-31|arrondissement:LIE|ZONE',
  period: { unit: 'QUARTER', label: '2028-Q1', from: '2028-01-01',
    to: '2028-03-31' },
  scope: { arrondissementCode: 'LIE', zoneCode: null },
  dimensions: ['ZONE'],
};

function device(
  serial: string,
  parts: Partial<InventoryDevice> = {},
): InventoryDevice {
  return {
    serial, kind: 'BUTTON', status: 'AVAILABLE', arrondissementCode: 'LIE',
    zoneCode: '5276', measureId: null, assignedTo: null,
    assignedZoneCode: null, assignedOn: null, returnedOn: null, ...parts,
  };
}

const held = (serial: string, person: string, assignedOn: string,
  returnedOn: string | null = null): InventoryDevice => device(serial, {
  status: returnedOn === null ? 'ASSIGNED' : 'RETURNED',
  measureId: `m-${person}`, assignedTo: person, assignedZoneCode: '5277',
  assignedOn, returnedOn,
});

describe('stockStatusOn', () => {
  it('reads a device assigned on or before the day as assigned', () => {
    expect(stockStatusOn(held('a', 'p', '2028-03-31'), '2028-03-31'))
      .toBe('assigned');
  });

  it('reads a device assigned after the day as on the shelf then', () => {
    expect(stockStatusOn(held('a', 'p', '2028-04-01'), '2028-03-31'))
      .toBe('available');
  });

  it('reads a device returned after the day as still assigned then', () => {
    expect(stockStatusOn(held('a', 'p', '2028-01-05', '2028-04-02'),
      '2028-03-31')).toBe('assigned');
    expect(stockStatusOn(held('a', 'p', '2028-01-05', '2028-03-31'),
      '2028-03-31')).toBe('returned');
  });

  it('keeps the status held now for a repair or a loss', () => {
    expect(stockStatusOn(device('a', { status: 'IN_REPAIR' }), '2020-01-01'))
      .toBe('inRepair');
    expect(stockStatusOn(device('a', { status: 'LOST' }), '2020-01-01'))
      .toBe('lost');
  });
});

describe('computeDeviceStatistics', () => {
  it('shows shelf counts of 1 and suppresses 4 holders, with the zone '
    + 'answering for them', () => {
    const devices = [
      device('s1'), device('s2', { status: 'LOST', zoneCode: null }),
      ...['p1', 'p2', 'p3', 'p4'].map((p, i) =>
        held(`h${i}`, p, '2028-02-01')),
      ...['p5', 'p6', 'p7', 'p8', 'p9'].map((p, i) =>
        ({ ...held(`k${i}`, p, '2027-12-01'), assignedZoneCode: '5276' })),
    ];
    const report = computeDeviceStatistics(Q1, devices, []);
    const of = (zone: string | null) => report.cells
      .find((cell) => cell.zoneCode === zone)!.figures;

    expect(of('5276').stockAtEnd.available).toEqual(
      { value: 1, suppressed: false });
    expect(of(null).stockAtEnd.lost).toEqual({ value: 1, suppressed: false });
    // 4 holders in 5277, and 5 in 5276 given back by the total of 9.
    expect(of('5277').stockAtEnd.assigned).toEqual(
      { value: null, suppressed: true });
    expect(of('5276').stockAtEnd.assigned).toEqual(
      { value: null, suppressed: true });
    expect(report.total.stockAtEnd.assigned).toEqual(
      { value: 9, suppressed: false });
    expect(report.total.assignments).toEqual(
      { value: null, suppressed: true });
  });

  it('counts a device lent under a measure that moved in its zone\'s '
    + 'arrondissement', () => {
    const moved = { ...held('m', 'p1', '2028-02-01'),
      arrondissementCode: 'NAM', assignedZoneCode: '5277' };
    const shelf = device('n', { arrondissementCode: 'NAM', zoneCode: '5303' });
    const report = computeDeviceStatistics(Q1, [moved, shelf], [],
      (zone) => (zone === '5277' ? 'LIE' : 'NAM'));

    expect(report.cells.map((cell) => cell.zoneCode)).toEqual(['5277']);
    expect(report.total.stockAtEnd.assigned).toEqual(
      { value: null, suppressed: true });
    expect(report.total.stockAtEnd.available).toEqual(
      { value: 0, suppressed: false });
  });

  it('counts a shortage when reported and when resolved', () => {
    const shortages = ['a', 'b', 'c', 'd', 'e'].map((m, i) => ({
      id: String(i), measureId: m, kind: 'BUTTON' as const,
      arrondissementCode: 'LIE', zoneCode: '5276',
      reportedOn: i === 0 ? '2027-12-30' : '2028-01-10',
      resolvedOn: '2028-02-01',
    }));
    const { total } = computeDeviceStatistics(Q1, [], shortages);

    expect(total.shortages).toEqual({
      opened: { value: null, suppressed: true },
      resolved: { value: 5, suppressed: false },
    });
  });
});

describe('deviceStatistics', () => {
  it('reads every stock in one batch, and the scope\'s shortages in one',
    async () => {
      const calls: string[][] = [];
      const adapter = scriptedDevicesAdapter({
        devicesByArrondissement: async (codes) => {
          calls.push(['devices', ...codes]);
          return codes.map(() => []);
        },
        shortagesByArrondissement: async (codes) => {
          calls.push(['shortages', ...codes]);
          return codes.map(() => []);
        },
      });
      const context = devicesContextOf(adapter,
        fixedClock('2028-04-02T09:00:00Z'),
        { subject: 'mag-lie', role: 'magistrate', arrondissement: 'LIE' });

      await deviceStatistics(Q1, context);

      const every = [...new Set(context.territory.zones()
        .map((zone) => zone.arrondissementCode))].sort();
      expect(calls).toEqual([['devices', ...every], ['shortages', 'LIE']]);
    });
});
