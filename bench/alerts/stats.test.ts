import { createHistogram } from 'node:perf_hooks';
import {
  LOOP_RESOLUTION_MS,
  loopDelayOf,
  percentile,
  summarize,
} from './stats';

describe('percentile', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('answers the sample at the nearest rank, never one in between', () => {
    expect(percentile(hundred, 0.5)).toBe(50);
    expect(percentile(hundred, 0.99)).toBe(99);
    expect(percentile([10, 20], 0.5)).toBe(10);
    expect(percentile([10, 20, 30], 0.5)).toBe(20);
  });

  it('answers the largest sample for the whole (1) and for p99 of few', () => {
    expect(percentile(hundred, 1)).toBe(100);
    expect(percentile([3, 7, 9], 0.99)).toBe(9);
  });

  it('answers the only sample of one, whatever the fraction', () => {
    expect(percentile([42], 0.01)).toBe(42);
    expect(percentile([42], 0.99)).toBe(42);
  });

  it('refuses a fraction outside (0, 1], showing it', () => {
    expect(() => percentile(hundred, 0)).toThrow('got 0');
    expect(() => percentile(hundred, 99)).toThrow('got 99');
    expect(() => percentile(hundred, Number.NaN)).toThrow(RangeError);
  });

  it('refuses to make up a value for no samples', () => {
    expect(() => percentile([], 0.5)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('sorts the samples itself and leaves the caller\'s alone', () => {
    const samples = [30, 10, 20, 40];
    expect(summarize(samples)).toEqual({
      count: 4, p50: 20, p99: 40, max: 40, mean: 25,
    });
    expect(samples).toEqual([30, 10, 20, 40]);
  });

  it('sorts numerically, not as text', () => {
    expect(summarize([9, 100, 11])?.p50).toBe(11);
  });

  it('answers null for no samples', () => {
    expect(summarize([])).toBeNull();
  });
});

describe('loopDelayOf', () => {
  const ms = (value: number) => value * 1e6;

  it('gives how late the loop was in ms, less the timer\'s period', () => {
    const histogram = createHistogram();
    const late = (by: number) => histogram.record(ms(LOOP_RESOLUTION_MS + by));
    for (let n = 0; n < 99; n += 1) late(2);
    late(50);

    const delay = loopDelayOf(histogram);
    // The histogram keeps 3 significant digits: near, not exact.
    expect(delay.p50).toBeCloseTo(2, 1);
    expect(delay.p99).toBeCloseTo(2, 1);
    expect(delay.max).toBeCloseTo(50, 0);
  });

  it('answers zero for a loop that was never late', () => {
    const histogram = createHistogram();
    histogram.record(ms(LOOP_RESOLUTION_MS - 0.1));

    expect(loopDelayOf(histogram)).toEqual({ p50: 0, p99: 0, max: 0 });
  });

  it('answers zeros for a histogram with no samples', () => {
    expect(loopDelayOf(createHistogram()))
      .toEqual({ p50: 0, p99: 0, max: 0 });
  });
});
