/**
 * `npm run bench:alerts`: how fast the live alert stream delivers with
 * many subscribers, and whether it loses anything (issue 5). See
 * bench/alerts/run.ts for what one run does.
 *
 *   npm run bench:alerts -- [--subscribers 1000] [--alerts 50] [--json]
 *
 * The figures go to stdout (a table, or with --json one BenchReport,
 * bench/report.ts, the full result in its `details`); news of the
 * run and the stack's own logs to stderr. Exit codes: 0 when nothing was
 * lost, duplicated or misdelivered; 1 when something was, or the bench
 * could not run; 2 for a bad command line; 130 after Ctrl-C.
 */
import {
  BENCH_USAGE,
  BenchUsageError,
  parseBenchArgs,
} from '../bench/alerts/options';
import { alertBenchReport } from '../bench/alerts/bench-report';
import { formatAlertBench } from '../bench/alerts/report';
import { startBenchRun } from '../bench/report';
import { runAlertBench } from '../bench/alerts/run';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  let command;
  try {
    command = parseBenchArgs(args);
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`${error.message}\n${BENCH_USAGE}\n`);
    return 2;
  }
  if (command.help) {
    process.stdout.write(`${BENCH_USAGE}\n`);
    return 0;
  }

  const run = startBenchRun('scripts/bench-alerts.ts', args);
  const controller = new AbortController();
  const interrupt = () => controller.abort(new Error('Interrupted'));
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    const result = await runAlertBench(command.options, {
      progress: (text) => process.stderr.write(`${text}…\n`),
      stackOutput: (chunk) => process.stderr.write(chunk),
      signal: controller.signal,
    });
    process.stdout.write(command.json
      ? `${JSON.stringify(alertBenchReport(result, run), null, 2)}\n`
      : formatAlertBench(result));
    return result.passed ? 0 : 1;
  } catch (error) {
    if (controller.signal.aborted) {
      process.stderr.write('Interrupted: the stack was stopped.\n');
      return 130;
    }
    throw error;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`The alert bench could not run: ${message}\n`);
    process.exitCode = 1;
  },
);
