/**
 * Issue 6, hostile input in the values of mutations: numbers that are
 * no national number, days that are no day, variables of the wrong type
 * or missing, and steps of a measure's life out of their order (§7).
 * Each is refused with a stable code, no row of the protection store
 * changes, and the gateway goes on serving.
 */
import { makeNationalNumber } from '../../runtime/national-number';
import { describeEachDatabase } from '../support/databases';
import { postGraphQL } from '../support/graph';
import {
  evaluationInput,
  grantedMeasure,
  grantInput,
  requestInput,
  startProtectionGraph,
  type ProtectionGraph,
} from '../protection/support';
import {
  expectStillServing,
  GOOD_READER_ZONE,
  StoreWatcher,
} from './support';

const ANTWERPEN = { zone: '5345', arrondissement: 'ANT' };
const DAY = '2026-12-02';

/** A valid national number with its last check digit changed. */
function badCheckDigits(): string {
  const good = makeNationalNumber('1990-03-14', 401);
  const last = Number(good.at(-1));
  return `${good.slice(0, -1)}${(last + 1) % 10}`;
}

const REQUEST = /* GraphQL */ `
  mutation ($input: RequestProtectionInput!) {
    requestProtection(input: $input) { id }
  }
`;

describeEachDatabase('issue 6: hostile values', (storage) => {
  let graph: ProtectionGraph;
  let watcher: StoreWatcher;
  let requested: string;
  let granted: string;
  let police: string;
  let reader: string;

  beforeAll(async () => {
    graph = await startProtectionGraph(storage());
    graph.clock.setDay(DAY);
    const caller = graph.police(ANTWERPEN.zone);
    ({ id: requested } = await caller.mutate(
      'requestProtection', requestInput(ANTWERPEN.zone, DAY)));
    granted = await grantedMeasure(graph, ANTWERPEN, DAY);
    police = await graph.stack.token({ role: 'police', zone: '5345' });
    // The zone that manages the measure the good read asks for.
    reader = await graph.stack.token({
      role: 'police', zone: GOOD_READER_ZONE,
    });
    watcher = await StoreWatcher.open(storage());
  }, 120_000);

  afterAll(async () => {
    await watcher?.close();
    await graph?.stack.cleanUp();
  });

  /** Sends a refused operation; answers its codes, the store unchanged. */
  async function refusedCodes(
    query: string,
    variables: Record<string, unknown> | undefined,
    token = police,
  ): Promise<unknown[]> {
    const before = await watcher.snapshot();

    const { status, body } = await postGraphQL(graph.stack.gatewayUrl, query,
      { token, variables });

    expect(status).not.toBe(500);
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(await watcher.snapshot()).toEqual(before);
    await expectStillServing(graph.stack.gatewayUrl, reader);
    return (body.errors ?? []).map((error) => error.extensions?.code);
  }

  describe('national numbers and days', () => {
    it.each([
      ['with wrong check digits', badCheckDigits()],
      ['of ten digits', '9003144010'],
      ['with letters', '90.03.14-4O1.23'],
      ['of a day that never was', '90023040123'],
    ])('refuses a victim whose national number is %s', async (_, number) => {
      const input = requestInput(ANTWERPEN.zone, DAY);
      const victim = { ...(input.victim as object), nationalNumber: number };

      expect(await refusedCodes(REQUEST, { input: { ...input, victim } }))
        .toEqual(['BAD_USER_INPUT']);
    });

    it.each([
      ['a day that never was', '2027-02-30'],
      ['a word', 'yesterday'],
      ['a date and time', '2026-12-02T10:00:00Z'],
      ['a number', 20261202],
    ])('refuses a request dated %s', async (_, requestedOn) => {
      const input = { ...requestInput(ANTWERPEN.zone, DAY), requestedOn };

      expect(await refusedCodes(REQUEST, { input }))
        .toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('variables', () => {
    it('refuses an input of the wrong type', async () => {
      expect(await refusedCodes(REQUEST, { input: 'everything' }))
        .toEqual(['BAD_USER_INPUT']);
    });

    it('refuses a missing variable', async () => {
      expect(await refusedCodes(REQUEST, {})).toEqual(['BAD_USER_INPUT']);
    });

    it('refuses an input with a field the schema does not know', async () => {
      const input = { ...requestInput(ANTWERPEN.zone, DAY), isAdmin: true };

      expect(await refusedCodes(REQUEST, { input }))
        .toEqual(['BAD_USER_INPUT']);
    });

    it('refuses a variable declared with a type that does not fit',
      async () => {
        const query = `mutation ($input: String!) {
          requestProtection(input: $input) { id }
        }`;

        expect(await refusedCodes(query, { input: 'x' }))
          .toEqual(['GRAPHQL_VALIDATION_FAILED']);
      });
  });

  describe('steps out of order (§7)', () => {
    function mutation(name: string): string {
      const type = `${name[0].toUpperCase()}${name.slice(1)}Input`;
      return `mutation ($input: ${type}!) { ${name}(input: $input) { id } }`;
    }

    it('refuses a grant before the evaluation and the conditions',
      async () => {
        const magistrate = await graph.stack.token({
          role: 'magistrate', arrondissement: ANTWERPEN.arrondissement,
        });

        const codes = await refusedCodes(mutation('grantProtection'),
          { input: grantInput(requested, DAY) }, magistrate);

        expect(codes).toEqual(['CONDITIONS_NOT_MET']);
      });

    it('refuses a second grant of a measure already granted', async () => {
      const magistrate = await graph.stack.token({
        role: 'magistrate', arrondissement: ANTWERPEN.arrondissement,
      });

      const codes = await refusedCodes(mutation('grantProtection'),
        { input: grantInput(granted, DAY) }, magistrate);

      expect(codes).toEqual(['ILLEGAL_TRANSITION']);
    });

    it('refuses an evaluation of a measure that does not exist', async () => {
      const codes = await refusedCodes(mutation('recordEvaluation'),
        { input: evaluationInput('no-such-measure', DAY) });

      expect(codes).toEqual(['NOT_FOUND']);
    });

    it('refuses to classify an alert that does not exist', async () => {
      const codes = await refusedCodes(mutation('classifyAlert'), {
        input: {
          measureId: granted,
          alertId: 'never-raised',
          classification: 'REAL',
          classifiedAt: `${DAY}T10:00:00Z`,
        },
      });

      expect(codes).toEqual(['BAD_USER_INPUT']);
    });
  });
});
