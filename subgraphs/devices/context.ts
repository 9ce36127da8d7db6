import type DataLoader from 'dataloader';
import type {
  DeviceRecord,
  DevicesAdapter,
  GrantRegistrationRecord,
} from '../../adapters/devices/types';
import { agencyLoader, type SubgraphContext } from '../../runtime/subgraph';

export interface DevicesContext extends SubgraphContext {
  readonly loaders: {
    devicesOfMeasure: DataLoader<string, DeviceRecord[]>;
    device: DataLoader<string, DeviceRecord | null>;
    grantRegistration: DataLoader<string, GrantRegistrationRecord | null>;
  };
}

const SYSTEM = 'The device inventory';

export function createDevicesContext(
  adapter: DevicesAdapter,
  base: SubgraphContext,
): DevicesContext {
  return {
    ...base,
    loaders: {
      devicesOfMeasure: agencyLoader(
        SYSTEM,
        (ids) => adapter.devicesByMeasureId(ids),
        base.logger,
      ),
      device: agencyLoader(
        SYSTEM,
        (serials) => adapter.devicesBySerial(serials),
        base.logger,
      ),
      grantRegistration: agencyLoader(
        SYSTEM,
        (ids) => adapter.grantRegistrationsByMeasureId(ids),
        base.logger,
      ),
    },
  };
}
