import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { checkAccessRules } from './check';
import { ROLES_ONLY, type AccessModel } from './model';
import { readAccessRules } from './rules';

const HEAD = `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  directive @access(policies: [String!]!) on OBJECT | FIELD_DEFINITION
`;

const MODEL: AccessModel<never, unknown> = {
  relations: {
    'police:managing-zone': { description: 'zone', admits: () => true },
  },
};

function problemsOf(sdl: string, model = MODEL): string {
  const typeDefs = parse(HEAD + sdl);
  const schema = buildSubgraphSchema([{ typeDefs }]);
  try {
    checkAccessRules(schema, readAccessRules(typeDefs), model);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('runtime/access/check: the rules a subgraph starts with', () => {
  it('passes a schema whose every type and root field has a rule', () => {
    expect(problemsOf(`
      type Query { case: Case @access(policies: ["police"]) }
      type Case @access(policies: ["police:managing-zone"]) {
        id: ID! @access(policies: ["police:managing-zone"])
        notes: String @access(policies: ["police"])
      }
    `)).toBe('');
  });

  it('names a type and a field added without a rule, root or not', () => {
    const problems = problemsOf(`
      type Query {
        case: Case @access(policies: ["police"])
        other: Int
      }
      type Case { id: ID! }
    `);
    expect(problems).toContain('type Case has no @access rule');
    expect(problems).toContain('Query.other has no @access rule');
    expect(problems).toContain('Case.id has no @access rule');
  });

  it('names a relation the model does not judge',
    () => {
      const problems = problemsOf(`
        type Query { a: Int @access(policies: ["cic:elsewhere"]) }
      `, ROLES_ONLY);
      expect(problems)
        .toContain('policy cic:elsewhere is not a relation this subgraph judges');
    });

  it('asks for nullable fields where a refusal would spread', () => {
    const problems = problemsOf(`
      type Query { case: Case! @access(policies: ["police"]) }
      type Case @access(policies: ["police:managing-zone", "magistrate"]) {
        id: ID! @access(policies: ["police:managing-zone", "magistrate"])
        notes: String! @access(policies: ["magistrate"])
        tags: [String!]! @access(policies: ["magistrate"])
        parts: [Part!]!
        part: Part!
      }
      type Part @access(policies: ["magistrate"]) { id: ID! }
    `);
    expect(problems).toContain('Query.case may be refused');
    expect(problems).toContain('Case.notes may be refused');
    expect(problems).toContain('Case.tags may be refused');
    expect(problems).toContain('Case.part may be refused');
    // A list leaves refused elements out.
    expect(problems).not.toContain('Case.parts may be refused');
    expect(problems).not.toContain('Case.id');
  });

  it('takes a role named whole to cover each of its relations', () => {
    expect(problemsOf(`
      type Query {
        case: Case! @access(policies: ["police:managing-zone"])
      }
      type Case @access(policies: ["police"]) {
        id: ID! @access(policies: ["police"])
      }
    `)).toBe('');
  });
});
