/**
 * The devices subgraph: the inventory of buttons and lent phones, and the
 * 112 app's daily reports.
 */
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DevicesAdapter } from '../../adapters/devices/types';
import {
  loadSubgraphTypeDefs,
  type SubgraphDefinition,
} from '../../runtime/subgraph';
import { createDevicesContext, type DevicesContext } from './context';
import { resolvers } from './resolvers';

export function devicesSubgraph(
  adapter: DevicesAdapter,
): SubgraphDefinition<DevicesContext> {
  return {
    name: 'devices',
    typeDefs: loadSubgraphTypeDefs('devices'),
    resolvers: resolvers as GraphQLResolverMap<DevicesContext>,
    createContext: (base) => createDevicesContext(adapter, base),
    readiness: () => adapter.ping(),
  };
}
