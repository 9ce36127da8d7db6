/**
 * The protection subgraph: the measures of COL 03/2023, their persons and
 * the territory they live in.
 */
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { ProtectionAdapter } from '../../adapters/protection/types';
import {
  loadSubgraphTypeDefs,
  type SubgraphDefinition,
} from '../../runtime/subgraph';
import { createProtectionContext, type ProtectionContext } from './context';
import { resolvers } from './resolvers';

export function protectionSubgraph(
  adapter: ProtectionAdapter,
): SubgraphDefinition<ProtectionContext> {
  return {
    name: 'protection',
    typeDefs: loadSubgraphTypeDefs('protection'),
    resolvers: resolvers as GraphQLResolverMap<ProtectionContext>,
    createContext: (base) => createProtectionContext(adapter, base),
    readiness: () => adapter.ping(),
  };
}
