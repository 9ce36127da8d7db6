import { openSqlAuditAdapter } from '../../adapters/audit';
import type { AuditAdapter } from '../../adapters/audit/types';
import type { Identity } from '../../runtime/identity';
import { sqliteDatabase } from '../../test/support/databases';
import {
  subgraphClient,
  type SubgraphClient,
} from '../../test/support/subgraph';
import { auditSubgraph } from '.';

const AUDITOR: Identity = { subject: 'auditor-1', role: 'auditor' };
const GATEWAY: Identity = { subject: 'gateway', role: 'gateway' };
const VICTIM = '91072212345';

const APPEND = `mutation ($input: AuditEntryInput!) {
  appendAuditEntry(input: $input) { sequence hash previousHash }
}`;
const TRAIL = `query ($first: Int, $after: ID, $nationalNumber: ID) {
  auditTrail(first: $first, after: $after, nationalNumber: $nationalNumber) {
    entries { sequence operationType persons measures purpose }
    nextCursor
  }
}`;

function entryInput(requestId: string) {
  return {
    at: '2027-01-04T10:00:00+01:00',
    subject: 'officer-1',
    role: 'police',
    organisation: 'zone:5345',
    operationType: 'QUERY',
    operationName: 'Measure',
    documentHash: 'ab'.repeat(32),
    requestId,
    persons: [VICTIM],
    measures: ['measure-1'],
    purpose: null,
    outcome: 'COMPLETE',
  };
}

describe('the audit subgraph', () => {
  const database = sqliteDatabase();
  let adapter: AuditAdapter;
  let client: SubgraphClient;

  beforeAll(async () => {
    adapter = await openSqlAuditAdapter(await database.create());
    client = subgraphClient(auditSubgraph(adapter));
  });

  afterAll(async () => {
    await client?.stop();
    await adapter?.close();
    await database.drop();
  });

  it('lets the gateway alone append an entry', async () => {
    const appended = await client.run(GATEWAY, APPEND,
      { input: entryInput('r-1') });
    expect(appended.data).toMatchObject({
      appendAuditEntry: { sequence: '1' },
    });

    for (const role of ['auditor', 'police', 'analyst'] as const) {
      const refused = await client.run({ subject: 'x', role, zone: '5345' },
        APPEND, { input: entryInput('r-x') });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await adapter.head()).sequence).toBe(1);
  });

  it.each([
    ['police', { subject: 'p', role: 'police', zone: '5345' }],
    ['magistrate', { subject: 'm', role: 'magistrate', arrondissement: 'ANT' }],
    ['analyst', { subject: 'a', role: 'analyst' }],
    ['gateway', GATEWAY],
  ] as [string, Identity][])('refuses the trail to the role %s',
    async (_, who) => {
      const { data, errors } = await client.run(who, TRAIL);
      expect(data).toBeNull();
      expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

  it('answers the auditor page by page, and reports what it read',
    async () => {
      await client.run(GATEWAY, APPEND, { input: entryInput('r-2') });
      const first = await client.run<{
        auditTrail: { entries: { sequence: string }[]; nextCursor: string };
      }>(AUDITOR, TRAIL, { first: 1 });
      expect(first.data?.auditTrail).toEqual({
        entries: [{
          sequence: '2', operationType: 'QUERY', persons: [VICTIM],
          measures: ['measure-1'], purpose: null,
        }],
        nextCursor: '2',
      });
      // The auditor's read names what it saw, for its own entry.
      expect(first.extensions?.audit).toEqual({
        persons: [VICTIM], measures: ['measure-1'],
      });
      const next = await client.run(AUDITOR, TRAIL, { first: 1, after: '2' });
      expect(next.data).toMatchObject({
        auditTrail: { entries: [{ sequence: '1' }], nextCursor: null },
      });
    });

  it('refuses a person filter that is no national number', async () => {
    const { errors } = await client.run(AUDITOR, TRAIL,
      { nationalNumber: '123' });
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
