/**
 * §3, issue 5 "no alert lost": a subscriber that comes back with `since`
 * set to the last sequence it saw gets every event it missed once, in
 * order, then the live stream: after dropping its own connection, while
 * events are being committed, and after its gateway was stopped and
 * another started. On both databases.
 *
 * What the subscriber should have is read over HTTP from
 * `Query.alertEvents`, the log as the same identity may read it: the
 * stream is right when it gives exactly that list, no more, no less.
 */
import type { RunningGateway } from '../../gateway/server';
import { describeEachDatabase } from '../support/databases';
import type { AlertSubscriber } from '../support/subscriber';
import { waitFor } from '../support/wait';
import {
  grantedMeasure,
  pv,
  startProtectionGraph,
  type Caller,
  type ProtectionGraph,
} from '../protection/support';
import {
  ANTWERPEN,
  BOARD,
  GENT,
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

const LOG = /* GraphQL */ `
  query Log($after: ID!) {
    alertEvents(after: $after, limit: 1000) { sequence }
  }
`;

describeEachDatabase('§3 resuming the live alert stream', (storage) => {
  let graph: ProtectionGraph;
  let antwerp: string;
  let gent: string;
  let token: string;
  let app112: Caller;
  /** Distinct fix instants, one second apart, for the location updates. */
  let fixes = 0;

  beforeAll(async () => {
    graph = await startProtectionGraph(storage());
    graph.clock.setDay(TODAY);
    antwerp = await grantedMeasure(graph, ANTWERPEN, TODAY);
    gent = await grantedMeasure(graph, GENT, TODAY);
    token = await graph.stack.token({ role: 'police', zone: '5345' });
    app112 = graph.caller({ role: 'app112' });
    await send(app112, 'recordAlert', {
      measureId: gent, alertId: 'gent', raisedAt: at(TODAY, '08:00:00'),
    });
  }, 120_000);

  afterAll(() => graph?.stack.cleanUp());

  /** The sequences the managing zone may read above `after`. */
  async function logAfter(after: number): Promise<number[]> {
    const data = await graph.police(ANTWERPEN.zone).data<{
      alertEvents: { sequence: string }[];
    }>(LOG, { after: String(after) });
    return data.alertEvents.map((event) => Number(event.sequence));
  }

  /** An alert of the Antwerp measure, raised at 08:30. */
  function raise(alertId: string): Promise<string> {
    return send(app112, 'recordAlert', {
      measureId: antwerp, alertId, raisedAt: at(TODAY, '08:30:00'),
    });
  }

  /** A new fix for an alert; each call a second later than the last. */
  function locate(measureId: string, alertId: string): Promise<string> {
    fixes += 1;
    const fixedAt = new Date(Date.parse(at(TODAY, '08:30:00')) + fixes * 1000);
    return send(app112, 'recordAlertLocation', {
      measureId, alertId, location: inIxelles(fixedAt.toISOString()),
    });
  }

  const lastOf = (subscriber: AlertSubscriber) =>
    Math.max(...sequencesOf(subscriber));

  /** The subscriber got exactly the log's events above `since`. */
  async function expectExactly(subscriber: AlertSubscriber, since: number) {
    const received = sequencesOf(subscriber);
    expect(received).toEqual(await logAfter(since));
    expect(new Set(received).size).toBe(received.length);
    expect(subscriber.answers.filter((answer) => answer.errors)).toEqual([]);
  }

  it('a subscriber that dropped gets what it missed once, in order, then '
    + 'the live events', async () => {
    const gateway = graph.stack.gateway;
    const first = await subscribeLive(gateway, token);
    await raise('drop-1');
    await locate(antwerp, 'drop-1');
    await waitForFact(first, 'drop-1 LOCATION_UPDATED');
    const since = lastOf(first);
    await leave(gateway, first);

    // Missed: the rest of the first alert and a second one, between
    // events of a Gent measure that are not the managing zone's.
    await locate(gent, 'gent');
    await graph.police(ANTWERPEN.zone).mutate('recordPoliceArrival', {
      measureId: antwerp, alertId: 'drop-1', arrivedAt: at(TODAY, '08:41:00'),
    });
    await locate(gent, 'gent');
    await send(app112, 'closeAlertCall', {
      measureId: antwerp, alertId: 'drop-1', endedAt: at(TODAY, '08:45:00'),
    });
    await raise('drop-2');

    const resumed = await subscribeLive(gateway, token, BOARD,
      { variables: { since: String(since) } });
    await locate(antwerp, 'drop-2');
    await waitForFact(resumed, 'drop-2 LOCATION_UPDATED');

    expect(factsOf(resumed)).toEqual([
      'drop-1 POLICE_ARRIVED',
      'drop-1 CLOSED',
      'drop-2 RAISED',
      'drop-2 LOCATION_UPDATED',
    ]);
    await expectExactly(resumed, since);
    await leave(gateway, resumed);
  });

  it('subscribers resuming while events are committed, from the ring and '
    + 'from the log, lose and double nothing', async () => {
    await raise('busy');
    const since = (await logAfter(0)).at(-1) ?? 0;
    // A gateway started now holds nothing older in its ring: resuming
    // from `since` on it reads the log.
    const fresh = await graph.stack.startGateway();
    try {
      const burst = (async () => {
        for (let i = 0; i < 8; i += 1) {
          await locate(antwerp, 'busy');
          await locate(gent, 'gent');
        }
      })();
      await waitFor('the burst to begin', async () =>
        (await logAfter(since)).length >= 2);

      const fromRing = await subscribeLive(graph.stack.gateway, token, BOARD,
        { variables: { since: String(since) } });
      const fromLog = await subscribeLive(fresh, token, BOARD,
        { variables: { since: String(since) } });
      await burst;
      await send(app112, 'closeAlertCall', {
        measureId: antwerp, alertId: 'busy', endedAt: at(TODAY, '08:50:00'),
      });
      await waitForFact(fromRing, 'busy CLOSED');
      await waitForFact(fromLog, 'busy CLOSED');

      expect(factsOf(fromRing)).toEqual([
        ...Array(8).fill('busy LOCATION_UPDATED'),
        'busy CLOSED',
      ]);
      await expectExactly(fromRing, since);
      await expectExactly(fromLog, since);
      await leave(graph.stack.gateway, fromRing);
      await leave(fresh, fromLog);
    } finally {
      await fresh.stop();
    }
  });

  it('a subscriber whose gateway stopped gets what it missed from the '
    + 'gateway started after it, once, in order', async () => {
    let second: RunningGateway | null = null;
    let first: RunningGateway | null = await graph.stack.startGateway();
    try {
      const before = await subscribeLive(first, token);
      await raise('restart');
      await waitForFact(before, 'restart RAISED');
      const since = lastOf(before);

      const stopping = first.stop();
      first = null;
      await stopping;
      const closed = await before.waitForClose();
      expect(closed.code).toBe(1001);

      // Committed while no gateway streams to the subscriber.
      await locate(antwerp, 'restart');
      await locate(gent, 'gent');
      await graph.police(ANTWERPEN.zone).mutate('classifyAlert', {
        measureId: antwerp, alertId: 'restart', classification: 'TEST',
        classifiedAt: at(TODAY, '08:52:00'), pvReference: pv('5345', TODAY),
      });

      second = await graph.stack.startGateway();
      const after = await subscribeLive(second, token, BOARD,
        { variables: { since: String(since) } });
      // From far back: the whole log, read in pages on the new gateway.
      const fromStart = await subscribeLive(second, token, BOARD,
        { variables: { since: '0' } });
      await raise('restart-live');
      await waitForFact(after, 'restart-live RAISED');
      await waitForFact(fromStart, 'restart-live RAISED');

      expect(factsOf(after)).toEqual([
        'restart LOCATION_UPDATED',
        'restart CLASSIFIED',
        'restart-live RAISED',
      ]);
      await expectExactly(after, since);
      await expectExactly(fromStart, 0);
      expect(factsOf(fromStart)).toEqual(expect.arrayContaining([
        'drop-1 RAISED', 'busy CLOSED', 'restart RAISED',
      ]));
      await after.dispose();
      await fromStart.dispose();
    } finally {
      await first?.stop();
      await second?.stop();
    }
  });
});
