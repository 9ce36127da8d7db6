/**
 * A stand-in for the gateway's live alert stream, for the subscriber's
 * tool (scripts/alerts.ts): a real graphql-ws server on a loopback port,
 * executing the supergraph's own types, whose events the test commits
 * one by one. It honours `since` as the gateway does (replay above it,
 * then each new event), answers Query.alertEvents over HTTP on the same
 * address, and records every subscription's `since` so that a test can
 * prove where a reconnection resumed.
 *
 *   const stream = await startAlertStream({ token: 'T' });
 *   stream.commit(alertEventOf(1));
 *   afterAll(() => stream.close());
 */
import { readFileSync } from 'node:fs';
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  buildSchema,
  graphql,
  GraphQLError,
  type GraphQLSchema,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { AlertEventView } from '../../scripts/alerts-view';

export interface AlertStream {
  /** `ws://127.0.0.1:<port>/graphql`. */
  readonly url: string;
  /** The `since` variable of every subscription, in order (null: none). */
  readonly subscriptions: (string | null)[];
  /** Connections that reached connection_init, accepted or not. */
  readonly connectionAttempts: number;
  /** Appends events to the log; open subscriptions get them at once. */
  commit(...events: AlertEventView[]): void;
  /** Cuts every socket without a close frame, as a lost network does. */
  dropConnections(): void;
  /**
   * Refuses each new subscription with a GraphQL error of this code, as
   * the gateway does with a bad `since`; null accepts them again.
   */
  refuseSubscriptions(code: string | null): void;
  /** Stops reading every open socket, as a silent network partition. */
  silence(): void;
  /** Refuses the token from now on and closes every socket with 4403. */
  expireToken(): void;
  /** Stops the server; again, does nothing. */
  close(): Promise<void>;
}

export interface AlertStreamOptions {
  /** The one token accepted, as `Bearer <token>` or `{ token }`. */
  readonly token: string;
}

const SUPERGRAPH = join(__dirname, '..', '..', 'schema', 'supergraph.graphql');

let schema: GraphQLSchema | undefined;

/** The supergraph's types, with default resolvers reading plain objects. */
function supergraphSchema(): GraphQLSchema {
  schema ??= buildSchema(readFileSync(SUPERGRAPH, 'utf8'));
  return schema;
}

