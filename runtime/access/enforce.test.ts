import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse, type ExecutionResult } from 'graphql';
import type { Identity } from '../identity';
import { AccessEnforcer } from './enforce';
import type { AccessModel } from './model';
import { readAccessRules } from './rules';

/** A case belongs to a zone; its notes are the zone's alone. */
const SDL = `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  directive @access(policies: [String!]!) on OBJECT | FIELD_DEFINITION
  type Query {
    case(id: ID!): Case @access(policies: ["police:zone", "magistrate"])
    cases: [Case!]! @access(policies: ["police", "magistrate"])
  }
  type Mutation {
    touch(id: ID!): Case! @access(policies: ["police:zone"])
  }
  type Case @key(fields: "id")
    @access(policies: ["police:zone", "magistrate"]) {
    id: ID!
    notes: String @access(policies: ["police:zone"])
    area: Area!
  }
  type Area @access(policies: ["police:zone", "magistrate"]) {
    code: ID!
    secret: String @access(policies: ["police:zone"])
  }
`;

interface CaseRecord { id: string; zone: string }

const CASES: Record<string, CaseRecord> = {
  a: { id: 'a', zone: '5345' },
  b: { id: 'b', zone: '5339' },
};
/** One object reached through every case: judged by each path's case. */
const SHARED_AREA = { code: 'shared', secret: 's3cret' };

/** How often the relation was judged, to prove it is judged once. */
let judged = 0;

const model: AccessModel<{ identity: Identity }, { record: CaseRecord }> = {
  relations: {
    'police:zone': {
      description: "the case's zone",
      admits: (identity, subject) => {
        judged += 1;
        return identity.zone === subject.record.zone;
      },
    },
  },
  subjectOf: ({ typeName, value }) =>
    typeName === 'Case' ? { record: value as CaseRecord } : undefined,
};

function buildSchema() {
  const typeDefs = parse(SDL);
  const schema = buildSubgraphSchema([{
    typeDefs,
    resolvers: {
      Query: {
        case: (_: unknown, { id }: { id: string }) => CASES[id] ?? null,
        cases: () => Object.values(CASES),
      },
      Mutation: { touch: (_: unknown, { id }: { id: string }) => CASES[id] },
      Case: {
        __resolveReference: ({ id }: { id: string }) => CASES[id] ?? null,
        notes: (record: CaseRecord) => `notes of ${record.id}`,
        area: () => SHARED_AREA,
      },
    },
  }]);
  return new AccessEnforcer(readAccessRules(typeDefs), model).apply(schema);
}

const police = (zone: string): Identity =>
  ({ subject: `officer-${zone}`, role: 'police', zone });
const MAGISTRATE: Identity =
  { subject: 'mag', role: 'magistrate', arrondissement: 'ANT' };
const ANALYST: Identity = { subject: 'an', role: 'analyst' };

async function run(
  identity: Identity,
  query: string,
  variables?: Record<string, unknown>,
): Promise<ExecutionResult> {
  return execute({
    schema: buildSchema(),
    document: parse(query),
    contextValue: { identity },
    variableValues: variables,
  }) as Promise<ExecutionResult>;
}

function forbiddenPaths(result: ExecutionResult): string[] {
  return (result.errors ?? [])
    .filter((error) => error.extensions.code === 'FORBIDDEN')
    .map((error) => (error.path ?? []).join('.'));
}

describe('runtime/access/enforce: the rules at execution', () => {
  it('lets the zone of a case read it whole', async () => {
    const result = await run(police('5345'),
      '{ case(id: "a") { id notes area { code secret } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      case: { id: 'a', notes: 'notes of a', area: { code: 'shared', secret: 's3cret' } },
    });
  });

  it("nulls another zone's case with FORBIDDEN on its path", async () => {
    const result = await run(police('5339'), '{ case(id: "a") { id } }');
    expect(result.data).toEqual({ case: null });
    expect(forbiddenPaths(result)).toEqual(['case']);
    expect(result.errors?.[0].message).toBe(
      'Case is for police:zone, magistrate; this caller is police of 5339.');
  });

  it('refuses a role the root field does not name, before resolving',
    async () => {
      const result = await run(ANALYST, '{ case(id: "a") { id } }');
      expect(result.data).toEqual({ case: null });
      expect(forbiddenPaths(result)).toEqual(['case']);
    });

  it('nulls a narrowed field alone, and the rest stands', async () => {
    const result = await run(MAGISTRATE,
      '{ case(id: "a") { id notes area { code secret } } }');
    expect(result.data).toEqual({
      case: { id: 'a', notes: null, area: { code: 'shared', secret: null } },
    });
    expect(forbiddenPaths(result).sort())
      .toEqual(['case.area.secret', 'case.notes']);
  });

  it('leaves out the elements of a list the caller may not read',
    async () => {
      const result = await run(police('5339'), '{ cases { id } }');
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ cases: [{ id: 'b' }] });
    });

  it('judges an object reached through two paths by each path', async () => {
    const result = await run(MAGISTRATE, '{ cases { id area { secret } } }');
    expect(result.data).toEqual({
      cases: [{ id: 'a', area: { secret: null } }, { id: 'b', area: { secret: null } }],
    });
    const zoneA = await run(police('5345'),
      '{ a: case(id: "a") { area { secret } } b: case(id: "b") { area { secret } } }');
    expect(zoneA.data).toEqual({ a: { area: { secret: 's3cret' } }, b: null });
  });

  it('answers an entity the caller may not read with FORBIDDEN at its index',
    async () => {
      const result = await run(police('5345'),
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Case { id } } }`,
        { r: [{ __typename: 'Case', id: 'a' }, { __typename: 'Case', id: 'b' }] });
      expect(result.data).toEqual({ _entities: [{ id: 'a' }, null] });
      expect(forbiddenPaths(result)).toEqual(['_entities.1']);
    });

  it('judges a relation once per object and request', async () => {
    judged = 0;
    await run(police('5345'),
      '{ case(id: "a") { id notes area { code secret } } }');
    expect(judged).toBe(1);
    await run(police('5345'), '{ cases { id notes } }');
    expect(judged).toBe(3);
  });

  it("judges a mutation's answer by its type", async () => {
    const own = await run(police('5345'), 'mutation { touch(id: "a") { id notes } }');
    expect(own.data).toEqual({ touch: { id: 'a', notes: 'notes of a' } });
    const other = await run(police('5345'), 'mutation { touch(id: "b") { id } }');
    expect(other.data).toBeNull();
    expect(forbiddenPaths(other)).toEqual(['touch']);
  });
});
