/**
 * Issue 8: how the graph's cost grows with the work, in one run: the
 * lists half (lists.ts) at each length, then the alert bench
 * (bench/alerts/run.ts) at each subscriber count, one after another.
 * Past 1,000 subscribers the alerts come slower in proportion
 * (options.ts alertIntervalMs), so that every count is asked about the
 * same deliveries a second. An alert run that fails is recorded with its
 * reason and the next one still runs; Ctrl-C ends the whole run, after
 * cleaning up.
 */
import type { AlertBenchResult } from '../alerts/run';
import { runAlertBench } from '../alerts/run';
import { runListBench, type ListBenchResult } from './lists';
import { alertIntervalMs, type ScaleBenchOptions } from './options';

export interface ScaleBenchHooks {
  readonly progress?: (text: string) => void;
  /** The stacks' logs and errors; default dropped. */
  readonly stackOutput?: (chunk: Buffer | string) => void;
  readonly signal?: AbortSignal;
}

/** An alert run that could not be run, and why. */
export interface AlertFailure {
  readonly subscribers: number;
  readonly reason: string;
}

export interface ScaleBenchResult {
  readonly options: ScaleBenchOptions;
  /** null when `--only alerts`. */
  readonly lists: ListBenchResult | null;
  readonly alerts: readonly AlertBenchResult[];
  readonly alertFailures: readonly AlertFailure[];
}

/** Runs what the options ask, in order. */
export async function runScaleBench(
  options: ScaleBenchOptions,
  hooks: ScaleBenchHooks = {},
): Promise<ScaleBenchResult> {
  const lists = options.parts.includes('lists')
    ? await runListBench(options, {
      progress: hooks.progress,
      stackLog: hooks.stackOutput,
      signal: hooks.signal,
    })
    : null;
  const alerts: AlertBenchResult[] = [];
  const alertFailures: AlertFailure[] = [];
  if (options.parts.includes('alerts')) {
    for (const subscribers of options.subscribers) {
      try {
        alerts.push(await runAlertBench({
          subscribers,
          alerts: options.alerts,
          warmupAlerts: options.warmupAlerts,
          intervalMs: alertIntervalMs(subscribers, options.fixedPace),
        }, {
          progress: hooks.progress,
          stackOutput: hooks.stackOutput,
          signal: hooks.signal,
        }));
      } catch (error) {
        if (hooks.signal?.aborted) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        alertFailures.push({ subscribers, reason });
      }
    }
  }
  return { options, lists, alerts, alertFailures };
}
