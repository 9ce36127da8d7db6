/**
 * Walks a subgraph's schema for the access test (walk.test.ts): finds a
 * path from a root to every object type, writes the query that selects
 * every field of the type there, and says from the `@access` rules alone
 * (never from the enforcement code) what a caller must get at each step:
 * the field, null with FORBIDDEN on its path, or a list without the
 * element.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import {
  AUTHENTICATED,
  readAccessRules,
  type AccessRules,
  type Rule,
} from '../../runtime/access/rules';
import type { Identity } from '../../runtime/identity';
import { loadSubgraphTypeDefs } from '../../runtime/subgraph';

export interface WalkedSubgraph {
  readonly name: string;
  readonly schema: GraphQLSchema;
  readonly rules: AccessRules;
}

export function walkedSubgraph(name: string): WalkedSubgraph {
  const typeDefs = loadSubgraphTypeDefs(name);
  return {
    name,
    schema: buildSubgraphSchema([{ typeDefs }]),
    rules: readAccessRules(typeDefs),
  };
}

/** Where a walk starts: a root field, or an entity the gateway asks for. */
export interface Root {
  /** `Query.<field>` or `_entities`. */
  readonly field: string;
  /** The type it answers. */
  readonly type: string;
  /** Rendered arguments, `(id: "x")`; for `_entities` the representation. */
  readonly args?: string;
  readonly representation?: Record<string, unknown>;
  /**
   * The answer is the caller's own (a work list): every relation of the
   * caller's role holds for what it lists.
   */
  readonly own?: boolean;
  /** A caller this root answers nothing, without an error (a filter). */
  readonly hides?: (identity: Identity) => boolean;
  /**
   * A caller the rules let in but the subgraph refuses (FORBIDDEN) for
   * what the root names: a statistics report of another territory.
   */
  readonly refuses?: (identity: Identity) => boolean;
}

/** One field on the way, from a root down to the type walked. */
export interface Step {
  readonly parentType: string;
  readonly field: string;
  readonly returns: string;
  readonly list: boolean;
  readonly args: string;
}

export interface Path {
  readonly root: Root;
  readonly steps: readonly Step[];
}

/** Arguments a field needs, by `Type.field`, for the walk to reach it. */
export type ArgumentTable = Readonly<Record<string, string>>;

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

function needsArguments(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.some(
    (arg) => isNonNullType(arg.type) && arg.defaultValue === undefined,
  );
}

/** Private: the fields out of `type` that lead to an object type. */
function edges(
  type: GraphQLObjectType,
  args: ArgumentTable,
): Step[] {
  return Object.values(type.getFields()).flatMap((field) => {
    const returned = getNamedType(field.type);
    const key = `${type.name}.${field.name}`;
    if (!isObjectType(returned) || field.name.startsWith('_')) return [];
    if (needsArguments(field) && !(key in args)) return [];
    return [{
      parentType: type.name,
      field: field.name,
      returns: returned.name,
      list: isList(field.type),
      args: args[key] ?? '',
    }];
  });
}

/**
 * The shortest paths to each object type, breadth first from each root;
 * a type keeps every root that reaches it at its shortest depth, so that
 * a walk can try the next when a fixture's data stops the first.
 */
export function pathsByType(
  subgraph: WalkedSubgraph,
  roots: readonly Root[],
  args: ArgumentTable,
): Map<string, Path[]> {
  const found = new Map<string, Path[]>();
  const depthOf = new Map<string, number>();
  for (const root of roots) {
    const seen = new Set<string>();
    let frontier: Path[] = [{ root, steps: [] }];
    for (let depth = 0; frontier.length > 0; depth += 1) {
      const next: Path[] = [];
      for (const path of frontier) {
        const typeName = typeAt(path);
        if (seen.has(typeName)) continue;
        seen.add(typeName);
        keepShortest(found, depthOf, typeName, depth, path);
        const type = subgraph.schema.getType(typeName) as GraphQLObjectType;
        for (const step of edges(type, args)) {
          next.push({ root, steps: [...path.steps, step] });
        }
      }
      frontier = next;
    }
  }
  return found;
}

function keepShortest(
  found: Map<string, Path[]>,
  depthOf: Map<string, number>,
  typeName: string,
  depth: number,
  path: Path,
): void {
  const known = depthOf.get(typeName);
  if (known !== undefined && known < depth) return;
  if (known === undefined || depth < known) found.set(typeName, []);
  depthOf.set(typeName, depth);
  found.get(typeName)?.push(path);
}

export function typeAt(path: Path): string {
  return path.steps.at(-1)?.returns ?? path.root.type;
}

/** The fields of `type` a walk selects, each with what it needs. */
export function selectableFields(
  subgraph: WalkedSubgraph,
  typeName: string,
  args: ArgumentTable,
): Array<GraphQLField<unknown, unknown>> {
  const type = subgraph.schema.getType(typeName) as GraphQLObjectType;
  return Object.values(type.getFields()).filter(
    (field) =>
      !field.name.startsWith('_') &&
      (!needsArguments(field) || `${typeName}.${field.name}` in args),
  );
}

