import { startBenchRun } from './report';
import {
  DEFAULT_STATS_OPTIONS,
  formatStats,
  parseStatsArgs,
  QUICK_STATS_OPTIONS,
  statsBenchReport,
  type StatsFigures,
} from './stats';

const figures: StatsFigures = {
  years: 10, quarter: '2026-Q3', seedMs: 7600, firstMs: 110,
  runsMs: [52, 51, 49, 60, 50], medianMs: 51, cells: 35,
  suppressedGrantCells: 24,
};

describe('the statistics bench', () => {
  it('reads its options, --quick shortening what is not given', () => {
    expect(parseStatsArgs([])).toEqual(DEFAULT_STATS_OPTIONS);
    expect(parseStatsArgs(['--quick'])).toEqual(
      { ...DEFAULT_STATS_OPTIONS, ...QUICK_STATS_OPTIONS });
    expect(parseStatsArgs(['--quick', '--years', '4', '--json']))
      .toMatchObject({ years: 4, runs: 2, json: true });
    expect(() => parseStatsArgs(['--runs', '0'])).toThrow(/--runs .* "0"/);
    expect(() => parseStatsArgs(['--quarter', '2026-3']))
      .toThrow(/--quarter .* "2026-3"/);
  });

  it('prints its table as before', () => {
    expect(formatStats(figures)).toBe([
      'National report 2026-Q3 by arrondissement and gender, over 10 years of history',
      '  history written in 7600 ms (SQLite)',
      '  first answer 110 ms; then 52, 51, 49, 60, 50 ms (median 51 ms)',
      '  35 cells, 24 with their grants suppressed',
      '',
    ].join('\n'));
  });

  it('is one BenchReport with its figures whole in details', () => {
    const run = startBenchRun('scripts/bench-stats.ts', ['--json']);
    const report = statsBenchReport(figures, run);
    const value = (metric: string) => report.cases[0].figures
      .find((figure) => figure.metric === metric)?.value;

    expect(report).toMatchObject({
      bench: 'stats', command: 'tsx scripts/bench-stats.ts --json',
      aims: [], details: figures,
    });
    expect(report.cases.map(({ name }) => name)).toEqual(['2026-Q3, 10 years']);
    expect(value('median answer')).toBe(51);
    expect(value('slowest answer')).toBe(60);
    expect(value('cells, grants suppressed')).toBe(24);
  });
});
