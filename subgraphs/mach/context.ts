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
    /** Each suspect's current comments, by national number. */
    currentRegistrationComments: DataLoader<
      string,
      RegistrationCommentRecord[]
    >;
  };
  /** Today in Belgium (YYYY-MM-DD): a review's default reference date. */
  readonly today: () => string;
}

export function createMachContext(
  adapter: MachAdapter,
  base: SubgraphContext,
  today: () => string,
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
      currentRegistrationComments: agencyLoader(
        'MaCH',
        (numbers) =>
          adapter.currentRegistrationCommentsByNationalNumber(numbers),
        base.logger,
      ),
    },
    today,
  };
}
