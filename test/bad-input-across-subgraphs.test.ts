/**
 * Input that only a subgraph can judge (a Date that is no day) comes back
 * to the client as that subgraph's own error, with its stable code and
 * its reason, not as a failure of the subgraph.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO } from '../storage/demo-data';
import { postGraphQL, startDemoGraph } from './support/graph';

describe('bad input judged by a subgraph', () => {
  let stack: Awaited<ReturnType<typeof startDemoGraph>>;
  let directory: string;
  let token: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'sat-input-'));
    stack = await startDemoGraph({ driver: 'sqlite', directory });
    token = await stack.token({ role: 'magistrate', arrondissement: 'ANT' });
  }, 60_000);

  afterAll(async () => {
    await stack?.cleanUp();
    await rm(directory, { recursive: true, force: true });
  });

  const review = (argument: string) => /* GraphQL */ `
    query Review($id: ID!${argument === '$day' ? ', $day: Date' : ''}) {
      protectionMeasure(id: $id) {
        reference
        suspect { antecedentReview(referenceDate: ${argument}) { windowFrom } }
      }
    }
  `;

  it('reports a bad Date variable with its reason', async () => {
    const { body } = await postGraphQL(stack.gatewayUrl, review('$day'), {
      token,
      variables: { id: DEMO.measureIds.activeWithEverything, day: '2026-02-30' },
    });
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('Date must be a day as YYYY-MM-DD'),
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
  });

  it('reports a bad Date literal with its reason', async () => {
    const { body } = await postGraphQL(
      stack.gatewayUrl,
      review('"2026-13-01"'),
      { token, variables: { id: DEMO.measureIds.activeWithEverything } },
    );
    const [error] = body.errors ?? [];
    expect(error?.message).toContain('Date must be a day as YYYY-MM-DD');
    expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(
      error?.extensions?.code,
    );
  });
});
