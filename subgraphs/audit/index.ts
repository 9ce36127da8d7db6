/**
 * The audit subgraph (issue 6): the trail of every read and change of
 * personal data, which the gateway appends to and the auditor reads.
 */
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { AuditAdapter } from '../../adapters/audit/types';
import {
  loadSubgraphTypeDefs,
  type SubgraphDefinition,
} from '../../runtime/subgraph';
import { createAuditContext, type AuditContext } from './context';
import { resolvers } from './resolvers';

export function auditSubgraph(
  adapter: AuditAdapter,
): SubgraphDefinition<AuditContext> {
  return {
    name: 'audit',
    typeDefs: loadSubgraphTypeDefs('audit'),
    resolvers: resolvers as GraphQLResolverMap<AuditContext>,
    createContext: (base) => createAuditContext(adapter, base),
    readiness: () => adapter.ping(),
  };
}
