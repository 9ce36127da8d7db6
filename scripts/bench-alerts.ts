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
import { BENCH_USAGE, parseBenchArgs } from '../bench/alerts/options';
import { alertBenchReport } from '../bench/alerts/bench-report';
import { runBenchScript } from '../bench/command';
import { formatAlertBench } from '../bench/alerts/report';
import { startBenchRun } from '../bench/report';
import { runAlertBench } from '../bench/alerts/run';

runBenchScript({
  name: 'alert bench',
  usage: BENCH_USAGE,
  parse: parseBenchArgs,
  run: async (command, args, signal) => {
    const run = startBenchRun('scripts/bench-alerts.ts', args);
    const result = await runAlertBench(command.options, {
      progress: (text) => process.stderr.write(`${text}…\n`),
      stackOutput: (chunk) => process.stderr.write(chunk),
      signal,
    });
    process.stdout.write(command.json
      ? `${JSON.stringify(alertBenchReport(result, run), null, 2)}\n`
      : formatAlertBench(result));
    return result.passed ? 0 : 1;
  },
});
