/**
 * What every benchmark script prints with `--json`, so that `npm run
 * bench` can put them all in one table: named cases, each with its
 * figures, and the aims of the issue that asked for the benchmark, each
 * met or not by what was measured.
 */
import { cpus, freemem, totalmem, type, release } from 'node:os';

/** One measured figure. */
export interface BenchFigure {
  /** What was measured, e.g. "p99 latency" or "requests/s". */
  readonly metric: string;
  /** null when it could not be measured (the case failed). */
  readonly value: number | null;
  /** "ms", "req/s", "statements", or "" for a plain number or ratio. */
  readonly unit: string;
}

/** One configuration of a benchmark, e.g. one gateway on one operation. */
export interface BenchCase {
  readonly name: string;
  readonly figures: readonly BenchFigure[];
}

/** A target the figures are held against. */
export interface BenchAim {
  /** What is aimed at, e.g. "a/c on the briefing". */
  readonly aim: string;
  /** The bound, e.g. "≥ 1.0". */
  readonly target: string;
  /** The figure measured against it, as printed. */
  readonly measured: string;
  readonly met: boolean;
}

/** The machine a run was measured on. */
export interface BenchMachine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly freeMemoryGiB: number;
  readonly os: string;
  readonly node: string;
}

export interface BenchReport {
  /** The benchmark's short name: "gateway", "scale", "alerts", "stats". */
  readonly bench: string;
  /** The command line that ran it. */
  readonly command: string;
  /** ISO instant the run started. */
  readonly startedAt: string;
  readonly durationMs: number;
  readonly machine: BenchMachine;
  readonly cases: readonly BenchCase[];
  readonly aims: readonly BenchAim[];
  /** The benchmark's own fuller answer, for whoever wants more. */
  readonly details?: unknown;
}

const GIB = 1024 ** 3;

/** This machine, memory rounded to a tenth of a GiB. */
export function benchMachine(): BenchMachine {
  const cores = cpus();
  return {
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryGiB: Math.round((totalmem() / GIB) * 10) / 10,
    freeMemoryGiB: Math.round((freemem() / GIB) * 10) / 10,
    os: `${type()} ${release()}`,
    node: process.version,
  };
}

/** When a run started and how it was asked for, for its report. */
export interface BenchRun {
  readonly command: string;
  readonly startedAt: string;
  /** performance.now() at the start, for `durationMs`. */
  readonly startedMs: number;
}

/** The run beginning now, of `script` with `args`, as a person types it. */
export function startBenchRun(
  script: string,
  args: readonly string[],
): BenchRun {
  return {
    command: ['tsx', script, ...args].join(' '),
    startedAt: new Date().toISOString(),
    startedMs: performance.now(),
  };
}

/** The report of a run that has just ended. */
export function benchReportOf(
  bench: string,
  run: BenchRun,
  body: Pick<BenchReport, 'cases' | 'aims' | 'details'>,
): BenchReport {
  return {
    bench,
    command: run.command,
    startedAt: run.startedAt,
    durationMs: Math.round(performance.now() - run.startedMs),
    machine: benchMachine(),
    ...body,
  };
}
