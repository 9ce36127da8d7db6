/**
 * A zone's work list is one list across subgraphs: the protection
 * subgraph's revisits and returns, and the devices subgraph's devices
 * whose daily reports need attention (§3), joined by the list's owner.
 */
import { DEMO } from '../storage/demo-data';
import { describeEachDatabase } from './support/databases';
import { postGraphQL, startDemoGraph } from './support/graph';

const QUERY = /* GraphQL */ `
  query {
    workList {
      owner
      revisits { measure { id } overdue }
      deviceIssues { kind device { serial } measure { id reference } }
    }
  }
`;

interface Answer {
  workList: {
    owner: string;
    revisits: { measure: { id: string } }[];
    deviceIssues: {
      kind: string;
      device: { serial: string };
      measure: { id: string; reference: string };
    }[];
  };
}

describeEachDatabase('the federated work list', (storage) => {
  let stack: Awaited<ReturnType<typeof startDemoGraph>>;

  beforeAll(async () => {
    stack = await startDemoGraph(storage());
  }, 120_000);

  afterAll(() => stack?.cleanUp());

  it('joins a zone’s device issues to its measures’ tasks', async () => {
    // The demo button of measure 003 last reported 6 days ago.
    const { body: measureBody } = await postGraphQL<{
      protectionMeasure: { managingZone: { code: string } };
    }>(
      stack.gatewayUrl,
      'query ($id: ID!) { protectionMeasure(id: $id) { managingZone { code } } }',
      {
        token: await stack.token({ role: 'magistrate', arrondissement: 'OVL' }),
        variables: { id: DEMO.measureIds.activeEndingSoon },
      },
    );
    const zone = measureBody.data?.protectionMeasure.managingZone.code;
    if (!zone) throw new Error('no zone for the demo measure');

    const token = await stack.token({ role: 'police', zone });
    const { body } = await postGraphQL<Answer>(stack.gatewayUrl, QUERY, {
      token,
    });

    expect(body.errors).toBeUndefined();
    expect(body.data?.workList.owner).toBe(`police:${zone}`);
    const stale = body.data?.workList.deviceIssues.find(
      (issue) => issue.device.serial === DEMO.serials.staleReport,
    );
    expect(stale).toMatchObject({
      kind: 'NO_RECENT_CONTACT',
      measure: { id: DEMO.measureIds.activeEndingSoon },
    });
    expect(stale?.measure.reference).toMatch(/^SA\//);
  });

  it('gives a magistrate no device issues', async () => {
    const token = await stack.token({
      role: 'magistrate',
      arrondissement: 'ANT',
    });
    const { body } = await postGraphQL<Answer>(stack.gatewayUrl, QUERY, {
      token,
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?.workList.owner).toBe('magistrate:ANT');
    expect(body.data?.workList.deviceIssues).toEqual([]);
  });
});
