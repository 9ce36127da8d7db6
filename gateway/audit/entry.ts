/**
 * What the gateway writes of one operation in the audit trail (issue 6):
 * who (subject, role, organisation), when, which operation (its type,
 * name and the SHA-256 of its document, never its variables), which
 * persons and measures the subgraphs read for it, the stated purpose
 * and how it ended. Pure, so that every transport builds it alike.
 */
import { createHash } from 'node:crypto';
import { AuditRecorder, type AuditReport } from '../../runtime/audit';
import { ROLE_SCOPE, type Identity } from '../../runtime/identity';

/** The most characters a stated purpose may hold. */
export const MAX_PURPOSE_LENGTH = 500;

/** The longest operation name kept; a longer one is cut there. */
export const MAX_OPERATION_NAME_LENGTH = 200;

/** The operation types as the audit subgraph's schema names them. */
export type AuditOperationType = 'QUERY' | 'MUTATION' | 'SUBSCRIPTION';

/** The input of `appendAuditEntry` (schema/audit.graphql). */
export interface AuditEntryInput {
  readonly at: string;
  readonly subject: string;
  readonly role: string;
  readonly organisation: string | null;
  readonly operationType: AuditOperationType;
  readonly operationName: string | null;
  readonly documentHash: string;
  readonly requestId: string;
  readonly persons: readonly string[];
  readonly measures: readonly string[];
  readonly purpose: string | null;
  readonly outcome: 'COMPLETE' | 'PARTIAL' | 'FAILED';
}

/**
 * What the gateway gathers for one execution: the subgraphs' reports,
 * and the purpose the caller stated.
 */
export class OperationAudit {
  readonly reads = new AuditRecorder();

  constructor(
    /** As stated; null when the caller gave none. */
    readonly purpose: string | null,
    /**
     * An alert delivery: its entry is written per subscriber when the
     * answer is sent (gateway/alerts), never before it.
     */
    readonly delivery = false,
  ) {}
}

/** SHA-256 of the document as the client sent it, in hex. */
export function documentHash(document: string): string {
  return createHash('sha256').update(document, 'utf8').digest('hex');
}

/** The caller's organisation as the trail names it; null for none. */
export function organisationOf(identity: Identity): string | null {
  const scope = ROLE_SCOPE[identity.role];
  const code = scope === null ? undefined : identity[scope];
  return scope === null || code === undefined ? null : `${scope}:${code}`;
}

/** What an entry's outcome is judged by, whatever the transport. */
export interface AnsweredResult {
  readonly data?: unknown;
  readonly errors?: readonly unknown[] | null;
}

export function outcomeOf(result: AnsweredResult): AuditEntryInput['outcome'] {
  const failed = result.data === null || result.data === undefined;
  if (failed) return 'FAILED';
  return (result.errors?.length ?? 0) > 0 ? 'PARTIAL' : 'COMPLETE';
}

export interface EntryFacts {
  readonly identity: Identity;
  readonly requestId: string;
  readonly operationType: AuditOperationType;
  readonly operationName: string | null | undefined;
  /** `documentHash` of the document's text, which is not kept. */
  readonly documentHash: string;
  readonly reads: AuditReport;
  readonly purpose: string | null;
  readonly result: AnsweredResult;
  readonly at: Date;
}

/** The entry of one operation; null when it read no personal data. */
export function auditEntryOf(facts: EntryFacts): AuditEntryInput | null {
  const { identity, reads } = facts;
  if (reads.persons.length === 0 && reads.measures.length === 0) return null;
  const name = facts.operationName ?? null;
  return {
    at: facts.at.toISOString(),
    subject: identity.subject,
    role: identity.role,
    organisation: organisationOf(identity),
    operationType: facts.operationType,
    operationName: name && name.slice(0, MAX_OPERATION_NAME_LENGTH),
    documentHash: facts.documentHash,
    requestId: facts.requestId,
    persons: reads.persons,
    measures: reads.measures,
    purpose: facts.purpose,
    outcome: outcomeOf(facts.result),
  };
}

/**
 * A purpose as stated in a header or a connection_init payload: trimmed,
 * null when absent or blank. Throws a TypeError for one too long or not
 * a string; the caller turns it into its transport's refusal.
 */
export function parsePurpose(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    throw new TypeError('The purpose must be a string');
  }
  const purpose = value.trim();
  if (purpose.length > MAX_PURPOSE_LENGTH) {
    throw new TypeError(
      `The purpose holds at most ${MAX_PURPOSE_LENGTH} characters, got ${purpose.length}`,
    );
  }
  return purpose === '' ? null : purpose;
}
