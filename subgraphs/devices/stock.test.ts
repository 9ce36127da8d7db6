import type {
  ShortageRecord,
  ZoneStockRecord,
} from '../../adapters/devices/types';
import type { Identity } from '../../runtime/identity';
import { fixedClock } from '../protection/domain/clock';
import { deviceStockOf, loadDeviceStock, loadShortages } from './stock';
import { devicesContextOf, scriptedDevicesAdapter } from './testing';

function part(
  zoneCode: string | null,
  available: number,
  assigned: number,
): ZoneStockRecord {
  return { arrondissementCode: 'ANT', zoneCode, available, assigned,
    inRepair: 0, lost: 0, returned: 0 };
}

const counts = (available: number, assigned: number) =>
  ({ available, assigned, inRepair: 0, lost: 0, returned: 0 });

describe('deviceStockOf (§7.8.7)', () => {
  it('adds the keepers up and shows each zone apart from the '
    + 'arrondissement\'s own', () => {
    expect(deviceStockOf('ANT',
      [part('5345', 1, 1), part('5347', 3, 2), part(null, 1, 0)]))
      .toEqual({
        arrondissementCode: 'ANT',
        total: counts(5, 3),
        keptByArrondissement: counts(1, 0),
        zones: [
          { zone: { code: '5345' }, counts: counts(1, 1) },
          { zone: { code: '5347' }, counts: counts(3, 2) },
        ],
      });
  });

  it('counts zero for an arrondissement without devices', () => {
    expect(deviceStockOf('XX', [])).toEqual({
      arrondissementCode: 'XX',
      total: counts(0, 0),
      keptByArrondissement: counts(0, 0),
      zones: [],
    });
  });
});

describe('who may read the stock and the shortages', () => {
  const shortage: ShortageRecord = { id: '7', measureId: 'm-1',
    kind: 'BUTTON', arrondissementCode: 'NAM', zoneCode: '5303',
    reportedOn: '2026-12-01', resolvedOn: null };
  const adapter = scriptedDevicesAdapter({
    zoneStocksByArrondissement: async (codes) => codes.map(() => []),
    shortagesByArrondissement: async (codes) => codes.map(() => [shortage]),
  });
  const contextOf = (identity: Identity) =>
    devicesContextOf(adapter, fixedClock('2026-12-01T09:00:00Z'), identity);

  it.each([
    { subject: 'p-1', role: 'police', zone: '5303' },
    { subject: 'm-1', role: 'magistrate', arrondissement: 'ANT' },
    { subject: 'c-1', role: 'cic', province: 'BE-WNA' },
  ] as Identity[])('lets the role $role read any arrondissement',
    async (who) => {
      await expect(loadDeviceStock('NAM', contextOf(who))).resolves
        .toMatchObject({ arrondissementCode: 'NAM' });
      await expect(loadShortages('NAM', contextOf(who))).resolves.toEqual([{
        id: '7', measure: { id: 'm-1' }, kind: 'BUTTON',
        zone: { code: '5303' }, reportedOn: '2026-12-01', resolvedOn: null,
      }]);
    });

  it.each([
    { subject: 'a-1', role: 'analyst' },
    { subject: 's-1', role: 'victim-support', arrondissement: 'NAM' },
    { subject: 'x-1', role: 'app112' },
  ] as Identity[])('refuses the role $role with FORBIDDEN', async (who) => {
    const refusal = {
      message: expect.stringContaining(`this caller's role is ${who.role}`),
      extensions: { code: 'FORBIDDEN' },
    };
    await expect(loadDeviceStock('NAM', contextOf(who))).rejects
      .toMatchObject(refusal);
    await expect(loadShortages('NAM', contextOf(who))).rejects
      .toMatchObject(refusal);
  });
});
