/**
 * What the scale bench counts while a request runs: the SQL statements
 * each subgraph issues (a typeorm logger per subgraph) and the requests
 * each subgraph serves (from the stack's request log lines).
 */
import type { Logger as SqlLogger } from 'typeorm';
import type { DestinationStream } from 'pino';
import {
  SUBGRAPH_NAMES,
  type SubgraphName,
} from '../../scripts/subgraph-names';

/** A count for each subgraph. */
export type PerSubgraph = Readonly<Record<SubgraphName, number>>;

/** A typeorm logger that counts the statements it is told of. */
export class StatementCounter implements SqlLogger {
  count = 0;

  logQuery(): void {
    this.count += 1;
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** One counter a subgraph, for the stack's `sqlLoggers`. */
export function statementCounters(): Record<SubgraphName, StatementCounter> {
  return Object.fromEntries(SUBGRAPH_NAMES.map(
    (name) => [name, new StatementCounter()])) as Record<
    SubgraphName,
    StatementCounter
  >;
}

/** What each counter holds now. */
export function countsOf(
  counters: Readonly<Record<SubgraphName, { count: number }>>,
): PerSubgraph {
  return Object.fromEntries(SUBGRAPH_NAMES.map(
    (name) => [name, counters[name].count])) as PerSubgraph;
}

/** `after` less `before`, subgraph by subgraph. */
export function difference(
  after: PerSubgraph,
  before: PerSubgraph,
): PerSubgraph {
  return Object.fromEntries(SUBGRAPH_NAMES.map(
    (name) => [name, after[name] - before[name]])) as PerSubgraph;
}

/** The sum over the subgraphs. */
export function totalOf(counts: PerSubgraph): number {
  return SUBGRAPH_NAMES.reduce((sum, name) => sum + counts[name], 0);
}

/**
 * A log destination that counts the request lines of each subgraph and
 * passes the lines at warn or above on to `forward` (the bench's
 * stderr); the rest are dropped.
 */
export class FetchCounter implements DestinationStream {
  readonly counters = Object.fromEntries(SUBGRAPH_NAMES.map(
    (name) => [name, { count: 0 }])) as Record<SubgraphName, { count: number }>;

  constructor(private readonly forward: (line: string) => void = () => {}) {}

  write(line: string): void {
    const entry = parseLine(line);
    if (entry === null) return;
    if (entry.msg === 'request' && isSubgraph(entry.subgraph)) {
      this.counters[entry.subgraph].count += 1;
    }
    if (entry.level === 'warn' || entry.level === 'error' ||
      entry.level === 'fatal') this.forward(line);
  }
}

interface LogEntry {
  readonly msg?: unknown;
  readonly subgraph?: unknown;
  readonly level?: unknown;
}

function parseLine(line: string): LogEntry | null {
  try {
    const entry: unknown = JSON.parse(line);
    return typeof entry === 'object' && entry !== null ? entry : null;
  } catch {
    return null;
  }
}

function isSubgraph(value: unknown): value is SubgraphName {
  return (SUBGRAPH_NAMES as readonly unknown[]).includes(value);
}
