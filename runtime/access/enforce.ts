/**
 * Enforces a subgraph's `@access` rules on its executable schema, in the
 * subgraph itself: the gateway plans and forwards, it does not judge.
 *
 * Three checks, each one only where the SDL asks for it:
 * - a root field's rule is judged by role alone, before its resolver
 *   runs: what it returns is judged by the returned type's rule, and a
 *   mutation's relation to its measure by the mutation itself;
 * - a type's rule, on each object of the type a field returns: a single
 *   object the caller may not read resolves to null with FORBIDDEN on
 *   its path; an element of a list is left out; an entity the gateway
 *   asks for (`_entities`) is null with FORBIDDEN at its index;
 * - any other field's rule, against the subject of its object, before
 *   its resolver runs: null with FORBIDDEN on its path.
 *
 * Subjects are kept per request by response path, not by object: one
 * object (a police zone of the territory) may be reached through many
 * measures, and each path is judged by its own.
 */
import {
  defaultFieldResolver,
  getNamedType,
  isObjectType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { forbidden } from '../errors';
import type { Identity } from '../identity';
import type { AccessModel } from './model';
import { AUTHENTICATED, covers, type AccessRules, type Rule } from './rules';

interface AccessContext {
  readonly identity: Identity;
}

type Path = GraphQLResolveInfo['path'];

/** The federation's entry for entities, judged by each entity's type. */
const ENTITIES = '_entities';

/** Private: the subjects of one request, by response path. */
class RequestSubjects {
  private readonly byPath = new Map<string, unknown>();

  get(path: Path | undefined): unknown {
    return path ? this.byPath.get(keyOf(path)) : undefined;
  }

  set(key: string, subject: unknown): void {
    if (subject !== undefined) this.byPath.set(key, subject);
  }
}

function keyOf(path: Path): string {
  const keys: Array<string | number> = [];
  for (let at: Path | undefined = path; at; at = at.prev) keys.push(at.key);
  return keys.reverse().join('.');
}

/** Names the caller in a refusal: a role and an organisation code. */
export function whoIs(identity: Identity): string {
  const organisation =
    identity.zone ?? identity.arrondissement ?? identity.province;
  return organisation ? `${identity.role} of ${organisation}` : identity.role;
}

function refusal(where: string, rule: Rule, identity: Identity): Error {
  const names = rule.map((policy) => policy.name).join(', ');
  return forbidden(
    `${where} is for ${names}; this caller is ${whoIs(identity)}.`,
  );
}

export class AccessEnforcer<TContext extends AccessContext, TSubject> {
  private readonly requests = new WeakMap<object, RequestSubjects>();
  /** By subject, which each request makes its own (`subjectOf`). */
  private readonly verdicts = new WeakMap<object, Map<string, Promise<boolean>>>();

  constructor(
    private readonly rules: AccessRules,
    private readonly model: AccessModel<TContext, TSubject>,
  ) {}

  /** Wraps the resolvers of `schema` in place; answers the same schema. */
  apply(schema: GraphQLSchema): GraphQLSchema {
    const roots = new Set(
      [
        schema.getQueryType(),
        schema.getMutationType(),
        schema.getSubscriptionType(),
      ].map((type) => type?.name),
    );
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('_')) continue;
      for (const field of Object.values(type.getFields())) {
        this.wrap(type, field, roots.has(type.name));
      }
    }
    return schema;
  }

  /**
   * Private: judges `rule` for the caller. With `rolesOnly` (a root
   * field), a relation is not judged here and its role is enough.
   */
  private async admits(
    rule: Rule,
    context: TContext,
    subject: TSubject | undefined,
    rolesOnly = false,
  ): Promise<boolean> {
    const { identity } = context;
    for (const policy of rule) {
      if (policy.name === AUTHENTICATED) return true;
      if (policy.role !== identity.role) continue;
      if (policy.relation === null || rolesOnly) return true;
      if (subject === undefined) continue;
      if (await this.judge(policy.name, subject, context)) return true;
    }
    return false;
  }

  /**
   * One relation for one subject, judged once per request: the fields of
   * an object that share a policy ask the same question.
   */
  private judge(
    name: string,
    subject: TSubject,
    context: TContext,
  ): Promise<boolean> {
    const relation = this.model.relations[name];
    const ask = async () => relation.admits(context.identity, subject, context);
    if (typeof subject !== 'object' || subject === null) return ask();
    let known = this.verdicts.get(subject);
    if (!known) {
      known = new Map();
      this.verdicts.set(subject, known);
    }
    let verdict = known.get(name);
    if (!verdict) {
      verdict = ask();
      known.set(name, verdict);
    }
    return verdict;
  }

  /**
   * The field's own rule when it may refuse a caller its object's rule
   * let in; a rule that repeats its type's costs nothing at execution.
   */
  private narrowing(
    typeName: string,
    where: string,
    isRoot: boolean,
  ): Rule | undefined {
    const own = this.rules.fields.get(where);
    const typeRule = this.rules.types.get(typeName);
    if (!own || isRoot || !typeRule) return own;
    return covers(own, typeRule) ? undefined : own;
  }

  /**
   * A type every caller reads whole (the territory): its objects need no
   * judgement and carry no subject, which none of its fields asks for.
   */
  private isPublic(type: GraphQLObjectType): boolean {
    const open = (rule: Rule | undefined) =>
      rule !== undefined && rule.some((policy) => policy.name === AUTHENTICATED);
    return open(this.rules.types.get(type.name)) &&
      Object.keys(type.getFields()).every((field) =>
        field.startsWith('_') ||
        open(this.rules.fields.get(`${type.name}.${field}`)));
  }

  private subjects(context: TContext): RequestSubjects {
    let subjects = this.requests.get(context);
    if (!subjects) {
      subjects = new RequestSubjects();
      this.requests.set(context, subjects);
    }
    return subjects;
  }

  private wrap(
    type: GraphQLObjectType,
    field: GraphQLField<unknown, TContext>,
    isRoot: boolean,
  ): void {
    const where = `${type.name}.${field.name}`;
    const own = this.narrowing(type.name, where, isRoot);
    const returned = getNamedType(field.type);
    const isEntities = isRoot && field.name === ENTITIES;
    const gated = isObjectType(returned) &&
      !returned.name.startsWith('_') && !this.isPublic(returned);
    if (!own && !gated && !isEntities) return;

    const resolve: GraphQLFieldResolver<unknown, TContext> =
      field.resolve ?? defaultFieldResolver;
    field.resolve = async (source, args, context, info) => {
      const subjects = this.subjects(context);
      if (own) {
        const subject = subjects.get(info.path.prev) as TSubject | undefined;
        if (!(await this.admits(own, context, subject, isRoot))) {
          throw refusal(where, own, context.identity);
        }
      }
      const value = await resolve(source, args, context, info);
      if (isEntities) {
        return this.gateEntities(value, args, context, info, subjects);
      }
      if (!gated) return value;
      return this.gate(value, returned.name, type.name, context, info, subjects);
    };
  }

  /** Judges what a field returned by the rule of its type. */
  private async gate(
    value: unknown,
    typeName: string,
    parentType: string,
    context: TContext,
    info: GraphQLResolveInfo,
    subjects: RequestSubjects,
  ): Promise<unknown> {
    if (value === null || value === undefined) return value;
    const key = keyOf(info.path);
    const inherited = subjects.get(info.path.prev) as TSubject | undefined;
    const judge = async (item: unknown) => {
      const subject =
        (await this.model.subjectOf?.(
          { typeName, value: item, parentType, inherited },
          context,
        )) ?? inherited;
      const rule = this.rules.types.get(typeName);
      const admitted = !rule || (await this.admits(rule, context, subject));
      return { admitted, subject, rule };
    };

    if (!Array.isArray(value)) {
      const { admitted, subject, rule } = await judge(value);
      if (!admitted && rule) throw refusal(typeName, rule, context.identity);
      subjects.set(key, subject);
      return value;
    }
    const items = await Promise.all(
      value.map(async (item) => ({ item, ...(await judge(item)) })),
    );
    const kept = items.filter((entry) => entry.admitted);
    kept.forEach((entry, index) => subjects.set(`${key}.${index}`, entry.subject));
    return kept.map((entry) => entry.item);
  }

  /**
   * `_entities`: the gateway matches the answers to its representations
   * by index, so an entity the caller may not read stays in its place,
   * as an error.
   */
  private async gateEntities(
    value: unknown,
    args: Record<string, unknown>,
    context: TContext,
    info: GraphQLResolveInfo,
    subjects: RequestSubjects,
  ): Promise<unknown> {
    if (!Array.isArray(value)) return value;
    const representations = args.representations as
      | Array<{ __typename?: unknown }>
      | undefined;
    const key = keyOf(info.path);
    return Promise.all(
      value.map(async (pending: unknown, index) => {
        let entity: unknown;
        try {
          entity = await pending;
        } catch (error) {
          return error;
        }
        if (entity === null || entity === undefined || entity instanceof Error) {
          return entity;
        }
        const typeName = String(representations?.[index]?.__typename);
        const subject = await this.model.subjectOf?.(
          { typeName, value: entity, parentType: ENTITIES, inherited: undefined },
          context,
        );
        const rule = this.rules.types.get(typeName);
        if (rule && !(await this.admits(rule, context, subject))) {
          return refusal(typeName, rule, context.identity);
        }
        subjects.set(`${key}.${index}`, subject);
        return entity;
      }),
    );
  }
}
