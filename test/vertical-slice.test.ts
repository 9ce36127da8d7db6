/**
 * The graph end to end, over plain HTTP, on both databases: one query
 * through the gateway reaches all five subgraphs.
 */
import { DEMO } from '../storage/demo-data';
import { describeEachDatabase } from './support/databases';
import { postGraphQL, startDemoGraph } from './support/graph';

type Stack = Awaited<ReturnType<typeof startDemoGraph>>;

const MEASURE_QUERY = /* GraphQL */ `
  query Measure($id: ID!) {
    protectionMeasure(id: $id) {
      id
      reference
      status
      endDate
      managingZone { code arrondissement { code province { name } } }
      protectedPersons { role person { nationalNumber lastName } }
      suspect {
        nationalNumber
        antecedents { number index intraFamily openedOn }
        bng {
          holdsWeapons
          weapons { category }
          noContactOrders { measureId validUntil }
        }
      }
      devices { serial kind status }
      referral { id status offers { kind } }
    }
  }
`;

interface MeasureAnswer {
  protectionMeasure: null | {
    id: string;
    status: string;
    endDate: string;
    managingZone: { code: string };
    protectedPersons: { role: string; person: { nationalNumber: string } }[];
    suspect: {
      nationalNumber: string;
      antecedents: { number: string; index: string }[];
      bng: null | {
        holdsWeapons: boolean;
        noContactOrders: { measureId: string; validUntil: string }[];
      };
    };
    devices: { serial: string }[];
    referral: null | { id: string };
  };
}

describeEachDatabase('the vertical slice', (storage) => {
  let stack: Stack;
  /** Rupel's police, who manage the demo measure 001. */
  let token: string;
  /** Namur Capitale's police, who manage the demo measures 005 and 006. */
  let namurToken: string;

  beforeAll(async () => {
    stack = await startDemoGraph(storage());
    token = await stack.token({ role: 'police', zone: '5347' });
    namurToken = await stack.token({ role: 'police', zone: '5303' });
  }, 120_000);

  afterAll(() => stack?.cleanUp());

  it('returns a measure with data from all five subgraphs', async () => {
    const id = DEMO.measureIds.activeWithEverything;
    const numbers = DEMO.nationalNumbers;
    const { status, body } = await postGraphQL<MeasureAnswer>(
      stack.gatewayUrl,
      MEASURE_QUERY,
      { token, variables: { id } },
    );

    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const measure = body.data?.protectionMeasure;
    if (!measure) throw new Error('no measure came back');
    // protection
    expect(measure.status).toBe('ACTIVE');
    expect(measure.protectedPersons).toEqual(
      expect.arrayContaining([
        { role: 'VICTIM', person: expect.objectContaining({
          nationalNumber: numbers.victimOfActiveWithEverything,
        }) },
        { role: 'CHILD', person: expect.objectContaining({
          nationalNumber: numbers.childOfActiveWithEverything,
        }) },
      ]),
    );
    expect(measure.suspect.nationalNumber).toBe(
      numbers.suspectOfActiveWithEverything,
    );
    // mach
    expect(measure.suspect.antecedents.length).toBeGreaterThan(0);
    // bng: the order covers the whole measure (§7.8.4)
    expect(measure.suspect.bng?.holdsWeapons).toBe(true);
    const order = measure.suspect.bng?.noContactOrders.find(
      (candidate) => candidate.measureId === id,
    );
    expect(order && order.validUntil >= measure.endDate).toBe(true);
    // devices
    expect(measure.devices.map((device) => device.serial).sort()).toEqual([
      DEMO.serials.buttonOfActiveWithEverything,
      DEMO.serials.phoneOfActiveWithEverything,
    ]);
    // victim-support
    expect(measure.referral?.id).toBe(DEMO.referralIds.activeWithEverything);
  });

  it('answers null for a measure that does not exist', async () => {
    const { body } = await postGraphQL<MeasureAnswer>(
      stack.gatewayUrl,
      MEASURE_QUERY,
      { token, variables: { id: 'no-such-measure' } },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.protectionMeasure).toBeNull();
  });

  it('finds a person by national number, formatted or not', async () => {
    const query = `query ($n: ID!) {
      person(nationalNumber: $n) { nationalNumber protections { id } }
    }`;
    const number = DEMO.nationalNumbers.victimOfTwoMeasures;
    const formatted = `${number.slice(0, 2)}.${number.slice(2, 4)}.` +
      `${number.slice(4, 6)}-${number.slice(6, 9)}.${number.slice(9)}`;
    const { body } = await postGraphQL<{
      person: { nationalNumber: string; protections: { id: string }[] };
    }>(stack.gatewayUrl, query,
      { token: namurToken, variables: { n: formatted } });

    expect(body.errors).toBeUndefined();
    expect(body.data?.person.nationalNumber).toBe(number);
    expect(body.data?.person.protections.map((m) => m.id).sort()).toEqual([
      DEMO.measureIds.endedExpired,
      DEMO.measureIds.activeAfterEarlierMeasure,
    ]);
  });

  it('refuses an invalid national number and says why', async () => {
    const { body } = await postGraphQL(
      stack.gatewayUrl,
      'query ($n: ID!) { person(nationalNumber: $n) { lastName } }',
      { token, variables: { n: '85073003329' } },
    );
    expect(body.data?.person).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('check digits 29 do not match'),
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
  });
});
