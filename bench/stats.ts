/**
 * The statistics bench's options and figures (scripts/bench-stats.ts):
 * the command line, each option with its default; the table a person
 * reads; the BenchReport (bench/report.ts) that `--json` prints, with
 * the figures whole in its `details`.
 */
import { parseArgs } from 'node:util';
import { benchReportOf, type BenchReport, type BenchRun } from './report';

export interface StatsBenchOptions {
  /** Years of national history written; default 10. */
  readonly years: number;
  /** The quarter asked; default 2026-Q3. */
  readonly quarter: string;
  /** Timed answers after the first; default 5. */
  readonly runs: number;
  readonly json: boolean;
}

export const DEFAULT_STATS_OPTIONS: StatsBenchOptions = {
  years: 10,
  quarter: '2026-Q3',
  runs: 5,
  json: false,
};

/** What `--quick` changes, unless given: 2 years, 2 runs. */
export const QUICK_STATS_OPTIONS: Partial<StatsBenchOptions> = {
  years: 2,
  runs: 2,
};

/** Reads the command line; throws an error naming a bad value. */
export function parseStatsArgs(args: readonly string[]): StatsBenchOptions {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    options: {
      years: { type: 'string' },
      quarter: { type: 'string' },
      runs: { type: 'string' },
      quick: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const base = values.quick
    ? { ...DEFAULT_STATS_OPTIONS, ...QUICK_STATS_OPTIONS }
    : DEFAULT_STATS_OPTIONS;
  const years = Number(values.years ?? base.years);
  const runs = Number(values.runs ?? base.runs);
  const quarter = values.quarter ?? base.quarter;
  if (!Number.isInteger(years) || years < 1 || years > 30) {
    throw new Error(`--years must be an integer from 1 to 30, got "${values.years}"`);
  }
  if (!Number.isInteger(runs) || runs < 1 || runs > 100) {
    throw new Error(`--runs must be an integer from 1 to 100, got "${values.runs}"`);
  }
  if (!/^\d{4}-Q[1-4]$/.test(quarter)) {
    throw new Error(`--quarter must read like 2026-Q3, got "${quarter}"`);
  }
  return { years, runs, quarter, json: values.json };
}

/** What one run measured. */
export interface StatsFigures {
  readonly years: number;
  readonly quarter: string;
  readonly seedMs: number;
  readonly firstMs: number;
  readonly runsMs: readonly number[];
  readonly medianMs: number;
  readonly cells: number;
  readonly suppressedGrantCells: number;
}

/** The figures for a person, ending with a newline. */
export function formatStats(figures: StatsFigures): string {
  return [
    `National report ${figures.quarter} by arrondissement and gender, over ${figures.years} years of history`,
    `  history written in ${figures.seedMs} ms (SQLite)`,
    `  first answer ${figures.firstMs} ms; then ${figures.runsMs.join(', ')} ms (median ${figures.medianMs} ms)`,
    `  ${figures.cells} cells, ${figures.suppressedGrantCells} with their grants suppressed`,
    '',
  ].join('\n');
}

/** `npm run bench:stats -- --json`: the run as one BenchReport. */
export function statsBenchReport(
  figures: StatsFigures,
  run: BenchRun,
): BenchReport {
  const slowest = Math.max(...figures.runsMs);
  return benchReportOf('stats', run, {
    cases: [{
      name: `${figures.quarter}, ${figures.years} years`,
      figures: [
        { metric: 'history written', value: figures.seedMs, unit: 'ms' },
        { metric: 'first answer', value: figures.firstMs, unit: 'ms' },
        { metric: 'median answer', value: figures.medianMs, unit: 'ms' },
        { metric: 'slowest answer', value: slowest, unit: 'ms' },
        { metric: 'answers timed', value: figures.runsMs.length, unit: '' },
        { metric: 'cells', value: figures.cells, unit: '' },
        {
          metric: 'cells, grants suppressed',
          value: figures.suppressedGrantCells,
          unit: '',
        },
      ],
    }],
    aims: [],
    details: figures,
  });
}
