/**
 * Issue 6, hostile input past the gateway: a request to a subgraph that
 * carries a valid gateway signature (a stolen one, or a gateway bug)
 * but bad input is refused by the subgraph itself with a stable code,
 * never a 500, and the protection store keeps every row.
 */
import { makeNationalNumber } from '../../runtime/national-number';
import {
  createTrustSigner,
  GATEWAY_IDENTITY_HEADER,
} from '../../runtime/trust';
import type { Identity } from '../../runtime/identity';
import type { SubgraphName } from '../../scripts/subgraph-names';
import { describeEachDatabase } from '../support/databases';
import { postGraphQL } from '../support/graph';
import { personEntities } from '../support/subgraph';
import {
  grantInput,
  requestInput,
  startProtectionGraph,
  type ProtectionGraph,
} from '../protection/support';
import { StoreWatcher } from './support';

const ZONE = '5345';
const DAY = '2026-12-02';
const POLICE: Identity = { subject: 'u-police', role: 'police', zone: ZONE };
const MAGISTRATE: Identity = {
  subject: 'u-magistrate', role: 'magistrate', arrondissement: 'ANT',
};

const REQUEST = /* GraphQL */ `
  mutation ($input: RequestProtectionInput!) {
    requestProtection(input: $input) { id }
  }
`;

describeEachDatabase('issue 6: hostile input at a subgraph', (storage) => {
  let graph: ProtectionGraph;
  let watcher: StoreWatcher;
  let requested: string;

  beforeAll(async () => {
    graph = await startProtectionGraph(storage());
    graph.clock.setDay(DAY);
    ({ id: requested } = await graph.police(ZONE).mutate(
      'requestProtection', requestInput(ZONE, DAY)));
    watcher = await StoreWatcher.open(storage());
  }, 120_000);

  afterAll(async () => {
    await watcher?.close();
    await graph?.stack.cleanUp();
  });

  /** Sends `query` to a subgraph as the gateway would sign it. */
  async function direct(
    subgraph: SubgraphName,
    query: string,
    variables?: Record<string, unknown>,
    identity: Identity = POLICE,
  ) {
    const signer = createTrustSigner(graph.stack.keys.trust.privateJwk);
    const signed = await signer.sign(identity,
      { subgraph, requestId: 'hostile-1' });
    return postGraphQL(graph.stack.subgraphUrls[subgraph], query, {
      variables,
      headers: { [GATEWAY_IDENTITY_HEADER]: signed },
    });
  }

  /** Sends, checks the store did not change; answers status and codes. */
  async function refused(
    ...args: Parameters<typeof direct>
  ): Promise<[number, unknown[]]> {
    const before = await watcher.snapshot();

    const { status, body } = await direct(...args);

    expect(await watcher.snapshot()).toEqual(before);
    expect(body.errors?.length).toBeGreaterThan(0);
    return [status, (body.errors ?? []).map((e) => e.extensions?.code)];
  }

  function withVictimNumber(nationalNumber: string) {
    const input = requestInput(ZONE, DAY);
    return { input: { ...input, victim: {
      ...(input.victim as object), nationalNumber,
    } } };
  }

  const good = makeNationalNumber('1990-03-14', 403);
  const badDigits = `${good.slice(0, -1)}${(Number(good.at(-1)) + 1) % 10}`;

  it.each([
    ['a document that does not parse', 'protection', 'mutation {', undefined,
      400, 'GRAPHQL_PARSE_FAILED'],
    ['a field the schema lacks', 'protection',
      '{ protectionMeasure(id: "x") { password } }', undefined,
      400, 'GRAPHQL_VALIDATION_FAILED'],
    ['an input of the wrong type', 'protection', REQUEST, { input: 42 },
      400, 'BAD_USER_INPUT'],
    ['a missing variable', 'protection', REQUEST, {}, 400, 'BAD_USER_INPUT'],
    // Checked by the resolver, where the scalar checks only the shape.
    ['a national number with wrong check digits', 'protection', REQUEST,
      withVictimNumber(badDigits), 200, 'BAD_USER_INPUT'],
    ['a request dated 2027-02-30', 'protection', REQUEST,
      { input: { ...requestInput(ZONE, DAY), requestedOn: '2027-02-30' } },
      400, 'BAD_USER_INPUT'],
    ['a request dated yesterday', 'protection', REQUEST,
      { input: { ...requestInput(ZONE, DAY), requestedOn: 'yesterday' } },
      400, 'BAD_USER_INPUT'],
    ['a person entity keyed by no national number', 'bng',
      personEntities('bng { wanted }'),
      { representations: [{ __typename: 'Person', nationalNumber: 'x' }] },
      200, 'BAD_USER_INPUT'],
  ] as Array<[string, SubgraphName, string, Record<string, unknown> |
    undefined, number, string]>)(
    'refuses %s',
    async (_, subgraph, query, variables, status, code) => {
      const [answered, codes] = await refused(subgraph, query, variables);

      expect(answered).toBe(status);
      expect(codes).toContain(code);
    });

  it('refuses a grant before the evaluation (§7.7)', async () => {
    const [status, codes] = await refused('protection', `
      mutation ($input: GrantProtectionInput!) {
        grantProtection(input: $input) { id }
      }`, { input: grantInput(requested, DAY) }, MAGISTRATE);

    expect(status).toBe(200);
    expect(codes).toEqual(['CONDITIONS_NOT_MET']);
  });

  it('refuses a body past its MAX_BODY_BYTES with 413', async () => {
    const before = await watcher.snapshot();

    const { status, body } = await direct('protection',
      `{ __typename ${' '.repeat(2 * 1024 * 1024)}}`);

    expect(status).toBe(413);
    expect(body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await watcher.snapshot()).toEqual(before);
  });

  it('still answers a good request after all that', async () => {
    const { status, body } = await direct('protection',
      'query ($id: ID!) { protectionMeasure(id: $id) { id } }',
      { id: requested });

    expect(status).toBe(200);
    expect(body.data).toEqual({ protectionMeasure: { id: requested } });
  });
});
