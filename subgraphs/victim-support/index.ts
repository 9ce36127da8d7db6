/**
 * The victim-support subgraph: referrals to the victim support service.
 */
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { VictimSupportAdapter } from '../../adapters/victim-support/types';
import {
  loadSubgraphTypeDefs,
  type SubgraphDefinition,
} from '../../runtime/subgraph';
import {
  createVictimSupportContext,
  type VictimSupportContext,
} from './context';
import { victimSupportAccess } from './access';
import { resolvers } from './resolvers';

export function victimSupportSubgraph(
  adapter: VictimSupportAdapter,
): SubgraphDefinition<VictimSupportContext> {
  return {
    name: 'victim-support',
    typeDefs: loadSubgraphTypeDefs('victim-support'),
    resolvers: resolvers as GraphQLResolverMap<VictimSupportContext>,
    access: victimSupportAccess,
    createContext: (base) => createVictimSupportContext(adapter, base),
    readiness: () => adapter.ping(),
  };
}