/** The query that selects every field of the walked type at `path`. */
export function queryAt(
  subgraph: WalkedSubgraph,
  path: Path,
  args: ArgumentTable,
): { query: string; variables: Record<string, unknown> } {
  const typeName = typeAt(path);
  const leaves = selectableFields(subgraph, typeName, args).map((field) => {
    const key = `${typeName}.${field.name}`;
    const object = isObjectType(getNamedType(field.type));
    return `${field.name}${args[key] ?? ''}${object ? ' { __typename }' : ''}`;
  });
  let body = leaves.join(' ');
  for (const step of [...path.steps].reverse()) {
    body = `${step.field}${step.args} { ${body} }`;
  }
  const { root } = path;
  if (root.field === '_entities') {
    return {
      query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${root.type} { ${body} } } }`,
      variables: { r: [{ __typename: root.type, ...root.representation }] },
    };
  }
  return { query: `{ ${root.field}${root.args ?? ''} { ${body} } }`, variables: {} };
}

// ------------------------------------------------------------- expectations

/** The policy names a caller satisfies for the fixture walked. */
export type Satisfied = ReadonlySet<string>;

function admits(rule: Rule | undefined, satisfied: Satisfied): boolean {
  if (!rule) return true;
  return rule.some(
    (policy) => policy.name === AUTHENTICATED || satisfied.has(policy.name),
  );
}

function admitsRole(rule: Rule | undefined, identity: Identity): boolean {
  if (!rule) return true;
  return rule.some(
    (policy) => policy.name === AUTHENTICATED || policy.role === identity.role,
  );
}

/** What a caller must get at one place of the answer. */
export type Verdict =
  | { readonly kind: 'read' }
  | { readonly kind: 'forbidden'; readonly at: string }
  | { readonly kind: 'left-out'; readonly at: string }
  | { readonly kind: 'hidden' };

function keyOf(parts: readonly string[]): string {
  return parts.join('.');
}

/** Every caller of the own root's role satisfies its relations. */
export function ownSatisfied(
  identity: Identity,
  rules: AccessRules,
): Set<string> {
  const names = [...rules.types.values(), ...rules.fields.values()]
    .flat()
    .filter((policy) => policy.role === identity.role)
    .map((policy) => policy.name);
  return new Set([identity.role, ...names]);
}

/** What the caller must get at the end of `path`, the type walked. */
export function verdictAt(
  subgraph: WalkedSubgraph,
  path: Path,
  identity: Identity,
  satisfied: Satisfied,
): Verdict {
  const { rules } = subgraph;
  const { root } = path;
  const rootKey = root.field === '_entities' ? '_entities' : root.field;
  if (root.field !== '_entities') {
    const own = rules.fields.get(`Query.${root.field}`);
    if (!admitsRole(own, identity)) return { kind: 'forbidden', at: rootKey };
  }
  if (root.hides?.(identity)) return { kind: 'hidden' };
  if (admits(rules.types.get(root.type), satisfied) &&
    root.refuses?.(identity)) return { kind: 'forbidden', at: rootKey };
  const rootList = root.field !== '_entities' &&
    isList((subgraph.schema.getQueryType()?.getFields()[root.field]
      ?.type) as GraphQLOutputType);
  if (!admits(rules.types.get(root.type), satisfied)) {
    return { kind: rootList ? 'left-out' : 'forbidden', at: rootKey };
  }
  const parts = [rootKey];
  for (const step of path.steps) {
    parts.push(step.field);
    const own = rules.fields.get(`${step.parentType}.${step.field}`);
    if (!admits(own, satisfied)) {
      return { kind: 'forbidden', at: keyOf(parts) };
    }
    if (!admits(rules.types.get(step.returns), satisfied)) {
      return { kind: step.list ? 'left-out' : 'forbidden', at: keyOf(parts) };
    }
  }
  return { kind: 'read' };
}

/** What the caller must get for one field of the type walked. */
export function fieldVerdict(
  subgraph: WalkedSubgraph,
  path: Path,
  field: GraphQLField<unknown, unknown>,
  satisfied: Satisfied,
): Verdict {
  const { rules } = subgraph;
  const typeName = typeAt(path);
  const at = keyOf([
    path.root.field,
    ...path.steps.map((step) => step.field),
    field.name,
  ]);
  if (!admits(rules.fields.get(`${typeName}.${field.name}`), satisfied)) {
    return { kind: 'forbidden', at };
  }
  const returned = getNamedType(field.type);
  if (isObjectType(returned) && !admits(rules.types.get(returned.name), satisfied)) {
    return { kind: isList(field.type) ? 'left-out' : 'forbidden', at };
  }
  return { kind: 'read' };
}
