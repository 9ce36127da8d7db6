import type DataLoader from 'dataloader';
import type {
  NoticeRecord,
  ReferralContactRecord,
  ReferralRecord,
  VictimSupportAdapter,
} from '../../adapters/victim-support/types';
import type { Territory } from '../protection/domain/territory';
import { agencyLoader, type SubgraphContext } from '../../runtime/subgraph';

export interface VictimSupportContext extends SubgraphContext {
  /** For the writes; reads go through the loaders. */
  readonly adapter: VictimSupportAdapter;
  /** The zones and arrondissements a statistics report is judged by. */
  readonly territory: Territory;
  readonly loaders: {
    referralOfMeasure: DataLoader<string, ReferralRecord | null>;
    referral: DataLoader<string, ReferralRecord | null>;
    referralsOfArrondissement: DataLoader<string, ReferralRecord[]>;
    notices: DataLoader<string, NoticeRecord[]>;
    /** By referral id; confidential (§7.8.5): see ./referrals.ts. */
    contact: DataLoader<string, ReferralContactRecord | null>;
  };
}

export const SYSTEM = 'The victim support service';

export function createVictimSupportContext(
  adapter: VictimSupportAdapter,
  territory: Territory,
  base: SubgraphContext,
): VictimSupportContext {
  const loader = <K, V>(read: (keys: readonly K[]) => Promise<V[]>) =>
    agencyLoader(SYSTEM, read, base.logger);
  return {
    ...base,
    adapter,
    territory,
    loaders: {
      referralOfMeasure: loader((ids) => adapter.referralsByMeasureId(ids)),
      referral: loader((ids) => adapter.referralsById(ids)),
      referralsOfArrondissement: loader(
        (codes) => adapter.referralsByArrondissement(codes)),
      notices: loader((ids) => adapter.noticesByMeasureId(ids)),
      contact: loader((ids) => adapter.contactsByReferralId(ids)),
    },
  };
}
