/**
 * A zone's list of measures with each suspect's antecedents and police
 * record, the devices, the referral and the protected persons'
 * confidential contacts (§7.8.5): the work done for it must not grow
 * with the list. Every subgraph loads the entities of one request in
 * batches, so 200 measures cost the same number of SQL statements and
 * subgraph fetches as one.
 */
import { openSqlProtectionAdapter } from '../adapters/protection';
import type { MeasureAggregate } from '../adapters/protection/aggregate';
import type { SubgraphName } from '../scripts/subgraph-names';
import { SUBGRAPH_NAMES } from '../scripts/subgraph-names';
import { DEMO } from '../storage/demo-data';
import type { StorageOptions } from '../storage/options';
import { describeEachDatabase, StatementRecorder } from './support/databases';
import { postGraphQL, startDemoGraph } from './support/graph';
import { waitFor } from './support/wait';
import { recordLogs } from './support/servers';

/** Rupel, in Antwerpen: a deployed zone with no demo measure of its own. */
const ZONE = '5347';
const LENGTHS = [1, 10, 200];

const LIST_QUERY = /* GraphQL */ `
  query ZoneList($first: Int) {
    protectionMeasures(zoneCode: "${ZONE}", first: $first) {
      id
      reference
      endDate
      protectedPersons {
        role person { lastName } confidentialContact { phone }
      }
      suspect {
        lastName
        antecedents { index openedOn }
        bng {
          holdsWeapons
          wanted
          noContactOrders { validUntil }
        }
      }
      devices { serial status }
      referral { status }
    }
  }
`;

/** Copies of a demo measure, managed by ZONE, written straight to the store. */
async function addMeasures(storage: StorageOptions, count: number) {
  const store = await openSqlProtectionAdapter(storage);
  try {
    const [model] = await store.aggregatesById([
      DEMO.measureIds.activeWithEverything,
    ]);
    if (!model) throw new Error('the demo measure is missing');
    await store.transaction(async (tx) => {
      for (let i = 1; i <= count; i += 1) {
        await tx.insert(copyOf(model, i));
      }
    });
  } finally {
    await store.close();
  }
}

function copyOf(model: MeasureAggregate, i: number): MeasureAggregate {
  const serial = String(i).padStart(4, '0');
  return {
    ...model,
    measure: {
      ...model.measure,
      id: `batch-measure-${serial}`,
      reference: `SA/2026/9${serial}`,
      managingZoneCode: ZONE,
      version: 0,
    },
  };
}

interface Work {
  statements: Record<SubgraphName, number>;
  fetches: Record<SubgraphName, number>;
}

describeEachDatabase('batching of a zone’s list', (storage) => {
  const recorders = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [name, new StatementRecorder()]),
  ) as Record<SubgraphName, StatementRecorder>;
  const logs = recordLogs();
  let stack: Awaited<ReturnType<typeof startDemoGraph>>;
  let token: string;

  beforeAll(async () => {
    stack = await startDemoGraph(storage(), {
      logger: logs.logger,
      sqlLoggers: recorders,
      // The gateway reads the alert log on its own too: once at start,
      // then not again while the test runs.
      alertPollMs: 600_000,
    });
    await waitFor('the alert stream\'s first read',
      () => stack.gateway.alertStream.cursor !== null);
    // The outbox polls the protection store on its own; its statements
    // are not the list's.
    await stack.subgraphs.protection.background?.dispatcher.stop();
    await addMeasures(storage(), Math.max(...LENGTHS));
    token = await stack.token({ role: 'police', zone: ZONE });
    // Lets the alert stream's first read of the log end before counting.
    await listOf(1);
  }, 120_000);

  afterAll(() => stack?.cleanUp());

  /** Runs the list once; answers its length and the work it caused. */
  async function listOf(first: number): Promise<{ length: number } & Work> {
    const before = Object.fromEntries(
      SUBGRAPH_NAMES.map((name) => [name, recorders[name].statements.length]),
    );
    const linesBefore = logs.lines().length;
    const { body } = await postGraphQL<{ protectionMeasures: unknown[] }>(
      stack.gatewayUrl,
      LIST_QUERY,
      { token, variables: { first } },
    );
    expect(body.errors).toBeUndefined();
    const requests = logs
      .lines()
      .slice(linesBefore)
      .filter((line) => line.msg === 'request' && line.subgraph);
    const count = (name: SubgraphName) =>
      requests.filter((line) => line.subgraph === name).length;
    const statements = (name: SubgraphName) =>
      recorders[name].statements.length - before[name];
    return {
      length: body.data?.protectionMeasures.length ?? 0,
      statements: Object.fromEntries(
        SUBGRAPH_NAMES.map((name) => [name, statements(name)]),
      ) as Record<SubgraphName, number>,
      fetches: Object.fromEntries(
        SUBGRAPH_NAMES.map((name) => [name, count(name)]),
      ) as Record<SubgraphName, number>,
    };
  }

  it('lists as many measures as asked, up to those of the zone', async () => {
    for (const first of LENGTHS) {
      expect((await listOf(first)).length).toBe(first);
    }
  });

  it('costs the same SQL statements and subgraph fetches for 1, 10 and 200', async () => {
    const work: Work[] = [];
    for (const first of LENGTHS) {
      const { statements, fetches } = await listOf(first);
      work.push({ statements, fetches });
    }
    expect(work[1]).toEqual(work[0]);
    expect(work[2]).toEqual(work[0]);
    // Every subgraph took part, each with one fetch.
    for (const name of SUBGRAPH_NAMES) {
      expect(work[0].fetches[name]).toBe(1);
      expect(work[0].statements[name]).toBeGreaterThan(0);
    }
  });
});
