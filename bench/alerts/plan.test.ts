import { generateDemoData } from '../../storage/demo-data';
import {
  alertTargetsOf,
  audienceGroupsOf,
  isExpected,
  planBench,
  quietZonesOf,
  receiversOf,
  spreadSubscribers,
  type Audience,
  type AlertTarget,
  type PlanInput,
  type PlanMeasure,
} from './plan';

function measure(
  id: string,
  zone: string,
  overrides: Partial<PlanMeasure['measure']> = {},
  travelZones: string[] = [],
): PlanMeasure {
  return {
    measure: {
      id,
      status: 'ACTIVE',
      managingZoneCode: zone,
      arrondissementCode: zone === '1003' ? 'GNT' : 'ANT',
      pendingTransfer: null,
      ...overrides,
    },
    travelNotices: travelZones.map((zoneCode) => ({ zoneCode })),
  };
}

/** Two provinces; zones 1001 and 1002 in one, 1003 and 1004 in the other. */
function territory(aggregates: PlanMeasure[]): PlanInput {
  return {
    zones: [
      { code: '1001', arrondissementCode: 'ANT' },
      { code: '1002', arrondissementCode: 'ANT' },
      { code: '1003', arrondissementCode: 'GNT' },
      { code: '1004', arrondissementCode: 'GNT' },
    ],
    arrondissements: [
      { code: 'ANT', provinceCode: 'BE-VAN' },
      { code: 'GNT', provinceCode: 'BE-VOV' },
    ],
    aggregates,
  };
}

/** A move to zone 1003, awaiting that parquet. */
const MOVE_TO_1003 = {
  toZoneCode: '1003',
  toArrondissementCode: 'GNT',
  requestedOn: '2026-11-27',
};

const ANTWERP: AlertTarget = {
  measureId: 'm1', zone: '1001', arrondissement: 'ANT', province: 'BE-VAN',
};

describe('alertTargetsOf: where the bench raises alerts', () => {
  it('takes running measures, with their managing zone\'s province', () => {
    const input = territory([measure('m2', '1003'), measure('m1', '1001')]);

    expect(alertTargetsOf(input)).toEqual([
      ANTWERP,
      {
        measureId: 'm2', zone: '1003', arrondissement: 'GNT',
        province: 'BE-VOV',
      },
    ]);
  });

  it('passes over measures that do not run', () => {
    const input = territory([
      measure('m1', '1001', { status: 'ENDED' }),
      measure('m2', '1001', { status: 'REQUESTED' }),
    ]);

    expect(alertTargetsOf(input)).toEqual([]);
  });

  it('passes over a measure whose alerts reach more zones: a move, a trip', () => {
    const moving = measure('m1', '1001', { pendingTransfer: MOVE_TO_1003 });
    const travelling = measure('m2', '1001', {}, ['1004']);

    expect(alertTargetsOf(territory([moving, travelling]))).toEqual([]);
  });

  it('refuses a measure managed by a zone no province holds, naming both', () => {
    const input = territory([measure('m9', '9999')]);

    expect(() => alertTargetsOf(input)).toThrow(/m9.*9999/);
  });
});

describe('quietZonesOf: zones that must receive nothing', () => {
  it('leaves out every zone a measure names, running or not, moving or travelling', () => {
    const input = territory([
      measure('m1', '1001', { status: 'ENDED' }),
      measure('m2', '1002', { pendingTransfer: MOVE_TO_1003 }),
      measure('m3', '1002', {}, ['1004']),
    ]);

    expect(quietZonesOf(input)).toEqual([]);
  });

  it('keeps the zones nobody names', () => {
    expect(quietZonesOf(territory([measure('m1', '1001')])))
      .toEqual(['1002', '1003', '1004']);
  });
});

describe('spreadSubscribers: who subscribes', () => {
  const groups = audienceGroupsOf([ANTWERP], ['1004']);

  it('gives each group its share of the subscribers', () => {
    const { counts } = spreadSubscribers(20, groups);

    expect(counts.map((group) => group.count)).toEqual([10, 5, 3, 2]);
  });

  it('gives the subscribers left over to the largest remainders', () => {
    // 3.5, 1.75, 1.05 and 0.7: two left over after 3, 1, 1 and 0.
    const { counts, audiences } = spreadSubscribers(7, groups);

    expect(counts).toEqual([
      { name: 'managing zones', count: 3 },
      { name: 'CICs', count: 2 },
      { name: 'magistrates', count: 1 },
      { name: 'quiet zones', count: 1 },
    ]);
    expect(audiences).toHaveLength(7);
  });

  it('deals a group\'s subscribers round its audiences', () => {
    const two = audienceGroupsOf([ANTWERP, { ...ANTWERP, zone: '1002' }], []);
    const { audiences } = spreadSubscribers(4, two);

    expect(audiences.slice(0, 2)).toEqual([
      { role: 'police', zone: '1001' },
      { role: 'police', zone: '1002' },
    ]);
  });

  it('shares out a group that has no audience among the others', () => {
    const noQuiet = audienceGroupsOf([ANTWERP], []);
    const { counts } = spreadSubscribers(18, noQuiet);

    expect(counts.map((group) => group.name))
      .toEqual(['managing zones', 'CICs', 'magistrates']);
    expect(counts.reduce((sum, group) => sum + group.count, 0)).toBe(18);
  });

  it('refuses a count that is not a whole number, showing it', () => {
    expect(() => spreadSubscribers(2.5, groups)).toThrow('2.5');
    expect(() => spreadSubscribers(-1, groups)).toThrow('-1');
  });
});

describe('isExpected: who must receive an alert without a location', () => {
  const cases: [Audience, boolean][] = [
    [{ role: 'police', zone: '1001' }, true],
    [{ role: 'police', zone: '1002' }, false],
    [{ role: 'cic', province: 'BE-VAN' }, true],
    [{ role: 'cic', province: 'BE-VOV' }, false],
    [{ role: 'magistrate', arrondissement: 'ANT' }, true],
    [{ role: 'magistrate', arrondissement: 'GNT' }, false],
  ];

  it.each(cases)('%j: %s', (audience, expected) => {
    expect(isExpected(audience, ANTWERP)).toBe(expected);
  });

  it('names the receivers among the subscribers by their index', () => {
    const subscribers: Audience[] = [
      { role: 'police', zone: '1002' },
      { role: 'police', zone: '1001' },
      { role: 'cic', province: 'BE-VAN' },
      { role: 'police', zone: '1001' },
    ];

    expect(receiversOf(ANTWERP, subscribers)).toEqual([1, 2, 3]);
  });
});

describe('planBench on the demo data set', () => {
  const plan = planBench(generateDemoData().protection, 1000);

  it('raises on running measures only, and on more than one', () => {
    expect(plan.targets.length).toBeGreaterThan(1);
    expect(plan.targets.every((target) =>
      target.province.startsWith('BE-'))).toBe(true);
  });

  it('subscribes police of zones that receive none of the alerts', () => {
    const quiet = plan.subscribers.filter((audience) =>
      plan.targets.every((target) => !isExpected(audience, target)));

    expect(quiet.length).toBeGreaterThan(0);
    expect(quiet.every((audience) => audience.role === 'police')).toBe(true);
  });

  it('reaches about a tenth of the subscribers with each alert', () => {
    const reach = plan.targets.map((target) =>
      receiversOf(target, plan.subscribers).length);

    expect(Math.min(...reach)).toBeGreaterThan(50);
  });
});
