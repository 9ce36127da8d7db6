/**
 * Issue 6, hostile documents at the shipped limits: bombs of aliases,
 * fragments, depth, tokens and cost, over HTTP and the socket. Each is
 * refused with its own code before any subgraph is asked, quickly, and
 * the gateway goes on serving.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZONE_LIST_QUERY } from '../../bench/operations';
import { DEFAULT_LIMITS } from '../../gateway/limits';
import { postGraphQL, startDemoGraph } from '../support/graph';
import { subscribeAlerts } from '../support/subscriber';
import { waitFor } from '../support/wait';
import { expectStillServing, GOOD_READER_ZONE } from './support';

/** Each fragment spreads the next twice: 2^30 copies of `reference`. */
function fragmentFan(levels: number, root: string): string {
  const fragments = Array.from({ length: levels }, (_, level) => {
    const next = level + 1 < levels
      ? `...F${level + 1} ...F${level + 1}` : 'r: reference';
    return `fragment F${level} on ProtectionMeasure { ${next} }`;
  });
  return `${root} ${fragments.join('\n')}`;
}

function deep(levels: number): string {
  let selection = 'id';
  for (let level = 0; level < levels; level += 1) {
    selection = `suspect { protections { ${selection} } }`;
  }
  return `{ protectionMeasure(id: "x") { ${selection} } }`;
}

/** Name, document, code over HTTP, code over the socket if another. */
const DOCUMENTS: Array<[string, string, string, string?]> = [
  ['an alias bomb', `{ ${Array.from({ length: 200 },
    (_, i) => `a${i}: __typename`).join(' ')} }`, 'TOO_MANY_ALIASES'],
  ['a fan of fragments', fragmentFan(30,
    '{ protectionMeasure(id: "x") { ...F0 } }'), 'TOO_MANY_ALIASES'],
  ['a document nested 42 deep', deep(20), 'OPERATION_TOO_DEEP'],
  ['a huge document', `{ ${'__typename '.repeat(20_000)} }`,
    'TOO_MANY_TOKENS'],
  ['lists within lists', `{ protectionMeasures(first: 500) {
      protectedPersons { person { protections {
        protectedPersons { person { protections { id } } }
      } } }
    } }`, 'OPERATION_TOO_COSTLY'],
  ['a document that breaks off', '{ protectionMeasure(id: "x") { id ',
    'GRAPHQL_PARSE_FAILED'],
  ['a document of no GraphQL', '\u0000\u0001 DROP TABLE measures;',
    'GRAPHQL_PARSE_FAILED'],
  // The socket picks the operation itself, before validation.
  ['two anonymous operations', '{ __typename } { __typename }',
    'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST'],
];

describe('issue 6: hostile documents', () => {
  let stack: Awaited<ReturnType<typeof startDemoGraph>>;
  let directory: string;
  let police: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'sat-hostile-documents-'));
    stack = await startDemoGraph({ driver: 'sqlite', directory });
    // The zone that manages the measure the good read asks for.
    police = await stack.token({ role: 'police', zone: GOOD_READER_ZONE });
  }, 60_000);

  afterAll(async () => {
    await stack?.cleanUp();
    await rm(directory, { recursive: true, force: true });
  });

  afterEach(async () => {
    await expectStillServing(stack.gatewayUrl, police);
  });

  it.each(DOCUMENTS)('refuses %s over HTTP with 400 and its code',
    async (_, query, code) => {
      const started = performance.now();

      const { status, body } = await postGraphQL(stack.gatewayUrl, query,
        { token: police });

      expect(performance.now() - started).toBeLessThan(2000);
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors?.map((error) => error.extensions?.code))
        .toContain(code);
    });

  describe('a list whose size comes as a variable', () => {
    // 1 + n × 221: within the limit at the schema's default of 50.
    const query = `query Fan($n: Int) { protectionMeasures(first: $n) {
      protectedPersons { person { protections { id reference } } }
    } }`;

    it('is refused over HTTP with 400 when its value passes the limit',
      async () => {
        const { status, body } = await postGraphQL(stack.gatewayUrl, query,
          { token: police, variables: { n: 500 } });

        expect(status).toBe(400);
        expect(body.data).toBeUndefined();
        expect(body.errors?.[0]?.extensions).toMatchObject({
          code: 'OPERATION_TOO_COSTLY', cost: 1 + 500 * 221,
          maxCost: DEFAULT_LIMITS.maxCost,
        });
      });

    it('lets a zone\'s list at the largest page the schema allows through',
      async () => {
        const { status, body } = await postGraphQL<{
          protectionMeasures: unknown[];
        }>(stack.gatewayUrl, ZONE_LIST_QUERY, {
          token: police,
          variables: { zoneCode: GOOD_READER_ZONE, first: 500 },
        });

        expect(status).toBe(200);
        expect(body.errors).toBeUndefined();
        expect(body.data?.protectionMeasures.length).toBeGreaterThan(0);
      });

    it('is answered when its value keeps within the limit', async () => {
      const { status, body } = await postGraphQL<{
        protectionMeasures: unknown[];
      }>(stack.gatewayUrl, query, { token: police, variables: { n: 2 } });

      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data?.protectionMeasures.length).toBeGreaterThan(0);
      expect(body.data?.protectionMeasures.length).toBeLessThanOrEqual(2);
    });

    it('is refused over the socket when its value passes the limit',
      async () => {
        const socket = await subscribeAlerts(stack.gatewayUrl, police, query,
          { variables: { n: 500 } });
        await waitFor('the refusal', () =>
          socket.failure !== null || socket.answers.length > 0);
        const errors = (socket.failure ?? socket.answers[0]?.errors) as
          Array<{ extensions?: Record<string, unknown> }>;

        expect(socket.answers[0]?.data ?? undefined).toBeUndefined();
        expect(errors.map((error) => error.extensions?.code))
          .toEqual(['OPERATION_TOO_COSTLY']);
        await socket.dispose();
      });
  });

  it.each(DOCUMENTS)('refuses %s over the socket with its code',
    async (_, query, httpCode, socketCode = httpCode) => {
      const socket = await subscribeAlerts(stack.gatewayUrl, police, query);
      await waitFor('the refusal', () =>
        socket.failure !== null || socket.answers.length > 0);
      const errors = (socket.failure ?? socket.answers[0]?.errors) as
        Array<{ extensions?: Record<string, unknown> }>;

      expect(socket.answers[0]?.data).toBeUndefined();
      expect(errors.map((error) => error.extensions?.code))
        .toContain(socketCode);
      expect(socket.closed).toBeNull();
      await socket.dispose();
    });
});
