/**
 * Reading and appending the audit trail (issue 6). The auditor alone
 * reads it and the gateway alone appends, by the schema's rules
 * (schema/audit.graphql); the read is itself recorded: the persons and
 * measures of the entries answered go into the auditor's own entry.
 */
import { GraphQLError } from 'graphql';
import type {
  AuditEntryInput as StoreInput,
  AuditEntryRecord,
  AuditFilter,
  OperationType,
} from '../../adapters/audit/types';
import { AUDIT_LENGTHS } from '../../adapters/audit/sql/schema';
import { MAX_AUDIT_BATCH } from '../../runtime/audit';
import { parseNationalNumber } from '../../runtime/subgraph';
import type { AuditContext } from './context';
import type {
  AuditEntryInput,
  AuditOperationType,
  QueryAuditTrailArgs,
} from './generated/graphql';

/** One page of the trail as the resolvers answer it. */
export interface AuditTrailPageModel {
  readonly entries: readonly AuditEntryRecord[];
  readonly nextCursor: string | null;
}

/** The most entries one page may hold. */
export const MAX_PAGE = 500;

function badInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', argument },
  });
}

function checkFirst(first: number): number {
  if (Number.isInteger(first) && first >= 1 && first <= MAX_PAGE) {
    return first;
  }
  throw badInput('first', `first must be from 1 to ${MAX_PAGE}, got ${first}.`);
}

function parseCursor(after: string | null | undefined): number | undefined {
  if (after === null || after === undefined) return undefined;
  if (/^[1-9][0-9]{0,14}$/.test(after)) return Number(after);
  throw badInput('after', 'after must be the cursor of an entry.');
}

/** Private: an instant as the trail stores it (UTC, toISOString). */
function utc(value: string | null | undefined): string | undefined {
  return value === null || value === undefined
    ? undefined
    : new Date(value).toISOString();
}

function filterOf(args: QueryAuditTrailArgs): AuditFilter {
  const person = args.nationalNumber
    ? parseNationalNumber(args.nationalNumber, 'nationalNumber')
    : undefined;
  return {
    from: utc(args.from),
    to: utc(args.to),
    subject: args.subject ?? undefined,
    person,
    measure: args.measureId ?? undefined,
  };
}

/** `Query.auditTrail`. */
export async function auditTrailOf(
  context: AuditContext,
  args: QueryAuditTrailArgs,
): Promise<AuditTrailPageModel> {
  const limit = checkFirst(args.first ?? 50);
  const page = {
    after: parseCursor(args.after),
    order: args.order ?? 'NEWEST_FIRST',
    limit: limit + 1,
  };
  const found = await context.adapter.entries(filterOf(args), page);
  const entries = found.slice(0, limit);
  for (const entry of entries) context.audit.read(entry);
  const last = entries[entries.length - 1];
  const more = found.length > limit && last !== undefined;
  return { entries, nextCursor: more ? String(last.sequence) : null };
}

/** Private: a text the gateway sent that its column could not hold. */
function bounded(
  field: keyof typeof AUDIT_LENGTHS,
  value: string,
): string {
  if (value.length <= AUDIT_LENGTHS[field]) return value;
  throw badInput(field,
    `${field} holds at most ${AUDIT_LENGTHS[field]} characters.`);
}

function optional(
  field: keyof typeof AUDIT_LENGTHS,
  value: string | null | undefined,
): string | null {
  return value === null || value === undefined ? null : bounded(field, value);
}

const OPERATION_TYPES: Record<AuditOperationType, OperationType> = {
  QUERY: 'query',
  MUTATION: 'mutation',
  SUBSCRIPTION: 'subscription',
};

function storeInputOf(input: AuditEntryInput): StoreInput {
  return {
    at: new Date(input.at).toISOString(),
    subject: bounded('subject', input.subject),
    role: bounded('role', input.role),
    organisation: optional('organisation', input.organisation),
    operationType: OPERATION_TYPES[input.operationType],
    operationName: optional('operationName', input.operationName),
    documentHash: bounded('hash', input.documentHash),
    requestId: bounded('requestId', input.requestId),
    persons: [...new Set(input.persons)].sort(),
    measures: [...new Set(input.measures)].sort(),
    purpose: optional('purpose', input.purpose),
    outcome: input.outcome,
  };
}

/** `Mutation.appendAuditEntry`. */
export function appendEntryOf(
  context: AuditContext,
  input: AuditEntryInput,
): Promise<AuditEntryRecord> {
  return context.adapter.append(storeInputOf(input));
}

/**
 * `Mutation.appendAuditEntries`: every entry checked before any is
 * written, so that a batch is taken whole or refused whole.
 */
export function appendEntriesOf(
  context: AuditContext,
  inputs: readonly AuditEntryInput[],
): Promise<AuditEntryRecord[]> {
  if (inputs.length < 1 || inputs.length > MAX_AUDIT_BATCH) {
    const got = inputs.length;
    throw badInput('input',
      `input holds from 1 to ${MAX_AUDIT_BATCH} entries, got ${got}.`);
  }
  return context.adapter.appendAll(inputs.map(batchEntryOf));
}

/** Private: one entry of a batch, a refusal naming its index. */
function batchEntryOf(input: AuditEntryInput, index: number): StoreInput {
  try {
    return storeInputOf(input);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    throw new GraphQLError(`Entry ${index}: ${error.message}`, {
      extensions: { ...error.extensions, index },
    });
  }
}

/** The schema's name of a stored operation type. */
export function operationTypeName(type: OperationType): AuditOperationType {
  switch (type) {
    case 'query':
      return 'QUERY';
    case 'mutation':
      return 'MUTATION';
    case 'subscription':
      return 'SUBSCRIPTION';
    default: {
      const impossible: never = type;
      throw new Error(`Unknown operation type ${String(impossible)}`);
    }
  }
}
