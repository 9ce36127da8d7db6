/**
 * Issue 6, a caller sending too much: past its burst, an operation is
 * refused with RATE_LIMITED (HTTP 429 and Retry-After, or an error on
 * the socket) and nothing runs; other callers are not slowed, and an
 * alert subscription already open keeps receiving its events (§3).
 */
import { describeEachDatabase } from '../support/databases';
import { postGraphQL } from '../support/graph';
import { subscribeAlerts } from '../support/subscriber';
import { waitFor } from '../support/wait';
import { at, inIxelles, send, subscribeLive, TODAY, waitForFact } from
  '../alerts/support';
import {
  grantedMeasure,
  requestInput,
  startProtectionGraph,
  type ProtectionGraph,
} from '../protection/support';
import {
  expectStillServing,
  GOOD_QUERY,
  GOOD_READER_ZONE,
  GOOD_VARIABLES,
  StoreWatcher,
} from './support';

const ANTWERPEN = { zone: '5345', arrondissement: 'ANT' };
const BURST = 5;

const BOARD = /* GraphQL */ `
  subscription { alertEvents { sequence kind alert { id } measure { id } } }
`;

describeEachDatabase('issue 6: the rate limit', (storage) => {
  let graph: ProtectionGraph;
  let watcher: StoreWatcher;
  let measureId: string;

  beforeAll(async () => {
    graph = await startProtectionGraph(storage(), {
      gatewayEnv: {
        RATE_LIMIT_BURST: String(BURST),
        RATE_LIMIT_PER_MINUTE: '6',
      },
    });
    graph.clock.setDay(TODAY);
    // Set up by callers the tests below never use up.
    measureId = await grantedMeasure(graph, ANTWERPEN, TODAY);
    watcher = await StoreWatcher.open(storage());
  }, 120_000);

  afterAll(async () => {
    await watcher?.close();
    await graph?.stack.cleanUp();
  });

  /**
   * A token of its own subject, with a full bucket; by default of the
   * zone that manages the measure the good read asks for.
   */
  function tokenOf(subject: string, zone = GOOD_READER_ZONE) {
    return graph.stack.token({ role: 'police', zone, subject });
  }

  function good(token: string) {
    return postGraphQL(graph.stack.gatewayUrl, GOOD_QUERY,
      { token, variables: GOOD_VARIABLES });
  }

  it('refuses past the burst with 429, Retry-After and RATE_LIMITED',
    async () => {
      const token = await tokenOf('burst-http');
      for (let i = 0; i < BURST; i += 1) {
        expect((await good(token)).status).toBe(200);
      }

      const response = await fetch(graph.stack.gatewayUrl, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ query: GOOD_QUERY, variables: GOOD_VARIABLES }),
      });
      const body = await response.json() as {
        data?: unknown;
        errors: Array<{ extensions: Record<string, unknown> }>;
      };

      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('10');
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([expect.objectContaining({
        extensions: expect.objectContaining({
          code: 'RATE_LIMITED',
          retryAfterSeconds: 10,
        }),
      })]);
    });

  it('runs nothing of a refused mutation', async () => {
    const token = await tokenOf('burst-mutation');
    for (let i = 0; i < BURST; i += 1) await good(token);
    const before = await watcher.snapshot();

    const { status, body } = await postGraphQL(graph.stack.gatewayUrl,
      `mutation ($input: RequestProtectionInput!) {
        requestProtection(input: $input) { id }
      }`,
      { token, variables: { input: requestInput(ANTWERPEN.zone, TODAY) } });

    expect(status).toBe(429);
    expect(body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(await watcher.snapshot()).toEqual(before);
  });

  it('counts operations over the socket in the same bucket', async () => {
    const token = await tokenOf('burst-socket');
    for (let i = 0; i < BURST; i += 1) await good(token);

    const socket = await subscribeAlerts(graph.stack.gatewayUrl, token,
      GOOD_QUERY, { variables: GOOD_VARIABLES });
    await waitFor('the refusal', () => socket.failure !== null);

    expect(socket.failure).toEqual([expect.objectContaining({
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 10 },
    })]);
    expect(socket.closed).toBeNull();
    await socket.dispose();
  });

  it('does not slow another caller', async () => {
    await expectStillServing(graph.stack.gatewayUrl,
      await tokenOf('someone-else'));
  });

  it('keeps delivering the alerts of an open subscription (§3)', async () => {
    // Antwerpen manages the measure whose alerts the board awaits.
    const token = await tokenOf('dispatcher', ANTWERPEN.zone);
    const board = await subscribeLive(graph.stack.gateway, token, BOARD);
    // The subscription took one from the bucket.
    for (let i = 1; i < BURST; i += 1) await good(token);
    expect((await good(token)).status).toBe(429);

    const app112 = graph.caller({ role: 'app112' });
    await send(app112, 'recordAlert', {
      measureId, alertId: 'while-limited', raisedAt: at(TODAY, '08:40:00'),
      location: inIxelles(at(TODAY, '08:39:30')),
    });
    await send(app112, 'recordAlertLocation', {
      measureId, alertId: 'while-limited',
      location: inIxelles(at(TODAY, '08:41:00')),
    });

    await waitForFact(board, 'while-limited RAISED');
    await waitForFact(board, 'while-limited LOCATION_UPDATED');
    expect(board.closed).toBeNull();
    await board.dispose();
  });

  it('never limits the 112 system', async () => {
    const app112 = await graph.stack.token({
      role: 'app112', subject: 'the-112-system',
    });
    const statuses: number[] = [];
    for (let i = 0; i < BURST * 3; i += 1) {
      statuses.push((await postGraphQL(graph.stack.gatewayUrl,
        '{ __typename }', { token: app112 })).status);
    }

    expect(statuses.every((status) => status === 200)).toBe(true);
  });
});
