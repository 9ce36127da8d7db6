/**
 * The bench's side of a process it starts (the alert bench's stack, the
 * gateway bench's subgraphs and gateways): forks the entry under tsx,
 * asks it over IPC (channel.ts) and makes sure it ends.
 *
 * Each process leads a process group of its own, so that a Ctrl-C at
 * the terminal reaches the bench alone, which then stops the processes
 * in its own order; whatever is left when the bench exits, on any path,
 * is killed with its whole group (`killLeftChildren`).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { Channel } from './channel';
import type { Answer, AskArgs, Requests } from './protocol';

export interface ChildOptions {
  /** As messages name the process: "stack" in "The stack process". */
  readonly name: string;
  /** The entry module, a .ts file run under tsx; it calls serveBench. */
  readonly entry: string;
  /** Extra Node flags, e.g. a CPU profile's; default none. */
  readonly execArgv?: readonly string[];
  /** Receives the process's stdout and stderr; default dropped. */
  readonly output?: (chunk: Buffer) => void;
  /** Extra environment variables; default none. */
  readonly env?: Readonly<Record<string, string>>;
  /** A request not given a timeout of its own; default 120000 ms. */
  readonly requestTimeoutMs?: number;
  /** A stop that takes longer ends in SIGKILL; default 15000 ms. */
  readonly stopGraceMs?: number;
}

/** A started process that answers the requests `P` (protocol.ts). */
export interface Child<P extends Requests<P>> {
  readonly pid: number;
  /** Sends a request; rejects with the process's failure or its exit. */
  ask<K extends keyof P & string>(
    type: K,
    ...args: AskArgs<P[K]>
  ): Promise<Answer<P[K]>>;
  /** Asks the process to stop and waits for it; kills it when late. */
  stop(): Promise<void>;
  /** Kills the process with its group now and waits for its exit. */
  kill(): Promise<void>;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 120_000;
const DEFAULT_STOP_GRACE_MS = 15_000;

/** The processes started and not yet seen to exit. */
const live = new Set<ChildProcess>();

/** Every process started, for a check that none outlived the bench. */
const started: number[] = [];

/** Forks `entry` under tsx, in a process group of its own. */
export function startChild<P extends Requests<P>>(
  options: ChildOptions,
): Child<P> {
  const child = forkUnderTsx(options);
  const channel = new Channel(child, options.name,
    options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
  const graceMs = options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS;
  return {
    pid: child.pid ?? -1,
    ask<K extends keyof P & string>(type: K, ...args: AskArgs<P[K]>) {
      const [payload, timeoutMs] = args;
      // The process answers by the same P (serve.ts): its reply is the
      // one place where the channel's unknown becomes P's answer.
      return channel.ask(type, payload, timeoutMs) as Promise<Answer<P[K]>>;
    },
    stop: async () => {
      if (hasExited(child)) return;
      const asked = channel.ask('stop', undefined, graceMs)
        .catch(() => undefined);
      await ended(child, graceMs);
      await asked;
    },
    kill: () => ended(child, 0),
  };
}

/**
 * Kills every process still running, each with its group, at once and
 * synchronously: for the bench's `exit` event, where nothing waits.
 */
export function killLeftChildren(): void {
  for (const child of live) killGroup(child);
}

/** How many started processes have not exited yet. */
export function liveChildren(): number {
  return live.size;
}

/** The ids of every process started so far, each its group's too. */
export function startedChildPids(): readonly number[] {
  return [...started];
}

/** Private: the fork, counted among the live until it exits. */
function forkUnderTsx(options: ChildOptions): ChildProcess {
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  const child = fork(options.entry, [], {
    execArgv: ['--import', tsx, ...(options.execArgv ?? [])],
    env: {
      ...process.env,
      APOLLO_TELEMETRY_DISABLED: '1',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    detached: true,
  });
  live.add(child);
  if (child.pid !== undefined) started.push(child.pid);
  child.once('exit', () => live.delete(child));
  const output = options.output ?? (() => undefined);
  child.stdout?.on('data', output);
  child.stderr?.on('data', output);
  return child;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Private: SIGKILL to the process's whole group, which none outlives. */
function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // The group is gone already.
  }
}

/**
 * Private: resolves once the process has exited; after `graceMs` its
 * group is killed. Its group is killed on exit too: a process the
 * entry started itself (tsx's esbuild service) would otherwise outlive
 * it.
 */
function ended(child: ChildProcess, graceMs: number): Promise<void> {
  if (hasExited(child)) {
    killGroup(child);
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => killGroup(child), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      killGroup(child);
      resolve();
    });
  });
}
