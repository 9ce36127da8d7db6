/**
 * The alert bench's options, each with its default, and the command line
 * that sets them (scripts/bench-alerts.ts).
 */
import { parseArgs } from 'node:util';
import { BenchUsageError, wholeNumber } from '../usage';

export interface AlertBenchOptions {
  /**
   * Subscribers connected, spread over zones, CICs and magistrates;
   * default 1000.
   */
  readonly subscribers: number;
  /** Alerts raised and timed; default 50. */
  readonly alerts: number;
  /**
   * Alerts raised first, at the same pace, and checked but not timed:
   * a cold stack compiles and plans as it goes; default 20.
   */
  readonly warmupAlerts: number;
  /** Between two raises; default 50 ms (20 alerts a second). */
  readonly intervalMs: number;
  /**
   * Deliveries still missing this long after the last raise of a phase
   * are lost; default 10000 ms.
   */
  readonly settleTimeoutMs: number;
  /** Subscriber sockets opening at once; default 50. */
  readonly connectConcurrency: number;
  /** Writes a CPU profile of the stack process here; default none. */
  readonly cpuProfileDirectory?: string;
}

export const DEFAULT_ALERT_BENCH_OPTIONS: AlertBenchOptions = {
  subscribers: 1000,
  alerts: 50,
  warmupAlerts: 20,
  intervalMs: 50,
  settleTimeoutMs: 10_000,
  connectConcurrency: 50,
};

/**
 * What `--quick` changes, for a smoke run of a few seconds (npm run
 * bench -- --quick); options given on the command line still win.
 */
export const QUICK_ALERT_BENCH_OPTIONS: Partial<AlertBenchOptions> = {
  subscribers: 200,
  alerts: 20,
  warmupAlerts: 5,
};

/** Beyond this many sockets one process runs out of file descriptors. */
export const MAX_SUBSCRIBERS = 10_000;

export const BENCH_USAGE = [
  'Usage: npm run bench:alerts -- [options]',
  '  --subscribers <n>   subscribers to connect (default 1000)',
  '  --alerts <n>        alerts to raise and time (default 50)',
  '  --warmup <n>        alerts to raise first, not timed (default 20)',
  '  --interval-ms <ms>  pause between two raises (default 50)',
  '  --timeout-ms <ms>   how long after the last raise a delivery may',
  '                      still come before it counts as lost (default 10000)',
  '  --cpu-prof <dir>    write a CPU profile of the stack process there',
  '  --quick             200 subscribers, 5 + 20 alerts, unless given',
  '  --json              print one BenchReport as JSON, for machines',
].join('\n');

export { BenchUsageError };

export interface BenchCommand {
  readonly options: AlertBenchOptions;
  readonly json: boolean;
  readonly help: boolean;
}

/** Reads the command line; throws a BenchUsageError naming the bad value. */
export function parseBenchArgs(args: readonly string[]): BenchCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        subscribers: { type: 'string' },
        alerts: { type: 'string' },
        warmup: { type: 'string' },
        'interval-ms': { type: 'string' },
        'timeout-ms': { type: 'string' },
        'cpu-prof': { type: 'string' },
        quick: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new BenchUsageError((error as Error).message);
  }
  const defaults: AlertBenchOptions = values.quick
    ? { ...DEFAULT_ALERT_BENCH_OPTIONS, ...QUICK_ALERT_BENCH_OPTIONS }
    : DEFAULT_ALERT_BENCH_OPTIONS;
  const options: AlertBenchOptions = {
    ...defaults,
    subscribers: wholeNumber('--subscribers', values.subscribers,
      defaults.subscribers, 1, MAX_SUBSCRIBERS),
    alerts: wholeNumber('--alerts', values.alerts, defaults.alerts,
      1, 100_000),
    warmupAlerts: wholeNumber('--warmup', values.warmup,
      defaults.warmupAlerts, 0, 100_000),
    intervalMs: wholeNumber('--interval-ms', values['interval-ms'],
      defaults.intervalMs, 0, 60_000),
    settleTimeoutMs: wholeNumber('--timeout-ms', values['timeout-ms'],
      defaults.settleTimeoutMs, 0, 600_000),
    ...(values['cpu-prof'] !== undefined && {
      cpuProfileDirectory: values['cpu-prof'],
    }),
  };
  return { options, json: values.json, help: values.help };
}

