/**
 * The scale bench's options, each with its default, and the command line
 * that sets them (scripts/bench-scale.ts).
 */
import { parseArgs } from 'node:util';
import type { BenchDatabase } from '../storage';
import { BenchUsageError, wholeNumber } from '../usage';
import { BENCH_MEASURES } from '../fixture';
import { MAX_SUBSCRIBERS } from '../alerts/options';

/** Where the lists' stack keeps its data. */
export type ScaleDatabase = BenchDatabase;

/** Which half of the bench runs. */
export type ScalePart = 'lists' | 'alerts';

export interface ScaleBenchOptions {
  /** Default mariadb, in a fresh database dropped at the end. */
  readonly database: ScaleDatabase;
  /**
   * The server the fresh database is made on, as a URL whose user may
   * create and drop databases; default TEST_MYSQL_URL, else
   * mysql://root@127.0.0.1:3306/test.
   */
  readonly mysqlUrl: string;
  /** List lengths asked, in measures; default 1, 10, 100, 500. */
  readonly lengths: readonly number[];
  /** Measures seeded into the bench zone; default 500 (BENCH_MEASURES). */
  readonly measures: number;
  /** Timed requests at each length, one after another; default 30. */
  readonly requests: number;
  /** Untimed requests before them at each length; default 3. */
  readonly warmups: number;
  /** Subscriber counts the alert bench runs at; default 100, 1000, 5000. */
  readonly subscribers: readonly number[];
  /** Timed alerts at each subscriber count; default 50. */
  readonly alerts: number;
  /** Alerts raised first, untimed, at each count; default 20. */
  readonly warmupAlerts: number;
  /**
   * Raise alerts 20 a second at every count, as bench:alerts does, rather
   * than slower as the subscribers grow past 1,000 (alertIntervalMs);
   * default false.
   */
  readonly fixedPace: boolean;
  /** Default both, lists first. */
  readonly parts: readonly ScalePart[];
}

/** The alert bench's pace at up to PACE_SUBSCRIBERS: 20 alerts a second. */
export const BASE_INTERVAL_MS = 50;
export const PACE_SUBSCRIBERS = 1000;

/**
 * Between two raises at `subscribers`: BASE_INTERVAL_MS up to
 * PACE_SUBSCRIBERS, then longer in proportion, so that the deliveries
 * asked a second stay those of 1,000 subscribers at 20 alerts a second
 * (about 2,700 a second) and latency compares the same load a second;
 * with `fixedPace`, BASE_INTERVAL_MS whatever the count.
 */
export function alertIntervalMs(subscribers: number, fixedPace: boolean) {
  if (fixedPace || subscribers <= PACE_SUBSCRIBERS) return BASE_INTERVAL_MS;
  return Math.round(BASE_INTERVAL_MS * subscribers / PACE_SUBSCRIBERS);
}

/** The subgraphs answer at most this many measures a page. */
export const MAX_LIST_LENGTH = 500;

export const DEFAULT_MYSQL_URL = 'mysql://root@127.0.0.1:3306/test';

export const DEFAULT_SCALE_OPTIONS: ScaleBenchOptions = {
  database: 'mariadb',
  mysqlUrl: process.env.TEST_MYSQL_URL || DEFAULT_MYSQL_URL,
  lengths: [1, 10, 100, 500],
  measures: BENCH_MEASURES,
  requests: 30,
  warmups: 3,
  subscribers: [100, 1000, 5000],
  alerts: 50,
  warmupAlerts: 20,
  fixedPace: false,
  parts: ['lists', 'alerts'],
};

/** What `--quick` changes: a smoke run of a minute or two. */
export const QUICK_SCALE_OPTIONS: Partial<ScaleBenchOptions> = {
  requests: 10,
  warmups: 1,
  subscribers: [100, 1000],
  alerts: 20,
  warmupAlerts: 5,
};

