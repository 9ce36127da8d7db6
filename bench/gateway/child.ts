/**
 * The bench's side of a process it starts (the subgraphs, or one
 * gateway): forks the entry under tsx, asks it over IPC (protocol.ts)
 * and makes sure it ends.
 *
 * Each process leads a process group of its own, so that a Ctrl-C at
 * the terminal reaches the bench alone, which then stops the processes
 * in its own order; whatever is left when the bench exits, on any path,
 * is killed with its whole group (`killLeftChildren`).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { isReplyMessage, type ReplyMessage } from './protocol';

export interface ChildOptions {
  /** The entry module, a .ts file run under tsx. */
  readonly entry: string;
  /** Extra Node flags, e.g. a CPU profile's; default none. */
  readonly execArgv?: readonly string[];
  /** Receives the process's stdout and stderr; default dropped. */
  readonly output?: (chunk: Buffer) => void;
  /** Extra environment variables; default none. */
  readonly env?: Readonly<Record<string, string>>;
}

export interface Child {
  readonly pid: number;
  /** Sends a request; rejects with the process's failure or its exit. */
  ask<T>(type: string, payload?: unknown, timeoutMs?: number): Promise<T>;
  /** Asks the process to stop and waits for it; kills it when late. */
  stop(): Promise<void>;
}

/** A request other than stop gives up after this. */
const REQUEST_TIMEOUT_MS = 120_000;
/** A stop that takes longer ends in SIGKILL of the group. */
const STOP_TIMEOUT_MS = 15_000;

/** The processes started and not yet seen to exit. */
const live = new Set<ChildProcess>();

/** Every process started, for a check that none outlived the bench. */
const started: number[] = [];

/** Forks `entry` under tsx, in a process group of its own. */
export function startChild(options: ChildOptions): Child {
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
  const channel = new Channel(child);
  return {
    pid: child.pid ?? -1,
    ask: (type, payload, timeoutMs) =>
      channel.ask(type, payload, timeoutMs),
    stop: async () => {
      if (hasExited(child)) return;
      const asked = channel.ask('stop', undefined, STOP_TIMEOUT_MS)
        .catch(() => undefined);
      await ended(child, STOP_TIMEOUT_MS);
      await asked;
    },
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

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

/** Private: requests out, replies in, matched by id. */
class Channel {
  readonly #child: ChildProcess;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #gone: Error | null = null;

  constructor(child: ChildProcess) {
    this.#child = child;
    child.on('message', (message) => {
      if (isReplyMessage(message)) this.#settle(message);
    });
    child.on('error', (error) => this.#fail(error));
    child.on('exit', (code, signal) => {
      const how = signal === null ? `code ${code}` : `signal ${signal}`;
      this.#fail(new Error(`The process exited (${how})`));
    });
  }

  ask<T>(
    type: string,
    payload: unknown,
    timeoutMs = REQUEST_TIMEOUT_MS,
  ): Promise<T> {
    if (this.#gone !== null) return Promise.reject(this.#gone);
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(
          `The process did not answer ${type} within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = (action: () => void) => {
        clearTimeout(timer);
        action();
      };
      this.#pending.set(id, {
        resolve: (value) => done(() => resolve(value as T)),
        reject: (error) => done(() => reject(error)),
      });
      this.#child.send({ id, type, payload }, (error) => {
        if (error) this.#pending.get(id)?.reject(error);
      });
    });
  }

  #settle(message: ReplyMessage): void {
    const pending = this.#pending.get(message.id);
    this.#pending.delete(message.id);
    if (message.ok) pending?.resolve(message.value);
    else pending?.reject(new Error(message.message));
  }

  #fail(error: Error): void {
    this.#gone ??= error;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
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
 * entry started itself would otherwise outlive it.
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
