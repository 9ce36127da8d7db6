/**
 * The BNG subgraph: what the police national database holds on a person.
 */
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { BngAdapter } from '../../adapters/bng/types';
import {
  loadSubgraphTypeDefs,
  type SubgraphDefinition,
} from '../../runtime/subgraph';
import { createBngContext, type BngContext } from './context';
import { resolvers } from './resolvers';

export function bngSubgraph(
  adapter: BngAdapter,
): SubgraphDefinition<BngContext> {
  return {
    name: 'bng',
    typeDefs: loadSubgraphTypeDefs('bng'),
    resolvers: resolvers as GraphQLResolverMap<BngContext>,
    createContext: (base) => createBngContext(adapter, base),
    readiness: () => adapter.ping(),
  };
}
