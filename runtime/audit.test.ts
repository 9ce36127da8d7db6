import { parse } from 'graphql';
import { AuditRecorder, auditReportOf } from './audit';
import type { Identity } from './identity';
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
  // A subgraph starts only when every type and field has a rule.
  typeDefs: parse(`
    directive @access(policies: [String!]!) on OBJECT | FIELD_DEFINITION
    type Query {
      person(id: ID!): Person @access(policies: ["police"])
      zoneName: String @access(policies: ["authenticated"])
      checked(id: ID!): Boolean @access(policies: ["police"])
    }
    type Person @access(policies: ["police"]) {
      nationalNumber: ID! @access(policies: ["police"])
      name: String @access(policies: ["police"])
      measure: Measure @access(policies: ["police"])
    }
    type Measure @access(policies: ["police"]) {
      id: ID! @access(policies: ["police"])
    }
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

const POLICE: Identity = { subject: 'u-1', role: 'police', zone: '5345' };

describe('the audit recorder of a subgraph request', () => {
  const server = createSubgraphServer(definition, false);
  const logger = createLogger({ name: 'test', level: 'silent' });

  afterAll(() => server.stop());

  async function run(query: string, identity: Identity = POLICE) {
    const response = await server.executeOperation({ query }, {
      contextValue: {
        identity,
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

  it('reports nothing for a field refused before it reads', async () => {
    const analyst: Identity = { subject: 'u-2', role: 'analyst' };

    const result = await run('{ checked(id: "b") }', analyst);

    expect(result.errors?.map((error) => error.extensions?.code))
      .toEqual(['FORBIDDEN']);
    expect(result.extensions?.audit).toBeUndefined();
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
