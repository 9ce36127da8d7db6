import {
  aimsOf,
  casesOf,
  formatFigures,
  medianRound,
  ratioOf,
  type OperationFigures,
} from './figures';
import type { LoadFigures } from './load';

function load(requestsPerSecond: number, errors = 0): LoadFigures {
  return {
    requestsPerSecond,
    p50Ms: 1000 / requestsPerSecond,
    p99Ms: 3000 / requestsPerSecond,
    requests: requestsPerSecond * 10,
    errors,
    non2xx: 0,
  };
}

function operation(
  a: LoadFigures,
  b: LoadFigures,
  c: LoadFigures,
): OperationFigures {
  return { operation: 'briefing', gateways: { a, b, c } };
}

describe('gateway bench figures', () => {
  it('divides requests per second', () => {
    expect(ratioOf(load(90), load(100))).toBeCloseTo(0.9);
    expect(ratioOf(load(90), load(0))).toBeNull();
  });

  it('holds a/b against 0.9 and a/c against 1.0', () => {
    const aims = aimsOf([operation(load(90), load(100), load(91))]);
    expect(aims).toEqual([
      { aim: 'a/b req/s on the briefing', target: '≥ 0.9',
        measured: '0.90', met: true },
      { aim: 'a/c req/s on the briefing', target: '≥ 1.0',
        measured: '0.99', met: false },
    ]);
  });

  it('meets no aim when either gateway had errors', () => {
    const aims = aimsOf([operation(load(200, 3), load(100), load(100, 1))]);
    expect(aims.map(({ met, measured }) => [met, measured])).toEqual([
      [false, '2.00 (with errors)'],
      [false, '2.00 (with errors)'],
    ]);
  });

  it('meets no aim against a gateway that answered nothing', () => {
    const [ab] = aimsOf([operation(load(10), load(0), load(1))]);
    expect(ab).toMatchObject({ measured: 'n/a', met: false });
  });

  it('takes the round of median requests per second, its own figures', () => {
    const rounds = [load(120), load(80), load(100)];
    expect(medianRound(rounds)).toBe(rounds[2]);
    const even = [load(120), load(80), load(100), load(90)];
    expect(medianRound(even)).toBe(even[3]);
    expect(() => medianRound([])).toThrow(RangeError);
  });

  it('makes a case per gateway, (a) with its ratios', () => {
    const cases = casesOf([operation(load(50), load(100), load(25))]);
    expect(cases.map(({ name }) => name))
      .toEqual(['briefing, a', 'briefing, b', 'briefing, c']);
    const ratios = cases[0]!.figures.filter(({ metric }) =>
      metric.startsWith('a/'));
    expect(ratios).toEqual([
      { metric: 'a/b req/s', value: 0.5, unit: '' },
      { metric: 'a/c req/s', value: 2, unit: '' },
    ]);
    expect(cases[1]!.figures.map(({ metric }) => metric)).toEqual([
      'requests/s', 'p50 latency', 'p99 latency', 'errors',
      'gateway CPU/request', 'subgraphs CPU/request',
    ]);
  });

  it('prints a row per gateway and the ratios', () => {
    const table = formatFigures([operation(load(50), load(100), load(25))]);
    expect(table).toContain('a: this gateway, every layer on');
    expect(table).toMatch(/b: Apollo Gateway, plain\s+100\s+10\.0\s+30\.0\s+0\s+-\s+-/);
    const measured = formatFigures([operation(
      { ...load(50), gatewayCpuMs: 1.234, subgraphsCpuMs: 5.6 },
      load(100), load(25))]);
    expect(measured).toMatch(/a: this gateway.*\s1\.23\s+5\.60$/m);
    expect(table).toContain('a/b 0.50   a/c 2.00');
  });
});
