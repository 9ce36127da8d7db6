/**
 * Latency figures of a run: percentiles by the nearest-rank method, so
 * every figure printed is a latency some delivery really had.
 */
import type { Histogram } from 'node:perf_hooks';

const NS_PER_MS = 1e6;

/**
 * How often `monitorEventLoopDelay` samples the loop, in ms. Each sample
 * is the time between two ticks of that timer, so a loop that is never
 * late records the resolution itself.
 */
export const LOOP_RESOLUTION_MS = 10;

/** One kind of latency over a run, in milliseconds. */
export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/**
 * The sample below which `fraction` of the samples lie (nearest rank):
 * the value at rank ⌈fraction × n⌉ of the samples sorted ascending.
 */
export function percentile(
  sorted: readonly number[],
  fraction: number,
): number {
  if (!(fraction > 0 && fraction <= 1)) {
    throw new RangeError(
      `A percentile's fraction lies in (0, 1], got ${fraction}`,
    );
  }
  if (sorted.length === 0) {
    throw new RangeError('A percentile of no samples has no value');
  }
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[rank - 1];
}

/** The summary of some samples, in any order; null when there are none. */
export function summarize(samples: readonly number[]): LatencySummary | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, sample) => sum + sample, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1],
    mean: total / sorted.length,
  };
}

/** A process's event loop delay over some time, in milliseconds. */
export interface LoopDelay {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/**
 * How late the loop was, from a `monitorEventLoopDelay` histogram
 * sampling every LOOP_RESOLUTION_MS: its nanoseconds in milliseconds,
 * less the resolution. An empty histogram answers zeros.
 */
export function loopDelayOf(histogram: Histogram): LoopDelay {
  if (histogram.count === 0) return { p50: 0, p99: 0, max: 0 };
  const late = (ns: number) =>
    Math.max(0, ns / NS_PER_MS - LOOP_RESOLUTION_MS);
  return {
    p50: late(histogram.percentile(50)),
    p99: late(histogram.percentile(99)),
    max: late(histogram.max),
  };
}
