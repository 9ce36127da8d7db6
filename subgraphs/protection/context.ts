import type DataLoader from 'dataloader';
import type {
  EffectState,
  JournalEntry,
  MeasureAggregate,
} from '../../adapters/protection/aggregate';
import type {
  DeviceRecord,
  DevicesAdapter,
} from '../../adapters/devices/types';
import type {
  ConfidentialContactRecord,
  PersonRecord,
  ProtectionAdapter,
  ProtectionStore,
} from '../../adapters/protection/types';
import { agencyLoader, type SubgraphContext } from '../../runtime/subgraph';
import type { Clock } from './domain/clock';
import type { ZoneLocator } from './domain/entitlement';
import type { RulesConfig } from './domain/rules';
import type { Territory } from './domain/territory';
import type { MeasureService } from './service';

export interface ProtectionLoaders {
  measure: DataLoader<string, MeasureAggregate | null>;
  person: DataLoader<string, PersonRecord | null>;
  measureIdsOfPerson: DataLoader<string, string[]>;
  /** For the access rules: the measures naming a person the suspect. */
  measureIdsOfSuspect: DataLoader<string, string[]>;
  journal: DataLoader<string, JournalEntry[]>;
  effects: DataLoader<string, EffectState[]>;
  /** §7.8.5: by measure; loaded only once the caller may read them. */
  confidentialContacts: DataLoader<string, ConfidentialContactRecord[]>;
  /** From the device inventory, by serial (§3). */
  device: DataLoader<string, DeviceRecord | null>;
}

/** The devices' read a device's alert goes through (§3). */
export type DeviceLookup = Pick<DevicesAdapter, 'devicesBySerial'>;

/** What the protection subgraph is built from, once per process. */
export interface ProtectionDependencies {
  readonly adapter: ProtectionAdapter & ProtectionStore;
  /** Finds the measure of a device that raised an alert (§3). */
  readonly devices: DeviceLookup;
  readonly territory: Territory;
  /** Where a position fix lies, for the alerts' recipients (§7.2.2). */
  readonly boundaries: ZoneLocator;
  readonly clock: Clock;
  readonly rules: RulesConfig;
  readonly service: MeasureService;
}

export interface ProtectionContext extends SubgraphContext {
  readonly loaders: ProtectionLoaders;
  readonly territory: Territory;
  readonly boundaries: ZoneLocator;
  readonly clock: Clock;
  readonly rules: RulesConfig;
  readonly service: MeasureService;
  readonly adapter: ProtectionAdapter & ProtectionStore;
  readonly devices: DeviceLookup;
}

const SYSTEM = 'The protection register';
const DEVICES = 'The device inventory';

export function createProtectionContext(
  dependencies: ProtectionDependencies,
  base: SubgraphContext,
): ProtectionContext {
  const { adapter, devices } = dependencies;
  const load = <K, V>(read: (keys: readonly K[]) => Promise<V[]>) =>
    agencyLoader(SYSTEM, read, base.logger);
  return {
    ...base,
    ...dependencies,
    loaders: {
      measure: load((ids) => adapter.aggregatesById(ids)),
      person: load((numbers) => adapter.personsByNationalNumber(numbers)),
      measureIdsOfPerson: load((numbers) =>
        adapter.measureIdsByProtectedPerson(numbers),
      ),
      measureIdsOfSuspect: load((numbers) =>
        adapter.measureIdsBySuspect(numbers),
      ),
      journal: load((ids) => adapter.journalByMeasureId(ids)),
      effects: load((ids) => adapter.effectsByMeasureId(ids)),
      confidentialContacts: load((ids) =>
        adapter.confidentialContactsByMeasureId(ids)),
      device: agencyLoader(DEVICES,
        (serials: readonly string[]) => devices.devicesBySerial(serials),
        base.logger),
    },
  };
}
