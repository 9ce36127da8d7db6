/**
 * The police record through the gateway: what the team sent on an alert
 * and the magistrate learn of the suspect (weapons, violence, wanted and
 * why, interventions at the address, the no-contact order of §7.8.4),
 * and the alarm mention of §7.8.1 on the protected persons' side only.
 */
import { DEMO } from '../storage/demo-data';
import { describeEachDatabase } from './support/databases';
import { postGraphQL, startDemoGraph } from './support/graph';

type Stack = Awaited<ReturnType<typeof startDemoGraph>>;

const RECORDS = /* GraphQL */ `
  query Records($id: ID!) {
    protectionMeasure(id: $id) {
      endDate
      managingZone { code }
      protectedPersons {
        role
        person { bng { alarmMention { measureId validUntil } } }
      }
      suspect {
        bng {
          knownForViolence
          wanted
          wantedReason
          weapons { category permitReference permitValidUntil }
          alarmMention { measureId }
          interventions { occurredOn nature zone { code name } }
          noContactOrders { measureId validUntil }
        }
      }
    }
  }
`;

const COVERS = /* GraphQL */ `
  query Covers($id: ID!, $end: Date!) {
    protectionMeasure(id: $id) {
      suspect { bng { noContactOrders { measureId coversUntil(date: $end) } } }
    }
  }
`;

interface RecordsAnswer {
  protectionMeasure: {
    endDate: string;
    managingZone: { code: string };
    protectedPersons: {
      role: string;
      person: { bng: { alarmMention: { measureId: string } | null } | null };
    }[];
    suspect: {
      bng: {
        knownForViolence: boolean;
        wanted: boolean;
        wantedReason: string | null;
        weapons: {
          permitReference: string | null;
          permitValidUntil: string | null;
        }[];
        alarmMention: unknown;
        interventions: {
          occurredOn: string;
          nature: string;
          zone: { code: string; name: string };
        }[];
        noContactOrders: { measureId: string; validUntil: string }[];
      };
    };
  };
}

/** The demo measures read here, by the zone that manages each. */
const MANAGING_ZONES: Record<string, string> = {
  [DEMO.measureIds.activeWithEverything]: '5347',
  [DEMO.measureIds.activeWantedSuspect]: '5340',
};

describeEachDatabase('the police record through the gateway', (storage) => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startDemoGraph(storage());
  }, 120_000);

  afterAll(() => stack?.cleanUp());

  /** The police of the zone that manages the measure, who read it whole. */
  function policeOf(id: string): Promise<string> {
    return stack.token({ role: 'police', zone: MANAGING_ZONES[id] });
  }

  async function recordsOf(id: string) {
    const { body } = await postGraphQL<RecordsAnswer>(stack.gatewayUrl,
      RECORDS, { token: await policeOf(id), variables: { id } });
    expect(body.errors).toBeUndefined();
    return body.data!.protectionMeasure;
  }

  it('lists the interventions at the suspect\'s address, with the zone',
    async () => {
      const measure = await recordsOf(DEMO.measureIds.activeWithEverything);
      const { interventions } = measure.suspect.bng;
      expect(interventions.map((i) => i.nature))
        .toEqual(['DOMESTIC_VIOLENCE', 'THREATS', 'DISTURBANCE']);
      expect(interventions[0]?.zone.code).toBe(measure.managingZone.code);
      expect(interventions[0]?.zone.name).toEqual(expect.any(String));
      expect(measure.suspect.bng).toMatchObject(
        { knownForViolence: true, wanted: false, wantedReason: null });
      expect(measure.suspect.bng.weapons.map((w) =>
        w.permitValidUntil === null)).toEqual(measure.suspect.bng.weapons
        .map((w) => w.permitReference === null));
    });

  it('shows the alarm on the protected persons\' records, never the suspect\'s',
    async () => {
      const id = DEMO.measureIds.activeWithEverything;
      const measure = await recordsOf(id);
      expect(measure.suspect.bng.alarmMention).toBeNull();
      expect(measure.protectedPersons.map((p) =>
        [p.role, p.person.bng?.alarmMention?.measureId]))
        .toEqual([['VICTIM', id], ['CHILD', id]]);
    });

  it('says why the wanted suspect is wanted', async () => {
    const measure = await recordsOf(DEMO.measureIds.activeWantedSuspect);
    expect(measure.suspect.bng).toMatchObject(
      { wanted: true, wantedReason: 'TO_BE_HEARD' });
    expect(measure.suspect.bng.alarmMention).toBeNull();
  });

  it('says the order covers the measure\'s planned end (§7.8.4)', async () => {
    const id = DEMO.measureIds.activeWithEverything;
    const { endDate } = await recordsOf(id);
    const { body } = await postGraphQL<{
      protectionMeasure: {
        suspect: { bng: { noContactOrders: unknown[] } };
      };
    }>(stack.gatewayUrl, COVERS,
      { token: await policeOf(id), variables: { id, end: endDate } });
    expect(body.errors).toBeUndefined();
    expect(body.data?.protectionMeasure.suspect.bng.noContactOrders)
      .toEqual([{ measureId: id, coversUntil: true }]);
  });
});
