/**
 * Issue 6: the gateway writes one audit entry per operation that reads
 * or changes personal data, over HTTP and graphql-ws, each alert
 * delivered to each subscriber included; the auditor alone reads the
 * trail, and reading it is audited too; a read the trail cannot record
 * is withheld, a change is not.
 */
import { createHash } from 'node:crypto';
import { documentHash } from '../gateway/audit/entry';
import { PURPOSE_HEADER } from '../gateway/server';
import { DEMO } from '../storage/demo-data';
import {
  ANTWERPEN,
  BOARD,
  TODAY,
  at,
  factsOf,
  inIxelles,
  leave,
  send,
  subscribeLive,
} from './alerts/support';
import {
  grantedMeasure,
  pv,
  startProtectionGraph,
  type ProtectionGraph,
} from './protection/support';
import {
  auditEntriesAfter,
  auditHeadOf,
  auditStoreOf,
} from './support/audit';
import { describeEachDatabase } from './support/databases';
import { postGraphQL } from './support/graph';
import { waitFor } from './support/wait';

const MEASURE = DEMO.measureIds.activeWithEverything;
/** Its managing zone, Rupel. */
const ZONE = '5347';

const MEASURE_QUERY = /* GraphQL */ `
  query Consult($id: ID!) {
    protectionMeasure(id: $id) {
      status
      suspect { nationalNumber bng { holdsWeapons } }
      protectedPersons { person { nationalNumber } }
    }
  }
`;

