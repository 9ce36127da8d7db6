/**
 * The alert bench's figures as a table for a person to read.
 */
import type { MemorySample } from './protocol';
import type { AlertBenchResult } from './run';
import type { LatencySummary, LoopDelay } from './stats';

const MIB = 1024 * 1024;
const NAME_WIDTH = 26;
const CELL_WIDTH = 10;

/** The whole report, ending with a newline. */
export function formatAlertBench(result: AlertBenchResult): string {
  return [
    ...headerOf(result),
    '',
    ...deliveryOf(result),
    '',
    ...latencyOf(result),
    '',
    ...auditOf(result),
    '',
    ...memoryOf(result),
    '',
    result.passed
      ? 'PASS: every alert reached every entitled subscriber once, and no one else; the audit trail took every entry.'
      : 'FAIL: something was lost, duplicated, misdelivered, refused or dropped, or an audit entry was not written.',
    '',
  ].join('\n');
}

function headerOf(result: AlertBenchResult): string[] {
  const { options, plan, raise, machine } = result;
  const groups = plan.groups
    .map((group) => `${group.count} ${group.name}`)
    .join(', ');
  const pace = `asked ${rate(raise.askedPerSecond)}/s, ` +
    `kept ${rate(raise.keptPerSecond)}/s`;
  return [
    'Live alert delivery (issue 5)',
    `  ${options.subscribers} subscribers, ${plan.audiences} audiences: ${groups}`,
    `  all live after ${formatMs(result.connectMs)} ms`,
    `  ${options.alerts} timed alerts after ${options.warmupAlerts} warm-up ones, on ${plan.measures} measures`,
    `  pace ${pace}`,
    `  machine: ${machine.cpus} cores, load ${machine.load.toFixed(2)} at start`,
  ];
}

function deliveryOf(result: AlertBenchResult): string[] {
  const { delivery, raise, gateway } = result;
  const counts: [string, number][] = [
    ['expected (all alerts)', delivery.expected],
    ['received', delivery.received],
    ['lost', delivery.lost],
    ['duplicates', delivery.duplicates],
    ['unexpected', delivery.unexpected],
    ['answers with errors', delivery.errors],
    ['subscribers dropped', delivery.dropped],
    ['alerts refused', raise.refused],
    ['executions (timed)', gateway.executions],
    ['timed deliveries a second', Math.round(delivery.perSecond)],
  ];
  const cpu = `${gateway.cpuMsPerAlert.toFixed(1)} ms an alert, ` +
    `${Math.round(gateway.cpuShare * 100)}% of a core`;
  return [
    'Delivery',
    ...counts.map(([name, value]) => row(name, [String(value)])),
    `  stack CPU (timed): ${cpu}`,
    ...(raise.firstRefusal === null
      ? []
      : [`  first refusal: ${raise.firstRefusal}`]),
  ];
}

function latencyOf(result: AlertBenchResult): string[] {
  const { delivery, raise, gateway } = result;
  const summaries: [string, LatencySummary | null][] = [
    ['saved (at) → received', delivery.savedToReceived],
    ['raise sent → received', delivery.sentToReceived],
    ['recordAlert round trip', raise.roundTrip],
  ];
  return [
    row('Timed alerts, ms', ['p50', 'p99', 'max']),
    ...summaries.map(([name, summary]) => row(name, latencyCells(summary))),
    row('stack event loop delay', delayCells(gateway.loopDelay)),
    row('bench event loop delay', delayCells(result.benchLoopDelay)),
  ];
}

function auditOf(result: AlertBenchResult): string[] {
  const { audit } = result;
  const counts: [string, number][] = [
    ['queued', audit.queued],
    ['dropped (queue full)', audit.dropped],
    ['refused as input', audit.refused],
    ['written from the queue', audit.written],
    ['written at once', audit.appended],
    ['calls for the queue', audit.calls],
    ['most waiting at once', audit.peakPending],
    ['left waiting', audit.pending],
    ['in the store', audit.stored],
  ];
  const drained = audit.drainMs === null
    ? 'not within the time allowed'
    : `${formatMs(audit.drainMs)} ms after the last raise`;
  return [
    'Audit trail (all alerts, warm-up included)',
    ...counts.map(([name, value]) => row(name, [String(value)])),
    `  queue empty: ${drained}`,
  ];
}

function memoryOf(result: AlertBenchResult): string[] {
  const { stack, options } = result;
  const samples: [string, MemorySample][] = [
    ['before subscribers', stack.beforeSubscribers],
    [`${options.subscribers} subscribers live`, stack.subscribersConnected],
    ['after the alerts', stack.afterAlerts],
  ];
  return [
    `Stack process (pid ${stack.pid}): the five subgraphs and the gateway`,
    row('Memory, MiB', ['RSS', 'heap used', 'external']),
    ...samples.map(([name, sample]) => row(name,
      [sample.rss, sample.heapUsed, sample.external]
        .map((bytes) => (bytes / MIB).toFixed(1)))),
  ];
}

/** Private: a name, then its cells aligned right. */
function row(name: string, cells: readonly string[]): string {
  const aligned = cells.map((cell) => cell.padStart(CELL_WIDTH)).join('');
  return `  ${name.padEnd(NAME_WIDTH)}${aligned}`;
}

function latencyCells(summary: LatencySummary | null): string[] {
  if (summary === null) return ['-', '-', '-'];
  return [summary.p50, summary.p99, summary.max].map(formatMs);
}

function delayCells(delay: LoopDelay): string[] {
  return [delay.p50, delay.p99, delay.max].map(formatMs);
}

/** Whole milliseconds from 10 up, one decimal below. */
function formatMs(value: number): string {
  return value >= 10 ? value.toFixed(0) : value.toFixed(1);
}

function rate(perSecond: number | null): string {
  return perSecond === null ? '-' : perSecond.toFixed(1);
}
