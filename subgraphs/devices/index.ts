/**
 * The devices subgraph: the inventory of buttons and lent phones, its
 * stock and shortages (§7.8.7), and the 112 app's daily reports (§3).
 */
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DevicesAdapter } from '../../adapters/devices/types';
import {
  loadSubgraphTypeDefs,
  type SubgraphDefinition,
} from '../../runtime/subgraph';
import { systemClock, type Clock } from '../protection/domain/clock';
import type { Territory } from '../protection/domain/territory';
import { loadTerritory } from '../../reference/load';
import { createDevicesContext, type DevicesContext } from './context';
import type { AuditedTypes } from '../../runtime/audit';
import type { MeasureKey } from '../../runtime/subgraph';
import type {
  DeviceRecord,
  GrantRegistrationRecord,
} from '../../adapters/devices/types';
import { resolvers } from './resolvers';

/**
 * What a read of the device inventory names for the audit trail (issue
 * 6): a device names the measure it is assigned to, if any.
 */
const AUDITED_TYPES: AuditedTypes = {
  ProtectionMeasure: (measure: MeasureKey) => ({ measures: [measure.id] }),
  Device: (device: DeviceRecord) => ({ measures: [device.measureId] }),
  GrantRegistration: (registration: GrantRegistrationRecord) =>
    ({ measures: [registration.measureId] }),
};

export interface DevicesSubgraphOptions {
  /**
   * What "now" is when a daily report arrives and when its age is
   * judged; default: the system clock. Tests fix it.
   */
  readonly clock?: Clock;
  /**
   * The territory a statistics report's scope is judged by (§9);
   * default: the shipped reference/territory.json.
   */
  readonly territory?: Territory;
}

export function devicesSubgraph(
  adapter: DevicesAdapter,
  options: DevicesSubgraphOptions = {},
): SubgraphDefinition<DevicesContext> {
  const clock = options.clock ?? systemClock;
  const territory = options.territory ?? loadTerritory();
  return {
    name: 'devices',
    typeDefs: loadSubgraphTypeDefs('devices'),
    resolvers: resolvers as GraphQLResolverMap<DevicesContext>,
    createContext: (base) => createDevicesContext(adapter, clock, territory, base),
    auditedTypes: AUDITED_TYPES,
    readiness: () => adapter.ping(),
  };
}
