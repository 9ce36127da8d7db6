import type DataLoader from 'dataloader';
import type {
  ArrondissementRecord,
  MeasureRecord,
  PersonRecord,
  ProtectedPersonRecord,
  ProtectionAdapter,
  ProvinceRecord,
  ZoneRecord,
} from '../../adapters/protection/types';
import { agencyLoader, type SubgraphContext } from '../../runtime/subgraph';

export interface ProtectionLoaders {
  measure: DataLoader<string, MeasureRecord | null>;
  person: DataLoader<string, PersonRecord | null>;
  protectedPersons: DataLoader<string, ProtectedPersonRecord[]>;
  measureIdsOfPerson: DataLoader<string, string[]>;
  province: DataLoader<string, ProvinceRecord | null>;
  arrondissement: DataLoader<string, ArrondissementRecord | null>;
  zone: DataLoader<string, ZoneRecord | null>;
}

export interface ProtectionContext extends SubgraphContext {
  readonly loaders: ProtectionLoaders;
}

const SYSTEM = 'The protection register';

export function createProtectionContext(
  adapter: ProtectionAdapter,
  base: SubgraphContext,
): ProtectionContext {
  const load = <K, V>(read: (keys: readonly K[]) => Promise<V[]>) =>
    agencyLoader(SYSTEM, read, base.logger);
  return {
    ...base,
    loaders: {
      measure: load((ids) => adapter.measuresById(ids)),
      person: load((numbers) => adapter.personsByNationalNumber(numbers)),
      protectedPersons: load((ids) =>
        adapter.protectedPersonsByMeasureId(ids),
      ),
      measureIdsOfPerson: load((numbers) =>
        adapter.measureIdsByProtectedPerson(numbers),
      ),
      province: load((codes) => adapter.provincesByCode(codes)),
      arrondissement: load((codes) => adapter.arrondissementsByCode(codes)),
      zone: load((codes) => adapter.zonesByCode(codes)),
    },
  };
}
