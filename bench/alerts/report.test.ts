import { DEFAULT_ALERT_BENCH_OPTIONS } from './options';
import { formatAlertBench } from './report';
import type { AlertBenchResult } from './run';

const MIB = 1024 * 1024;
const memory = (rss: number) => ({
  rss: rss * MIB, heapUsed: 80 * MIB, heapTotal: 100 * MIB, external: 7 * MIB,
});
const latency = (p50: number) => ({
  count: 10, p50, p99: 2 * p50, max: 3 * p50, mean: p50,
});

function result(overrides: Partial<AlertBenchResult> = {}): AlertBenchResult {
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

describe('formatAlertBench', () => {
  it('prints each latency as p50, p99 and max', () => {
    const text = formatAlertBench(result());

    expect(text).toMatch(/saved \(at\) → received\s+12\s+24\s+36\n/);
    expect(text).toMatch(/recordAlert round trip\s+8\.0\s+16\s+24\n/);
  });

  it('prints the stack process\'s memory in MiB, saying what it holds', () => {
    const text = formatAlertBench(result());

    expect(text).toContain('the five subgraphs and the gateway');
    expect(text).toMatch(/1000 subscribers live\s+226\.0\s+80\.0\s+7\.0\n/);
  });

  it('prints the stack\'s CPU time an alert and its share of a core', () => {
    expect(formatAlertBench(result()))
      .toContain('stack CPU (timed): 21.4 ms an alert, 46% of a core');
  });

  it('prints the audit writer\'s counts and when its queue emptied', () => {
    const text = formatAlertBench(result());

    expect(text).toMatch(/dropped \(queue full\)\s+0\n/);
    expect(text).toMatch(/calls for the queue\s+40\n/);
    expect(text).toMatch(/in the store\s+9563\n/);
    expect(text).toContain('queue empty: 812 ms after the last raise');
  });

  it('says when the audit writer\'s queue never emptied', () => {
    const stuck = result({
      audit: { ...result().audit, pending: 12, drainMs: null },
      passed: false,
    });

    expect(formatAlertBench(stuck))
      .toContain('queue empty: not within the time allowed');
  });

  it('prints a dash for latencies no delivery gave', () => {
    const nothing = result({
      delivery: { ...result().delivery, savedToReceived: null },
    });

    expect(formatAlertBench(nothing))
      .toMatch(/saved \(at\) → received\s+-\s+-\s+-\n/);
  });

  it('ends with FAIL and the first refusal when a raise was refused', () => {
    const refused = result({
      raise: { ...result().raise, refused: 1, firstRefusal: 'FORBIDDEN: no' },
      passed: false,
    });
    const text = formatAlertBench(refused);

    expect(text).toContain('first refusal: FORBIDDEN: no');
    expect(text.trimEnd().split('\n').pop()).toMatch(/^FAIL/);
  });
});
