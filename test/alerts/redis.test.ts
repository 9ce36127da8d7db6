/**
 * §3, issue 5 "more than one gateway": with Redis configured, the
 * notices of committed alert facts travel between instances through
 * Redis Streams, and an outage of Redis neither fails a raise nor loses
 * an event. A real redis-server per file (test/support/redis.ts).
 *
 * The gateways here read the alert log unprompted only once a minute
 * (alertPollMs 60000), unless said otherwise: an event that reaches a
 * subscriber within seconds came through Redis, or through the log read
 * that a gap on the bus sets off, not through the poll.
 */
import type { RunningGateway } from '../../gateway/server';
import {
  createAlertBus,
  RedisAlertBus,
  type AlertBus,
} from '../../runtime/alerts';
import { createLogger } from '../../runtime/logger';
import {
  describeEachDatabase,
  sqliteDatabase,
  type TestDatabase,
} from '../support/databases';
import { startRedis, type TestRedis } from '../support/redis';
import { waitFor } from '../support/wait';
import {
  grantedMeasure,
  pv,
  startProtectionGraph,
  type ProtectionGraph,
} from '../protection/support';
import {
  ANTWERPEN,
  TODAY,
  at,
  factsOf,
  inIxelles,
  send,
  sequencesOf,
  subscribeLive,
  waitForFact,
} from './support';

const logger = createLogger({ name: 'test', level: 'silent' });
/** Far longer than any wait below: only Redis can be that fast. */
const SLOW_POLL_MS = 60_000;
/** How long an event through Redis may take, on a slow machine. */
const PROMPTLY_MS = 5000;

describeEachDatabase('§3 two gateways sharing Redis', (storage) => {
  let redis: TestRedis;
  let busA: AlertBus;
  let busB: RedisAlertBus;
  let graph: ProtectionGraph;
  let gatewayB: RunningGateway;
  let measureId: string;

  beforeAll(async () => {
    redis = await startRedis();
    // The stack's bus: the protection subgraph publishes on it, and the
    // stack's gateway (A) listens to it.
    busA = createAlertBus({ url: redis.url, logger });
    graph = await startProtectionGraph(storage(),
      { alertBus: busA, alertPollMs: SLOW_POLL_MS });
    graph.clock.setDay(TODAY);
    measureId = await grantedMeasure(graph, ANTWERPEN, TODAY);
    busB = new RedisAlertBus({ url: redis.url, logger });
    gatewayB = await graph.stack.startGateway({ alertBus: busB });
  }, 120_000);

  afterAll(async () => {
    await gatewayB?.stop();
    await graph?.stack.cleanUp();
    await busB?.close();
    await busA?.close();
    await redis?.close();
  });

  it('a subscriber on gateway B gets promptly, in order, the facts of an '
    + 'alert raised through gateway A', async () => {
    const token = await graph.stack.token({ role: 'police', zone: '5345' });
    const onA = await subscribeLive(graph.stack.gateway, token);
    const onB = await subscribeLive(gatewayB, token);
    await waitFor('both buses to read Redis',
      () => busA.healthy && busB.healthy);
    const app112 = graph.caller({ role: 'app112' });

    const raisedAt = Date.now();
    await send(app112, 'recordAlert', {
      measureId, alertId: 'shared', raisedAt: at(TODAY, '08:40:00'),
    });
    await waitForFact(onB, 'shared RAISED', PROMPTLY_MS);
    expect(Date.now() - raisedAt).toBeLessThan(PROMPTLY_MS);

    await send(app112, 'recordAlertLocation', {
      measureId, alertId: 'shared',
      location: inIxelles(at(TODAY, '08:40:20')),
    });
    await graph.police('5345').mutate('classifyAlert', {
      measureId, alertId: 'shared', classification: 'REAL',
      classifiedAt: at(TODAY, '08:50:00'), pvReference: pv('5345', TODAY),
    });
    await waitForFact(onB, 'shared CLASSIFIED', PROMPTLY_MS);
    await waitForFact(onA, 'shared CLASSIFIED', PROMPTLY_MS);

    const facts = ['RAISED', 'LOCATION_UPDATED', 'CLASSIFIED']
      .map((kind) => `shared ${kind}`);
    expect(factsOf(onB)).toEqual(facts);
    expect(factsOf(onA)).toEqual(facts);
    expect(sequencesOf(onB)).toEqual(sequencesOf(onA));
    await onA.dispose();
    await onB.dispose();
  });
});

