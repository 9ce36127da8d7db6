/**
 * §3, issue 5 "ingest": raising an alert is idempotent on the client's
 * alert id, whichever way it comes in (by the measure or by the device's
 * serial), and is acknowledged only once committed: the event is in the
 * log when the mutation answers, and subscribers get it once.
 */
import { DEMO } from '../../storage/demo-data';
import { sqliteDatabase } from '../support/databases';
import type { AlertSubscriber } from '../support/subscriber';
import {
  startProtectionGraph,
  type Caller,
  type ProtectionGraph,
} from '../protection/support';
import {
  DEMO_MANAGING_ZONE,
  DEMO_MEASURE,
  TODAY,
  at,
  factsOf,
  inIxelles,
  send,
  sequencesOf,
  subscribeLive,
  waitForFact,
} from './support';

const BUTTON = DEMO.serials.buttonOfActiveWithEverything;

const LOG = /* GraphQL */ `
  query Log($after: ID!) {
    alertEvents(after: $after, limit: 1000) {
      sequence kind alert { id }
    }
  }
`;

interface LoggedEvent {
  sequence: string;
  kind: string;
  alert: { id: string };
}

describe('§3 raising an alert', () => {
  const database = sqliteDatabase();
  let graph: ProtectionGraph;
  let app112: Caller;
  let cic: Caller;
  let board: AlertSubscriber;

  beforeAll(async () => {
    graph = await startProtectionGraph(await database.create());
    graph.clock.setDay(TODAY);
    app112 = graph.caller({ role: 'app112' });
    cic = graph.cic('BE-VAN');
    const token = await graph.stack.token(
      { role: 'police', zone: DEMO_MANAGING_ZONE });
    board = await subscribeLive(graph.stack.gateway, token);
  }, 120_000);

  afterAll(async () => {
    await board?.dispose();
    await graph?.stack.cleanUp();
    await database.drop();
  });

  /** The managing zone's events in the log above `after`. */
  async function logAfter(after: number): Promise<LoggedEvent[]> {
    const data = await graph.police(DEMO_MANAGING_ZONE).data<{
      alertEvents: LoggedEvent[];
    }>(LOG, { after: String(after) });
    return data.alertEvents;
  }

  const fromDevice = (alertId: string) => ({
    serial: BUTTON, alertId, raisedAt: at(TODAY, '08:40:00'),
  });

  it('the same alert id raised again, by the device or by the measure, '
    + 'makes one alert and one RAISED event', async () => {
    await send(app112, 'raiseAlertFromDevice', fromDevice('twice'));
    // The 112 system retries, and the CIC records the same alert.
    await send(app112, 'raiseAlertFromDevice', fromDevice('twice'));
    await send(cic, 'recordAlert', {
      measureId: DEMO_MEASURE, alertId: 'twice',
      raisedAt: at(TODAY, '08:40:00'),
    });
    await send(app112, 'recordAlertLocation', {
      measureId: DEMO_MEASURE, alertId: 'twice',
      location: inIxelles(at(TODAY, '08:40:30')),
    });
    await waitForFact(board, 'twice LOCATION_UPDATED');

    expect(factsOf(board).filter((fact) => fact.startsWith('twice ')))
      .toEqual(['twice RAISED', 'twice LOCATION_UPDATED']);
    const measure = await graph.police(DEMO_MANAGING_ZONE)
      .measure(DEMO_MEASURE);
    expect(measure.alerts.filter(({ id }) => id === 'twice')).toHaveLength(1);
    const logged = (await logAfter(0)).filter((e) => e.alert.id === 'twice');
    expect(logged.map((event) => event.kind))
      .toEqual(['RAISED', 'LOCATION_UPDATED']);
  });

  it('retries sent at the same time make one alert and one RAISED event',
    async () => {
      const retries = await Promise.allSettled([1, 2, 3].map(() =>
        send(app112, 'raiseAlertFromDevice', fromDevice('at-once'))));
      expect(retries.map((retry) => retry.status))
        .toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      await send(app112, 'closeAlertCall', {
        measureId: DEMO_MEASURE, alertId: 'at-once',
        endedAt: at(TODAY, '08:44:00'),
      });
      await waitForFact(board, 'at-once CLOSED');

      expect(factsOf(board).filter((fact) => fact.startsWith('at-once ')))
        .toEqual(['at-once RAISED', 'at-once CLOSED']);
      const measure = await graph.police(DEMO_MANAGING_ZONE)
      .measure(DEMO_MEASURE);
      expect(measure.alerts.filter(({ id }) => id === 'at-once'))
        .toHaveLength(1);
    });

  it('answers only once the event is committed: the log holds it as soon '
    + 'as the mutation answers, under the sequence subscribers get',
  async () => {
    let after = Math.max(0, ...sequencesOf(board));
    for (const alertId of ['ack-1', 'ack-2', 'ack-3']) {
      await send(app112, 'raiseAlertFromDevice', fromDevice(alertId));
      const logged = await logAfter(after);
      expect(logged.map((event) => `${event.alert.id} ${event.kind}`))
        .toEqual([`${alertId} RAISED`]);
      after = Number(logged[0].sequence);
      await waitForFact(board, `${alertId} RAISED`);
      expect(sequencesOf(board).at(-1)).toBe(after);
    }
  });
});
