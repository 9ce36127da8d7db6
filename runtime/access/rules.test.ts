import { parse } from 'graphql';
import { parsePolicy, readAccessRules } from './rules';

const SDL = `
  directive @access(policies: [String!]!) on OBJECT | FIELD_DEFINITION
  type Query { case(id: ID!): Case @access(policies: ["police", "magistrate"]) }
  type Case @access(policies: ["police:managing-zone", "authenticated"]) {
    id: ID!
    notes: String @access(policies: ["magistrate:parquet"])
  }
  extend type Case { extra: Int @access(policies: ["analyst"]) }
`;

describe('runtime/access/rules: reading @access from an SDL', () => {
  it('reads the rules of types and fields, extensions included', () => {
    const rules = readAccessRules(parse(SDL));
    expect([...rules.types.keys()]).toEqual(['Case']);
    expect(rules.types.get('Case')?.map((policy) => policy.name))
      .toEqual(['police:managing-zone', 'authenticated']);
    expect([...rules.fields.keys()])
      .toEqual(['Query.case', 'Case.notes', 'Case.extra']);
  });

  it('splits a policy into its role and relation', () => {
    expect(parsePolicy('police:managing-zone'))
      .toEqual({ name: 'police:managing-zone', role: 'police', relation: 'managing-zone' });
    expect(parsePolicy('app112'))
      .toEqual({ name: 'app112', role: 'app112', relation: null });
    expect(parsePolicy('authenticated'))
      .toEqual({ name: 'authenticated', role: null, relation: null });
  });

  it('refuses an unknown role or a malformed policy, showing it', () => {
    expect(() => parsePolicy('admin')).toThrow('"admin"');
    expect(() => parsePolicy('police:Zone')).toThrow('"police:Zone"');
    expect(() => parsePolicy('police:a:b')).toThrow('"police:a:b"');
  });

  it('refuses an empty rule and a rule written twice', () => {
    expect(() => readAccessRules(parse(
      'type A @access(policies: []) { a: Int }'))).toThrow('non-empty');
    expect(() => readAccessRules(parse(`
      type A { a: Int @access(policies: ["police"]) }
      extend type A @access(policies: ["cic"]) { b: Int }
      extend type A @access(policies: ["cic"]) { c: Int }
    `))).toThrow('A has @access twice');
  });
});