export const SCALE_USAGE = [
  'Usage: npm run bench:scale -- [options]',
  '  --database <d>        mariadb (default; a fresh database, dropped',
  '                        at the end) or sqlite (a temp directory)',
  '  --mysql-url <url>     server for the fresh database (default',
  '                        TEST_MYSQL_URL, else mysql://root@127.0.0.1:3306/test)',
  '  --lengths <list>      list lengths (default 1,10,100,500)',
  '  --measures <n>        measures seeded in the zone (default 500)',
  '  --requests <n>        timed requests at each length (default 30)',
  '  --warmup <n>          untimed requests first (default 3)',
  '  --subscribers <list>  alert subscribers (default 100,1000,5000)',
  '  --alerts <n>          timed alerts at each count (default 50)',
  '  --fixed-pace          20 alerts a second at every count (default:',
  '                        slower past 1000 subscribers, in proportion)',
  '  --only <part>         lists or alerts (default both)',
  '  --quick               fewer requests, alerts and subscribers',
  '  --json                print one BenchReport as JSON',
].join('\n');

export { BenchUsageError };

export interface ScaleCommand {
  readonly options: ScaleBenchOptions;
  readonly json: boolean;
  readonly help: boolean;
}

/** Reads the command line; throws a BenchUsageError naming a bad value. */
export function parseScaleArgs(args: readonly string[]): ScaleCommand {
  const values = parsed(args);
  const base: ScaleBenchOptions = values.quick
    ? { ...DEFAULT_SCALE_OPTIONS, ...QUICK_SCALE_OPTIONS }
    : DEFAULT_SCALE_OPTIONS;
  const measures = wholeNumber('--measures', values.measures, base.measures,
    1, 5000);
  const options: ScaleBenchOptions = {
    database: databaseOf(values.database, base.database),
    mysqlUrl: values['mysql-url'] ?? base.mysqlUrl,
    lengths: listOf('--lengths', values.lengths, base.lengths, 1,
      Math.min(measures, MAX_LIST_LENGTH)),
    measures,
    requests: wholeNumber('--requests', values.requests, base.requests, 1, 10_000),
    warmups: wholeNumber('--warmup', values.warmup, base.warmups, 0, 1000),
    subscribers: listOf('--subscribers', values.subscribers,
      base.subscribers, 1, MAX_SUBSCRIBERS),
    alerts: wholeNumber('--alerts', values.alerts, base.alerts, 1, 100_000),
    warmupAlerts: base.warmupAlerts,
    fixedPace: values['fixed-pace'],
    parts: partsOf(values.only, base.parts),
  };
  return { options, json: values.json, help: values.help };
}

/** Private: the raw values, strictly: an unknown option is an error. */
function parsed(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      options: {
        database: { type: 'string' },
        'mysql-url': { type: 'string' },
        lengths: { type: 'string' },
        measures: { type: 'string' },
        requests: { type: 'string' },
        warmup: { type: 'string' },
        subscribers: { type: 'string' },
        alerts: { type: 'string' },
        only: { type: 'string' },
        'fixed-pace': { type: 'boolean', default: false },
        quick: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new BenchUsageError((error as Error).message);
  }
}

function databaseOf(
  text: string | undefined,
  fallback: ScaleDatabase,
): ScaleDatabase {
  if (text === undefined) return fallback;
  if (text === 'mariadb' || text === 'sqlite') return text;
  throw new BenchUsageError(
    `--database must be mariadb or sqlite, got ${JSON.stringify(text)}`);
}

function partsOf(
  text: string | undefined,
  fallback: readonly ScalePart[],
): readonly ScalePart[] {
  if (text === undefined) return fallback;
  if (text === 'lists' || text === 'alerts') return [text];
  throw new BenchUsageError(
    `--only must be lists or alerts, got ${JSON.stringify(text)}`);
}

/** Private: distinct whole numbers in [min, max], in ascending order. */
function listOf(
  name: string,
  text: string | undefined,
  fallback: readonly number[],
  min: number,
  max: number,
): readonly number[] {
  if (text === undefined) {
    return fallback.map((value) => wholeNumber(name, String(value), value,
      min, max));
  }
  const items = text.split(',').map((item) => item.trim());
  const values = items.map((item) => wholeNumber(name, item, 0, min, max));
  return [...new Set(values)].sort((a, b) => a - b);
}
