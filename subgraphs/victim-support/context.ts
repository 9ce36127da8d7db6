import type DataLoader from 'dataloader';
import type {
  NoticeRecord,
  ReferralRecord,
  VictimSupportAdapter,
} from '../../adapters/victim-support/types';
import { agencyLoader, type SubgraphContext } from '../../runtime/subgraph';

export interface VictimSupportContext extends SubgraphContext {
  readonly loaders: {
    referralOfMeasure: DataLoader<string, ReferralRecord | null>;
    referral: DataLoader<string, ReferralRecord | null>;
    referralsOfArrondissement: DataLoader<string, ReferralRecord[]>;
    notices: DataLoader<string, NoticeRecord[]>;
  };
}

const SYSTEM = 'The victim support service';

export function createVictimSupportContext(
  adapter: VictimSupportAdapter,
  base: SubgraphContext,
): VictimSupportContext {
  return {
    ...base,
    loaders: {
      referralOfMeasure: agencyLoader(
        SYSTEM,
        (ids) => adapter.referralsByMeasureId(ids),
        base.logger,
      ),
      referral: agencyLoader(
        SYSTEM,
        (ids) => adapter.referralsById(ids),
        base.logger,
      ),
      referralsOfArrondissement: agencyLoader(
        SYSTEM,
        (codes) => adapter.referralsByArrondissement(codes),
        base.logger,
      ),
      notices: agencyLoader(
        SYSTEM,
        (ids) => adapter.noticesByMeasureId(ids),
        base.logger,
      ),
    },
  };
}
