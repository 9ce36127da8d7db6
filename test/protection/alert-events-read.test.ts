/**
 * §3, §7.2.2, §7.11.2: `Query.alertEvents`, the alert log as each caller
 * may read it, which the live stream replays on reconnect. Through the
 * gateway, on both databases.
 */
import { describeEachDatabase } from '../support/databases';
import {
  grantedMeasure,
  pv,
  type Caller,
  type MeasurePlace,
  type ProtectionGraph,
  startProtectionGraph,
} from './support';

const TODAY = '2026-12-10';
const ANTWERPEN: MeasurePlace = { zone: '5345', arrondissement: 'ANT' };
const ALERT = 'read-1';

/** Inside the demo shape of zone 5339, Bruxelles-Capitale/Ixelles. */
const IN_IXELLES = {
  latitude: 50.833, longitude: 4.367, accuracyMeters: 12,
  confidencePercent: 68, method: 'GNSS', fixedAt: `${TODAY}T08:40:30Z`,
};

const ALERT_EVENTS = /* GraphQL */ `
  query ($after: ID, $limit: Int) {
    alertEvents(after: $after, limit: $limit) {
      sequence
      kind
      at
      alert { id classification }
      measure { id }
      outsideCoverage
      interventionZone { code }
    }
  }
`;

interface EventView {
  sequence: string;
  kind: string;
  at: string;
  alert: { id: string; classification: string | null };
  measure: { id: string };
  outsideCoverage: boolean;
  interventionZone: { code: string } | null;
}

describeEachDatabase('§3 reading the alert log', (storage) => {
  let graph: ProtectionGraph;
  let measureId: string;

  beforeAll(async () => {
    graph = await startProtectionGraph(storage());
    graph.clock.setDay(TODAY);
    measureId = await grantedMeasure(graph, ANTWERPEN, TODAY);
    const app112 = graph.caller({ role: 'app112' });
    await app112.mutate('recordAlert', {
      measureId, alertId: ALERT, raisedAt: `${TODAY}T08:40:00Z`,
    });
    await app112.mutate('recordAlertLocation',
      { measureId, alertId: ALERT, location: IN_IXELLES });
  }, 120_000);

  afterAll(() => graph?.stack.cleanUp());

  async function read(
    caller: Caller,
    variables: Record<string, unknown> = {},
  ): Promise<EventView[]> {
    const data = await caller.data<{ alertEvents: EventView[] }>(
      ALERT_EVENTS, variables);
    return data.alertEvents.filter((event) => event.alert.id === ALERT);
  }

  const kinds = (events: EventView[]) => events.map((event) => event.kind);

  it('§3, §7.2.2: the managing zone, the intervention zone, the province\'s '
    + 'CIC and the magistrate read the alert\'s events', async () => {
      const readers = [
        graph.police(ANTWERPEN.zone),
        graph.police('5339'),
        graph.cic('BE-BRU'),
        graph.magistrate(ANTWERPEN.arrondissement),
      ];
      for (const reader of readers) {
        expect(kinds(await read(reader)))
          .toEqual(['RAISED', 'LOCATION_UPDATED']);
      }
    });

  it('§7.2.2: an event names its alert, measure and intervention zone',
    async () => {
      const [raised] = await read(graph.police(ANTWERPEN.zone));
      expect(raised).toEqual({
        sequence: expect.stringMatching(/^[0-9]+$/),
        kind: 'RAISED',
        at: expect.any(String),
        alert: { id: ALERT, classification: null },
        measure: { id: measureId },
        outsideCoverage: false,
        interventionZone: { code: '5339' },
      });
    });

  it('another zone reads nothing', async () => {
    expect(await read(graph.police('5415'))).toEqual([]);
  });

  it('an analyst, victim support and the 112 system are refused the log '
    + 'with FORBIDDEN', async () => {
      const outsiders = [
        [graph.caller({ role: 'analyst' }), 'analyst'],
        [graph.caller({ role: 'victim-support', arrondissement: 'ANT' }),
          'victim-support of ANT'],
        [graph.caller({ role: 'app112' }), 'app112'],
      ] as const;
      for (const [outsider, who] of outsiders) {
        expect(await outsider.error(ALERT_EVENTS)).toMatchObject({
          code: 'FORBIDDEN',
          message: 'Query.alertEvents is for police, cic, magistrate; '
            + `this caller is ${who}.`,
        });
      }
    });

  it('pages with after, in sequence order', async () => {
    const police = graph.police(ANTWERPEN.zone);
    const [first, second] = await read(police);

    const rest = await read(police, { after: first.sequence });
    expect(rest.map((event) => event.sequence)).toEqual([second.sequence]);
    expect(await read(police, { after: second.sequence })).toEqual([]);

    const one = await police.data<{ alertEvents: EventView[] }>(
      ALERT_EVENTS, { after: '0', limit: 1 });
    expect(one.alertEvents).toHaveLength(1);
    expect(Number(one.alertEvents[0].sequence))
      .toBeLessThanOrEqual(Number(first.sequence));
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 1001 }, 'limit'],
    [{ after: '-1' }, 'after'],
    [{ after: 'abc' }, 'after'],
    [{ after: '1.5' }, 'after'],
  ])('%p is BAD_USER_INPUT', async (variables, argument) => {
    const error = await graph.police(ANTWERPEN.zone)
      .error(ALERT_EVENTS, variables);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.argument).toBe(argument);
  });

  it('§7.11.2: once the alert is FALSE the magistrate no longer reads it, '
    + 'the police still do', async () => {
      await graph.police(ANTWERPEN.zone).mutate('classifyAlert', {
        measureId, alertId: ALERT, classification: 'FALSE',
        classifiedAt: `${TODAY}T08:58:00Z`,
        pvReference: pv(ANTWERPEN.zone, TODAY),
      });

      expect(await read(graph.magistrate(ANTWERPEN.arrondissement)))
        .toEqual([]);
      expect(kinds(await read(graph.police(ANTWERPEN.zone))))
        .toEqual(['RAISED', 'LOCATION_UPDATED', 'CLASSIFIED']);
    });
});