/** Starts the server on a free port; `close()` stops it. */
export async function startAlertStream(
  options: AlertStreamOptions,
): Promise<AlertStream> {
  const log = new AlertLog();
  const subscriptions: (string | null)[] = [];
  let accepted: string | null = options.token;
  let connectionAttempts = 0;
  let refusal: string | null = null;

  const http = createServer((request, response) => {
    void answerQuery(request, response, log, accepted);
  });
  const wss = new WebSocketServer({ server: http, path: '/graphql' });
  const server = useServer(
    {
      schema: supergraphSchema(),
      // A refusal as the gateway sends one: an error message, no result.
      onSubscribe: (_ctx, _id, { variables }) => {
        const since = variables?.since;
        subscriptions.push(typeof since === 'string' ? since : null);
        if (refusal === null) return undefined;
        const extensions = { code: refusal };
        return [new GraphQLError(`Refused: ${refusal}`, { extensions })];
      },
      onConnect: ({ connectionParams }) => {
        connectionAttempts += 1;
        return accepted !== null && tokenOf(connectionParams) === accepted;
      },
      roots: {
        subscription: {
          alertEvents: ({ since }: { since?: string | null }) =>
            log.follow(since ?? null),
        },
      },
    },
    wss,
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;

  return {
    url: `ws://127.0.0.1:${port}/graphql`,
    subscriptions,
    get connectionAttempts() {
      return connectionAttempts;
    },
    commit: (...events) => log.append(events),
    dropConnections: () => {
      for (const socket of wss.clients) socket.terminate();
    },
    refuseSubscriptions: (code) => {
      refusal = code;
    },
    silence: () => {
      log.muteOpenSubscriptions();
      for (const socket of wss.clients) socket.pause();
    },
    expireToken: () => {
      accepted = null;
      for (const socket of wss.clients) {
        socket.close(CloseCode.Forbidden, 'Forbidden');
      }
    },
    close: async () => {
      if (!http.listening) return;
      log.end();
      for (const socket of wss.clients) socket.terminate();
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** Private: the token of a connection_init payload, in either form. */
function tokenOf(params: unknown): string | null {
  if (typeof params !== 'object' || params === null) return null;
  const { authorization, token } = params as Record<string, unknown>;
  if (typeof authorization === 'string') {
    return authorization.replace(/^Bearer /, '');
  }
  return typeof token === 'string' ? token : null;
}

/** Private: Query.alertEvents over HTTP: the caller's latest events. */
async function answerQuery(
  request: IncomingMessage,
  response: ServerResponse,
  log: AlertLog,
  accepted: string | null,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const send = (status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  const bearer = request.headers.authorization;
  if (accepted === null || bearer !== `Bearer ${accepted}`) {
    const code = 'UNAUTHENTICATED';
    send(401, { errors: [{ message: 'Bad token', extensions: { code } }] });
    return;
  }
  const { query } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const result = await graphql({
    schema: supergraphSchema(),
    source: query,
    rootValue: {
      alertEvents: ({ limit }: { limit: number }) => log.latest(limit),
    },
  });
  send(200, result);
}

type Payload = { alertEvents: AlertEventView };

/** Private: the events committed so far, and the subscriptions on them. */
class AlertLog {
  readonly #events: AlertEventView[] = [];
  readonly #waiters = new Set<() => void>();
  /** Open subscriptions; a muted one never gets another event. */
  readonly #open = new Set<{ muted: boolean }>();
  #ended = false;

  append(events: readonly AlertEventView[]): void {
    this.#events.push(...events);
    this.#wakeAll();
  }

  latest(limit: number): AlertEventView[] {
    return this.#events.slice(-limit);
  }

  muteOpenSubscriptions(): void {
    for (const subscription of this.#open) subscription.muted = true;
  }

  end(): void {
    this.#ended = true;
    this.#wakeAll();
  }

  /** Events after `since` (none given: from now on), then new ones. */
  follow(since: string | null): AsyncIterableIterator<Payload> {
    let next = since === null ? this.#events.length : this.#after(since);
    let done = false;
    const subscription = { muted: false };
    this.#open.add(subscription);
    const waiting = () =>
      subscription.muted || next >= this.#events.length;
    const iterator: AsyncIterableIterator<Payload> = {
      [Symbol.asyncIterator]: () => iterator,
      next: async () => {
        while (!done && !this.#ended && waiting()) {
          await new Promise<void>((wake) => this.#waiters.add(wake));
        }
        if (done || this.#ended) return { done: true, value: undefined };
        const event = this.#events[next];
        next += 1;
        return { done: false, value: { alertEvents: event } };
      },
      return: async () => {
        done = true;
        this.#open.delete(subscription);
        this.#wakeAll();
        return { done: true, value: undefined };
      },
    };
    return iterator;
  }

  /** The index of the first event numbered above `since`. */
  #after(since: string): number {
    const index = this.#events.findIndex(
      ({ sequence }) => Number(sequence) > Number(since),
    );
    return index === -1 ? this.#events.length : index;
  }

  #wakeAll(): void {
    const waiters = [...this.#waiters];
    this.#waiters.clear();
    for (const wake of waiters) wake();
  }
}

/**
 * An event of one alert of a made-up measure, with every field the
 * tool selects; `overrides` replaces top-level fields.
 */
export function alertEventOf(
  sequence: number,
  overrides: Partial<AlertEventView> = {},
): AlertEventView {
  return {
    sequence: String(sequence),
    kind: 'RAISED',
    at: `2026-05-04T08:15:${String(sequence % 60).padStart(2, '0')}.000Z`,
    outsideCoverage: false,
    interventionZone: BRUSSELS_ZONE,
    alert: {
      id: 'alert-1',
      raisedAt: '2026-05-04T08:15:00.000Z',
      classification: null,
      policeArrivedAt: null,
      callEndedAt: null,
      location: {
        latitude: 50.8333,
        longitude: 4.3667,
        accuracyMeters: 25,
        method: 'GNSS',
        fixedAt: '2026-05-04T08:15:01.000Z',
      },
    },
    measure: {
      id: 'measure-1',
      reference: 'SA/2026/0007',
      relationship: 'EX_PARTNER',
      managingZone: BRUSSELS_ZONE,
      protectedPersons: [
        {
          role: 'VICTIM',
          person: {
            nationalNumber: '85073003328',
            firstName: 'Anna',
            lastName: 'DEMO-Peeters',
          },
        },
      ],
      suspect: {
        nationalNumber: '80010100151',
        firstName: 'Tom',
        lastName: 'DEMO-Janssens',
        bng: {
          knownForViolence: true,
          holdsWeapons: true,
          wanted: false,
          wantedReason: null,
          weapons: [{ category: 'FIREARM', description: 'pistol' }],
          noContactOrders: [
            { measureId: 'measure-1', validUntil: '2027-02-03' },
            { measureId: 'measure-0', validUntil: '2025-01-01' },
          ],
        },
        antecedentReview: {
          indicators: {
            intraFamilyViolence: true,
            drugs: false,
            weapons: true,
            sexualOffences: false,
            suicide: false,
          },
        },
      },
      devices: [
        {
          serial: 'BTN-0042',
          kind: 'BUTTON',
          lastReport: {
            batteryPercent: 80,
            lastContactAt: '2026-05-04T06:00:00.000Z',
          },
        },
      ],
    },
    ...overrides,
  };
}

const BRUSSELS_ZONE = {
  code: '5339',
  name: 'Bruxelles-Capitale/Ixelles',
  contact: { phone: '+32 2 555 53 39' },
};
