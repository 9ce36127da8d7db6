/**
 * The alert log as the gateway reads it (`Query.alertLog`,
 * `Query.alertLogHead`), through the protection subgraph in-process: the
 * identity stands for the one the gateway signs, and only role
 * `gateway` reads. Each entry names who may receive it as
 * `Query.alertEvent` judges each caller. The gateway's own identity
 * changes and lists nothing. On both databases.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLInputType,
} from 'graphql';
import {
  openSqlProtectionAdapter,
  type SqlProtectionAdapter,
} from '../../adapters/protection';
import { SHIPPED_TERRITORY } from '../../reference/shipped';
import type { Identity } from '../../runtime/identity';
import { makeNationalNumber } from '../../runtime/national-number';
import { loadSubgraphTypeDefs } from '../../runtime/subgraph';
import { describeEachDatabase } from '../../test/support/databases';
import {
  ANTWERPEN,
  APP112,
  GATEWAY,
  IN_IXELLES,
  RAISED_AT,
  dataOf,
  insertAntwerpenMeasure,
  protectionClient,
} from '../../test/support/protection-subgraph';
import type { SubgraphClient } from '../../test/support/subgraph';

const NOW = '2026-12-01T09:00:00Z';

/** One caller of every other role. */
const OTHER_ROLES: [string, Identity][] = [
  ['police', ANTWERPEN],
  ['cic', { subject: 'cic-van', role: 'cic', province: 'BE-VAN' }],
  ['magistrate',
    { subject: 'mag-ant', role: 'magistrate', arrondissement: 'ANT' }],
  ['victim-support',
    { subject: 'sav-ant', role: 'victim-support', arrondissement: 'ANT' }],
  ['analyst', { subject: 'analyst', role: 'analyst' }],
  ['app112', APP112],
];

const ALERT_LOG = /* GraphQL */ `
  query ($after: ID!, $limit: Int) {
    alertLog(after: $after, limit: $limit) {
      sequence kind measureId alertId at
      recipients { cicProvinces zones arrondissements }
    }
  }
`;

const ALERT_LOG_HEAD = /* GraphQL */ `query { alertLogHead }`;

const ALERT_EVENT = /* GraphQL */ `
  query ($sequence: ID!) { alertEvent(sequence: $sequence) { sequence } }
`;

interface Entry {
  sequence: string;
  kind: string;
  measureId: string;
  alertId: string;
  at: string;
  recipients: {
    cicProvinces: string[];
    zones: string[];
    arrondissements: string[];
  };
}

/**
 * A value of `type` that passes GraphQL's own checks: a measure id where
 * one is asked, a valid national number, and only the required fields
 * of an input. Enough to reach a mutation's resolver.
 */
function sampleOf(
  type: GraphQLInputType,
  field: string,
  measureId: string,
): unknown {
  if (isNonNullType(type)) return sampleOf(type.ofType, field, measureId);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields())
      .filter((member) => isNonNullType(member.type));
    return Object.fromEntries(required.map((member) =>
      [member.name, sampleOf(member.type, member.name, measureId)]));
  }
  switch (type.name) {
    case 'Date':
      return '2026-12-01';
    case 'DateTime':
      return NOW;
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    default:
      if (field === 'measureId') return measureId;
      if (field === 'nationalNumber') {
        return makeNationalNumber('1990-04-12', 7);
      }
      return 'sample';
  }
}

/** Every mutation of the subgraph's schema, as a document and input. */
function everyMutation(measureId: string) {
  const schema = buildSubgraphSchema(
    { typeDefs: loadSubgraphTypeDefs('protection') });
  const fields = Object.values(schema.getMutationType()!.getFields());
  return fields.map((field) => {
    const [input] = field.args;
    return {
      name: field.name,
      document: `mutation ($input: ${String(input!.type)}) {
        ${field.name}(input: $input) { __typename }
      }`,
      variables: { input: sampleOf(input!.type, 'input', measureId) },
    };
  });
}

