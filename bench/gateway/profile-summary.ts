/**
 * Where gateway (a)'s time goes: sums the self time of the CPU profiles
 * `npm run bench:gateway -- --profile DIR` wrote, per function, per file
 * and per package, and prints the heaviest.
 *
 *   npx tsx bench/gateway/profile-summary.ts DIR [--match gateway-a]
 *     [--top 25]
 *
 * `--match` keeps the profiles whose file name starts with it (default
 * gateway-a; `subgraphs` for the subgraphs' process). A sample's self
 * time is the interval until the next sample, as Chrome's tools count.
 * A profile with a window beside it (profiles.ts) counts only the
 * samples of its counted load, not the start-up and the warm-up.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ProfileWindowTimes } from './profiles';

/** The parts of a .cpuprofile (V8's Profile) the summary reads. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: {
      readonly functionName: string;
      readonly url: string;
      readonly lineNumber: number;
    };
  }[];
  readonly samples: readonly number[];
  /** Microseconds since the previous sample. */
  readonly timeDeltas: readonly number[];
}

/** A profile, and the part of its run to count (all by default). */
export interface ProfileInput {
  readonly profile: CpuProfile;
  /** In ms since the profile started, about the process's uptime. */
  readonly window?: ProfileWindowTimes;
}

/** Milliseconds of self time, by key, heaviest first. */
export type Tally = readonly (readonly [string, number])[];

export interface ProfileSummary {
  readonly totalMs: number;
  readonly functions: Tally;
  readonly files: Tally;
  readonly packages: Tally;
}

/** Private: a frame's file, relative to the checkout where it is in it. */
function fileOf(url: string, root: string): string {
  if (url === '') return '(native or V8)';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  return path.startsWith(root) ? relative(root, path) : path;
}

/**
 * The package a file belongs to: the last node_modules package in its
 * path, `node:` for Node's own, else the project folder it is in.
 */
export function packageOf(file: string): string {
  const parts = file.split('/');
  const last = parts.lastIndexOf('node_modules');
  if (last >= 0) {
    const name = parts[last + 1] ?? '';
    return name.startsWith('@') ? `${name}/${parts[last + 2]}` : name;
  }
  if (file.startsWith('node:')) return 'node:';
  if (file.startsWith('(')) return file;
  return parts.length > 1 ? `${parts[0]}/` : file;
}

function add(tally: Map<string, number>, key: string, ms: number): void {
  tally.set(key, (tally.get(key) ?? 0) + ms);
}

function sorted(tally: Map<string, number>): Tally {
  return [...tally.entries()].sort((x, y) => y[1] - x[1]);
}

/** Sums the self time of the profiles' samples within their windows. */
export function summarize(
  inputs: readonly ProfileInput[],
  root: string,
): ProfileSummary {
  const tallies = {
    functions: new Map<string, number>(),
    files: new Map<string, number>(),
    packages: new Map<string, number>(),
  };
  let totalMs = 0;
  for (const { profile, window } of inputs) {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    let atMs = 0;
    profile.samples.forEach((id, index) => {
      atMs += (profile.timeDeltas[index] ?? 0) / 1000;
      const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
      const inside = window === undefined ||
        (atMs >= window.fromMs && atMs <= window.toMs);
      const frame = byId.get(id)?.callFrame;
      if (frame === undefined || ms <= 0 || !inside) return;
      countFrame(tallies, frame, fileOf(frame.url, root), ms);
      totalMs += ms;
    });
  }
  return {
    totalMs,
    functions: sorted(tallies.functions),
    files: sorted(tallies.files),
    packages: sorted(tallies.packages),
  };
}

/** Private: one sample's self time, to its function, file and package. */
function countFrame(
  tallies: Readonly<Record<'functions' | 'files' | 'packages',
    Map<string, number>>>,
  frame: CpuProfile['nodes'][number]['callFrame'],
  file: string,
  ms: number,
): void {
  const name = frame.functionName || '(anonymous)';
  const where = frame.url === '' ? '' : ` ${file}:${frame.lineNumber + 1}`;
  add(tallies.functions, `${name}${where}`, ms);
  add(tallies.files, file, ms);
  add(tallies.packages, packageOf(file), ms);
}

/** The summary as text: the `top` heaviest of each tally. */
export function formatSummary(summary: ProfileSummary, top: number): string {
  const section = (title: string, tally: Tally) => [
    `${title}:`,
    ...tally.slice(0, top).map(([key, ms]) => {
      const share = summary.totalMs > 0 ? (100 * ms) / summary.totalMs : 0;
      return `  ${ms.toFixed(0).padStart(7)} ms ${share.toFixed(1).padStart(5)}%  ${key}`;
    }),
  ].join('\n');
  return [
    `Sampled: ${summary.totalMs.toFixed(0)} ms of self time`,
    section('By package', summary.packages),
    section('By file', summary.files),
    section('By function', summary.functions),
  ].join('\n\n') + '\n';
}

/** The profiles in `path` (a directory) whose names start with `match`. */
export function profilePaths(path: string, match: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => name.startsWith(match) && name.endsWith('.cpuprofile'))
    .sort()
    .map((name) => join(path, name));
}

/** Private: a profile, with the window beside it when there is one. */
function readInput(path: string): ProfileInput {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const windowFile = path.replace(/\.cpuprofile$/, '.window.json');
  if (windowFile === path || !existsSync(windowFile)) return { profile };
  const window = JSON.parse(
    readFileSync(windowFile, 'utf8')) as ProfileWindowTimes;
  return { profile, window };
}

function main(): void {
  const { values, positionals } = parseArgs({
    options: {
      match: { type: 'string', default: 'gateway-a' },
      top: { type: 'string', default: '25' },
    },
    allowPositionals: true,
  });
  const top = Number(values.top);
  if (positionals.length !== 1 || !Number.isInteger(top) || top < 1) {
    process.stderr.write(
      'Usage: tsx bench/gateway/profile-summary.ts DIR [--match gateway-a] [--top 25]\n');
    process.exitCode = 2;
    return;
  }
  const paths = profilePaths(positionals[0]!, values.match);
  if (paths.length === 0) {
    process.stderr.write(`No ${values.match}*.cpuprofile in ${positionals[0]}\n`);
    process.exitCode = 1;
    return;
  }
  const inputs = paths.map(readInput);
  const root = join(__dirname, '..', '..');
  const names = paths.map((path, index) => basename(path) +
    (inputs[index]?.window === undefined ? '' : ' (counted load only)'));
  process.stdout.write(`Profiles: ${names.join(', ')}\n\n`);
  process.stdout.write(formatSummary(summarize(inputs, root), top));
}

if (require.main === module) main();
