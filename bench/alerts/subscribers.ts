/**
 * The bench's subscribers: one graphql-ws client on its own socket per
 * subscriber, all in this process, each following the live alert stream
 * from now on under its own token.
 */
import { createClient, type Client } from 'graphql-ws';
import { WebSocket } from 'ws';

/** What every subscriber asks for: the fields the bench measures with. */
export const BOARD_SUBSCRIPTION = /* GraphQL */ `
  subscription AlertBenchBoard {
    alertEvents { sequence kind at alert { id } measure { id } }
  }
`;

/** One answer of the stream, as the bench reads it. */
export interface BoardAnswer {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly unknown[];
}

/** The event an answer carries: its alert and when it was saved. */
export interface BoardEvent {
  readonly alertId: string;
  /** Milliseconds since the epoch. */
  readonly savedAt: number;
}

export interface SubscriberPoolOptions {
  /** The gateway's graphql-ws address (ws://…/graphql). */
  readonly url: string;
  /** One token per subscriber. */
  readonly tokens: readonly string[];
  /** Sockets opening at once. */
  readonly concurrency: number;
  /** Each answer, the moment it arrives. */
  readonly onAnswer: (
    subscriber: number,
    answer: BoardAnswer,
    receivedAt: number,
  ) => void;
  readonly signal?: AbortSignal;
}

export interface SubscriberPool {
  /**
   * Subscribers whose socket closed, or whose subscription ended, after
   * connecting and before `dispose`.
   */
  readonly dropped: number;
  dispose(): Promise<void>;
}

/**
 * Opens one socket per token, `concurrency` at a time, and subscribes
 * each; resolves once the gateway has acknowledged every one. A socket
 * that fails to connect rejects, after closing those already open.
 */
export async function connectSubscribers(
  options: SubscriberPoolOptions,
): Promise<SubscriberPool> {
  const clients: Client[] = [];
  const dropped = new Set<number>();
  let disposing = false;
  const pool: SubscriberPool = {
    get dropped() {
      return dropped.size;
    },
    dispose: async () => {
      disposing = true;
      // A socket that never connected rejects its dispose: nothing to do.
      await Promise.allSettled(clients.map((client) => client.dispose()));
    },
  };
  const onDrop = (index: number) => {
    if (!disposing) dropped.add(index);
  };

  let next = 0;
  const worker = async () => {
    while (next < options.tokens.length) {
      options.signal?.throwIfAborted();
      const index = next++;
      await subscribeOne(options, index, {
        created: (client) => void clients.push(client),
        dropped: onDrop,
      });
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency,
    options.tokens.length));
  try {
    await Promise.all(Array.from({ length: workers }, worker));
  } catch (error) {
    await pool.dispose();
    throw error;
  }
  return pool;
}

/** What the pool hears of one subscriber's client. */
interface ClientEvents {
  /** At once, so that the pool disposes of it whatever happens. */
  readonly created: (client: Client) => void;
  readonly dropped: (index: number) => void;
}

/** Private: one subscriber's client; resolves once it is acknowledged. */
function subscribeOne(
  options: SubscriberPoolOptions,
  index: number,
  events: ClientEvents,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let connected = false;
    const client = createClient({
      url: options.url,
      webSocketImpl: WebSocket,
      connectionParams: {
        authorization: `Bearer ${options.tokens[index]}`,
      },
      lazy: true,
      retryAttempts: 0,
      on: {
        connected: () => {
          connected = true;
          resolve();
        },
        closed: (event) => {
          if (connected) {
            events.dropped(index);
            return;
          }
          reject(new Error(
            `Subscriber ${index} could not connect: ${describeClose(event)}`,
          ));
        },
      },
    });
    events.created(client);
    client.subscribe<Record<string, unknown>>(
      { query: BOARD_SUBSCRIPTION },
      {
        next: (answer) => options.onAnswer(index, answer, Date.now()),
        // A socket's close is told by `closed`; this is the stream's end.
        error: () => {
          if (connected) events.dropped(index);
        },
        complete: () => {
          if (connected) events.dropped(index);
        },
      },
    );
  });
}

/** The event of an answer; null for an answer without one. */
export function eventOf(answer: BoardAnswer): BoardEvent | null {
  const event = answer.data?.alertEvents;
  if (typeof event !== 'object' || event === null) return null;
  const { at, alert } = event as { at?: unknown; alert?: { id?: unknown } };
  const alertId = alert?.id;
  const savedAt = typeof at === 'string' ? Date.parse(at) : NaN;
  if (typeof alertId !== 'string' || Number.isNaN(savedAt)) return null;
  return { alertId, savedAt };
}

function describeClose(event: unknown): string {
  if (typeof event === 'object' && event !== null && 'code' in event) {
    const { code, reason } = event as { code: unknown; reason?: unknown };
    const why = typeof reason === 'string' && reason !== '' ? ` ${reason}` : '';
    return `closed ${String(code)}${why}`;
  }
  return event instanceof Error ? event.message : String(event);
}
