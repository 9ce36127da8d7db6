import { SUBGRAPH_NAMES } from '../../scripts/subgraph-names';
import { alertAims, listAims } from './aims';
import { lengthResultOf, type RequestWork } from './figures';
import type { PerSubgraph } from './counters';

/** Counts of one request: `protection` statements, one of each other. */
function counts(protection: number): PerSubgraph {
  return Object.fromEntries(SUBGRAPH_NAMES.map((name) =>
    [name, name === 'protection' ? protection : 1])) as PerSubgraph;
}

function work(ms: number, statements = 13, fetches = 1): RequestWork {
  return {
    ms, bytes: 100, statements: counts(statements), fetches: counts(fetches),
  };
}

/** A length whose every request took `ms` and cost the same. */
function length(n: number, ms: number, statements = 13) {
  return lengthResultOf(n, [work(ms, statements), work(ms, statements)]);
}

const byAim = (aims: ReturnType<typeof listAims>, start: string) =>
  aims.find((aim) => aim.aim.startsWith(start));

describe('the lists aims', () => {
  it('are met by equal work and a time a measure that does not grow', () => {
    const aims = listAims([length(1, 40), length(10, 60), length(100, 150),
      length(500, 500)]);

    expect(aims.every((aim) => aim.met)).toBe(true);
    expect(byAim(aims, 'SQL statements')?.measured)
      .toBe('18 at 1, 10, 100, 500');
    expect(aims.filter((aim) => aim.aim.startsWith('time a measure')))
      .toHaveLength(3);
  });

  it('fail when a longer list costs more statements', () => {
    const aims = listAims([length(1, 40), length(10, 60, 14)]);

    expect(byAim(aims, 'SQL statements')).toMatchObject({
      met: false, measured: '18 at 1, 19 at 10',
    });
    expect(byAim(aims, 'subgraph fetches')?.met).toBe(true);
  });

  it('fail when requests of one length cost differently', () => {
    const unsteady = lengthResultOf(10, [work(50), work(50, 14)]);
    const aim = byAim(listAims([length(1, 40), unsteady]), 'SQL statements');

    expect(aim?.met).toBe(false);
    expect(aim?.measured).toContain('varied between requests at 10');
  });

  it('allow a time a measure 10% over the shorter length, no more', () => {
    // 100 ms / 100 = 1 ms a measure; at 500, 1.1 ms passes, 1.11 fails.
    const within = listAims([length(100, 100), length(500, 550)]);
    const over = listAims([length(100, 100), length(500, 555)]);

    expect(byAim(within, 'time a measure at 500')?.met).toBe(true);
    expect(byAim(over, 'time a measure at 500')).toMatchObject({
      met: false, target: '≤ 1.1 × 1.00 = 1.10 ms',
    });
  });

  it('count wrong answers and say the first', () => {
    const wrong = lengthResultOf(10, [work(50)], ['9 measures, not 10']);
    const aim = byAim(listAims([length(1, 40), wrong]), 'every answer');

    expect(aim).toMatchObject({
      met: false, measured: '1 wrong, first at 10: 9 measures, not 10',
    });
  });
});

describe('the alerts aims', () => {
  const run = (subscribers: number, p50Ms: number, p99Ms: number,
    lost = 0) => ({ subscribers, p50Ms, p99Ms, lost, duplicates: 0 });

  it('hold p99 under 50 ms at 1,000 and none lost at every count', () => {
    const aims = alertAims([run(100, 10, 20), run(1000, 12, 49.9),
      run(5000, 30, 80)]);

    expect(aims.map((aim) => [aim.aim, aim.met])).toEqual([
      ['alert p99, commit to receipt, at 1000 subscribers', true],
      ['alerts lost at 100 subscribers', true],
      ['alerts lost at 1000 subscribers', true],
      ['alerts lost at 5000 subscribers', true],
      ['alert p50 growth, 100 → 5000 subscribers', true],
    ]);
    expect(aims[4].measured).toBe('× 3.00 (10.0 → 30.0 ms)');
  });

  it('fail at a p99 of 50 ms or a single delivery lost', () => {
    const aims = alertAims([run(1000, 12, 50, 1)]);

    expect(aims.map((aim) => aim.met)).toEqual([false, false]);
  });

  it('fail a count that was not measured', () => {
    const aims = alertAims([{
      subscribers: 1000, p50Ms: null, p99Ms: null, lost: 0, duplicates: 0,
    }]);

    expect(aims.every((aim) => !aim.met)).toBe(true);
  });
});
