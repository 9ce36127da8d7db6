/**
 * From what each load measured to what the bench reports: the median
 * round of each case, the ratios of gateway (a)'s requests per second to
 * (b)'s and (c)'s, the aims of issue 8 held against them, the
 * BenchReport cases and the table.
 */
import type { BenchAim, BenchCase, BenchFigure } from '../report';
import type { LoadFigures } from './load';
import type { OperationName } from './options';
import type { GatewayKind } from './protocol';

export type GatewayLetter = 'a' | 'b' | 'c';

export interface GatewayEntry {
  readonly letter: GatewayLetter;
  readonly kind: GatewayKind;
  readonly label: string;
}

/** The three gateways, in the order a round loads them. */
export const GATEWAYS: readonly GatewayEntry[] = [
  { letter: 'a', kind: 'project', label: 'this gateway, every layer on' },
  { letter: 'b', kind: 'apollo', label: 'Apollo Gateway, plain' },
  { letter: 'c', kind: 'hive', label: 'Hive Gateway 2.15.1' },
];

/** The aims of issue 8: a/b ≥ 0.9, a/c ≥ 1.0, on each operation. */
export const AIMS = { ab: 0.9, ac: 1.0 } as const;

/** One operation's counted figures, per gateway. */
export interface OperationFigures {
  readonly operation: OperationName;
  readonly gateways: Readonly<Record<GatewayLetter, LoadFigures>>;
}

/**
 * The round whose requests per second is the median; of an even count
 * the lower of the middle two, so that the figures are one load's own.
 */
export function medianRound(rounds: readonly LoadFigures[]): LoadFigures {
  if (rounds.length === 0) throw new RangeError('No round was measured');
  const sorted = [...rounds].sort(
    (x, y) => x.requestsPerSecond - y.requestsPerSecond);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** x/y of requests per second; null when y answered nothing. */
export function ratioOf(x: LoadFigures, y: LoadFigures): number | null {
  if (!(y.requestsPerSecond > 0)) return null;
  return x.requestsPerSecond / y.requestsPerSecond;
}

function printedRatio(ratio: number | null): string {
  return ratio === null ? 'n/a' : ratio.toFixed(2);
}

/**
 * Private: one aim. Met when the ratio reaches the bound and neither
 * gateway had an error: a fast wrong answer meets nothing.
 */
function aimOf(
  figures: OperationFigures,
  other: GatewayLetter,
  bound: number,
): BenchAim {
  const a = figures.gateways.a;
  const b = figures.gateways[other];
  const ratio = ratioOf(a, b);
  const clean = a.errors === 0 && b.errors === 0;
  return {
    aim: `a/${other} req/s on the ${figures.operation}`,
    target: `≥ ${bound.toFixed(1)}`,
    measured: printedRatio(ratio) + (clean ? '' : ' (with errors)'),
    met: clean && ratio !== null && ratio >= bound,
  };
}

/** Two aims per operation, a/b then a/c. */
export function aimsOf(operations: readonly OperationFigures[]): BenchAim[] {
  return operations.flatMap((figures) => [
    aimOf(figures, 'b', AIMS.ab),
    aimOf(figures, 'c', AIMS.ac),
  ]);
}

function loadFigures(figures: LoadFigures): BenchFigure[] {
  return [
    { metric: 'requests/s', value: figures.requestsPerSecond, unit: 'req/s' },
    { metric: 'p50 latency', value: figures.p50Ms, unit: 'ms' },
    { metric: 'p99 latency', value: figures.p99Ms, unit: 'ms' },
    { metric: 'errors', value: figures.errors, unit: '' },
    { metric: 'gateway CPU/request', value: figures.gatewayCpuMs ?? null,
      unit: 'ms' },
    { metric: 'subgraphs CPU/request', value: figures.subgraphsCpuMs ?? null,
      unit: 'ms' },
  ];
}

/**
 * One case per operation and gateway, named "briefing, a"; gateway
 * (a)'s also carries its two ratios.
 */
export function casesOf(operations: readonly OperationFigures[]): BenchCase[] {
  return operations.flatMap((figures) => GATEWAYS.map(({ letter }) => {
    const own = loadFigures(figures.gateways[letter]);
    const ratios: BenchFigure[] = letter !== 'a' ? [] : [
      { metric: 'a/b req/s', value: ratioOf(figures.gateways.a,
        figures.gateways.b), unit: '' },
      { metric: 'a/c req/s', value: ratioOf(figures.gateways.a,
        figures.gateways.c), unit: '' },
    ];
    return { name: `${figures.operation}, ${letter}`,
      figures: [...own, ...ratios] };
  }));
}

/** Private: the cells of a row, padded to the widths. */
function row(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((cell, index) => index === 0
    ? cell.padEnd(widths[index]!)
    : cell.padStart(widths[index]!)).join('  ').trimEnd();
}

function printedMs(value: number | undefined): string {
  return value === undefined ? '-' : value.toFixed(2);
}

/** The table: per operation, per gateway, then the two ratios. */
export function formatFigures(
  operations: readonly OperationFigures[],
): string {
  const widths = [34, 6, 7, 7, 6, 8, 8];
  const lines = [
    row(['', '', '', '', '', 'CPU ms/request', ''], [34, 6, 7, 7, 6, 17, 0]),
    row(['', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'gateway',
      'subgraphs'], widths),
  ];
  for (const figures of operations) {
    lines.push(figures.operation);
    for (const { letter, label } of GATEWAYS) {
      const f = figures.gateways[letter];
      lines.push(row([`  ${letter}: ${label}`, f.requestsPerSecond.toFixed(0),
        f.p50Ms.toFixed(1), f.p99Ms.toFixed(1), String(f.errors),
        printedMs(f.gatewayCpuMs), printedMs(f.subgraphsCpuMs)], widths));
    }
    const { a, b, c } = figures.gateways;
    lines.push(`  a/b ${printedRatio(ratioOf(a, b))}` +
      `   a/c ${printedRatio(ratioOf(a, c))}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The aims, one line each, met or not. */
export function formatAims(aims: readonly BenchAim[]): string {
  return aims.map(({ aim, target, measured, met }) =>
    `  ${met ? 'met    ' : 'not met'}  ${aim} ${target}: ${measured}`)
    .join('\n') + '\n';
}
