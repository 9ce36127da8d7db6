/**
 * The alert bench's result in the shape every bench prints with `--json`
 * (bench/report.ts): one case a run, its figures, and its verdict as an
 * aim; the full result goes in `details`.
 */
import type { AlertFigures } from '../scale/aims';
import type { BenchAim, BenchCase, BenchFigure, BenchRun } from '../report';
import { benchReportOf, type BenchReport } from '../report';
import type { AlertBenchResult } from './run';

const MIB = 1024 * 1024;

/** The case's name: how many subscribers it ran with. */
export function alertCaseName(result: AlertBenchResult): string {
  return `${result.options.subscribers} subscribers`;
}

/** A run's figures: latencies, counts, throughput, cost. */
export function alertCaseOf(result: AlertBenchResult): BenchCase {
  const { delivery, gateway, stack } = result;
  const saved = delivery.savedToReceived;
  const sent = delivery.sentToReceived;
  const figures: BenchFigure[] = [
    { metric: 'p50 commit → receipt', value: saved?.p50 ?? null, unit: 'ms' },
    { metric: 'p99 commit → receipt', value: saved?.p99 ?? null, unit: 'ms' },
    { metric: 'max commit → receipt', value: saved?.max ?? null, unit: 'ms' },
    { metric: 'p99 raise → receipt', value: sent?.p99 ?? null, unit: 'ms' },
    { metric: 'expected', value: delivery.expected, unit: 'deliveries' },
    { metric: 'delivered', value: delivery.received, unit: 'deliveries' },
    { metric: 'lost', value: delivery.lost, unit: 'deliveries' },
    { metric: 'duplicated', value: delivery.duplicates, unit: 'deliveries' },
    { metric: 'misdelivered', value: delivery.unexpected, unit: 'deliveries' },
    { metric: 'audit entries dropped', value: result.audit.dropped, unit: '' },
    {
      metric: 'alerts a second', value: result.raise.keptPerSecond, unit: '/s',
    },
    { metric: 'deliveries a second', value: delivery.perSecond, unit: '/s' },
    { metric: 'stack CPU an alert', value: gateway.cpuMsPerAlert, unit: 'ms' },
    { metric: 'all subscribed after', value: result.connectMs, unit: 'ms' },
    {
      metric: 'stack RSS, subscribed',
      value: stack.subscribersConnected.rss / MIB,
      unit: 'MiB',
    },
  ];
  return { name: alertCaseName(result), figures };
}

/** What the scale bench's aims read of a run. */
export function alertFiguresOf(result: AlertBenchResult): AlertFigures {
  return {
    subscribers: result.options.subscribers,
    p50Ms: result.delivery.savedToReceived?.p50 ?? null,
    p99Ms: result.delivery.savedToReceived?.p99 ?? null,
    lost: result.delivery.lost,
    duplicates: result.delivery.duplicates,
  };
}

/** The bench's own verdict (AlertBenchResult.passed) as an aim. */
export function alertVerdictOf(result: AlertBenchResult): BenchAim {
  const { delivery, raise, audit } = result;
  return {
    aim: `every alert to every entitled subscriber once, at ${alertCaseName(result)}`,
    target: '0 lost, duplicated, misdelivered, refused, dropped; audit whole',
    measured: [
      `${delivery.lost} lost`, `${delivery.duplicates} duplicated`,
      `${delivery.unexpected} misdelivered`, `${raise.refused} refused`,
      `${delivery.dropped} dropped`, `${audit.dropped} audit dropped`,
    ].join(', '),
    met: result.passed,
  };
}

/** `npm run bench:alerts -- --json`: one run as a BenchReport. */
export function alertBenchReport(
  result: AlertBenchResult,
  run: BenchRun,
): BenchReport {
  return benchReportOf('alerts', run, {
    cases: [alertCaseOf(result)],
    aims: [alertVerdictOf(result)],
    details: result,
  });
}
