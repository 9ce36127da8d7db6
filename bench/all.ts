/**
 * `npm run bench` (scripts/bench.ts): every benchmark, one after
 * another, each as a child process of its own (`tsx
 * scripts/bench-<name>.ts --json`), its BenchReport collected; a bench
 * that is missing, fails or prints no report is recorded as a failure
 * and the others still run. The child's stderr (its news) passes
 * through; its stdout is the report.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { BenchReport } from './report';
import type { BenchFailure } from './table';

/** Every benchmark, in the order they run. */
export const BENCH_NAMES = ['gateway', 'scale', 'alerts', 'stats'] as const;

export type BenchName = (typeof BENCH_NAMES)[number];

export interface BenchAllCommand {
  /** Default all of BENCH_NAMES, in their order. */
  readonly only: readonly BenchName[];
  /** Passed on to every bench: shorter runs, for a smoke run. */
  readonly quick: boolean;
  readonly json: boolean;
  /** Writes the tables into this Markdown file too; default none. */
  readonly markdown: string | null;
  readonly help: boolean;
}

export const BENCH_ALL_USAGE = [
  'Usage: npm run bench -- [options]',
  `  --only <list>     benches to run, of ${BENCH_NAMES.join(',')} (default all)`,
  '  --quick           pass --quick to each: shorter runs, a smoke run',
  '  --json            print {command, startedAt, machine, reports} as JSON',
  '  --markdown <file> also write the tables into <file>, between',
  '                    <!-- bench:figures:start --> and <!-- bench:figures:end -->',
].join('\n');

/** A command line the umbrella cannot run; the message says why. */
export class BenchAllUsageError extends Error {
  override readonly name = 'BenchAllUsageError';
}

/** Reads the command line; throws a BenchAllUsageError naming the value. */
export function parseBenchAllArgs(args: readonly string[]): BenchAllCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        only: { type: 'string' },
        quick: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        markdown: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new BenchAllUsageError((error as Error).message);
  }
  if (values.markdown === '') {
    throw new BenchAllUsageError('--markdown needs a file name');
  }
  return {
    only: onlyOf(values.only),
    quick: values.quick,
    json: values.json,
    markdown: values.markdown ?? null,
    help: values.help,
  };
}

/** Private: the benches named, in the run's order, each once. */
function onlyOf(text: string | undefined): readonly BenchName[] {
  if (text === undefined) return BENCH_NAMES;
  const names = text.split(',').map((name) => name.trim());
  const unknown = names.filter(
    (name) => !(BENCH_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new BenchAllUsageError(
      `--only takes names of ${BENCH_NAMES.join(', ')}, got ${JSON.stringify(text)}`);
  }
  return BENCH_NAMES.filter((name) => names.includes(name));
}

/** The script of a bench, relative to the project's root. */
export function scriptOf(name: BenchName): string {
  return join('scripts', `bench-${name}.ts`);
}

/** What one bench gave: its report, and a failure when it failed. */
export interface BenchOutcome {
  readonly report: BenchReport | null;
  readonly failure: BenchFailure | null;
}

export interface RunBenchOptions {
  /** The project's root, where scripts/ is. */
  readonly root: string;
  readonly quick: boolean;
  /** Where the child's stderr goes; default this process's. */
  readonly stderr?: (chunk: Buffer) => void;
  /** Gets the running child, so that Ctrl-C can be passed on to it. */
  readonly started?: (stop: () => void) => void;
}

/** Runs one bench to its end; never rejects. */
export async function runBench(
  name: BenchName,
  options: RunBenchOptions,
): Promise<BenchOutcome> {
  const script = scriptOf(name);
  if (!existsSync(join(options.root, script))) {
    return failed(name, `${script} is not on this branch`);
  }
  const args = ['--json', ...(options.quick ? ['--quick'] : [])];
  const { code, signal, stdout, error } =
    await runChild(script, args, options);
  if (error !== null) return failed(name, `could not start: ${error}`);
  const report = reportOf(stdout, name);
  const ended = signal !== null ? `was ended by ${signal}` : `exited ${code}`;
  if (report === null) return failed(name, `${ended} and printed no report`);
  if (code !== 0) {
    const missed = report.aims.filter((aim) => !aim.met).length;
    return {
      report,
      failure: {
        bench: name,
        reason: `${ended}${missed > 0 ? ` (${missed} aims not met)` : ''}`,
      },
    };
  }
  return { report, failure: null };
}

function failed(bench: string, reason: string): BenchOutcome {
  return { report: null, failure: { bench, reason } };
}

interface ChildEnd {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly error: string | null;
}

/** Private: `tsx script args` under this Node, its stdout kept. */
function runChild(
  script: string,
  args: readonly string[],
  options: RunBenchOptions,
): Promise<ChildEnd> {
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  return new Promise((resolve) => {
    const child = spawn(process.execPath,
      ['--import', tsx, script, ...args], {
        cwd: options.root,
        env: { ...process.env, APOLLO_TELEMETRY_DISABLED: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group: a Ctrl-C reaches it once, passed on by
        // `started`'s stop, not a second time from the terminal.
        detached: true,
      });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', options.stderr ??
      ((chunk: Buffer) => process.stderr.write(chunk)));
    options.started?.(() => child.kill('SIGINT'));
    let error: string | null = null;
    child.once('error', (cause) => {
      error = cause.message;
    });
    child.once('close', (code, signal) => resolve({
      code, signal, error, stdout: Buffer.concat(chunks).toString('utf8'),
    }));
  });
}

/** The BenchReport a bench printed, or null when it printed none. */
export function reportOf(stdout: string, bench: string): BenchReport | null {
  let value: unknown;
  try {
    value = JSON.parse(stdout);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const report = value as Partial<BenchReport>;
  const shaped = report.bench === bench &&
    Array.isArray(report.cases) && Array.isArray(report.aims) &&
    typeof report.command === 'string' && typeof report.machine === 'object';
  return shaped ? (report as BenchReport) : null;
}
