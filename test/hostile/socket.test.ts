/**
 * Issue 6, hostile input on the graphql-ws socket: every breach of the
 * protocol or of the socket's limits closes that socket with its own
 * code, and the gateway goes on serving the others. The limits are
 * lowered through the gateway's configuration.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoGraph } from '../support/graph';
import { subscribeAlerts } from '../support/subscriber';
import { waitFor } from '../support/wait';
import {
  GOOD_QUERY,
  GOOD_READER_ZONE,
  GOOD_VARIABLES,
  expectStillServing,
  initialisedSocket,
  openRawSocket,
} from './support';

const LIMITS = {
  WS_INIT_TIMEOUT_MS: '300',
  MAX_WS_MESSAGE_BYTES: '4096',
  WS_MESSAGES_PER_SECOND: '20',
};

const BOARD = 'subscription { alertEvents { sequence kind } }';

describe('issue 6: hostile input on the socket', () => {
  let stack: Awaited<ReturnType<typeof startDemoGraph>>;
  let directory: string;
  let police: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'sat-hostile-ws-'));
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
    // However the socket ended, the gateway still serves.
    await expectStillServing(stack.gatewayUrl, police);
  });

  it('closes with 4401 a socket that subscribes before connection_init',
    async () => {
      const socket = await openRawSocket(stack.gatewayUrl);
      socket.send({ type: 'subscribe', id: '1', payload: { query: BOARD } });

      expect(await socket.waitForClose()).toEqual({
        code: 4401,
        reason: 'Unauthorized',
      });
    });

  it('closes with 4429 a socket that sends connection_init twice',
    async () => {
      const socket = await initialisedSocket(stack.gatewayUrl, police);
      socket.send({ type: 'connection_init', payload: {} });

      expect(await socket.waitForClose()).toEqual({
        code: 4429,
        reason: 'Too many initialisation requests',
      });
    });

  it('closes with 4408 a socket that never sends connection_init',
    async () => {
      const socket = await openRawSocket(stack.gatewayUrl);

      expect(await socket.waitForClose(5000)).toEqual({
        code: 4408,
        reason: 'Connection initialisation timeout',
      });
    });

  it('closes with 4409 a socket that reuses a subscription id', async () => {
    const socket = await initialisedSocket(stack.gatewayUrl, police);
    socket.send({ type: 'subscribe', id: 'a', payload: { query: BOARD } });
    socket.send({ type: 'subscribe', id: 'a', payload: { query: BOARD } });

    expect(await socket.waitForClose()).toEqual({
      code: 4409,
      reason: 'Subscriber for a already exists',
    });
    await waitFor('the first subscription to end',
      () => stack.gateway.alertStream.subscriptions === 0);
  });

  it.each([
    ['text that is not JSON', 'not json at all {'],
    ['JSON of no message type', JSON.stringify({ type: 'shout' })],
    ['a subscribe without a payload',
      JSON.stringify({ type: 'subscribe', id: '1' })],
    ['a subscribe whose query is no string',
      JSON.stringify({ type: 'subscribe', id: '1', payload: { query: 7 } })],
    ['a binary frame', Buffer.from([0xff, 0x00, 0xfe, 0x01])],
  ])('closes with 4400 a socket that sends %s', async (_, frame) => {
    const socket = await initialisedSocket(stack.gatewayUrl, police);
    socket.sendText(frame);

    const closed = await socket.waitForClose();

    expect(closed.code).toBe(4400);
  });

  it('closes with 1009 a socket whose message passes MAX_WS_MESSAGE_BYTES',
    async () => {
      const socket = await initialisedSocket(stack.gatewayUrl, police);
      const query = `{ __typename ${' '.repeat(5000)}}`;
      socket.send({ type: 'subscribe', id: '1', payload: { query } });

      expect((await socket.waitForClose()).code).toBe(1009);
    });

  it('closes with 4429 a socket that floods, sparing the other sockets',
    async () => {
      const calm = await subscribeAlerts(stack.gatewayUrl, police, BOARD);
      const socket = await initialisedSocket(stack.gatewayUrl, police);
      for (let i = 0; i < 25; i += 1) socket.send({ type: 'ping' });

      expect(await socket.waitForClose()).toEqual({
        code: 4429,
        reason: 'Too many messages',
      });
      expect(calm.closed).toBeNull();
      expect(calm.failure).toBeNull();
      await calm.dispose();
    });

  it('lets through as many messages a second as WS_MESSAGES_PER_SECOND',
    async () => {
      const socket = await initialisedSocket(stack.gatewayUrl, police);
      // connection_init was the first of the second.
      for (let i = 0; i < 19; i += 1) socket.send({ type: 'ping' });
      await new Promise((resolve) => setTimeout(resolve, 300));

      expect(socket.closed).toBeNull();
      expect(socket.messages.filter((m) => m.type === 'pong')).toHaveLength(19);
      socket.close();
    });

  it('answers a query on a socket after all that', async () => {
    const socket = await initialisedSocket(stack.gatewayUrl, police);
    socket.send({
      type: 'subscribe',
      id: 'q',
      payload: { query: GOOD_QUERY, variables: GOOD_VARIABLES },
    });

    const next = await socket.waitForMessage('next');

    expect(next.payload).toEqual({
      data: {
        protectionMeasure: {
          id: GOOD_VARIABLES.id,
          status: expect.any(String),
        },
      },
    });
    socket.close();
  });
});
