/**
 * The MaCH subgraph: the prosecutors' files about a suspect.
 */
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { MachAdapter } from '../../adapters/mach/types';
import {
  loadSubgraphTypeDefs,
  type SubgraphDefinition,
} from '../../runtime/subgraph';
import { systemClock, type Clock } from '../protection/domain/clock';
import { createMachContext, type MachContext } from './context';
import { resolvers } from './resolvers';

export interface MachSubgraphOptions {
  /**
   * Gives "today" for an antecedent review asked without a reference
   * date. Default: the system clock, in Europe/Brussels.
   */
  readonly clock?: Pick<Clock, 'today'>;
}

export function machSubgraph(
  adapter: MachAdapter,
  options: MachSubgraphOptions = {},
): SubgraphDefinition<MachContext> {
  const clock = options.clock ?? systemClock;
  return {
    name: 'mach',
    typeDefs: loadSubgraphTypeDefs('mach'),
    resolvers: resolvers as GraphQLResolverMap<MachContext>,
    createContext: (base) =>
      createMachContext(adapter, base, () => clock.today()),
    readiness: () => adapter.ping(),
  };
}
