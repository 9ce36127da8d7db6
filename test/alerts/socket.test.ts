/**
 * §3, issue 5: the gateway's graphql-ws endpoint as a client meets it.
 * Who is let in (the token of connection_init; 4403 otherwise, and once
 * the token expires), what a subscription may ask (alertEvents alone,
 * a `since` that is a sequence), queries over the socket answered as
 * over HTTP, and executions shared by subscribers who would get the same
 * answer.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { ensureIssuerKeys, mintToken } from '../../runtime/keys';
import { DEMO } from '../../storage/demo-data';
import { sqliteDatabase } from '../support/databases';
import { postGraphQL } from '../support/graph';
import {
  subscribeAlerts,
  type AlertSubscriber,
} from '../support/subscriber';
import { waitFor } from '../support/wait';
import {
  grantedMeasure,
  startProtectionGraph,
  type ProtectionGraph,
} from '../protection/support';
import {
  ANTWERPEN,
  BOARD,
  TODAY,
  at,
  factsOf,
  inIxelles,
  leave,
  send,
  sequencesOf,
  subscribeLive,
  waitForFact,
} from './support';

/** The same events as BOARD, asked otherwise. */
const OTHER_BOARD = /* GraphQL */ `
  subscription Where {
    alertEvents { sequence kind interventionZone { code } }
  }
`;

