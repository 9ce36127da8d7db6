/**
 * What a victim support service (SAV) must do, drawn from the referrals
 * of its arrondissement: the people it has still to contact (§7.8.3) and
 * the renewed offers the magistrate asked it to make near the end of a
 * measure (§7.8.3, §7.12.2). The status of a referral is the service's
 * own to move on; this list only reads it.
 */
import type {
  NoticeRecord,
  ReferralRecord,
  ServiceOfferRecord,
} from '../../adapters/victim-support/types';
import type { Identity } from '../../runtime/identity';
import type { VictimSupportContext } from './context';

/**
 * The arrondissement a work list is for. Each section loads its own
 * referrals on demand, through the same loader, so asking for both
 * costs one read of the referrals.
 */
export interface WorkListScope {
  readonly arrondissementCode: string;
}

/**
 * The service's own area. The schema's rule lets only the role
 * victim-support ask, and every such token names its arrondissement.
 */
export function workListScope(identity: Identity): WorkListScope {
  const { arrondissement } = identity;
  if (identity.role !== 'victim-support' || !arrondissement) {
    throw new Error(
      `A ${identity.role} identity reached the victim support work list`);
  }
  return { arrondissementCode: arrondissement };
}

/** §7.8.3: referred, and the service has not contacted the person yet. */
export function referralsToContact(
  referrals: readonly ReferralRecord[],
): ReferralRecord[] {
  return referrals.filter((referral) => referral.status === 'RECEIVED');
}

/** Private: the RENEWAL offer still awaiting the person's answer. */
function unansweredRenewal(
  referral: ReferralRecord,
): ServiceOfferRecord | undefined {
  return referral.offers.find(
    (offer) => offer.kind === 'RENEWAL' && offer.accepted === null,
  );
}

/**
 * §7.8.3, §7.12.2: the magistrate asked for a renewed offer (a
 * RENEWED_OFFER_REQUEST notice) and the person has not answered the
 * RENEWAL offer yet. Oldest offer first, then by referral id.
 */
export function renewedOffersToMake(
  referrals: readonly ReferralRecord[],
  noticesOf: (measureId: string) => readonly NoticeRecord[],
): ReferralRecord[] {
  const asked = (referral: ReferralRecord) =>
    noticesOf(referral.measureId).some(
      (notice) => notice.kind === 'RENEWED_OFFER_REQUEST',
    );
  const offeredOn = (referral: ReferralRecord) =>
    unansweredRenewal(referral)?.offeredOn ?? '';
  return referrals
    .filter((referral) => unansweredRenewal(referral) && asked(referral))
    .sort((first, second) =>
      offeredOn(first).localeCompare(offeredOn(second))
      || first.id.localeCompare(second.id));
}

export function loadReferralsToContact(
  scope: WorkListScope,
  { loaders }: VictimSupportContext,
): Promise<ReferralRecord[]> {
  return loaders.referralsOfArrondissement
    .load(scope.arrondissementCode)
    .then(referralsToContact);
}

/**
 * Reads the notices of the referrals with an unanswered renewal only:
 * one batch, whatever their number.
 */
export async function loadRenewedOffersToMake(
  scope: WorkListScope,
  { loaders }: VictimSupportContext,
): Promise<ReferralRecord[]> {
  const referrals = await loaders.referralsOfArrondissement.load(
    scope.arrondissementCode,
  );
  const pending = referrals.filter(unansweredRenewal);
  const notices = await Promise.all(
    pending.map((referral) => loaders.notices.load(referral.measureId)),
  );
  const byMeasure = new Map(
    pending.map((referral, index) => [referral.measureId, notices[index]!]),
  );
  return renewedOffersToMake(
    pending,
    (measureId) => byMeasure.get(measureId) ?? [],
  );
}
