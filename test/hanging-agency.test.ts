/**
 * An agency system that hangs costs only its own part of the answer, and
 * only for a bounded time: the gateway gives up on the subgraph after
 * SUBGRAPH_TIMEOUT_MS and answers the rest.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MachAdapter } from '../adapters/mach/types';
import { DEMO } from '../storage/demo-data';
import { postGraphQL, startDemoGraph } from './support/graph';

const TIMEOUT_MS = 300;

const QUERY = /* GraphQL */ `
  query Measure($id: ID!) {
    protectionMeasure(id: $id) {
      id
      suspect {
        nationalNumber
        antecedents { number }
        bng { holdsWeapons }
      }
      devices { serial }
    }
  }
`;

/** The zone that manages the demo measure 001, which reads it whole. */
const RUPEL = '5347';

describe('a hanging agency system', () => {
  let stack: Awaited<ReturnType<typeof startDemoGraph>>;
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'sat-hang-'));
    stack = await startDemoGraph(
      { driver: 'sqlite', directory },
      { gatewayEnv: { SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS) } },
    );
    // MaCH stops answering: every read waits for ever.
    const mach = stack.subgraphs.mach.adapter as MachAdapter;
    mach.antecedentsByNationalNumber = () => new Promise(() => undefined);
  }, 60_000);

  afterAll(async () => {
    await stack?.cleanUp();
    await rm(directory, { recursive: true, force: true });
  });

  it('answers the rest in bounded time, with a timeout on its part', async () => {
    const token = await stack.token({ role: 'police', zone: RUPEL });
    const started = Date.now();
    const { status, body } = await postGraphQL<{
      protectionMeasure: {
        suspect: { antecedents: unknown; bng: unknown };
        devices: unknown[];
      };
    }>(stack.gatewayUrl, QUERY, {
      token,
      variables: { id: DEMO.measureIds.activeWithEverything },
    });
    const elapsed = Date.now() - started;

    expect(status).toBe(200);
    expect(elapsed).toBeLessThan(TIMEOUT_MS * 10);
    const measure = body.data?.protectionMeasure;
    expect(measure?.suspect.bng).toEqual({ holdsWeapons: true });
    expect(measure?.devices.length).toBeGreaterThan(0);
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ['protectionMeasure', 'suspect', 'antecedents'],
        extensions: expect.objectContaining({ code: 'SUBGRAPH_TIMEOUT' }),
      }),
    ]);
  });

  it('keeps serving the parts that do not need it', async () => {
    const token = await stack.token({ role: 'police', zone: RUPEL });
    const { body } = await postGraphQL(
      stack.gatewayUrl,
      'query ($id: ID!) { protectionMeasure(id: $id) { reference } }',
      { token, variables: { id: DEMO.measureIds.activeWithEverything } },
    );
    expect(body.errors).toBeUndefined();
  });
});
