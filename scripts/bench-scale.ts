/**
 * `npm run bench:scale`: how fast the graph answers and how its cost
 * grows with the work (issue 8): a zone's list at 1, 10, 100 and 500
 * measures, and live alert delivery at 100, 1,000 and 5,000
 * subscribers. See bench/scale/run.ts for what one run does and
 * bench/scale/options.ts (or --help) for the options.
 *
 * The figures go to stdout (notes and a table, or one BenchReport with
 * --json); news of the run and the stacks' warnings to stderr. Exit
 * codes: 0 when every aim was met; 1 when one was not, or the bench
 * could not run; 2 for a bad command line; 130 after Ctrl-C, once what
 * it started is stopped and removed.
 */
import {
  parseScaleArgs,
  SCALE_USAGE,
  BenchUsageError,
} from '../bench/scale/options';
import { scaleBenchReport, scaleNotes } from '../bench/scale/report';
import { runScaleBench } from '../bench/scale/run';
import { startBenchRun } from '../bench/report';
import { PAGE_COLUMNS, reportLines, wrap } from '../bench/table';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  let command;
  try {
    command = parseScaleArgs(args);
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`${error.message}\n${SCALE_USAGE}\n`);
    return 2;
  }
  if (command.help) {
    process.stdout.write(`${SCALE_USAGE}\n`);
    return 0;
  }

  const run = startBenchRun('scripts/bench-scale.ts', args);
  const controller = new AbortController();
  const interrupt = () => controller.abort(new Error('Interrupted'));
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    const result = await runScaleBench(command.options, {
      progress: (text) => process.stderr.write(`${text}…\n`),
      stackOutput: (chunk) => process.stderr.write(chunk),
      signal: controller.signal,
    });
    const report = scaleBenchReport(result, run);
    process.stdout.write(command.json
      ? `${JSON.stringify(report, null, 2)}\n`
      : [...scaleNotes(result).flatMap(
        (note) => [...wrap(note, PAGE_COLUMNS, '  '), '']),
        ...reportLines(report), ''].join('\n'));
    return report.aims.every((aim) => aim.met) ? 0 : 1;
  } catch (error) {
    if (controller.signal.aborted) {
      process.stderr.write('Interrupted: what the bench started was stopped.\n');
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
    process.stderr.write(`The scale bench could not run: ${message}\n`);
    process.exitCode = 1;
  },
);
