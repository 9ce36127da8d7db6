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
import { runBenchScript } from '../bench/command';
import { parseScaleArgs, SCALE_USAGE } from '../bench/scale/options';
import { scaleBenchReport, scaleNotes } from '../bench/scale/report';
import { runScaleBench } from '../bench/scale/run';
import { startBenchRun } from '../bench/report';
import { PAGE_COLUMNS, reportLines, wrap } from '../bench/table';

runBenchScript({
  name: 'scale bench',
  usage: SCALE_USAGE,
  parse: parseScaleArgs,
  run: async (command, args, signal) => {
    const run = startBenchRun('scripts/bench-scale.ts', args);
    const result = await runScaleBench(command.options, {
      progress: (text) => process.stderr.write(`${text}…\n`),
      stackOutput: (chunk) => process.stderr.write(chunk),
      signal,
    });
    const report = scaleBenchReport(result, run);
    process.stdout.write(command.json
      ? `${JSON.stringify(report, null, 2)}\n`
      : [...scaleNotes(result).flatMap(
        (note) => [...wrap(note, PAGE_COLUMNS, '  '), '']),
        ...reportLines(report), ''].join('\n'));
    return report.aims.every((aim) => aim.met) ? 0 : 1;
  },
});
