/**
 * What a subgraph read of personal data while serving one request, for
 * the audit trail (issue 6). Each request's context holds a recorder;
 * the subgraph reports its contents to the gateway in the response's
 * `extensions.audit`, and the gateway writes one entry per operation.
 *
 * Two ways feed it. Every subgraph names the types that carry a person
 * or a measure (`AuditedTypes`): whenever a field of such an object is
 * resolved, or a field resolves to such objects, they were read and go
 * into the answer, whatever path led there (a root field, an entity, a
 * list, a mutation's result, even one asked for its `__typename` only).
 * And code that reads personal data no field shows (an access rule, a
 * check) calls `context.audit.read(...)` itself.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { getNamedType, type GraphQLResolveInfo } from 'graphql';

/**
 * The most entries one `appendAuditEntries` may hold: the audit
 * subgraph refuses more, and the gateway's writer sends no more.
 */
export const MAX_AUDIT_BATCH = 500;

/** The key of the report in a subgraph response's `extensions`. */
export const AUDIT_EXTENSION = 'audit';

/** Persons by national number, measures by id; either may be left out. */
export interface AuditRead {
  readonly persons?: Iterable<string | null | undefined>;
  readonly measures?: Iterable<string | null | undefined>;
}

/** What a subgraph tells the gateway: each list sorted, each key once. */
export interface AuditReport {
  readonly persons: readonly string[];
  readonly measures: readonly string[];
}

/** The personal data one request read; one per request, never shared. */
export class AuditRecorder {
  readonly #persons = new Set<string>();
  readonly #measures = new Set<string>();

  /** Records persons and measures read; null and '' are skipped. */
  read(read: AuditRead): void {
    addAll(this.#persons, read.persons);
    addAll(this.#measures, read.measures);
  }

  /** True until something is recorded. */
  get empty(): boolean {
    return this.#persons.size === 0 && this.#measures.size === 0;
  }

  report(): AuditReport {
    return {
      persons: [...this.#persons].sort(),
      measures: [...this.#measures].sort(),
    };
  }
}

function addAll(
  set: Set<string>,
  values: Iterable<string | null | undefined> | undefined,
): void {
  for (const value of values ?? []) {
    if (typeof value === 'string' && value !== '') set.add(value);
  }
}

/**
 * For each type that carries personal data, what an object of it names;
 * null when it names nothing (say, a person not found).
 */
export type AuditedTypes = Readonly<
  Record<string, (source: never) => AuditRead | null>
>;

type Reader = (source: unknown) => AuditRead | null;

/** Private: records an audited object, or each of a list's, at depth. */
function recordValue(read: Reader, value: unknown, audit: AuditRecorder) {
  if (value === null || value === undefined || value instanceof Error) return;
  if (Array.isArray(value)) {
    for (const item of value) recordValue(read, item, audit);
    return;
  }
  const found = read(value);
  if (found !== null) audit.read(found);
}

/**
 * Private: records the object whose field is about to be resolved, and
 * answers a callback that records what the field resolved to.
 */
function recordField(
  types: AuditedTypes,
  source: unknown,
  info: GraphQLResolveInfo,
  audit: AuditRecorder,
): ((error: Error | null, result: unknown) => void) | undefined {
  const parent = types[info.parentType.name] as Reader | undefined;
  if (parent !== undefined) recordValue(parent, source, audit);
  const returned = types[getNamedType(info.returnType).name] as
    | Reader
    | undefined;
  if (returned === undefined) return undefined;
  return (error, result) => {
    if (error === null) recordValue(returned, result, audit);
  };
}

/**
 * The subgraph server's plugin: records the audited types' objects as
 * their fields resolve, and puts the report in the response.
 */
export function auditPlugin<TContext extends { audit: AuditRecorder }>(
  types: AuditedTypes,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart() {
          return {
            willResolveField({ source, info, contextValue }) {
              return recordField(types, source, info, contextValue.audit);
            },
          };
        },
        async willSendResponse({ response, contextValue }) {
          const { body } = response;
          if (body.kind !== 'single' || contextValue.audit.empty) return;
          body.singleResult.extensions = {
            ...body.singleResult.extensions,
            [AUDIT_EXTENSION]: contextValue.audit.report(),
          };
        },
      };
    },
  };
}

/** Reads a subgraph's report from a response's extensions; null if none. */
export function auditReportOf(
  extensions: Readonly<Record<string, unknown>> | undefined,
): AuditReport | null {
  const value = extensions?.[AUDIT_EXTENSION];
  if (typeof value !== 'object' || value === null) return null;
  const { persons, measures } = value as Record<string, unknown>;
  return { persons: stringsOf(persons), measures: stringsOf(measures) };
}

function stringsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string');
}
