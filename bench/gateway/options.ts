/**
 * The gateway bench's options, each with its default, and the command
 * line that sets them (scripts/bench-gateway.ts).
 */
import { parseArgs } from 'node:util';
import { BenchUsageError, oneOf, wholeNumber } from '../usage';
import { LOG_LEVELS, type LogLevel } from '../../runtime/logger';
import { BENCH_MEASURES } from '../fixture';
import type { BenchOperation } from '../operations';

export type OperationName = BenchOperation['name'];

/** The three operations, in table order. */
export const OPERATION_NAMES: readonly OperationName[] =
  ['briefing', 'zone-list', 'evaluation'];

export const DATABASES = ['mariadb', 'sqlite'] as const;

export type DatabaseChoice = (typeof DATABASES)[number];

export interface GatewayBenchOptions {
  /** Connections autocannon keeps open; default 16. */
  readonly connections: number;
  /**
   * Users of each operation's organisation, each with a token of their
   * own; the requests go as each in turn, so requests in flight at once
   * are distinct users', as at a dispatch centre; default 64.
   */
  readonly callers: number;
  /** Counted load per gateway and operation; default 10 s. */
  readonly durationSeconds: number;
  /** Load before each counted one, not counted; default 3 s. */
  readonly warmupSeconds: number;
  /**
   * The subgraphs' store: a fresh MariaDB database created for the run
   * and dropped after it, or SQLite in a temporary directory; default
   * mariadb.
   */
  readonly database: DatabaseChoice;
  /**
   * The MariaDB (or MySQL) server the fresh database is made on; its own
   * database part is ignored; default mysql://root@127.0.0.1:3306/test.
   */
  readonly mysqlUrl: string;
  /** The operations loaded, in table order; default all three. */
  readonly operations: readonly OperationName[];
  /**
   * Each case is loaded this many times, every other round in the
   * reverse gateway order; the median round counts; default 3.
   */
  readonly rounds: number;
  /** Extra active measures in the bench zone; default BENCH_MEASURES. */
  readonly measures: number;
  /**
   * Level of the subgraphs' and gateway (a)'s logs, passed on to stderr;
   * default warn, so no line per request.
   */
  readonly logLevel: LogLevel;
  /** Writes CPU profiles of gateway (a) and the subgraphs here. */
  readonly profileDirectory?: string;
}

export const DEFAULT_GATEWAY_BENCH_OPTIONS: GatewayBenchOptions = {
  connections: 16,
  callers: 64,
  durationSeconds: 10,
  warmupSeconds: 3,
  database: 'mariadb',
  mysqlUrl: 'mysql://root@127.0.0.1:3306/test',
  operations: OPERATION_NAMES,
  rounds: 3,
  measures: BENCH_MEASURES,
  logLevel: 'warn',
};

/** What `--quick` changes: a smoke run of about two minutes. */
export const QUICK_GATEWAY_BENCH_OPTIONS: Partial<GatewayBenchOptions> = {
  durationSeconds: 3,
  warmupSeconds: 1,
  rounds: 1,
};

export const GATEWAY_BENCH_USAGE = [
  'Usage: npm run bench:gateway -- [options]',
  '  --connections <n>   connections autocannon keeps open (default 16)',
  '  --callers <n>       users asking each operation in turn (default 64)',
  '  --duration <s>      counted load per gateway and operation (default 10)',
  '  --warmup <s>        load before each counted one, not counted (default 3)',
  '  --database <kind>   mariadb (a fresh database, dropped after) or',
  '                      sqlite (a temporary directory) (default mariadb)',
  '  --mysql-url <url>   the server of the fresh database',
  '                      (default mysql://root@127.0.0.1:3306/test)',
  '  --only <names>      operations to load, comma-separated, among',
  '                      briefing, zone-list, evaluation (default all)',
  '  --rounds <n>        load each case n times, alternating the gateway',
  '                      order; the median round counts (default 3)',
  `  --measures <n>      extra measures in the bench zone (default ${BENCH_MEASURES})`,
  '  --log-level <lvl>   logs of the subgraphs and gateway (a) (default warn)',
  '  --profile <dir>     write CPU profiles of gateway (a) and the subgraphs',
  '  --quick             a smoke run: --duration 3 --warmup 1 --rounds 1',
  '                      unless given',
  '  --json              print one BenchReport as JSON, for machines',
].join('\n');

export { BenchUsageError };

export interface GatewayBenchCommand {
  readonly options: GatewayBenchOptions;
  readonly json: boolean;
  readonly help: boolean;
}

/** Reads the command line; throws a BenchUsageError naming the bad value. */
export function parseGatewayBenchArgs(
  args: readonly string[],
): GatewayBenchCommand {
  const values = parsedValues(args);
  const defaults: GatewayBenchOptions = values.quick
    ? { ...DEFAULT_GATEWAY_BENCH_OPTIONS, ...QUICK_GATEWAY_BENCH_OPTIONS }
    : DEFAULT_GATEWAY_BENCH_OPTIONS;
  const options: GatewayBenchOptions = {
    connections: wholeNumber('--connections', values.connections,
      defaults.connections, 1, 1000),
    callers: wholeNumber('--callers', values.callers,
      defaults.callers, 1, 1000),
    durationSeconds: wholeNumber('--duration', values.duration,
      defaults.durationSeconds, 1, 3600),
    warmupSeconds: wholeNumber('--warmup', values.warmup,
      defaults.warmupSeconds, 0, 600),
    database: oneOf('--database', values.database, defaults.database,
      DATABASES),
    mysqlUrl: mysqlUrl(values['mysql-url'] ?? defaults.mysqlUrl),
    operations: operationList(values.only),
    rounds: wholeNumber('--rounds', values.rounds, defaults.rounds, 1, 20),
    measures: wholeNumber('--measures', values.measures,
      defaults.measures, 0, 5000),
    logLevel: oneOf('--log-level', values['log-level'], defaults.logLevel,
      LOG_LEVELS),
    ...(values.profile !== undefined && {
      profileDirectory: nonEmpty('--profile', values.profile),
    }),
  };
  return { options, json: values.json, help: values.help };
}

/** Private: the raw values, every option known or a usage error. */
function parsedValues(args: readonly string[]) {
  const text = { type: 'string' } as const;
  try {
    return parseArgs({
      args: [...args],
      options: {
        connections: text,
        callers: text,
        duration: text,
        warmup: text,
        database: text,
        'mysql-url': text,
        only: text,
        rounds: text,
        measures: text,
        'log-level': text,
        profile: text,
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

/** Private: the operations named, in table order, each once. */
function operationList(text: string | undefined): readonly OperationName[] {
  if (text === undefined) return OPERATION_NAMES;
  const named = text.split(',').map((name) => name.trim());
  for (const name of named) {
    if (!OPERATION_NAMES.some((known) => known === name)) {
      throw new BenchUsageError(
        `--only names operations among ${OPERATION_NAMES.join(', ')}, got ${JSON.stringify(name)}`,
      );
    }
  }
  return OPERATION_NAMES.filter((name) => named.includes(name));
}

/** Private: a mysql: or mariadb: URL. */
function mysqlUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new BenchUsageError(
      `--mysql-url must be a URL, got ${JSON.stringify(text)}`);
  }
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') {
    throw new BenchUsageError(
      `--mysql-url must be a mysql:// or mariadb:// URL, got ${url.protocol}`);
  }
  return text;
}

function nonEmpty(name: string, text: string): string {
  if (text.trim() === '') {
    throw new BenchUsageError(`${name} needs a directory`);
  }
  return text;
}
