/**
 * Issue 6, hostile HTTP requests: bodies too large or of the wrong
 * type, batches, broken JSON and documents, and operations past the
 * limits, cost included. Each gets a 4xx with a GraphQL error body and
 * a stable code, never a 500, and the gateway goes on serving.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoGraph } from '../support/graph';
import { subscribeAlerts } from '../support/subscriber';
import { waitFor } from '../support/wait';
import {
  expectStillServing,
  GOOD_QUERY,
  GOOD_READER_ZONE,
  GOOD_VARIABLES,
} from './support';

const LIMITS = { MAX_COST: '120', MAX_BODY_BYTES: '2048' };

/** 1 + 100 × 2 = 201, above MAX_COST. */
const COSTLY = /* GraphQL */ `
  query Costly { protectionMeasures(first: 100) { id reference } }
`;

interface Answer {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: { errors?: Array<{ extensions?: Record<string, unknown> }> };
}

describe('issue 6: hostile HTTP requests', () => {
  let stack: Awaited<ReturnType<typeof startDemoGraph>>;
  let directory: string;
  let police: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'sat-hostile-http-'));
    stack = await startDemoGraph(
      { driver: 'sqlite', directory },
      { gatewayEnv: LIMITS },
    );
    // The zone that manages the measure the good read asks for.
    police = await stack.token({ role: 'police', zone: GOOD_READER_ZONE });
  }, 60_000);

  afterAll(async () => {
    await stack?.cleanUp();
    await rm(directory, { recursive: true, force: true });
  });

  afterEach(async () => {
    await expectStillServing(stack.gatewayUrl, police);
  });

  async function send(init: RequestInit & { path?: string }): Promise<Answer> {
    const response = await fetch(stack.gatewayUrl + (init.path ?? ''), {
      ...init,
      headers: { authorization: `Bearer ${police}`, ...init.headers },
    });
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: JSON.parse(text) as Answer['body'],
    };
  }

  function codesOf(answer: Answer): unknown[] {
    return (answer.body.errors ?? []).map((error) => error.extensions?.code);
  }

  const JSON_TYPE = { 'content-type': 'application/json' };

  it.each([
    ['a body past MAX_BODY_BYTES', {
      method: 'POST', headers: JSON_TYPE,
      body: JSON.stringify({ query: `{ __typename ${' '.repeat(4000)}}` }),
    }, 413, 'PAYLOAD_TOO_LARGE'],
    ['JSON that does not parse', {
      method: 'POST', headers: JSON_TYPE, body: '{"query": ',
    }, 400, 'BAD_REQUEST'],
    ['bytes that are no UTF-8', {
      method: 'POST', headers: JSON_TYPE,
      body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
    }, 400, 'BAD_REQUEST'],
    ['a batch of operations', {
      method: 'POST', headers: JSON_TYPE,
      body: JSON.stringify([{ query: GOOD_QUERY, variables: GOOD_VARIABLES },
        { query: GOOD_QUERY, variables: GOOD_VARIABLES }]),
    }, 400, 'BAD_REQUEST'],
    ['a body of text/plain (a CSRF vector)', {
      method: 'POST', headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: GOOD_QUERY, variables: GOOD_VARIABLES }),
    }, 400, 'BAD_REQUEST'],
    ['a form body', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=%7B__typename%7D',
    }, 400, 'BAD_REQUEST'],
    ['no content type', {
      method: 'POST', body: JSON.stringify({ query: GOOD_QUERY }),
    }, 400, 'BAD_REQUEST'],
    ['a body with no query', {
      method: 'POST', headers: JSON_TYPE, body: JSON.stringify({}),
    }, 400, 'BAD_REQUEST'],
    ['a query that is no string', {
      method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ query: 7 }),
    }, 400, 'BAD_REQUEST'],
    ['a mutation over GET', {
      method: 'GET', path: '?query=mutation%7B__typename%7D',
      headers: { 'apollo-require-preflight': 'true' },
    }, 405, 'BAD_REQUEST'],
    ['a document that does not parse', {
      method: 'POST', headers: JSON_TYPE,
      body: JSON.stringify({ query: 'query { protectionMeasure(' }),
    }, 400, 'GRAPHQL_PARSE_FAILED'],
    ['an operation past MAX_COST', {
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify({ query: COSTLY }),
    }, 400, 'OPERATION_TOO_COSTLY'],
    ['a PUT', { method: 'PUT', headers: JSON_TYPE, body: '{}' },
      405, 'METHOD_NOT_ALLOWED'],
  ] as Array<[string, RequestInit & { path?: string }, number, string]>)(
    'refuses %s with a GraphQL error body',
    async (_, init, status, code) => {
      const answer = await send(init);

      expect(answer.status).toBe(status);
      expect(answer.contentType)
        .toMatch(/^application\/(graphql-response\+)?json/);
      expect(codesOf(answer)).toEqual([code]);
    });

  it('tells the cost and the limit of a costly operation', async () => {
    const answer = await send({
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify({ query: COSTLY }),
    });

    expect(answer.body.errors).toEqual([{
      message: 'The operation Costly costs 201; the limit is 120.',
      locations: expect.any(Array),
      extensions: expect.objectContaining({
        code: 'OPERATION_TOO_COSTLY', cost: 201, maxCost: 120,
      }),
    }]);
  });

  it('refuses a costly operation over the socket alike', async () => {
    const socket = await subscribeAlerts(stack.gatewayUrl, police, COSTLY);
    await waitFor('the answer', () =>
      socket.answers.length > 0 || socket.failure !== null);

    expect(socket.answers[0]?.errors).toEqual([expect.objectContaining({
      extensions: expect.objectContaining({
        code: 'OPERATION_TOO_COSTLY', cost: 201, maxCost: 120,
      }),
    })]);
    await socket.dispose();
  });
});
