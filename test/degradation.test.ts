/**
 * One agency system down degrades only its part of the answer: the graph
 * still answers the other systems' data, and says, at the path that is
 * missing, which failure it was with a stable code.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO } from '../storage/demo-data';
import { postGraphQL, startDemoGraph } from './support/graph';

type Stack = Awaited<ReturnType<typeof startDemoGraph>>;

const QUERY = /* GraphQL */ `
  query Measure($id: ID!) {
    protectionMeasure(id: $id) {
      id
      status
      suspect {
        nationalNumber
        antecedents { number }
        bng { holdsWeapons }
      }
      devices { serial }
      referral { id }
    }
  }
`;

interface Answer {
  protectionMeasure: {
    id: string;
    status: string;
    suspect: {
      nationalNumber: string;
      antecedents: { number: string }[];
      bng: { holdsWeapons: boolean } | null;
    };
    devices: { serial: string }[];
    referral: { id: string } | null;
  } | null;
}

const id = DEMO.measureIds.activeWithEverything;

/** The demo graph on SQLite in a directory of its own. */
function demoGraphPerDescribe(): () => Stack {
  let stack: Stack | undefined;
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'sat-degradation-'));
    stack = await startDemoGraph({ driver: 'sqlite', directory });
  }, 60_000);

  afterAll(async () => {
    await stack?.cleanUp();
    await rm(directory, { recursive: true, force: true });
  });

  return () => {
    if (!stack) throw new Error('The demo graph is not up');
    return stack;
  };
}

/** Asks as Rupel's police, the zone that manages the demo measure 001. */
async function askForMeasure(stack: Stack) {
  const token = await stack.token({ role: 'police', zone: '5347' });
  return postGraphQL<Answer>(stack.gatewayUrl, QUERY, {
    token,
    variables: { id },
  });
}

/** Answers the status of one of a subgraph's probes. */
async function probe(graphqlUrl: string, path: string): Promise<number> {
  const response = await fetch(new URL(path, graphqlUrl));
  await response.arrayBuffer();
  return response.status;
}

function expectOtherSystemsAnswered(answer: Answer | null | undefined) {
  const measure = answer?.protectionMeasure;
  expect(measure?.id).toBe(id);
  expect(measure?.status).toBe('ACTIVE');
  expect(measure?.suspect.nationalNumber).toBe(
    DEMO.nationalNumbers.suspectOfActiveWithEverything,
  );
  expect(measure?.suspect.antecedents.length).toBeGreaterThan(0);
  expect(measure?.devices.map((device) => device.serial).sort()).toEqual([
    DEMO.serials.buttonOfActiveWithEverything,
    DEMO.serials.phoneOfActiveWithEverything,
  ]);
  expect(measure?.referral?.id).toBe(DEMO.referralIds.activeWithEverything);
  expect(measure?.suspect.bng).toBeNull();
}

describe('degradation: the BNG system fails behind its subgraph', () => {
  const graph = demoGraphPerDescribe();

  beforeAll(async () => {
    await graph().subgraphs.bng.adapter.close();
  });

  it('answers the other systems, and AGENCY_UNAVAILABLE at bng', async () => {
    const { status, body } = await askForMeasure(graph());
    expect(status).toBe(200);
    expectOtherSystemsAnswered(body.data);
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ['protectionMeasure', 'suspect', 'bng'],
        extensions: expect.objectContaining({
          code: 'AGENCY_UNAVAILABLE',
          serviceName: 'bng',
        }),
      }),
    ]);
  });

  it('turns the subgraph not ready, though still alive', async () => {
    const { bng, protection } = graph().subgraphUrls;
    expect(await probe(bng, '/readyz')).toBe(503);
    expect(await probe(bng, '/healthz')).toBe(200);
    expect(await probe(protection, '/readyz')).toBe(200);
  });
});

describe('degradation: the BNG subgraph is down', () => {
  const graph = demoGraphPerDescribe();

  beforeAll(async () => {
    await graph().subgraphs.bng.hosted.close();
  });

  it('answers the other systems, and SUBGRAPH_UNAVAILABLE at bng', async () => {
    const { status, body } = await askForMeasure(graph());
    expect(status).toBe(200);
    expectOtherSystemsAnswered(body.data);
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'The bng subgraph could not be reached',
        path: ['protectionMeasure', 'suspect', 'bng'],
        extensions: expect.objectContaining({
          code: 'SUBGRAPH_UNAVAILABLE',
          serviceName: 'bng',
        }),
      }),
    ]);
  });
});