describeEachDatabase('the protection subgraph: the gateway\'s alert log',
  (getOptions) => {
    let adapter: SqlProtectionAdapter;
    let client: SubgraphClient;
    let measureId: string;

    beforeAll(async () => {
      adapter = await openSqlProtectionAdapter(getOptions(),
        { territory: SHIPPED_TERRITORY });
      measureId = await insertAntwerpenMeasure(adapter, 'log-1',
        'SA/1999/0301');
      client = protectionClient(adapter, NOW);
    });

    afterAll(async () => {
      await client?.stop();
      await adapter?.close();
    });

    const data = <T>(...operation: Parameters<SubgraphClient['run']>) =>
      dataOf<T>(client, ...operation);

    /** The codes of the only error of an operation that must fail. */
    async function refusal(
      identity: Identity,
      query: string,
      variables?: Record<string, unknown>,
    ): Promise<Record<string, unknown>> {
      const result = await client.run(identity, query, variables);
      expect(result.errors).toHaveLength(1);
      return result.errors![0]!.extensions ?? {};
    }

    async function log(after = '0', limit?: number): Promise<Entry[]> {
      const answer = await data<{ alertLog: Entry[] }>(GATEWAY, ALERT_LOG,
        { after, limit });
      return answer.alertLog;
    }

    async function head(): Promise<string> {
      const answer = await data<{ alertLogHead: string }>(GATEWAY,
        ALERT_LOG_HEAD);
      return answer.alertLogHead;
    }

    it('§3: the head of an empty log is "0", and the log reads empty',
      async () => {
        expect(await head()).toBe('0');
        expect(await log()).toEqual([]);
      });

    it.each(OTHER_ROLES)('refuses role %s the log and its head',
      async (_, identity) => {
        expect(await refusal(identity, ALERT_LOG, { after: '0' }))
          .toMatchObject({ code: 'FORBIDDEN' });
        expect(await refusal(identity, ALERT_LOG_HEAD))
          .toMatchObject({ code: 'FORBIDDEN' });
      });

    describe('with alerts', () => {
      beforeAll(async () => {
        const mutate = (identity: Identity, name: string, type: string,
          input: Record<string, unknown>) =>
          data(identity, `mutation ($input: ${type}!) {
            ${name}(input: $input) { id }
          }`, { input: { measureId, ...input } });
        // Located in Ixelles, a zone away from the managing one.
        await mutate(APP112, 'recordAlert', 'RecordAlertInput',
          { alertId: 'located', raisedAt: RAISED_AT });
        await mutate(APP112, 'recordAlertLocation', 'RecordAlertLocationInput',
          { alertId: 'located', location: IN_IXELLES });
        // Never located, and false.
        await mutate(APP112, 'recordAlert', 'RecordAlertInput',
          { alertId: 'false-alarm', raisedAt: RAISED_AT });
        await mutate(ANTWERPEN, 'classifyAlert', 'ClassifyAlertInput', {
          alertId: 'false-alarm', classification: 'FALSE',
          classifiedAt: '2026-12-01T08:58:00Z', pvReference: 'PV/5345/1',
        });
      });

      it('§3, §7.2.2, §7.11.2: reads every entry in sequence order, with '
        + 'who may receive it', async () => {
        const entries = await log();

        const sequences = entries.map((entry) => Number(entry.sequence));
        expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
        const located = {
          cicProvinces: ['BE-BRU'],
          zones: ['5345', '5339'],
          arrondissements: ['ANT'],
        };
        const falseAlarm = {
          cicProvinces: ['BE-VAN'],
          zones: ['5345'],
          arrondissements: [],
        };
        expect(entries).toEqual([
          ['located', 'RAISED', located],
          ['located', 'LOCATION_UPDATED', located],
          ['false-alarm', 'RAISED', falseAlarm],
          ['false-alarm', 'CLASSIFIED', falseAlarm],
        ].map(([alertId, kind, recipients]) => ({
          sequence: expect.stringMatching(/^[1-9][0-9]*$/),
          kind,
          measureId,
          alertId,
          at: '2026-12-01T09:00:00.000Z',
          recipients,
        })));
      });

      it('§3: names exactly the callers Query.alertEvent answers', async () => {
        type Listed = [keyof Entry['recipients'], Identity];
        const police = (zone: string): Listed =>
          ['zones', { subject: `police-${zone}`, role: 'police', zone }];
        const cic = (province: string): Listed => ['cicProvinces',
          { subject: `cic-${province}`, role: 'cic', province }];
        const parquet = (arrondissement: string): Listed => [
          'arrondissements',
          { subject: `mag-${arrondissement}`, role: 'magistrate',
            arrondissement },
        ];
        const callers = [police('5345'), police('5339'), police('5415'),
          cic('BE-VAN'), cic('BE-BRU'), parquet('ANT'), parquet('BRU')];
        const codeOf = (identity: Identity) =>
          identity.zone ?? identity.province ?? identity.arrondissement;

        for (const entry of await log()) {
          for (const [list, caller] of callers) {
            const { alertEvent } = await data<{ alertEvent: unknown }>(
              caller, ALERT_EVENT, { sequence: entry.sequence });
            const listed = entry.recipients[list].includes(codeOf(caller)!);
            expect([entry.alertId, entry.kind, codeOf(caller),
              alertEvent !== null])
              .toEqual([entry.alertId, entry.kind, codeOf(caller), listed]);
          }
        }
      });

      it('pages with after and limit', async () => {
        const entries = await log();
        const sequenceAt = (index: number) => entries[index]!.sequence;

        expect(await log(sequenceAt(0), 2)).toEqual(entries.slice(1, 3));
        expect(await log('0', 1)).toEqual(entries.slice(0, 1));
        expect(await log(sequenceAt(3))).toEqual([]);
      });

      it('§3: the head is the last sequence', async () => {
        const entries = await log();
        expect(await head()).toBe(entries[entries.length - 1]!.sequence);
      });

      it.each([
        [{ after: '0', limit: 0 }, 'limit'],
        [{ after: '0', limit: 1001 }, 'limit'],
        [{ after: '-1' }, 'after'],
        [{ after: 'abc' }, 'after'],
      ])('refuses %p with BAD_USER_INPUT', async (variables, argument) => {
        expect(await refusal(GATEWAY, ALERT_LOG, variables))
          .toMatchObject({ code: 'BAD_USER_INPUT', argument });
      });
    });

    describe('the gateway\'s own identity', () => {
      it('follows no alert of its own: alertEvents is FORBIDDEN', async () => {
        const answer = await client.run(GATEWAY,
          'query { alertEvents { sequence } }');
        expect(answer.data ?? null).toBeNull();
        expect(answer.errors).toEqual([expect.objectContaining({
          message: 'Query.alertEvents is for police, cic, magistrate; '
            + 'this caller is gateway.',
          path: ['alertEvents'],
          extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
        })]);
      });

      it('lists no measures', async () => {
        expect(await refusal(GATEWAY,
          'query { protectionMeasures { id } }'))
          .toMatchObject({ code: 'FORBIDDEN' });
      });

      it('is refused every mutation, changing nothing', async () => {
        const [before] = await adapter.aggregatesById([measureId]);
        const answered: [string, unknown][] = [];
        for (const mutation of everyMutation(measureId)) {
          const extensions = await refusal(GATEWAY, mutation.document,
            mutation.variables);
          answered.push([mutation.name, extensions.code]);
        }

        expect(answered.length).toBeGreaterThan(20);
        expect(answered).toEqual(
          answered.map(([name]) => [name, 'FORBIDDEN']));
        const [after] = await adapter.aggregatesById([measureId]);
        expect(after).toEqual(before);
      });
    });
  });
