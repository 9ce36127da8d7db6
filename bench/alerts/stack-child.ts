/**
 * The bench's side of the stack process (stack-process.ts): forks it
 * under tsx, asks it over IPC, and makes sure it ends.
 *
 * The process's logs and errors are passed on to a sink the caller
 * gives (the bench's stderr), never mixed with the bench's own output.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  isReplyMessage,
  type AuditState,
  type MemorySample,
  type Reply,
  type Request,
  type StackProcessConfig,
  type StreamState,
  type TokenClaims,
} from './protocol';
import type { LoopDelay } from './stats';

export interface StackChildOptions extends StackProcessConfig {
  /** Receives the process's stdout and stderr; default: dropped. */
  readonly output?: (chunk: Buffer) => void;
  /** Writes a CPU profile of the process here on exit; default none. */
  readonly cpuProfileDirectory?: string;
  /** Starting the stack gives up after this; default 120000 ms. */
  readonly startTimeoutMs?: number;
}

/** The stack process's load since the previous reading. */
export interface StackLoad {
  readonly loopDelay: LoopDelay;
  readonly cpuMs: number;
}

export interface StackChild {
  readonly pid: number;
  readonly gatewayUrl: string;
  tokens(claims: readonly TokenClaims[]): Promise<readonly string[]>;
  stream(): Promise<StreamState>;
  /** The gateway's audit writer and the entries its store holds. */
  audit(): Promise<AuditState>;
  /** After a full collection: a moment's stall of the stack's loop. */
  memory(): Promise<MemorySample>;
  /** Since the previous call, or since the process started. */
  load(): Promise<StackLoad>;
  /** Stops the stack and waits for the process to exit; kills it late. */
  stop(): Promise<void>;
}

const ENTRY = join(__dirname, 'stack-process.ts');
const DEFAULT_START_TIMEOUT_MS = 120_000;
/** A request other than start gives up after this. */
const REQUEST_TIMEOUT_MS = 30_000;
/** A stop that takes longer ends in SIGKILL. */
const STOP_TIMEOUT_MS = 15_000;

interface Pending {
  readonly resolve: (reply: Reply) => void;
  readonly reject: (error: Error) => void;
}

/** Forks the stack process and starts the graph in it. */
export async function startStackChild(
  options: StackChildOptions,
): Promise<StackChild> {
  const child = forkStackProcess(options);
  const channel = new Channel(child);
  try {
    const started = await channel.ask(
      { type: 'start', config: configOf(options) },
      options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS,
    );
    if (started.type !== 'started') throw unexpected('start', started);
    return stackChildOf(child, channel, started.gatewayUrl);
  } catch (error) {
    await ended(child, 0);
    throw error;
  }
}

function configOf(options: StackChildOptions): StackProcessConfig {
  const { directory, referenceDate, logLevel } = options;
  return { directory, referenceDate, logLevel };
}

/** Private: the process under tsx, with its collector exposed. */
function forkStackProcess(options: StackChildOptions): ChildProcess {
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  const profile = options.cpuProfileDirectory === undefined
    ? []
    : ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDirectory}`];
  const child = fork(ENTRY, [], {
    execArgv: ['--import', tsx, '--expose-gc', ...profile],
    env: { ...process.env, APOLLO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const output = options.output ?? (() => undefined);
  child.stdout?.on('data', output);
  child.stderr?.on('data', output);
  return child;
}

function stackChildOf(
  child: ChildProcess,
  channel: Channel,
  gatewayUrl: string,
): StackChild {
  return {
    pid: child.pid ?? -1,
    gatewayUrl,
    async tokens(claims) {
      const reply = await channel.ask({ type: 'tokens', claims });
      if (reply.type !== 'tokens') throw unexpected('tokens', reply);
      return reply.tokens;
    },
    async stream() {
      const reply = await channel.ask({ type: 'stream' });
      if (reply.type !== 'stream') throw unexpected('stream', reply);
      return reply.state;
    },
    async audit() {
      const reply = await channel.ask({ type: 'audit' });
      if (reply.type !== 'audit') throw unexpected('audit', reply);
      return reply.state;
    },
    async memory() {
      const reply = await channel.ask({ type: 'memory' });
      if (reply.type !== 'memory') throw unexpected('memory', reply);
      return reply.memory;
    },
    async load() {
      const reply = await channel.ask({ type: 'load' });
      if (reply.type !== 'load') throw unexpected('load', reply);
      return { loopDelay: reply.loopDelay, cpuMs: reply.cpuMs };
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const asked = channel.ask({ type: 'stop' }, STOP_TIMEOUT_MS)
        .catch(() => undefined);
      await ended(child, STOP_TIMEOUT_MS);
      await asked;
    },
  };
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
      if (!isReplyMessage(message)) return;
      const pending = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      pending?.resolve(message.reply);
    });
    child.on('error', (error) => this.#fail(error));
    child.on('exit', (code, signal) => {
      const how = signal === null ? `code ${code}` : `signal ${signal}`;
      this.#fail(new Error(`The stack process exited (${how})`));
    });
  }

  /** Sends a request; a `failed` reply rejects with its message. */
  ask(request: Request, timeoutMs = REQUEST_TIMEOUT_MS): Promise<Reply> {
    if (this.#gone !== null) return Promise.reject(this.#gone);
    const id = this.#nextId++;
    return new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(
          `The stack process did not answer ${request.type} within ${timeoutMs} ms`,
        ));
      }, timeoutMs);
      this.#pending.set(id, {
        resolve: (reply) => {
          clearTimeout(timer);
          if (reply.type === 'failed') {
            const why = reply.message;
            reject(new Error(`The stack process failed to ${request.type}: ${why}`));
          } else {
            resolve(reply);
          }
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.#child.send({ id, request }, (error) => {
        if (error) this.#pending.get(id)?.reject(error);
      });
    });
  }

  #fail(error: Error): void {
    this.#gone ??= error;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}

/**
 * Private: resolves once the process has exited; after `graceMs` it is
 * killed (SIGKILL), which no process can outlive.
 */
function ended(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function unexpected(asked: string, reply: Reply): Error {
  return new Error(
    `The stack process answered ${reply.type} to ${asked}`,
  );
}
