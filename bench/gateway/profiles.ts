/**
 * CPU profiles of the processes the bench starts (--profile). Node
 * writes one profile per thread, and tsx's module loader runs on a
 * thread of its own, idle all run; a fixed --cpu-prof-name would let
 * that thread's profile overwrite the main thread's. So each process
 * writes into a folder of its own, and once it has exited the main
 * thread's profile (thread id 0 in Node's default file name) is kept
 * as `<name>.cpuprofile` and the folder removed.
 *
 * Beside a profile of gateway (a), `<name>.window.json` holds when its
 * counted load ran, in ms of the process's uptime, `{ fromMs, toMs }`:
 * the summary (profile-summary.ts) keeps only those samples.
 */
import { readdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** Node's default name, CPU.<date>.<time>.<pid>.<thread id>.<seq>. */
const MAIN_THREAD = /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/;

function threadsFolder(directory: string, name: string): string {
  return join(resolve(directory), `${name}.threads`);
}

/** The Node flags that make a process profile itself. */
export function profileFlags(directory: string, name: string): string[] {
  return ['--cpu-prof', `--cpu-prof-dir=${threadsFolder(directory, name)}`];
}

/**
 * After the process exited: its main thread's profile, as
 * `<directory>/<name>.cpuprofile`; null when it wrote none (it was
 * killed).
 */
export async function keepMainThreadProfile(
  directory: string,
  name: string,
): Promise<string | null> {
  const folder = threadsFolder(directory, name);
  const files = await readdir(folder).catch(() => [] as string[]);
  const main = files.find((file) => MAIN_THREAD.test(file));
  const kept = join(resolve(directory), `${name}.cpuprofile`);
  if (main !== undefined) await rename(join(folder, main), kept);
  await rm(folder, { recursive: true, force: true });
  return main === undefined ? null : kept;
}

/** When the counted load of a profiled process ran. */
export interface ProfileWindowTimes {
  readonly fromMs: number;
  readonly toMs: number;
}

/** Where the window of the profile `<name>.cpuprofile` is written. */
export function windowPath(directory: string, name: string): string {
  return join(resolve(directory), `${name}.window.json`);
}
