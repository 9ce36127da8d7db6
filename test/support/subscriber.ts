/**
 * A subscriber to the gateway's live alert stream for tests: a real
 * graphql-ws client on a real socket, recording every answer and how
 * the connection closed.
 *
 *   const board = await subscribeAlerts(stack.gatewayUrl, token, QUERY);
 *   await board.waitForCount(2);
 *   await board.dispose();
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { waitFor } from './wait';

export interface StreamAnswer {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: ReadonlyArray<{
    message: string;
    extensions?: Record<string, unknown>;
  }>;
  readonly extensions?: Record<string, unknown>;
}

export interface AlertSubscriber {
  /** Every answer received, in order. */
  readonly answers: StreamAnswer[];
  /** The sequence of each answer, from `extensions.sequence`. */
  sequences(): string[];
  /** Set once the socket closed: its close code and reason. */
  readonly closed: { code: number; reason: string } | null;
  /** Set once the subscription ended with errors. */
  readonly failure: unknown;
  /** Set once the server completed the subscription. */
  readonly completed: boolean;
  waitForCount(count: number, timeoutMs?: number): Promise<void>;
  waitForClose(timeoutMs?: number): Promise<{ code: number; reason: string }>;
  dispose(): Promise<void>;
}

/** The graphql-ws URL of a gateway's HTTP GraphQL URL. */
export function socketUrlOf(gatewayUrl: string): string {
  return gatewayUrl.replace(/^http/, 'ws');
}

export interface SubscribeOptions {
  readonly variables?: Record<string, unknown>;
  /** connection_init payload; default `{ authorization: Bearer token }`. */
  readonly connectionParams?: Record<string, unknown>;
}

export async function subscribeAlerts(
  gatewayUrl: string,
  token: string,
  query: string,
  options: SubscribeOptions = {},
): Promise<AlertSubscriber> {
  const answers: StreamAnswer[] = [];
  let closed: { code: number; reason: string } | null = null;
  let failure: unknown = null;
  let completed = false;
  let connected = false;
  const client: Client = createClient({
    url: socketUrlOf(gatewayUrl),
    webSocketImpl: WebSocket,
    connectionParams:
      options.connectionParams ?? { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: {
      connected: () => {
        connected = true;
      },
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        closed = { code, reason: String(reason) };
      },
    },
  });
  client.subscribe<Record<string, unknown>>(
    { query, variables: options.variables },
    {
      next: (answer) => {
        answers.push(answer as StreamAnswer);
      },
      error: (error) => {
        failure = error;
      },
      complete: () => {
        completed = true;
      },
    },
  );
  await waitFor('the socket to open or close', () =>
    connected || closed !== null);

  return {
    answers,
    sequences: () => answers.map((answer) =>
      String(answer.extensions?.sequence)),
    get closed() {
      return closed;
    },
    get failure() {
      return failure;
    },
    get completed() {
      return completed;
    },
    waitForCount: (count, timeoutMs) =>
      waitFor(`${count} answers (have ${answers.length})`,
        () => answers.length >= count, timeoutMs),
    async waitForClose(timeoutMs) {
      await waitFor('the socket to close', () => closed !== null, timeoutMs);
      return closed!;
    },
    dispose: async () => {
      await client.dispose();
    },
  };
}
