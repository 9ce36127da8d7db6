/**
 * The MaCH subgraph: the prosecutors' files about a suspect.
 */
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { MachAdapter } from '../../adapters/mach/types';
import {
  loadSubgraphTypeDefs,
  type SubgraphDefinition,
} from '../../runtime/subgraph';
import { createMachContext, type MachContext } from './context';
import { resolvers } from './resolvers';

export function machSubgraph(
  adapter: MachAdapter,
): SubgraphDefinition<MachContext> {
  return {
    name: 'mach',
    typeDefs: loadSubgraphTypeDefs('mach'),
    resolvers: resolvers as GraphQLResolverMap<MachContext>,
    createContext: (base) => createMachContext(adapter, base),
    readiness: () => adapter.ping(),
  };
}
