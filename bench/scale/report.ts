/**
 * The scale bench's result as a BenchReport (bench/report.ts): a case a
 * list length, then a case a subscriber count, and the aims of issue 8
 * (aims.ts); and the notes that say how it was measured, printed above
 * the table.
 */
import {
  alertCaseOf,
  alertFiguresOf,
} from '../alerts/bench-report';
import type { BenchAim, BenchCase, BenchFigure, BenchRun } from '../report';
import { benchReportOf, type BenchReport } from '../report';
import { SUBGRAPH_NAMES } from '../../scripts/subgraph-names';
import {
  ALERT_LATENCY_SUBSCRIBERS,
  alertAims,
  GROWTH_TOLERANCE,
} from './aims';
import { listAims } from './aims';
import type { LengthResult } from './figures';
import { alertIntervalMs, PACE_SUBSCRIBERS } from './options';
import type { ScaleBenchResult } from './run';

/** A list length's figures. */
export function lengthCaseOf(length: LengthResult): BenchCase {
  const figures: BenchFigure[] = [
    { metric: 'p50 latency', value: length.latency.p50, unit: 'ms' },
    { metric: 'p99 latency', value: length.latency.p99, unit: 'ms' },
    { metric: 'p50 a measure', value: length.perMeasureMs, unit: 'ms' },
    { metric: 'SQL statements', value: length.statementsTotal, unit: '' },
    ...SUBGRAPH_NAMES.map((name) => ({
      metric: `  of ${name}`, value: length.statements[name], unit: '',
    })),
    { metric: 'subgraph fetches', value: length.fetchesTotal, unit: '' },
    ...SUBGRAPH_NAMES.map((name) => ({
      metric: `  to ${name}`, value: length.fetches[name], unit: '',
    })),
    { metric: 'response', value: length.bytes / 1024, unit: 'KiB' },
    { metric: 'wrong answers', value: length.faults, unit: '' },
  ];
  return { name: `list of ${length.length}`, figures };
}

/** Private: an alert run that failed, as a case with no figures. */
function failedAlertCase(subscribers: number, like: BenchCase | undefined) {
  const metrics = like?.figures ?? [{ metric: 'p99 commit → receipt', unit: 'ms' }];
  return {
    name: `${subscribers} subscribers`,
    figures: metrics.map(({ metric, unit }) => ({ metric, value: null, unit })),
  };
}

/** The aims, failed alert runs counting as not met. */
export function scaleAims(result: ScaleBenchResult): BenchAim[] {
  const aims = listAims(result.lists?.lengths ?? []);
  const figures = [
    ...result.alerts.map(alertFiguresOf),
    ...result.alertFailures.map(({ subscribers }) => ({
      subscribers, p50Ms: null, p99Ms: null, lost: 0, duplicates: 0,
    })),
  ].sort((a, b) => a.subscribers - b.subscribers);
  aims.push(...alertAims(figures));
  for (const failure of result.alertFailures) {
    aims.push({
      aim: `the alert bench runs at ${failure.subscribers} subscribers`,
      target: 'runs',
      measured: failure.reason,
      met: false,
    });
  }
  return aims;
}

/** `npm run bench:scale -- --json`: the run as one BenchReport. */
export function scaleBenchReport(
  result: ScaleBenchResult,
  run: BenchRun,
): BenchReport {
  const alertCases = result.alerts.map(alertCaseOf);
  const failed = result.alertFailures.map(({ subscribers }) =>
    failedAlertCase(subscribers, alertCases[0]));
  const byCount = [...alertCases, ...failed].sort(
    (a, b) => parseInt(a.name, 10) - parseInt(b.name, 10));
  return benchReportOf('scale', run, {
    cases: [...(result.lists?.lengths ?? []).map(lengthCaseOf), ...byCount],
    aims: scaleAims(result),
    details: { notes: scaleNotes(result), ...result },
  });
}

/** Private: the alerts' pace, in words. */
function pace(options: ScaleBenchResult['options']): string {
  const paces = options.subscribers.map((subscribers) =>
    1000 / alertIntervalMs(subscribers, options.fixedPace));
  if (new Set(paces).size === 1) return `${paces[0]} a second`;
  const each = options.subscribers.map((subscribers, index) =>
    `${paces[index]} at ${subscribers}`).join(', ');
  return `${each} a second (past ${PACE_SUBSCRIBERS} subscribers slower in proportion, so that each count is asked about the same deliveries a second; --fixed-pace keeps 20)`;
}

/** How the figures were measured, in sentences above the table. */
export function scaleNotes(result: ScaleBenchResult): string[] {
  const { options, lists } = result;
  const notes: string[] = [];
  if (lists !== null) {
    notes.push(
      `Lists: a zone's active measures (bench/operations.ts zoneListOperation) asked by its police, through the whole graph in this process on ${lists.database}, seeded with the demo data and ${options.measures} more measures in zone 5347 (${lists.zoneMeasures} active there; seeding and start took ${(lists.seedMs / 1000).toFixed(1)} s), on the demo's reference day.`,
      `At each length ${lists.warmups} untimed requests, then ${lists.requests} timed ones, one after another; latency is the client's, request sent to body read; percentiles by nearest rank.`,
      'Statements are counted by a typeorm logger on each subgraph and fetches from the subgraphs\' request log lines, from just before a request until the gateway\'s audit writer has written its entry; the protection outbox and the gateway\'s own polls of the alert log are stopped first.',
      `Growth rule: the time a measure costs (p50 / length) may not grow from one length to the next longer one by more than ${Math.round((GROWTH_TOLERANCE - 1) * 100)}% (noise); a fixed cost a request makes it fall, work a row per row would make it grow.`,
    );
  }
  if (options.parts.includes('alerts')) {
    notes.push(
      `Alerts: bench/alerts/run.ts at ${options.subscribers.join(', ')} subscribers, ${options.alerts} timed alerts after ${options.warmupAlerts} warm-up ones, ${pace(options)}, the stack in a child process on SQLite; latency from the event's commit to its receipt. Aims: p99 < 50 ms at ${ALERT_LATENCY_SUBSCRIBERS}, none lost at any count; the p50's growth from the fewest to the most subscribers is stated against the subscribers' growth.`,
    );
  }
  return notes;
}
