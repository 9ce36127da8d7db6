import { openSqlAuditAdapter } from '../../adapters/audit';
import type { SqlAuditAdapter } from '../../adapters/audit';
import { verifyAuditTrail } from '../../adapters/audit/verify';
import { MAX_AUDIT_BATCH } from '../../runtime/audit';
import {
  ROLES,
  ROLE_SCOPE,
  type Identity,
  type Role,
} from '../../runtime/identity';
import { describeEachDatabase } from '../../test/support/databases';
import {
  subgraphClient,
  type SubgraphClient,
} from '../../test/support/subgraph';
import { auditSubgraph } from '.';

const GATEWAY: Identity = { subject: 'gateway', role: 'gateway' };

const APPEND_ALL = `mutation ($input: [AuditEntryInput!]!) {
  appendAuditEntries(input: $input) { sequence requestId previousHash hash }
}`;

function entryInput(requestId: string) {
  return {
    at: '2027-01-04T10:00:00+01:00',
    subject: 'officer-1',
    role: 'police',
    organisation: 'zone:5345',
    operationType: 'SUBSCRIPTION',
    operationName: 'Alerts',
    documentHash: 'ab'.repeat(32),
    requestId,
    persons: ['91072212345'],
    measures: ['measure-1'],
    purpose: null,
    outcome: 'COMPLETE',
  };
}

const batch = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => entryInput(`${prefix}-${i}`));

/** A caller of `role`, in an organisation when the role has one. */
function callerOf(role: Role): Identity {
  const scope = ROLE_SCOPE[role];
  const codes = { zone: '5345', arrondissement: 'ANT', province: 'BE-VAN' };
  return scope === null
    ? { subject: `a-${role}`, role }
    : { subject: `a-${role}`, role, [scope]: codes[scope] };
}

interface Appended {
  appendAuditEntries: {
    sequence: string; requestId: string; previousHash: string; hash: string;
  }[];
}

describeEachDatabase('appendAuditEntries', (storage) => {
  let adapter: SqlAuditAdapter;
  let client: SubgraphClient;

  beforeAll(async () => {
    adapter = await openSqlAuditAdapter(storage());
    client = subgraphClient(auditSubgraph(adapter));
  });

  afterAll(async () => {
    await client?.stop();
    await adapter?.close();
  });

  const head = async () => (await adapter.head()).sequence;

  it('appends a batch in its order, each entry chained to the one before',
    async () => {
      const { data, errors } = await client.run<Appended>(GATEWAY,
        APPEND_ALL, { input: batch('b', 5) });
      expect(errors).toBeUndefined();
      const entries = data!.appendAuditEntries;
      expect(entries.map((e) => [e.sequence, e.requestId])).toEqual(
        [1, 2, 3, 4, 5].map((n) => [String(n), `b-${n - 1}`]));
      for (let i = 1; i < entries.length; i += 1) {
        expect(entries[i].previousHash).toBe(entries[i - 1].hash);
      }
      expect(await verifyAuditTrail(adapter)).toMatchObject({
        ok: true, checked: 5,
      });
    });

  it(`takes ${MAX_AUDIT_BATCH} entries at once`, async () => {
    const before = await head();
    const { errors } = await client.run(GATEWAY, APPEND_ALL,
      { input: batch('full', MAX_AUDIT_BATCH) });
    expect(errors).toBeUndefined();
    expect(await head()).toBe(before + MAX_AUDIT_BATCH);
  }, 30_000);

  it.each([
    ['more than the bound', MAX_AUDIT_BATCH + 1],
    ['none', 0],
  ])('refuses a batch of %s with BAD_USER_INPUT, writing nothing',
    async (_, count) => {
      const before = await head();
      const { data, errors } = await client.run(GATEWAY, APPEND_ALL,
        { input: batch('over', count) });
      expect(data).toBeNull();
      expect(errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT', argument: 'input',
      });
      expect(await head()).toBe(before);
    });

  it('refuses the whole batch for one entry it cannot hold, naming it',
    async () => {
      const before = await head();
      const input = batch('long', 4);
      input[2] = { ...input[2], requestId: 'x'.repeat(65) };
      const { data, errors } = await client.run(GATEWAY, APPEND_ALL,
        { input });
      expect(data).toBeNull();
      expect(errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT', argument: 'requestId', index: 2,
      });
      expect(await head()).toBe(before);
    });

  it.each(ROLES.filter((role) => role !== 'gateway'))(
    'refuses the role %s with FORBIDDEN, writing nothing', async (role) => {
      const before = await head();
      const { data, errors } = await client.run(callerOf(role), APPEND_ALL,
        { input: batch(role, 2) });
      expect(data).toBeNull();
      expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await head()).toBe(before);
    });
});
