import { parse } from 'graphql';
import { AuditRecorder, auditReportOf } from './audit';
import { createLogger } from './logger';
import {
  createSubgraphServer,
  type SubgraphContext,
  type SubgraphDefinition,
} from './subgraph';

const PERSONS: Record<string, { nationalNumber: string; name: string }> = {
  a: { nationalNumber: '91072212345', name: 'DEMO-A' },
  b: { nationalNumber: '87020912345', name: 'DEMO-B' },
};

const definition: SubgraphDefinition<SubgraphContext> = {
  name: 'test',
  typeDefs: parse(`
    type Query {
      person(id: ID!): Person
      zoneName: String
      checked(id: ID!): Boolean
    }
    type Person { nationalNumber: ID! name: String measure: Measure }
    type Measure { id: ID! }
  `),
  resolvers: {
    Query: {
      person: (_: unknown, { id }: { id: string }) => PERSONS[id] ?? null,
      zoneName: () => 'Antwerpen',
      // Personal data read that no field shows: recorded by hand.
      checked: (
        _: unknown,
        { id }: { id: string },
        context: SubgraphContext,
      ) => {
        context.audit.read({ persons: [PERSONS[id]?.nationalNumber] });
        return true;
      },
    },
    Person: { measure: () => ({ id: 'measure-1' }) },
  },
  createContext: (base) => base,
  auditedTypes: {
    Person: (person: { nationalNumber: string }) =>
      ({ persons: [person.nationalNumber] }),
    Measure: (measure: { id: string }) => ({ measures: [measure.id] }),
  },
  readiness: async () => undefined,
};

describe('the audit recorder of a subgraph request', () => {
  const server = createSubgraphServer(definition, false);
  const logger = createLogger({ name: 'test', level: 'silent' });

  afterAll(() => server.stop());

  async function run(query: string) {
    const response = await server.executeOperation({ query }, {
      contextValue: {
        identity: { subject: 'u-1', role: 'police', zone: '5345' },
        requestId: 'r-1',
        logger,
        audit: new AuditRecorder(),
      },
    });
    if (response.body.kind !== 'single') throw new Error('not single');
    return response.body.singleResult;
  }

  it('reports each audited object whose fields were resolved', async () => {
    const result = await run(`{
      a: person(id: "a") { name measure { id } }
      b: person(id: "b") { nationalNumber }
      again: person(id: "a") { name }
    }`);
    expect(auditReportOf(result.extensions)).toEqual({
      persons: ['87020912345', '91072212345'],
      measures: ['measure-1'],
    });
  });

  it('reports an object asked for its __typename only', async () => {
    const result = await run('{ person(id: "b") { __typename } }');
    expect(auditReportOf(result.extensions)).toEqual({
      persons: ['87020912345'], measures: [],
    });
  });

  it('reports nothing for a person not found', async () => {
    const result = await run('{ person(id: "z") { name } }');
    expect(result.extensions?.audit).toBeUndefined();
  });

  it('reports nothing for data about no person', async () => {
    const result = await run('{ zoneName }');
    expect(result.extensions).toBeUndefined();
  });

  it('reports what the code recorded by hand', async () => {
    const result = await run('{ checked(id: "b") }');
    expect(auditReportOf(result.extensions)).toEqual({
      persons: ['87020912345'], measures: [],
    });
  });
});

describe('AuditRecorder', () => {
  it('keeps each key once, sorted, and skips empty ones', () => {
    const audit = new AuditRecorder();
    expect(audit.empty).toBe(true);
    audit.read({ persons: ['2', '1', '2', null, ''], measures: undefined });
    audit.read({ measures: ['m'] });
    expect(audit.empty).toBe(false);
    expect(audit.report()).toEqual({ persons: ['1', '2'], measures: ['m'] });
  });
});
