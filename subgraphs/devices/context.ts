import type DataLoader from 'dataloader';
import type {
  DeviceRecord,
  DevicesAdapter,
  GrantRegistrationRecord,
  ShortageRecord,
  ZoneStockRecord,
} from '../../adapters/devices/types';
import { agencyLoader, type SubgraphContext } from '../../runtime/subgraph';
import type { Clock } from '../protection/domain/clock';
import type { Territory } from '../protection/domain/territory';
import type { InventoryDevice } from '../../adapters/devices/types';

export interface DevicesContext extends SubgraphContext {
  /** "Now" for the daily reports: their arrival and their age (§3). */
  readonly clock: Clock;
  /** For the writes; reads go through the loaders. */
  readonly adapter: DevicesAdapter;
  /** The zones and arrondissements a statistics report is judged by. */
  readonly territory: Territory;
  readonly loaders: {
    devicesOfMeasure: DataLoader<string, DeviceRecord[]>;
    device: DataLoader<string, DeviceRecord | null>;
    grantRegistration: DataLoader<string, GrantRegistrationRecord | null>;
    /** By arrondissement code (§7.8.7). */
    zoneStocks: DataLoader<string, ZoneStockRecord[]>;
    /** By arrondissement code: every device, for the statistics (§9). */
    devicesOfArrondissement: DataLoader<string, InventoryDevice[]>;
    /** By arrondissement code (§7.8.7). */
    shortages: DataLoader<string, ShortageRecord[]>;
    /** By the code of the zone keeping the devices (§3). */
    assignedDevicesOfZone: DataLoader<string, DeviceRecord[]>;
  };
}

export const SYSTEM = 'The device inventory';

export function createDevicesContext(
  adapter: DevicesAdapter,
  clock: Clock,
  territory: Territory,
  base: SubgraphContext,
): DevicesContext {
  const loader = <K, V>(read: (keys: readonly K[]) => Promise<V[]>) =>
    agencyLoader(SYSTEM, read, base.logger);
  return {
    ...base,
    clock,
    adapter,
    territory,
    loaders: {
      devicesOfMeasure: loader((ids) => adapter.devicesByMeasureId(ids)),
      device: loader((serials) => adapter.devicesBySerial(serials)),
      grantRegistration: loader(
        (ids) => adapter.grantRegistrationsByMeasureId(ids)),
      zoneStocks: loader(
        (codes) => adapter.zoneStocksByArrondissement(codes)),
      devicesOfArrondissement: loader(
        (codes) => adapter.devicesByArrondissement(codes)),
      shortages: loader((codes) => adapter.shortagesByArrondissement(codes)),
      assignedDevicesOfZone: loader(
        (codes) => adapter.assignedDevicesByZone(codes)),
    },
  };
}