describe('§3 the alert socket', () => {
  const database = sqliteDatabase();
  let graph: ProtectionGraph;
  let measureId: string;
  let alerts = 0;

  beforeAll(async () => {
    graph = await startProtectionGraph(await database.create());
    graph.clock.setDay(TODAY);
    measureId = await grantedMeasure(graph, ANTWERPEN, TODAY);
  }, 120_000);

  afterAll(async () => {
    await graph?.stack.cleanUp();
    await database.drop();
  });

  /** Raises a new alert of the Antwerp measure, located in Ixelles. */
  async function raise(): Promise<string> {
    alerts += 1;
    const alertId = `socket-${alerts}`;
    await send(graph.caller({ role: 'app112' }), 'recordAlert', {
      measureId, alertId, raisedAt: at(TODAY, '08:40:00'),
      location: inIxelles(at(TODAY, '08:39:30')),
    });
    return alertId;
  }

  const police = (zone: string, subject?: string) =>
    graph.stack.token({ role: 'police', zone, subject });

  describe('connection_init', () => {
    /** The issuer and audience the stack's tokens carry. */
    async function issuedFor(): Promise<{ issuer: string; audience: string }> {
      const { iss, aud } = decodeJwt(await police('5345'));
      return { issuer: String(iss), audience: String(aud) };
    }

    /** A token like the stack's, signed by a key the gateway never saw. */
    async function foreignToken(): Promise<string> {
      const directory = await mkdtemp(join(tmpdir(), 'sat-foreign-keys-'));
      try {
        const { privateJwk } = await ensureIssuerKeys(directory);
        return await mintToken(privateJwk, {
          role: 'police', zone: '5345', expiresIn: '1h', ...await issuedFor(),
        });
      } finally {
        await rm(directory, { recursive: true, force: true });
      }
    }

    it.each<[string, () => Promise<Record<string, unknown>>]>([
      ['no token', async () => ({})],
      ['a token that is no JWT', async () => ({
        authorization: 'Bearer not-a-jwt' })],
      ['a token signed by another key', async () => ({
        authorization: `Bearer ${await foreignToken()}` })],
      ['a token that expired', async () => ({
        token: await graph.stack.token({
          role: 'police', zone: '5345', expiresIn: '-5m' }) })],
      ['a token for another audience', async () => ({
        token: await mintToken(graph.stack.keys.issuer.privateJwk, {
          role: 'police', zone: '5345', expiresIn: '1h',
          issuer: (await issuedFor()).issuer, audience: 'another-api' }) })],
    ])('%s closes the socket with 4403', async (_, params) => {
      const live = graph.stack.gateway.alertStream.live;
      const refused = await subscribeAlerts(graph.stack.gatewayUrl, '',
        BOARD, { connectionParams: await params() });
      const closed = await refused.waitForClose();
      expect(closed.code).toBe(4403);
      expect(refused.answers).toEqual([]);
      expect(graph.stack.gateway.alertStream.live).toBe(live);
    });

    it('takes the token as { token } as well as { authorization }',
      async () => {
        const board = await subscribeLive(graph.stack.gateway, '', BOARD,
          { connectionParams: { token: await police('5345') } });
        const alertId = await raise();
        await waitForFact(board, `${alertId} RAISED`);
        await leave(graph.stack.gateway, board);
      });

    it('closes with 4403 once the token expires, not before', async () => {
      const token = await graph.stack.token(
        { role: 'police', zone: '5345', expiresIn: '2s' });
      const expiresAt = Number(decodeJwt(token).exp) * 1000;
      const board = await subscribeLive(graph.stack.gateway, token);

      const alertId = await raise();
      await waitForFact(board, `${alertId} RAISED`);
      expect(board.closed).toBeNull();

      const closed = await board.waitForClose(5000);
      expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);
      expect(closed.code).toBe(4403);
      await waitFor('the gateway to drop the subscription',
        () => graph.stack.gateway.alertStream.subscriptions === 0);
    });
  });

  describe('operations', () => {
    /** Sends one operation over the socket; answers how it ended. */
    async function overSocket(
      token: string,
      query: string,
      variables?: Record<string, unknown>,
    ): Promise<AlertSubscriber> {
      const client = await subscribeAlerts(graph.stack.gatewayUrl, token,
        query, { variables });
      await waitFor('the operation to end',
        () => client.completed || client.failure !== null);
      return client;
    }

    const MEASURE = /* GraphQL */ `
      query Measure($id: ID!) {
        protectionMeasure(id: $id) {
          id status managingZone { code }
          suspect { nationalNumber bng { holdsWeapons } antecedents { number } }
          devices { serial status }
        }
      }
    `;

    /** What a client compares of an error: where, and which. */
    const gist = (errors: ReadonlyArray<{
      message: string;
      path?: ReadonlyArray<string | number>;
      extensions?: Record<string, unknown>;
    }> | undefined) => errors?.map((error) => ({
      message: error.message,
      path: error.path,
      code: error.extensions?.code,
    }));

    it.each([
      ['the managing zone', { role: 'police', zone: '5347' }],
      ['the competent magistrate',
        { role: 'magistrate', arrondissement: 'ANT' }],
      ['another zone', { role: 'police', zone: '5415' }],
      ['an analyst', { role: 'analyst' }],
    ] as const)('a query over the socket answers %s as HTTP does',
      async (_, claims) => {
        const token = await graph.stack.token(claims);
        const variables = { id: DEMO.measureIds.activeWithEverything };
        const socket = await overSocket(token, MEASURE, variables);
        const { body } = await postGraphQL(graph.stack.gatewayUrl, MEASURE,
          { token, variables });

        expect(socket.failure).toBeNull();
        expect(socket.answers).toHaveLength(1);
        expect(socket.answers[0].data).toEqual(body.data);
        expect(gist(socket.answers[0].errors)).toEqual(gist(body.errors));
        await socket.dispose();
      });

    it('a query over the socket answers the managing zone with the '
      + 'briefing of every subgraph', async () => {
      const token = await police('5347');
      const socket = await overSocket(token, MEASURE,
        { id: DEMO.measureIds.activeWithEverything });
      expect(socket.answers[0]).toEqual({
        data: {
          protectionMeasure: expect.objectContaining({
            managingZone: { code: '5347' },
            suspect: expect.objectContaining({
              bng: { holdsWeapons: expect.any(Boolean) },
              antecedents: expect.arrayContaining([
                { number: expect.any(String) }]),
            }),
            devices: expect.arrayContaining([{
              serial: DEMO.serials.buttonOfActiveWithEverything,
              status: 'ASSIGNED',
            }]),
          }),
        },
      });
      await socket.dispose();
    });

    it.each([
      ['two root fields',
        'subscription { alertEvents { sequence } again: alertEvents { sequence } }',
        {}, 'GRAPHQL_VALIDATION_FAILED', /only one top level field/],
      ['alertEvents spread from a fragment',
        `subscription { ...Board }
         fragment Board on Subscription { alertEvents { sequence } }`,
        {}, 'BAD_USER_INPUT', /exactly one field, alertEvents/],
      ['alertEvents under a directive',
        'subscription { alertEvents @include(if: true) { sequence } }',
        {}, 'BAD_USER_INPUT', /exactly one field, alertEvents/],
      ['a field the schema does not have',
        'subscription { measureChanged { id } }',
        {}, 'GRAPHQL_VALIDATION_FAILED', /measureChanged/],
      ['since "abc" as a variable', BOARD, { since: 'abc' },
        'BAD_USER_INPUT', /since must be a sequence/],
      ['since "abc" as a literal',
        'subscription { alertEvents(since: "abc") { sequence } }',
        {}, 'BAD_USER_INPUT', /since must be a sequence/],
      ['since "-1"', BOARD, { since: '-1' },
        'BAD_USER_INPUT', /since must be a sequence/],
    ])('refuses a subscription with %s, and keeps the socket',
      async (_, query, variables, code, message) => {
        const socket = await overSocket(await police('5345'), query,
          variables);
        expect(socket.answers).toEqual([]);
        expect(socket.failure).toEqual([expect.objectContaining({
          message: expect.stringMatching(message),
          extensions: expect.objectContaining({ code }),
        })]);
        expect(socket.closed).toBeNull();
        await socket.dispose();
      });
  });

  describe('shared executions', () => {
    it('subscribers of one zone with one document share an execution per '
      + 'event; another document or another zone runs its own', async () => {
      const gateway = graph.stack.gateway;
      const first = await subscribeLive(gateway, await police('5345', 'a'));
      const second = await subscribeLive(gateway, await police('5345', 'b'));

      let before = gateway.alertStream.executions;
      const alertId = await raise();
      await waitForFact(first, `${alertId} RAISED`);
      await waitForFact(second, `${alertId} RAISED`);
      expect(gateway.alertStream.executions - before).toBe(1);

      const otherDocument = await subscribeLive(gateway,
        await police('5345', 'c'), OTHER_BOARD);
      const otherZone = await subscribeLive(gateway,
        await police('5339', 'd'));
      before = gateway.alertStream.executions;
      await send(graph.caller({ role: 'app112' }), 'recordAlertLocation', {
        measureId, alertId, location: inIxelles(at(TODAY, '08:41:00')),
      });
      const fact = `${alertId} LOCATION_UPDATED`;
      await Promise.all([first, second, otherZone].map((subscriber) =>
        waitForFact(subscriber, fact)));
      await otherDocument.waitForCount(1);
      expect(gateway.alertStream.executions - before).toBe(3);

      expect(factsOf(second)).toEqual(factsOf(first));
      expect(sequencesOf(otherDocument)).toEqual([sequencesOf(first)[1]]);
      expect(otherDocument.answers[0].data).toEqual({ alertEvents: {
        sequence: String(sequencesOf(first)[1]),
        kind: 'LOCATION_UPDATED',
        interventionZone: { code: '5339' },
      } });
      for (const subscriber of [first, second, otherDocument, otherZone]) {
        await leave(gateway, subscriber);
      }
    });
  });
});
