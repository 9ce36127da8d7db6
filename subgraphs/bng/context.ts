import type DataLoader from 'dataloader';
import type { BngAdapter, PoliceRecord } from '../../adapters/bng/types';
import { agencyLoader, type SubgraphContext } from '../../runtime/subgraph';

export interface BngContext extends SubgraphContext {
  readonly loaders: {
    policeRecord: DataLoader<string, PoliceRecord | null>;
  };
}

export function createBngContext(
  adapter: BngAdapter,
  base: SubgraphContext,
): BngContext {
  return {
    ...base,
    loaders: {
      policeRecord: agencyLoader(
        'The BNG',
        (numbers) => adapter.policeRecordsByNationalNumber(numbers),
        base.logger,
      ),
    },
  };
}
