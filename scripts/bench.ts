/**
 * `npm run bench`: every benchmark in one run, one table (bench/all.ts).
 *
 *   npm run bench -- [--only gateway,scale] [--quick] [--json]
 *     [--markdown bench/RESULTS.md]
 *
 * The table (or, with --json, {command, startedAt, machine, reports,
 * failures}) goes to stdout; the benches' news to stderr. --markdown
 * writes the same tables between the figure markers of a file, leaving
 * the rest of it as it was. Exit codes: 0 when every bench ran, printed
 * its report and exited 0; 1 otherwise, once all have run; 2 for a bad
 * command line; 130 after Ctrl-C, once the running bench has stopped.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  BENCH_ALL_USAGE,
  BenchAllUsageError,
  parseBenchAllArgs,
  runBench,
  type BenchAllCommand,
} from '../bench/all';
import { benchMachine, type BenchReport } from '../bench/report';
import {
  formatSummary,
  replaceFigures,
  summaryMarkdown,
  type BenchFailure,
  type BenchSummary,
} from '../bench/table';

const ROOT = resolve(__dirname, '..');

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  let command: BenchAllCommand;
  try {
    command = parseBenchAllArgs(args);
  } catch (error) {
    if (!(error instanceof BenchAllUsageError)) throw error;
    process.stderr.write(`${error.message}\n${BENCH_ALL_USAGE}\n`);
    return 2;
  }
  if (command.help) {
    process.stdout.write(`${BENCH_ALL_USAGE}\n`);
    return 0;
  }

  const summary = await runAll(command, ['tsx scripts/bench.ts', ...args]);
  if (summary === null) {
    process.stderr.write('Interrupted: the running bench was stopped.\n');
    return 130;
  }
  process.stdout.write(command.json
    ? `${JSON.stringify(summary, null, 2)}\n`
    : formatSummary(summary));
  if (command.markdown !== null) await writeMarkdown(command.markdown, summary);
  return summary.failures.length === 0 ? 0 : 1;
}

/** Private: the benches in order; null when Ctrl-C ended the run. */
async function runAll(
  command: BenchAllCommand,
  line: readonly string[],
): Promise<BenchSummary | null> {
  const startedAt = new Date().toISOString();
  const machine = benchMachine();
  let interrupted = false;
  let stopRunning = () => {};
  const interrupt = () => {
    interrupted = true;
    stopRunning();
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  const reports: BenchReport[] = [];
  const failures: BenchFailure[] = [];
  try {
    for (const name of command.only) {
      if (interrupted) return null;
      process.stderr.write(`== bench ${name}\n`);
      const outcome = await runBench(name, {
        root: ROOT,
        quick: command.quick,
        started: (stop) => {
          stopRunning = stop;
        },
      });
      if (outcome.report !== null) reports.push(outcome.report);
      if (outcome.failure !== null) failures.push(outcome.failure);
    }
  } finally {
    process.removeListener('SIGINT', interrupt);
    process.removeListener('SIGTERM', interrupt);
  }
  if (interrupted) return null;
  return { command: line.join(' '), startedAt, machine, reports, failures };
}

/** Private: the tables between the file's markers; the rest kept. */
async function writeMarkdown(file: string, summary: BenchSummary) {
  const path = resolve(file);
  const before = existsSync(path) ? await readFile(path, 'utf8') : '';
  await writeFile(path, replaceFigures(before, summaryMarkdown(summary)));
  process.stderr.write(`Figures written to ${file}\n`);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`The benches could not run: ${message}\n`);
    process.exitCode = 1;
  },
);