/**
 * A stack over Redis for one describe, on SQLite, its gateway reading
 * the log unprompted every `alertPollMs`.
 */
function stackOverRedis(alertPollMs: number) {
  const state: {
    redis?: TestRedis;
    bus?: AlertBus;
    graph?: ProtectionGraph;
    measureId?: string;
    database?: TestDatabase;
  } = {};

  beforeAll(async () => {
    state.redis = await startRedis();
    state.bus = createAlertBus({ url: state.redis.url, logger });
    state.database = sqliteDatabase();
    state.graph = await startProtectionGraph(await state.database.create(),
      { alertBus: state.bus, alertPollMs });
    state.graph.clock.setDay(TODAY);
    state.measureId = await grantedMeasure(state.graph, ANTWERPEN, TODAY);
  }, 120_000);

  afterAll(async () => {
    await state.graph?.stack.cleanUp();
    await state.bus?.close();
    await state.redis?.close();
    await state.database?.drop();
  });

  return () => {
    const { redis, bus, graph, measureId } = state;
    if (!redis || !bus || !graph || !measureId) {
      throw new Error('The stack over Redis is not up');
    }
    return { redis, bus, graph, measureId };
  };
}

/** Raises an alert of the Antwerp measure; answers how long it took. */
async function timedRaise(
  graph: ProtectionGraph,
  measureId: string,
  alertId: string,
): Promise<number> {
  const started = Date.now();
  await send(graph.caller({ role: 'app112' }), 'recordAlert', {
    measureId, alertId, raisedAt: at(TODAY, '08:40:00'),
  });
  return Date.now() - started;
}

/** Events the managing zone may read from the log, by alert id. */
async function loggedAlerts(graph: ProtectionGraph): Promise<string[]> {
  const data = await graph.police('5345').data<{
    alertEvents: { alert: { id: string } }[];
  }>('{ alertEvents(limit: 1000) { alert { id } } }');
  return data.alertEvents.map((event) => event.alert.id);
}

describe('§3 Redis stopped and restarted, the gateway polling once a minute',
  () => {
    const stack = stackOverRedis(SLOW_POLL_MS);

    it('a raise while Redis is down is committed at once, and reaches the '
      + 'subscriber once Redis is back; later ones come through Redis',
    async () => {
      const { redis, bus, graph, measureId } = stack();
      const token = await graph.stack.token({ role: 'police', zone: '5345' });
      const board = await subscribeLive(graph.stack.gateway, token);
      await waitFor('the bus to read Redis', () => bus.healthy);

      await redis.stop();
      const took = await timedRaise(graph, measureId, 'while-down');
      expect(took).toBeLessThan(1000);
      expect(await loggedAlerts(graph)).toContain('while-down');

      await redis.restart();
      await waitForFact(board, 'while-down RAISED', PROMPTLY_MS);
      await waitFor('the bus to read Redis again', () => bus.healthy);

      await timedRaise(graph, measureId, 'after-restart');
      await waitForFact(board, 'after-restart RAISED', PROMPTLY_MS);
      expect(factsOf(board)).toEqual(
        ['while-down RAISED', 'after-restart RAISED']);
      expect(board.closed).toBeNull();
      await board.dispose();
    });
  });

describe('§3 Redis stopped and restarted, the gateway polling often', () => {
  const stack = stackOverRedis(300);

  it('a raise while Redis is down reaches the subscriber from the log '
    + 'before Redis is back', async () => {
    const { redis, bus, graph, measureId } = stack();
    const token = await graph.stack.token({ role: 'police', zone: '5345' });
    const board = await subscribeLive(graph.stack.gateway, token);

    await redis.stop();
    const took = await timedRaise(graph, measureId, 'polled');
    expect(took).toBeLessThan(1000);
    await waitForFact(board, 'polled RAISED', PROMPTLY_MS);
    expect(redis.running).toBe(false);
    expect(bus.healthy).toBe(false);

    await redis.restart();
    await waitFor('the bus to read Redis again', () => bus.healthy);
    await timedRaise(graph, measureId, 'back');
    await waitForFact(board, 'back RAISED', PROMPTLY_MS);
    expect(factsOf(board)).toEqual(['polled RAISED', 'back RAISED']);
    await board.dispose();
  });
});
