/**
 * A finished alert bench run with plausible figures, for the tests of
 * what prints it (report.ts, bench-report.ts).
 */
import { DEFAULT_ALERT_BENCH_OPTIONS } from './options';
import type { AlertBenchResult } from './run';

const MIB = 1024 * 1024;
const memory = (rss: number) => ({
  rss: rss * MIB, heapUsed: 80 * MIB, heapTotal: 100 * MIB, external: 7 * MIB,
});
const latency = (p50: number) => ({
  count: 10, p50, p99: 2 * p50, max: 3 * p50, mean: p50,
});

/** The run, with some parts changed. */
export function sampleAlertResult(overrides: Partial<AlertBenchResult> = {}): AlertBenchResult {
  return {
    options: DEFAULT_ALERT_BENCH_OPTIONS,
    machine: { cpus: 2, load: 0.5 },
    plan: {
      measures: 18,
      audiences: 24,
      groups: [{ name: 'managing zones', count: 1000 }],
    },
    connectMs: 2300,
    raise: {
      recorded: 50, refused: 0, firstRefusal: null,
      askedPerSecond: 20, keptPerSecond: 19.96, roundTrip: latency(8),
    },
    delivery: {
      expected: 9500, received: 9500, lost: 0, duplicates: 0,
      unexpected: 0, errors: 0, dropped: 0,
      savedToReceived: latency(12), sentToReceived: latency(20),
      perSecond: 2700.4,
    },
    gateway: {
      executions: 150,
      loopDelay: { p50: 10.2, p99: 30, max: 41 },
      cpuMsPerAlert: 21.43,
      cpuShare: 0.456,
    },
    audit: {
      queued: 9493, dropped: 0, refused: 0, written: 9493, appended: 70, calls: 40,
      peakPending: 1200, pending: 0, stored: 9563, drainedAt: 1000,
      drainMs: 812.4,
    },
    benchLoopDelay: { p50: 10, p99: 12, max: 15 },
    stack: {
      pid: 42,
      beforeSubscribers: memory(190),
      subscribersConnected: memory(226.04),
      afterAlerts: memory(231),
    },
    passed: true,
    ...overrides,
  };
}
