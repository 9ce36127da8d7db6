/**
 * The access rules a subgraph declares in its SDL with `@access`, read
 * into one table. The directive is the project's own: `@apollo/gateway`
 * enforces neither Apollo's `@policy` nor `@requiresScopes`, so each
 * subgraph enforces its rules itself (`enforce.ts`), whatever the gateway
 * does.
 *
 *   directive @access(policies: [String!]!) on OBJECT | FIELD_DEFINITION
 *
 * A policy is one of:
 * - `authenticated`: any caller the gateway let in;
 * - a role (`police`): every caller of that role;
 * - `role:relation` (`police:managing-zone`): a caller of that role whose
 *   organisation stands in the relation to the object read, which the
 *   subgraph's access model judges (`model.ts`).
 *
 * A caller passes a rule when one of its policies admits it. A type's
 * rule is judged on each object of the type a field returns; every field
 * has a rule of its own too, which narrows the type's for that field or
 * repeats it.
 */
import {
  Kind,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
} from 'graphql';
import { isRole, type Role } from '../identity';

export const ACCESS_DIRECTIVE = 'access';

/** The policy every caller the gateway let in passes. */
export const AUTHENTICATED = 'authenticated';

export interface Policy {
  /** As written in the SDL. */
  readonly name: string;
  /** Null for `authenticated`. */
  readonly role: Role | null;
  /** The part after the colon; null for a role alone. */
  readonly relation: string | null;
}

/** One rule: the caller passes when one of its policies admits it. */
export type Rule = readonly Policy[];

export interface AccessRules {
  /** By type name. */
  readonly types: ReadonlyMap<string, Rule>;
  /** By `Type.field`. */
  readonly fields: ReadonlyMap<string, Rule>;
}

/**
 * Every caller `wanted` admits, `rule` admits too: it names the same
 * policy, or the policy's whole role, or anyone. No rule admits anyone.
 */
export function covers(rule: Rule | undefined, wanted: Rule): boolean {
  if (!rule) return true;
  const names = new Set(rule.map((policy) => policy.name));
  if (names.has(AUTHENTICATED)) return true;
  return wanted.every(
    (policy) =>
      names.has(policy.name) ||
      (policy.role !== null && names.has(policy.role)),
  );
}

/** Reads a policy name; throws, showing it, when it is not one. */
export function parsePolicy(name: string): Policy {
  if (name === AUTHENTICATED) return { name, role: null, relation: null };
  const [role, relation, ...rest] = name.split(':');
  const relationOk = relation === undefined || /^[a-z][a-z0-9-]*$/.test(relation);
  if (!isRole(role) || !relationOk || rest.length > 0) {
    throw new Error(
      `@access policy "${name}" is not "authenticated", a role, or "role:relation"`,
    );
  }
  return { name, role, relation: relation ?? null };
}

/** The `@access` rules of a subgraph's SDL, types and fields. */
export function readAccessRules(typeDefs: DocumentNode): AccessRules {
  const types = new Map<string, Rule>();
  const fields = new Map<string, Rule>();
  for (const definition of typeDefs.definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION
    ) {
      continue;
    }
    const typeName = definition.name.value;
    const typeRule = ruleOf(definition.directives, typeName);
    if (typeRule) addRule(types, typeName, typeRule);
    for (const field of definition.fields ?? []) {
      const key = `${typeName}.${field.name.value}`;
      const fieldRule = ruleOf(field.directives, key);
      if (fieldRule) addRule(fields, key, fieldRule);
    }
  }
  return { types, fields };
}

/** The fields of the SDL's object types, in the order written. */
export function fieldsOf(
  typeDefs: DocumentNode,
): Array<{ typeName: string; field: FieldDefinitionNode }> {
  return typeDefs.definitions.flatMap((definition) =>
    definition.kind === Kind.OBJECT_TYPE_DEFINITION ||
    definition.kind === Kind.OBJECT_TYPE_EXTENSION
      ? (definition.fields ?? []).map((field) => ({
          typeName: definition.name.value,
          field,
        }))
      : [],
  );
}

function addRule(table: Map<string, Rule>, key: string, rule: Rule): void {
  if (table.has(key)) {
    throw new Error(`${key} has @access twice; write one rule`);
  }
  table.set(key, rule);
}

function ruleOf(
  directives: readonly ConstDirectiveNode[] | undefined,
  where: string,
): Rule | undefined {
  const found = directives?.filter((d) => d.name.value === ACCESS_DIRECTIVE);
  if (!found || found.length === 0) return undefined;
  if (found.length > 1) throw new Error(`${where} has @access twice`);
  const argument = found[0].arguments?.find(
    (arg) => arg.name.value === 'policies',
  );
  const value = argument?.value;
  if (value?.kind !== Kind.LIST || value.values.length === 0) {
    throw new Error(`${where}: @access needs a non-empty list of policies`);
  }
  return value.values.map((item) => {
    if (item.kind !== Kind.STRING) {
      throw new Error(`${where}: @access policies are strings`);
    }
    return parsePolicy(item.value);
  });
}
