/**
 * §3, §7.11.2: the team sent on an alert gets its briefing inside the
 * event: the suspect's police record (BNG: violence, weapons, the
 * interventions at the address), his antecedents (MaCH, application 145)
 * and the measure's devices. Each event is resolved through the
 * federated graph under the subscriber's identity, so the briefing is
 * what the same query over HTTP answers that subscriber; and when the
 * BNG subgraph is down, the event still comes, its BNG part null with
 * an error at that path.
 */
import { DEMO } from '../../storage/demo-data';
import { sqliteDatabase } from '../support/databases';
import { postGraphQL } from '../support/graph';
import type { AlertSubscriber } from '../support/subscriber';
import {
  startProtectionGraph,
  type ProtectionGraph,
} from '../protection/support';
import {
  DEMO_MANAGING_ZONE,
  DEMO_MEASURE,
  TODAY,
  at,
  inIxelles,
  send,
  subscribeLive,
  waitForFact,
} from './support';

const BRIEFING_FIELDS = /* GraphQL */ `
  fragment Briefing on ProtectionMeasure {
    id
    suspect {
      nationalNumber
      bng {
        knownForViolence
        wanted
        holdsWeapons
        weapons { category permitReference permitValidUntil }
        interventions { occurredOn nature }
      }
      antecedents { number index intraFamily openedOn status }
      antecedentReview {
        indicators { intraFamilyViolence drugs weapons sexualOffences suicide }
      }
    }
    devices { serial kind status }
  }
`;

const BRIEFING = /* GraphQL */ `
  subscription Dispatch {
    alertEvents {
      sequence
      kind
      alert { id }
      measure { ...Briefing }
    }
  }
  ${BRIEFING_FIELDS}
`;

const MEASURE_QUERY = /* GraphQL */ `
  query Measure($id: ID!) { protectionMeasure(id: $id) { ...Briefing } }
  ${BRIEFING_FIELDS}
`;

interface Briefing {
  id: string;
  suspect: {
    nationalNumber: string;
    bng: null | {
      knownForViolence: boolean;
      holdsWeapons: boolean;
      weapons: { category: string }[];
      interventions: { nature: string }[];
    };
    antecedents: { number: string; index: string }[] | null;
    antecedentReview: unknown;
  };
  devices: { serial: string; kind: string; status: string }[] | null;
}

/** The measure an event's answer carries. */
function briefingOf(subscriber: AlertSubscriber, alertId: string) {
  const answer = subscriber.answers.find((candidate) => {
    const event = candidate.data?.alertEvents as
      { alert: { id: string } } | undefined;
    return event?.alert.id === alertId;
  });
  if (answer === undefined) throw new Error(`No answer for ${alertId}`);
  const event = answer.data?.alertEvents as { measure: Briefing };
  return { measure: event.measure, errors: answer.errors };
}

describe('§3 the briefing inside an alert event', () => {
  const database = sqliteDatabase();
  let graph: ProtectionGraph;
  let token: string;
  let board: AlertSubscriber;

  beforeAll(async () => {
    graph = await startProtectionGraph(await database.create());
    graph.clock.setDay(TODAY);
    token = await graph.stack.token(
      { role: 'police', zone: DEMO_MANAGING_ZONE });
    board = await subscribeLive(graph.stack.gateway, token, BRIEFING);
  }, 120_000);

  afterAll(async () => {
    await board?.dispose();
    await graph?.stack.cleanUp();
    await database.drop();
  });

  /** The demo button raises an alert located in Ixelles. */
  async function press(alertId: string): Promise<void> {
    await send(graph.caller({ role: 'app112' }), 'raiseAlertFromDevice', {
      serial: DEMO.serials.buttonOfActiveWithEverything,
      alertId,
      raisedAt: at(TODAY, '08:40:00'),
      location: inIxelles(at(TODAY, '08:39:40')),
    });
    await waitForFact(board, `${alertId} RAISED`);
  }

  it('carries the suspect\'s police record, antecedents and the devices, '
    + 'as the same query over HTTP answers the subscriber', async () => {
    await press('briefed');
    const { measure, errors } = briefingOf(board, 'briefed');

    expect(errors).toBeUndefined();
    expect(measure.id).toBe(DEMO_MEASURE);
    expect(measure.suspect.nationalNumber)
      .toBe(DEMO.nationalNumbers.suspectOfActiveWithEverything);
    expect(measure.suspect.bng)
      .toMatchObject({ knownForViolence: true, holdsWeapons: true });
    expect(measure.suspect.bng?.weapons.length).toBeGreaterThan(0);
    expect(measure.suspect.bng?.interventions.map((i) => i.nature))
      .toEqual(['DOMESTIC_VIOLENCE', 'THREATS', 'DISTURBANCE']);
    expect(measure.suspect.antecedents?.length).toBeGreaterThan(0);
    expect(measure.devices?.map((device) => device.serial).sort()).toEqual([
      DEMO.serials.buttonOfActiveWithEverything,
      DEMO.serials.phoneOfActiveWithEverything,
    ]);

    const { body } = await postGraphQL<{ protectionMeasure: Briefing }>(
      graph.stack.gatewayUrl, MEASURE_QUERY,
      { token, variables: { id: DEMO_MEASURE } });
    expect(body.errors).toBeUndefined();
    expect(measure).toEqual(body.data?.protectionMeasure);
  });

  // Last: it takes the BNG subgraph off the network for good.
  it('with the BNG subgraph down, still comes, the police record null and '
    + 'an error at its path, the rest of the briefing intact', async () => {
    const before = briefingOf(board, 'briefed').measure;
    await graph.stack.subgraphs.bng.hosted.close();

    await press('degraded');
    const { measure, errors } = briefingOf(board, 'degraded');

    expect(measure.suspect.bng).toBeNull();
    expect(errors).toEqual([expect.objectContaining({
      path: ['alertEvents', 'measure', 'suspect', 'bng'],
      extensions: expect.objectContaining({
        code: 'SUBGRAPH_UNAVAILABLE',
        serviceName: 'bng',
      }),
    })]);
    expect(measure).toEqual({
      ...before,
      suspect: { ...before.suspect, bng: null },
    });
    expect(board.closed).toBeNull();
  });
});
