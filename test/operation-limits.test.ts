/**
 * Issue 6, hostile input: an operation too deep, with too many aliases or
 * too many tokens is refused with its own code before any subgraph is
 * asked, over HTTP and over the graphql-ws socket alike, and the gateway
 * goes on answering ordinary operations. The limits are lowered here
 * through the gateway's configuration, so that real operations of the
 * graph pass them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO } from '../storage/demo-data';
import { postGraphQL, startDemoGraph } from './support/graph';
import { subscribeAlerts, type AlertSubscriber } from './support/subscriber';
import { waitFor } from './support/wait';

const LIMITS = { MAX_DEPTH: '4', MAX_ALIASES: '3', MAX_TOKENS: '150' };

/** Four levels and three aliases: at both limits. */
const MEASURE = /* GraphQL */ `
  query Measure($id: ID!) {
    m: protectionMeasure(id: $id) {
      r: reference
      suspect { bng { w: holdsWeapons } }
    }
  }
`;

const REFUSED_QUERIES: Array<[string, string, string]> = [
  [
    'five levels deep',
    `query Deep($id: ID!) {
      protectionMeasure(id: $id) { suspect { bng { weapons { category } } } }
    }`,
    'OPERATION_TOO_DEEP',
  ],
  [
    'four aliases',
    `query Aliased($id: ID!) {
      a: protectionMeasure(id: $id) { b: reference c: status d: id }
    }`,
    'TOO_MANY_ALIASES',
  ],
  [
    'more than 150 tokens',
    `query Long($id: ID!) {
      protectionMeasure(id: $id) { ${'reference '.repeat(150)} }
    }`,
    'TOO_MANY_TOKENS',
  ],
];

const REFUSED_SUBSCRIPTIONS: Array<[string, string, string]> = [
  [
    'five levels deep',
    `subscription {
      alertEvents { measure { suspect { bng { weapons { category } } } } }
    }`,
    'OPERATION_TOO_DEEP',
  ],
  [
    'four aliases',
    'subscription { e: alertEvents { s: sequence k: kind a: alert { id } } }',
    'TOO_MANY_ALIASES',
  ],
  [
    'more than 150 tokens',
    `subscription { alertEvents { ${'sequence '.repeat(150)} } }`,
    'TOO_MANY_TOKENS',
  ],
];

describe('issue 6: limits on an operation', () => {
  let stack: Awaited<ReturnType<typeof startDemoGraph>>;
  let directory: string;
  let magistrate: string;
  let police: string;
  const variables = { id: DEMO.measureIds.activeWithEverything };

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'sat-limits-'));
    stack = await startDemoGraph(
      { driver: 'sqlite', directory },
      { gatewayEnv: LIMITS },
    );
    magistrate = await stack.token({
      role: 'magistrate',
      arrondissement: 'ANT',
    });
    // Rupel manages the measure the operations read.
    police = await stack.token({ role: 'police', zone: '5347' });
  }, 60_000);

  afterAll(async () => {
    await stack?.cleanUp();
    await rm(directory, { recursive: true, force: true });
  });

  /** Sends one operation over a socket of its own; waits for its end. */
  async function overSocket(query: string): Promise<AlertSubscriber> {
    const client = await subscribeAlerts(stack.gatewayUrl, police, query, {
      variables,
    });
    await waitFor('the operation to end',
      () => client.completed || client.failure !== null);
    return client;
  }

  async function measureOverHttp() {
    return postGraphQL(stack.gatewayUrl, MEASURE, {
      token: magistrate,
      variables,
    });
  }

  it('answers an operation at every limit', async () => {
    const { status, body } = await measureOverHttp();

    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      m: {
        r: expect.any(String),
        suspect: { bng: { w: expect.any(Boolean) } },
      },
    });
  });

  it.each(REFUSED_QUERIES)('refuses a query %s over HTTP with 400',
    async (_, query, code) => {
      const { status, body } = await postGraphQL(stack.gatewayUrl, query, {
        token: magistrate,
        variables,
      });

      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([expect.objectContaining({
        message: expect.stringMatching(/the limit is (4|3|150)\.$/),
        extensions: expect.objectContaining({ code }),
      })]);
    });

  it.each(REFUSED_QUERIES)('refuses a query %s over the socket',
    async (_, query, code) => {
      const socket = await overSocket(query);
      // Parsed by the socket itself, a document past the token limit is
      // refused as an error message; the others are run as over HTTP and
      // answered as a result with errors and no data.
      const [answer, ...more] = socket.answers;
      const errors = socket.failure ?? answer?.errors;

      expect(more).toEqual([]);
      expect(answer?.data).toBeUndefined();
      expect(errors).toEqual([expect.objectContaining({
        message: expect.stringMatching(/the limit is (4|3|150)\.$/),
        extensions: expect.objectContaining({ code }),
      })]);
      await socket.dispose();
    });

  it.each(REFUSED_SUBSCRIPTIONS)(
    'refuses a subscription %s, and keeps the socket open',
    async (_, query, code) => {
      const socket = await overSocket(query);

      expect(socket.answers).toEqual([]);
      expect(socket.failure).toEqual([expect.objectContaining({
        message: expect.stringMatching(/the limit is (4|3|150)\.$/),
        extensions: expect.objectContaining({ code }),
      })]);
      expect(socket.closed).toBeNull();
      expect(stack.gateway.alertStream.subscriptions).toBe(0);
      await socket.dispose();
    });

  it('goes on answering over HTTP and the socket after the refusals',
    async () => {
      const overHttp = await measureOverHttp();
      const socket = await overSocket(MEASURE);

      expect(overHttp.body.errors).toBeUndefined();
      expect(socket.failure).toBeNull();
      expect(socket.answers).toEqual([
        expect.objectContaining({ data: overHttp.body.data }),
      ]);
      await socket.dispose();
    });
});
