import { startBenchRun } from '../report';
import { alertBenchReport, alertFiguresOf } from './bench-report';
import { sampleAlertResult } from './sample-result';

describe('the alert bench as a BenchReport', () => {
  const run = startBenchRun('scripts/bench-alerts.ts', ['--json']);

  it('is one case named by its subscribers, the full result in details', () => {
    const result = sampleAlertResult();
    const report = alertBenchReport(result, run);

    expect(report).toMatchObject({
      bench: 'alerts',
      command: 'tsx scripts/bench-alerts.ts --json',
      startedAt: run.startedAt,
      details: result,
    });
    expect(report.machine.cores).toBeGreaterThan(0);
    expect(report.cases.map(({ name }) => name)).toEqual(['1000 subscribers']);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('carries the latencies and counts the table prints', () => {
    const [only] = alertBenchReport(sampleAlertResult(), run).cases;
    const value = (metric: string) =>
      only.figures.find((figure) => figure.metric === metric)?.value;

    expect(value('p50 commit → receipt')).toBe(12);
    expect(value('p99 commit → receipt')).toBe(24);
    expect(value('p99 raise → receipt')).toBe(40);
    expect(value('delivered')).toBe(9500);
    expect(value('lost')).toBe(0);
    expect(value('audit entries dropped')).toBe(0);
    expect(value('alerts a second')).toBe(19.96);
    expect(value('stack RSS, subscribed')).toBeCloseTo(226.04);
  });

  it('has the run\'s verdict as its aim, met only when it passed', () => {
    const passed = alertBenchReport(sampleAlertResult(), run);
    const lossy = sampleAlertResult({ passed: false });
    const failed = alertBenchReport({
      ...lossy, delivery: { ...lossy.delivery, lost: 3 },
    }, run);

    expect(passed.aims.map(({ met }) => met)).toEqual([true]);
    expect(failed.aims[0].met).toBe(false);
    expect(failed.aims[0].measured).toContain('3 lost');
  });

  it('leaves latencies null when nothing timed arrived', () => {
    const result = sampleAlertResult();
    const figures = alertFiguresOf({
      ...result,
      delivery: { ...result.delivery, savedToReceived: null },
    });
    expect(figures).toEqual({
      subscribers: 1000, p50Ms: null, p99Ms: null, lost: 0, duplicates: 0,
    });
  });
});