describeEachDatabase('the audit trail', (storage) => {
  let graph: ProtectionGraph;

  beforeAll(async () => {
    graph = await startProtectionGraph(storage());
  }, 120_000);

  afterAll(() => graph?.stack.cleanUp());

  async function ask(
    claims: Parameters<ProtectionGraph['stack']['token']>[0],
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ) {
    const token = await graph.stack.token(claims);
    return postGraphQL(graph.stack.gatewayUrl, query,
      { token, variables, headers });
  }

  it('names who read which measure and persons, when and why', async () => {
    const before = await auditHeadOf(graph.stack);
    const { body } = await ask(
      { role: 'police', zone: ZONE, subject: 'officer-17' },
      MEASURE_QUERY, { id: MEASURE },
      { [PURPOSE_HEADER]: 'PV 5347/2026/118' });
    expect(body.errors).toBeUndefined();
    // What the subgraphs reported stays in the gateway.
    expect(JSON.stringify(body)).not.toContain('"audit"');
    const measure = body.data?.protectionMeasure as {
      suspect: { nationalNumber: string };
      protectedPersons: { person: { nationalNumber: string } }[];
    };
    const persons = [
      measure.suspect.nationalNumber,
      ...measure.protectedPersons.map((link) => link.person.nationalNumber),
    ].sort();

    const entries = await auditEntriesAfter(graph.stack, before);
    expect(entries).toEqual([expect.objectContaining({
      sequence: before + 1,
      subject: 'officer-17',
      role: 'police',
      organisation: `zone:${ZONE}`,
      operationType: 'query',
      operationName: 'Consult',
      documentHash: documentHash(MEASURE_QUERY),
      persons: [...new Set(persons)],
      measures: [MEASURE],
      purpose: 'PV 5347/2026/118',
      outcome: 'COMPLETE',
    })]);
    expect(entries[0].requestId).toMatch(/^[0-9a-f-]{36}$/);
    // The variables hold personal data: never kept, not even hashed.
    const withVariables = createHash('sha256')
      .update(MEASURE_QUERY + JSON.stringify({ id: MEASURE })).digest('hex');
    expect(entries[0].documentHash).not.toBe(withVariables);
  });

  it('keeps no purpose when none was stated', async () => {
    const before = await auditHeadOf(graph.stack);
    await ask({ role: 'police', zone: ZONE }, MEASURE_QUERY, { id: MEASURE });
    const [entry] = await auditEntriesAfter(graph.stack, before);
    expect(entry.purpose).toBeNull();
  });

  it('writes nothing for a read of no personal data', async () => {
    const before = await auditHeadOf(graph.stack);
    const { body } = await ask({ role: 'police', zone: ZONE },
      '{ policeZones { code } }');
    expect(body.errors).toBeUndefined();
    expect(await auditHeadOf(graph.stack)).toBe(before);
  });

  it('refuses a purpose longer than the trail holds, with a 400', async () => {
    const before = await auditHeadOf(graph.stack);
    const { status, body } = await ask({ role: 'police', zone: ZONE },
      MEASURE_QUERY, { id: MEASURE }, { [PURPOSE_HEADER]: 'x'.repeat(501) });
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
    expect(await auditHeadOf(graph.stack)).toBe(before);
  });

  it('writes a change with the measure it changed', async () => {
    graph.clock.setDay(TODAY);
    const measureId = await grantedMeasure(graph, ANTWERPEN, TODAY);
    const before = await auditHeadOf(graph.stack);
    await graph.police(ANTWERPEN.zone).mutate('recordDeviceActivation', {
      measureId, activatedOn: TODAY, pvReference: pv(ANTWERPEN.zone, TODAY),
    });
    expect(await auditEntriesAfter(graph.stack, before)).toEqual([
      expect.objectContaining({
        role: 'police',
        organisation: `zone:${ANTWERPEN.zone}`,
        operationType: 'mutation',
        measures: [measureId],
        outcome: 'COMPLETE',
      }),
    ]);

    // A change asked for nothing of the measure is a change all the same.
    const next = await auditHeadOf(graph.stack);
    await graph.police(ANTWERPEN.zone).data(
      `mutation ($input: RecordRevisitInput!) {
        recordRevisit(input: $input) { __typename }
      }`,
      { input: {
        measureId, doneOn: TODAY, pvReference: pv(ANTWERPEN.zone, TODAY),
      } });
    expect(await auditEntriesAfter(graph.stack, next)).toEqual([
      expect.objectContaining({
        operationType: 'mutation', measures: [measureId],
      }),
    ]);
  });

  describe('the auditor', () => {
    const TRAIL = /* GraphQL */ `
      query Trail($measureId: ID) {
        auditTrail(measureId: $measureId, first: 5) {
          entries { sequence subject role measures purpose hash }
        }
      }
    `;

    it('alone reads the trail', async () => {
      for (const claims of [
        { role: 'police', zone: ZONE },
        { role: 'magistrate', arrondissement: 'ANT' },
        { role: 'analyst' },
      ] as const) {
        const { body } = await ask(claims, TRAIL, { measureId: MEASURE });
        expect(body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect(body.data).toBeNull();
      }
    });

    it('reads nothing but the trail', async () => {
      const before = await auditHeadOf(graph.stack);
      const { body } = await ask({ role: 'auditor', subject: 'auditor-1' },
        `query { auditTrail { entries { sequence } } ...Also }
         fragment Also on Query { protectionMeasure(id: "${MEASURE}") { id } }`);
      expect(body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(body.errors?.[0].message).toContain('protectionMeasure');
      expect(await auditHeadOf(graph.stack)).toBe(before);
    });

    it('is audited in turn, with what the trail showed', async () => {
      const before = await auditHeadOf(graph.stack);
      const { body } = await ask({ role: 'auditor', subject: 'auditor-1' },
        TRAIL, { measureId: MEASURE });
      const { entries } = body.data?.auditTrail as {
        entries: { measures: string[] }[];
      };
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.every((entry) => entry.measures.includes(MEASURE)))
        .toBe(true);
      const [own] = await auditEntriesAfter(graph.stack, before);
      expect(own).toMatchObject({
        subject: 'auditor-1',
        role: 'auditor',
        organisation: null,
        operationName: 'Trail',
      });
      expect(own.measures).toContain(MEASURE);
    });
  });

  it('writes each alert delivered to each subscriber', async () => {
    graph.clock.setDay(TODAY);
    const measureId = await grantedMeasure(graph, ANTWERPEN, TODAY);
    const token = (subject: string) => graph.stack.token(
      { role: 'police', zone: ANTWERPEN.zone, subject });
    const purpose = { purpose: 'dispatch board, shift 2' };
    const first = await subscribeLive(graph.stack.gateway,
      await token('dispatch-1'), BOARD, {
        connectionParams: {
          authorization: `Bearer ${await token('dispatch-1')}`, ...purpose,
        },
      });
    const second = await subscribeLive(graph.stack.gateway,
      await token('dispatch-2'), BOARD);
    const before = await auditHeadOf(graph.stack);

    await send(graph.caller({ role: 'app112' }), 'recordAlert', {
      measureId, alertId: 'audited-1', raisedAt: at(TODAY, '08:40:00'),
      location: inIxelles(at(TODAY, '08:39:30')),
    });
    for (const subscriber of [first, second]) {
      await waitFor('the alert', () =>
        factsOf(subscriber).some((fact) => fact.includes('audited-1')));
      // The trail's report never reaches the subscriber.
      expect(subscriber.answers.every((answer) =>
        answer.extensions?.audit === undefined)).toBe(true);
    }
    await waitFor('the deliveries in the trail', async () => {
      const entries = await auditEntriesAfter(graph.stack, before);
      return entries.filter((entry) =>
        entry.operationType === 'subscription').length >= 2;
    });
    const deliveries = (await auditEntriesAfter(graph.stack, before))
      .filter((entry) => entry.operationType === 'subscription');
    expect(deliveries.map((entry) => [entry.subject, entry.purpose]).sort())
      .toEqual([
        ['dispatch-1', 'dispatch board, shift 2'],
        ['dispatch-2', null],
      ]);
    for (const entry of deliveries) {
      expect(entry).toMatchObject({
        role: 'police',
        organisation: `zone:${ANTWERPEN.zone}`,
        operationName: 'Board',
        documentHash: documentHash(BOARD),
        measures: [measureId],
      });
    }
    await leave(graph.stack.gateway, first);
    await leave(graph.stack.gateway, second);
  });

  // Last: it takes the trail's store away for good.
  it('withholds a read it cannot record, and lets a change stand',
    async () => {
      graph.clock.setDay(TODAY);
      const measureId = await grantedMeasure(graph, ANTWERPEN, TODAY);
      await auditStoreOf(graph.stack).close();

      const { body } = await ask({ role: 'police', zone: ZONE },
        MEASURE_QUERY, { id: MEASURE });
      expect(body.data).toBeNull();
      expect(body.errors).toEqual([expect.objectContaining({
        extensions: { code: 'AUDIT_UNAVAILABLE' },
      })]);

      const changed = await graph.police(ANTWERPEN.zone).mutate(
        'recordDeviceActivation', {
          measureId, activatedOn: TODAY,
          pvReference: pv(ANTWERPEN.zone, TODAY),
        });
      expect(changed).toEqual({ id: measureId, status: 'ACTIVE' });
    });
});
