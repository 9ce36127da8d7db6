import type {
  ShortageRecord,
  ZoneStockRecord,
} from '../../adapters/devices/types';
import type { Identity } from '../../runtime/identity';
import { fixedClock } from '../protection/domain/clock';
import { subgraphClient } from '../../test/support/subgraph';
import { devicesSubgraph } from './index';
import { deviceStockOf } from './stock';
import { scriptedDevicesAdapter } from './testing';

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
  const reads: string[] = [];
  const adapter = scriptedDevicesAdapter({
    zoneStocksByArrondissement: async (codes) => {
      reads.push(...codes.map((code) => `stock of ${code}`));
      return codes.map(() => []);
    },
    shortagesByArrondissement: async (codes) => {
      reads.push(...codes.map((code) => `shortages of ${code}`));
      return codes.map(() => [shortage]);
    },
  });
  const devices = subgraphClient(devicesSubgraph(adapter,
    { clock: fixedClock('2026-12-01T09:00:00Z') }));

  afterAll(() => devices.stop());

  beforeEach(() => {
    reads.length = 0;
  });

  const STOCK = `query ($code: ID!) {
    deviceStock(arrondissementCode: $code) { arrondissementCode }
  }`;
  /** The gateway's fetch of an arrondissement's stock. */
  const ENTITY_STOCK = `query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Arrondissement { deviceStock { arrondissementCode } }
    }
  }`;
  const NAMUR = { representations: [{ __typename: 'Arrondissement',
    code: 'NAM' }] };
  const SHORTAGES = `query ($code: ID!) {
    deviceShortages(arrondissementCode: $code) {
      id measure { id } kind zone { code } reportedOn resolvedOn
    }
  }`;

  it.each([
    { subject: 'p-1', role: 'police', zone: '5303' },
    { subject: 'm-1', role: 'magistrate', arrondissement: 'ANT' },
    { subject: 'c-1', role: 'cic', province: 'BE-WNA' },
  ] as Identity[])('lets the role $role read any arrondissement',
    async (who) => {
      const stock = await devices.run(who, STOCK, { code: 'NAM' });
      const shortages = await devices.run(who, SHORTAGES, { code: 'NAM' });

      expect(stock.errors).toBeUndefined();
      expect(stock.data).toEqual(
        { deviceStock: { arrondissementCode: 'NAM' } });
      expect(shortages.errors).toBeUndefined();
      expect(shortages.data).toEqual({ deviceShortages: [{
        id: '7', measure: { id: 'm-1' }, kind: 'BUTTON',
        zone: { code: '5303' }, reportedOn: '2026-12-01', resolvedOn: null,
      }] });
      expect(reads).toEqual(['stock of NAM', 'shortages of NAM']);
    });

  it('lets the police read an arrondissement\'s stock as an entity',
    async () => {
      const police: Identity = { subject: 'p-1', role: 'police',
        zone: '5303' };

      const result = await devices.run(police, ENTITY_STOCK, NAMUR);

      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ _entities: [
        { deviceStock: { arrondissementCode: 'NAM' } },
      ] });
      expect(reads).toEqual(['stock of NAM']);
    });

  it.each([
    { who: { subject: 'a-1', role: 'analyst' }, caller: 'analyst' },
    { who: { subject: 's-1', role: 'victim-support', arrondissement: 'NAM' },
      caller: 'victim-support of NAM' },
    { who: { subject: 'x-1', role: 'app112' }, caller: 'app112' },
  ] as Array<{ who: Identity; caller: string }>)(
    'refuses the role $who.role with FORBIDDEN, reading nothing',
    async ({ who, caller }) => {
      const refusal = (field: string) => [expect.objectContaining({
        message: `Query.${field} is for police, magistrate, cic; `
          + `this caller is ${caller}.`,
        path: [field],
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      })];

      const stock = await devices.run(who, STOCK, { code: 'NAM' });
      const shortages = await devices.run(who, SHORTAGES, { code: 'NAM' });
      const entity = await devices.run(who, ENTITY_STOCK, NAMUR);

      expect(stock.data).toBeNull();
      expect(stock.errors).toEqual(refusal('deviceStock'));
      expect(shortages.data).toBeNull();
      expect(shortages.errors).toEqual(refusal('deviceShortages'));
      expect(entity.data).toEqual({ _entities: [{ deviceStock: null }] });
      expect(entity.errors).toEqual([expect.objectContaining({
        message: 'Arrondissement.deviceStock is for police, magistrate, '
          + `cic; this caller is ${caller}.`,
        path: ['_entities', 0, 'deviceStock'],
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      })]);
      expect(reads).toEqual([]);
    });
});
