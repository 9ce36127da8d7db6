/**
 * The gateway's part of the audit trail (issue 6), as an Apollo Server
 * plugin: once an operation is answered, one entry for it, from the
 * persons and measures every subgraph reported it read (SubgraphSource
 * gathers them) and nothing at all when it read none.
 *
 * When the trail cannot be written:
 * - a query's answer is withheld, replaced by AUDIT_UNAVAILABLE: no
 *   personal data leaves unlogged, and the read may be asked again;
 * - a mutation has committed already: its answer stands, and its entry
 *   is queued and retried in the background;
 * - an alert delivery is never held back for the trail (lives first):
 *   its entry is written per subscriber as the answer goes out
 *   (gateway/alerts/socket.ts), through the same queue.
 *
 * The role `auditor` reads the audit trail and nothing else: any other
 * root field is refused here, before any subgraph is asked.
 */
import type {
  ApolloServerPlugin,
  GraphQLRequestContextDidResolveOperation,
  GraphQLRequestContextWillSendResponse,
} from '@apollo/server';
import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { AUDIT_EXTENSION } from '../../runtime/audit';
import { ErrorCode, forbidden } from '../../runtime/errors';
import { AUDITOR_ROLE, type Identity } from '../../runtime/identity';
import type { Logger } from '../../runtime/logger';
import {
  auditEntryOf,
  documentHash,
  type AuditEntryInput,
  type AuditOperationType,
  type OperationAudit,
} from './entry';
import type { AuditWriter } from './writer';

/** What the plugin needs of the gateway's per-request context. */
export interface AuditedContext {
  readonly identity: Identity;
  readonly requestId: string;
  readonly audit: OperationAudit;
}

export interface AuditTrailPluginOptions {
  /** null: no audit subgraph is configured, so nothing can be written. */
  readonly writer: AuditWriter | null;
  readonly logger: Logger;
  /** Default: the system clock. */
  readonly now?: () => Date;
}

/** The only fields the auditor may ask for. */
const AUDITOR_FIELDS = new Set(['auditTrail', '__typename']);

const WITHHELD = {
  message:
    'The audit trail cannot record this read right now, so its personal data is withheld; ask again shortly.',
  extensions: { code: ErrorCode.AUDIT_UNAVAILABLE },
};

export function auditTrailPlugin<TContext extends AuditedContext>(
  options: AuditTrailPluginOptions,
): ApolloServerPlugin<TContext> {
  const logger = options.logger.child({ component: 'audit-trail' });
  const now = options.now ?? (() => new Date());
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext) {
          checkAuditorScope(requestContext);
        },
        async willSendResponse(requestContext) {
          await recordOperation(requestContext, options.writer, logger, now);
        },
      };
    },
  };
}

/** Private: refuses the auditor anything but the audit trail. */
function checkAuditorScope<TContext extends AuditedContext>(
  requestContext: GraphQLRequestContextDidResolveOperation<TContext>,
): void {
  const { contextValue, operation, document } = requestContext;
  if (contextValue.identity.role !== AUDITOR_ROLE || !operation) return;
  const fields = rootFieldNames(operation.selectionSet, document);
  const others = fields.filter((name) => !AUDITOR_FIELDS.has(name));
  if (others.length === 0) return;
  throw forbidden(
    `An auditor reads the audit trail only (issue 6), not ${others.join(', ')}.`,
  );
}

/** The root fields an operation selects, through its fragments. */
export function rootFieldNames(
  selectionSet: SelectionSetNode,
  document: DocumentNode,
): string[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const names: string[] = [];
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        names.push(selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(selectionSet);
  return names;
}

const TYPES: Record<string, AuditOperationType> = {
  query: 'QUERY',
  mutation: 'MUTATION',
  subscription: 'SUBSCRIPTION',
};

/** Private: writes the entry of an answered operation, as it must. */
async function recordOperation<TContext extends AuditedContext>(
  requestContext: GraphQLRequestContextWillSendResponse<TContext>,
  writer: AuditWriter | null,
  logger: Logger,
  now: () => Date,
): Promise<void> {
  const { contextValue, response, operation, source, queryHash } =
    requestContext;
  const { body } = response;
  const { audit, identity, requestId } = contextValue;
  if (body.kind !== 'single' || audit.reads.empty) return;
  if (audit.delivery) {
    // Written per subscriber as it is sent (gateway/alerts/socket.ts).
    body.singleResult.extensions = {
      ...body.singleResult.extensions,
      [AUDIT_EXTENSION]: { ...audit.reads.report(), requestId },
    };
    return;
  }
  const operationType = TYPES[operation?.operation ?? 'query'];
  const entry = auditEntryOf({
    identity,
    requestId,
    operationType,
    operationName: requestContext.operationName,
    // Apollo Server's own SHA-256 of the text, in hex: the same hash.
    documentHash: queryHash ?? documentHash(source ?? ''),
    reads: audit.reads.report(),
    purpose: audit.purpose,
    result: body.singleResult,
    at: now(),
  });
  if (entry === null) return;
  const written = await tryAppend(writer, entry, logger, requestId);
  if (written) return;
  if (operationType === 'MUTATION') {
    // The change is committed: its answer stands, its entry waits.
    writer?.queue(entry);
    return;
  }
  body.singleResult = { data: null, errors: [WITHHELD] };
}

/** Private: true once the entry is in the trail; logs a failure. */
async function tryAppend(
  writer: AuditWriter | null,
  entry: AuditEntryInput,
  logger: Logger,
  requestId: string,
): Promise<boolean> {
  if (writer === null) {
    logger.error({ requestId }, 'no audit trail is configured');
    return false;
  }
  try {
    await writer.append(entry);
    return true;
  } catch (error) {
    logger.error({ requestId, reason: (error as Error).message },
      'audit trail append failed');
    return false;
  }
}
