/**
 * Issue 6, the safelist: with TRUSTED_DOCUMENTS set, the gateway runs
 * the manifest's documents, sent in full or by hash, over HTTP and the
 * socket, and refuses any other with PERSISTED_QUERY_NOT_TRUSTED.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256Hex } from '../../gateway/trusted-documents';
import { postGraphQL, startDemoGraph } from '../support/graph';
import { subscribeAlerts } from '../support/subscriber';
import { waitFor } from '../support/wait';
import { GOOD_QUERY, GOOD_READER_ZONE, GOOD_VARIABLES } from './support';

const BOARD = 'subscription Board { alertEvents { sequence kind } }';
const RAISE = `mutation Raise($input: RecordAlertInput!) {
  recordAlert(input: $input) { id }
}`;

function manifestOf(bodies: Record<string, string>): string {
  return JSON.stringify({
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: Object.entries(bodies).map(([name, body]) => ({
      id: sha256Hex(body),
      name,
      type: body.trim().startsWith('subscription') ? 'subscription' : 'query',
      body,
    })),
  });
}

describe('issue 6: trusted documents', () => {
  let stack: Awaited<ReturnType<typeof startDemoGraph>>;
  let directory: string;
  let police: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'sat-hostile-trusted-'));
    const manifest = join(directory, 'manifest.json');
    await writeFile(manifest,
      manifestOf({ Good: GOOD_QUERY, Board: BOARD, Raise: RAISE }));
    stack = await startDemoGraph(
      { driver: 'sqlite', directory },
      { gatewayEnv: { TRUSTED_DOCUMENTS: manifest } },
    );
    // The zone that manages the measure the good read asks for.
    police = await stack.token({ role: 'police', zone: GOOD_READER_ZONE });
  }, 60_000);

  afterAll(async () => {
    await stack?.cleanUp();
    await rm(directory, { recursive: true, force: true });
  });

  async function post(body: Record<string, unknown>) {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${police}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      body: await response.json() as {
        data?: unknown;
        errors?: Array<{ extensions?: Record<string, unknown> }>;
      },
    };
  }

  const GOOD_DATA = {
    protectionMeasure: { id: GOOD_VARIABLES.id, status: expect.any(String) },
  };

  it('runs a listed document sent in full', async () => {
    const { status, body } = await postGraphQL(stack.gatewayUrl, GOOD_QUERY,
      { token: police, variables: GOOD_VARIABLES });

    expect(status).toBe(200);
    expect(body.data).toEqual(GOOD_DATA);
  });

  it('runs a listed document named by its hash alone', async () => {
    const { status, body } = await post({
      variables: GOOD_VARIABLES,
      extensions: {
        persistedQuery: { version: 1, sha256Hash: sha256Hex(GOOD_QUERY) },
      },
    });

    expect(status).toBe(200);
    expect(body.data).toEqual(GOOD_DATA);
  });

  it.each([
    ['a document not listed', { query: '{ __typename }' }],
    ['a listed document changed by one space',
      { query: `${GOOD_QUERY} `, variables: GOOD_VARIABLES }],
    ['a hash not listed', { extensions: {
      persistedQuery: { version: 1, sha256Hash: sha256Hex('{ x }') },
    } }],
    ['a listed document under another hash', {
      query: GOOD_QUERY,
      variables: GOOD_VARIABLES,
      extensions: {
        persistedQuery: { version: 1, sha256Hash: sha256Hex(BOARD) },
      },
    }],
  ])('refuses %s over HTTP', async (_, request) => {
    const { status, body } = await post(request);

    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.map((error) => error.extensions?.code))
      .toEqual(['PERSISTED_QUERY_NOT_TRUSTED']);
  });

  async function get(parameters: Record<string, string>) {
    const search = new URLSearchParams(parameters).toString();
    const response = await fetch(`${stack.gatewayUrl}?${search}`, {
      headers: {
        authorization: `Bearer ${police}`,
        'apollo-require-preflight': 'true',
      },
    });
    const body = await response.json() as {
      data?: unknown;
      errors?: Array<{ extensions?: Record<string, unknown> }>;
    };
    return { status: response.status, body };
  }

  it('runs a listed query named by its hash in a GET', async () => {
    const { status, body } = await get({
      variables: JSON.stringify(GOOD_VARIABLES),
      extensions: JSON.stringify({
        persistedQuery: { version: 1, sha256Hash: sha256Hex(GOOD_QUERY) },
      }),
    });

    expect(status).toBe(200);
    expect(body.data).toEqual(GOOD_DATA);
  });

  it('refuses a GET of a document not listed', async () => {
    const { status, body } = await get({ query: '{ __typename }' });

    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.extensions?.code))
      .toEqual(['PERSISTED_QUERY_NOT_TRUSTED']);
  });

  it('refuses a document not listed over the socket', async () => {
    const socket = await subscribeAlerts(stack.gatewayUrl, police,
      'subscription { alertEvents { sequence } }');
    await waitFor('the refusal', () => socket.failure !== null);

    expect(socket.failure).toEqual([expect.objectContaining({
      extensions: { code: 'PERSISTED_QUERY_NOT_TRUSTED' },
    })]);
    expect(stack.gateway.alertStream.subscriptions).toBe(0);
    await socket.dispose();
  });

  it('serves a listed subscription and a listed query over the socket',
    async () => {
      const board = await subscribeAlerts(stack.gatewayUrl, police, BOARD);
      const query = await subscribeAlerts(stack.gatewayUrl, police,
        GOOD_QUERY, { variables: GOOD_VARIABLES });
      await waitFor('the answer', () => query.answers.length > 0);
      await waitFor('the subscription',
        () => stack.gateway.alertStream.subscriptions === 1);

      expect(board.failure).toBeNull();
      expect(query.answers).toEqual([
        expect.objectContaining({ data: GOOD_DATA }),
      ]);
      await board.dispose();
      await query.dispose();
    });

  it('delivers the events of a trusted subscription (§3)', async () => {
    // The managing zone of the demo measure; the gateway's own queries
    // for each entry are not in the manifest, and need not be.
    const zone = await stack.token({
      role: 'police', zone: GOOD_READER_ZONE,
    });
    const board = await subscribeAlerts(stack.gatewayUrl, zone, BOARD);
    await waitFor('the subscription',
      () => stack.gateway.alertStream.live === 1);
    const app112 = await stack.token({ role: 'app112' });

    const { body } = await postGraphQL(stack.gatewayUrl, RAISE, {
      token: app112,
      variables: { input: {
        measureId: GOOD_VARIABLES.id,
        alertId: 'trusted-1',
        raisedAt: '2026-12-01T08:55:00Z',
      } },
    });
    await waitFor('the event', () => board.answers.length > 0);

    expect(body.errors).toBeUndefined();
    expect(board.answers[0]?.data).toEqual({
      alertEvents: { sequence: expect.any(String), kind: 'RAISED' },
    });
    await board.dispose();
  });
});
