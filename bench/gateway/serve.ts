/**
 * A started process's side of the IPC channel (protocol.ts): answers
 * each request with its handler, exits after answering `stop`, and
 * stops on its own when the bench is gone (the channel closed) or sends
 * SIGTERM.
 */
import { isRequestMessage, type ReplyMessage } from './protocol';

export type Handlers = Readonly<
  Record<string, (payload: unknown) => Promise<unknown>>
>;

export interface ServeOptions {
  /** Named in the message of a process started by hand. */
  readonly name: string;
  /** Every request but `stop`. */
  readonly handlers: Handlers;
  /** Releases what the process holds; called once, whoever asks. */
  readonly stop: () => Promise<void>;
}

/** Serves the bench's requests until it asks to stop or goes away. */
export function serveBench(options: ServeOptions): void {
  if (process.send === undefined) {
    process.stderr.write(
      `This is the gateway bench's ${options.name} process: run \`npm run bench:gateway\`.\n`);
    process.exit(1);
  }
  let stopping: Promise<void> | null = null;
  const stop = () => (stopping ??= options.stop());
  const abandoned = () => {
    void stop().catch(() => undefined).then(() => process.exit(1));
  };
  process.on('message', (message) => {
    if (!isRequestMessage(message)) return;
    const handler = message.type === 'stop'
      ? stop
      : options.handlers[message.type];
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
  handler: ((payload: unknown) => Promise<unknown>) | undefined,
  payload: unknown,
): Promise<void> {
  let reply: ReplyMessage;
  try {
    if (handler === undefined) throw new Error('Unknown request');
    reply = { id, ok: true, value: (await handler(payload)) ?? null };
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
