/**
 * The audit entries of the live alert stream (issue 6). A delivered
 * alert is a disclosure of personal data to one subscriber, so each
 * subscriber's answer gets its own entry, even when one execution
 * served several (gateway/alerts/stream.ts). Lives first: the answer is
 * sent without waiting, and its entry goes through the writer's queue.
 */
import {
  AUDIT_EXTENSION,
  auditReportOf,
  type AuditReport,
} from '../../runtime/audit';
import type { Identity } from '../../runtime/identity';
import type { Logger } from '../../runtime/logger';
import { auditEntryOf, type AnsweredResult } from './entry';
import type { AuditWriter } from './writer';

/** What an alert's execution read, carried to each of its deliveries. */
export interface DeliveryReads extends AuditReport {
  readonly requestId: string;
}

export interface DeliveryFacts {
  readonly identity: Identity;
  /** As stated in the connection_init payload; null when none was. */
  readonly purpose: string | null;
  /** `documentHash` of the subscription's text as the subscriber sent it. */
  readonly documentHash: string;
  readonly operationName: string | null | undefined;
  readonly reads: DeliveryReads;
  readonly answer: AnsweredResult;
}

/** Told of each answer sent to a subscriber that read personal data. */
export type DeliveryAuditor = (facts: DeliveryFacts) => void;

/**
 * Takes what an execution read out of its extensions, which the
 * subscriber never sees; null when it read no personal data.
 */
export function takeDeliveryReads(
  extensions: Readonly<Record<string, unknown>> | undefined,
): { reads: DeliveryReads | null; rest: Record<string, unknown> } {
  const { [AUDIT_EXTENSION]: taken, ...rest } = extensions ?? {};
  const report = auditReportOf(extensions);
  const { requestId } = (taken ?? {}) as { requestId?: unknown };
  if (report === null || typeof requestId !== 'string') {
    return { reads: null, rest };
  }
  return { reads: { ...report, requestId }, rest };
}

export function deliveryAuditor(
  writer: AuditWriter | null,
  logger: Logger,
): DeliveryAuditor {
  const log = logger.child({ component: 'audit-trail' });
  return (facts) => {
    const entry = auditEntryOf({
      identity: facts.identity,
      requestId: facts.reads.requestId,
      operationType: 'SUBSCRIPTION',
      operationName: facts.operationName,
      documentHash: facts.documentHash,
      reads: facts.reads,
      purpose: facts.purpose,
      result: facts.answer,
      at: new Date(),
    });
    if (entry === null) return;
    if (writer === null) {
      log.error({ requestId: entry.requestId }, 'no audit trail is configured');
      return;
    }
    writer.queue(entry);
  };
}
