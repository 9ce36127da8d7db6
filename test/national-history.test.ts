/**
 * The national history (storage/national/) read through the graph, as
 * demonstrations and benchmarks will: a measure of a shipped zone with
 * its data from all five subgraphs.
 */
import { generateNationalData } from '../storage/national/generate';
import { loadNationalData } from '../storage/national/load';
import { sqliteDatabase } from './support/databases';
import { postGraphQL, startDemoGraph } from './support/graph';

type Stack = Awaited<ReturnType<typeof startDemoGraph>>;

const QUERY = /* GraphQL */ `
  query Measure($id: ID!) {
    protectionMeasure(id: $id) {
      id
      status
      endDate
      managingZone { code }
      protectedPersons { role person { nationalNumber } }
      suspect { nationalNumber bng { noContactOrders { measureId } } }
      devices { serial status }
      referral { id }
    }
  }
`;

interface Answer {
  protectionMeasure: null | {
    id: string;
    status: string;
    endDate: string;
    managingZone: { code: string };
    protectedPersons: { role: string }[];
    suspect: { bng: null | { noContactOrders: { measureId: string }[] } };
    devices: { serial: string; status: string }[];
    referral: null | { id: string };
  };
}

describe('The national history through the graph', () => {
  const data = generateNationalData({ years: 2, scale: 0.2 });
  const database = sqliteDatabase();
  let stack: Stack;

  beforeAll(async () => {
    const storage = await database.create();
    await loadNationalData(data, storage);
    stack = await startDemoGraph(storage);
  }, 120_000);

  afterAll(async () => {
    await stack?.cleanUp();
    await database.drop();
  });

  it('answers an active measure of Antwerpen from all five', async () => {
    const measure = data.protection.aggregates.map((a) => a.measure)
      .find((m) => m.status === 'ACTIVE' && m.managingZoneCode === '5345'
        && m.deviceActivatedOn !== null)!;
    const token = await stack.token({ role: 'police', zone: '5345' });
    const { body } = await postGraphQL<Answer>(stack.gatewayUrl, QUERY,
      { token, variables: { id: measure.id } });

    expect(body.errors).toBeUndefined();
    const answer = body.data!.protectionMeasure!;
    expect(answer).toMatchObject({ id: measure.id, status: 'ACTIVE',
      endDate: measure.endDate, managingZone: { code: '5345' } });
    expect(answer.suspect.bng!.noContactOrders)
      .toContainEqual({ measureId: measure.id });
    expect(answer.devices.map((d) => d.status)).toContain('ASSIGNED');
    expect(answer.referral).not.toBeNull();
  });
});
