/**
 * The victim support port over SQL. A batch costs two statements run
 * together: the referrals, and the offers made under them.
 */
import type { DataSource } from 'typeorm';
import { batchRead, groupBy, indexBy } from '../../../storage/batch';
import { SqlAgencyAdapter } from '../../../storage/sql-adapter';
import type { BatchRead } from '../../adapter';
import type { ReferralRecord, VictimSupportAdapter } from '../types';
import {
  Referral,
  ServiceOffer,
  type ReferralRow,
  type ServiceOfferRow,
} from './schema';

type Selection = { column: 'id' | 'measureId'; keys: string[] };

export class SqlVictimSupportAdapter
  extends SqlAgencyAdapter
  implements VictimSupportAdapter
{
  constructor(dataSource: DataSource) {
    super('victim-support', dataSource);
  }

  /** Offers oldest first. */
  readonly referralsByMeasureId: BatchRead<string, ReferralRecord | null> =
    batchRead('victim-support', 'referralsByMeasureId', async (ids) => {
      const referrals = await this.findReferrals({
        column: 'measureId',
        keys: ids,
      });
      return indexBy(referrals, (referral) => referral.measureId);
    }, () => null);

  /** Offers oldest first. */
  readonly referralsById: BatchRead<string, ReferralRecord | null> =
    batchRead('victim-support', 'referralsById', async (ids) => {
      const referrals = await this.findReferrals({ column: 'id', keys: ids });
      return indexBy(referrals, (referral) => referral.id);
    }, () => null);

  private async findReferrals(
    selection: Selection,
  ): Promise<ReferralRecord[]> {
    const manager = this.dataSource.manager;
    const [referrals, offers] = await Promise.all([
      manager
        .createQueryBuilder(Referral, 'referral')
        .where(`referral.${selection.column} IN (:...keys)`, selection)
        .getMany(),
      manager
        .createQueryBuilder(ServiceOffer, 'offer')
        .innerJoin(Referral.options.name, 'referral',
          'referral.id = offer.referralId')
        .where(`referral.${selection.column} IN (:...keys)`, selection)
        .orderBy('offer.offeredOn', 'ASC')
        .addOrderBy('offer.id', 'ASC')
        .getMany(),
    ]);
    const offersOf = groupBy(offers, (offer) => offer.referralId);
    return referrals.map((referral) =>
      toRecord(referral, offersOf.get(referral.id) ?? []));
  }
}

function toRecord(
  referral: ReferralRow,
  offers: ServiceOfferRow[],
): ReferralRecord {
  return {
    id: referral.id,
    measureId: referral.measureId,
    arrondissementCode: referral.arrondissementCode,
    referredOn: referral.referredOn,
    pvReference: referral.pvReference,
    status: referral.status,
    offers: offers.map((offer) => ({
      offeredOn: offer.offeredOn,
      kind: offer.kind,
      accepted: offer.accepted,
    })),
  };
}
