/**
 * The bench's side of the stack process (stack-process.ts): starts it
 * like every bench process (bench/process/child.ts), with its collector
 * exposed, and asks it by name.
 *
 * The process's logs and errors are passed on to a sink the caller
 * gives (the bench's stderr), never mixed with the bench's own output.
 */
import { join } from 'node:path';
import { startChild, type Child } from '../process/child';
import type {
  AuditState,
  MemorySample,
  StackLoad,
  StackProcessConfig,
  StackRequests,
  StreamState,
  TokenClaims,
} from './protocol';

export interface StackChildOptions extends StackProcessConfig {
  /** Receives the process's stdout and stderr; default: dropped. */
  readonly output?: (chunk: Buffer) => void;
  /** Writes a CPU profile of the process here on exit; default none. */
  readonly cpuProfileDirectory?: string;
  /** Starting the stack gives up after this; default 120000 ms. */
  readonly startTimeoutMs?: number;
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

/** Forks the stack process and starts the graph in it. */
export async function startStackChild(
  options: StackChildOptions,
): Promise<StackChild> {
  const child = startChild<StackRequests>({
    name: 'stack',
    entry: ENTRY,
    // The memory request collects garbage before it samples.
    execArgv: ['--expose-gc', ...profileArgs(options)],
    output: options.output,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
  });
  try {
    const { gatewayUrl } = await child.ask('start', configOf(options),
      options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
    return stackChildOf(child, gatewayUrl);
  } catch (error) {
    await child.kill();
    throw error;
  }
}

function configOf(options: StackChildOptions): StackProcessConfig {
  const { directory, referenceDate, logLevel } = options;
  return { directory, referenceDate, logLevel };
}

function profileArgs(options: StackChildOptions): string[] {
  const directory = options.cpuProfileDirectory;
  if (directory === undefined) return [];
  return ['--cpu-prof', `--cpu-prof-dir=${directory}`];
}

function stackChildOf(
  child: Child<StackRequests>,
  gatewayUrl: string,
): StackChild {
  return {
    pid: child.pid,
    gatewayUrl,
    tokens: (claims) => child.ask('tokens', claims),
    stream: () => child.ask('stream'),
    audit: () => child.ask('audit'),
    memory: () => child.ask('memory'),
    load: () => child.ask('load'),
    stop: () => child.stop(),
  };
}
