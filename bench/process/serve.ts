/**
 * A started process's side of the IPC channel (protocol.ts): answers
 * each request with its handler, exits after answering `stop`, and
 * stops on its own when the bench is gone (the channel closed) or sends
 * SIGTERM.
 */
import {
  isRequestMessage,
  type ReplyMessage,
  type Requests,
} from './protocol';

export interface ServeOptions<P extends Requests<P>> {
  /** As the message to a process started by hand names it: "stack". */
  readonly name: string;
  /** The npm script that starts the process: "bench:alerts". */
  readonly script: string;
  /** Every request but `stop`, by its type. */
  readonly handlers: P;
  /** Releases what the process holds; called once, whoever asks. */
  readonly stop: () => Promise<void>;
}

/** Serves the bench's requests until it asks to stop or goes away. */
export function serveBench<P extends Requests<P>>(
  options: ServeOptions<P>,
): void {
  if (process.send === undefined) {
    process.stderr.write(
      `This is a bench's ${options.name} process: run \`npm run ${options.script}\`.\n`);
    process.exit(1);
  }
  // Looked up by a type that came over the channel: only own handlers.
  const handlers = new Map<string, unknown>(Object.entries(options.handlers));
  let stopping: Promise<void> | null = null;
  const stop = () => (stopping ??= options.stop());
  const abandoned = () => {
    void stop().catch(() => undefined).then(() => process.exit(1));
  };
  process.on('message', (message) => {
    if (!isRequestMessage(message)) return;
    const handler = message.type === 'stop'
      ? stop
      : handlers.get(message.type);
    void answer(message.id, handler, message.payload).then(() => {
      if (message.type === 'stop') process.exit(0);
    });
  });
  process.on('disconnect', abandoned);
  process.on('SIGTERM', abandoned);
}

/** Private: runs one handler and sends its value or its failure. */
async function answer(
  id: number,
  handler: unknown,
  payload: unknown,
): Promise<void> {
  let reply: ReplyMessage;
  try {
    if (typeof handler !== 'function') throw new Error('Unknown request');
    const value: unknown = await handler(payload);
    reply = { id, ok: true, value: value ?? null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    reply = { id, ok: false, message };
  }
  await new Promise<void>((resolve) => {
    if (!process.connected) {
      resolve();
      return;
    }
    process.send?.(reply, undefined, {}, () => resolve());
  });
}

/** A process's CPU time so far, user and system, in ms. */
export function cpuMsOf(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}
