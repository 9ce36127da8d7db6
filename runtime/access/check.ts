/**
 * Checks a subgraph's access rules against its schema when the subgraph
 * is built, so that a field added without a thought for who reads it
 * stops the subgraph (and the test suite) instead of reaching a client:
 *
 * - every object type has a rule, and every field its own: a field added
 *   without one is a field nobody has decided about;
 * - every `role:relation` policy is one the subgraph's model judges;
 * - a field that may be refused to a caller who reads its object is
 *   nullable (or a list, whose refused elements are left out), so that a
 *   refusal stays on its path and the rest of the answer stands.
 */
import {
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { AccessModel } from './model';
import { covers, type AccessRules } from './rules';

/** Throws one error listing every problem found. */
export function checkAccessRules(
  schema: GraphQLSchema,
  rules: AccessRules,
  model: AccessModel<never, unknown>,
): void {
  const problems = [
    ...missingRules(schema, rules),
    ...unknownRelations(rules, model),
    ...refusalsThatSpread(schema, rules),
  ];
  if (problems.length > 0) {
    throw new Error(`Access rules:\n- ${problems.join('\n- ')}`);
  }
}

function rootNames(schema: GraphQLSchema): Set<string | undefined> {
  return new Set(
    [
      schema.getQueryType(),
      schema.getMutationType(),
      schema.getSubscriptionType(),
    ].map((type) => type?.name),
  );
}

/** The object types of the subgraph's own, roots aside. */
function ownTypes(schema: GraphQLSchema): GraphQLObjectType[] {
  return Object.values(schema.getTypeMap()).filter(
    (type): type is GraphQLObjectType =>
      isObjectType(type) && !type.name.startsWith('_'),
  );
}

function missingRules(schema: GraphQLSchema, rules: AccessRules): string[] {
  const roots = rootNames(schema);
  return ownTypes(schema).flatMap((type) => {
    const typeProblem =
      roots.has(type.name) || rules.types.has(type.name)
        ? []
        : [`type ${type.name} has no @access rule`];
    const fieldProblems = Object.values(type.getFields())
      .filter((field) => !field.name.startsWith('_'))
      .filter((field) => !rules.fields.has(`${type.name}.${field.name}`))
      .map((field) => `${type.name}.${field.name} has no @access rule`);
    return [...typeProblem, ...fieldProblems];
  });
}

function unknownRelations(
  rules: AccessRules,
  model: AccessModel<never, unknown>,
): string[] {
  const named = [...rules.types.values(), ...rules.fields.values()].flat();
  const unknown = new Set(
    named
      .filter((policy) => policy.relation !== null)
      .filter((policy) => !(policy.name in model.relations))
      .map((policy) => policy.name),
  );
  return [...unknown].map(
    (name) => `policy ${name} is not a relation this subgraph judges`,
  );
}

function refusalsThatSpread(
  schema: GraphQLSchema,
  rules: AccessRules,
): string[] {
  const roots = rootNames(schema);
  return ownTypes(schema).flatMap((type) =>
    Object.values(type.getFields())
      .filter((field) => !field.name.startsWith('_'))
      .filter((field) => spreads(type, field, rules, roots))
      .map(
        (field) =>
          `${type.name}.${field.name} may be refused to a reader of ${type.name}: make it nullable`,
      ),
  );
}

/**
 * A refusal of the field itself nulls the field, list or not; a refusal
 * of an object it returns nulls it too, unless a list leaves it out.
 */
function spreads(
  type: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
  rules: AccessRules,
  roots: Set<string | undefined>,
): boolean {
  if (!isNonNullType(field.type)) return false;
  const typeRule = rules.types.get(type.name);
  const own = rules.fields.get(`${type.name}.${field.name}`);
  const isRoot = roots.has(type.name);
  if (own && !isRoot && typeRule && !covers(own, typeRule)) return true;

  const returned = getNamedType(field.type);
  const reached = own ?? typeRule;
  if (!isObjectType(returned) || !reached) return false;
  if (isListType(field.type.ofType)) return false;
  return !covers(rules.types.get(returned.name), reached);
}
