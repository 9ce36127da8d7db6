import type DataLoader from 'dataloader';
import type {
  JudicialFileRecord,
  MachAdapter,
  RegistrationCommentRecord,
} from '../../adapters/mach/types';
import { agencyLoader, type SubgraphContext } from '../../runtime/subgraph';

export interface MachContext extends SubgraphContext {
  readonly loaders: {
    antecedents: DataLoader<string, JudicialFileRecord[]>;
    registrationComments: DataLoader<string, RegistrationCommentRecord[]>;
  };
}

export function createMachContext(
  adapter: MachAdapter,
  base: SubgraphContext,
): MachContext {
  return {
    ...base,
    loaders: {
      antecedents: agencyLoader(
        'MaCH',
        (numbers) => adapter.antecedentsByNationalNumber(numbers),
        base.logger,
      ),
      registrationComments: agencyLoader(
        'MaCH',
        (ids) => adapter.registrationCommentsByMeasureId(ids),
        base.logger,
      ),
    },
  };
}
