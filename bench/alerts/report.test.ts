import { formatAlertBench } from './report';
import { sampleAlertResult as result } from './sample-result';

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
