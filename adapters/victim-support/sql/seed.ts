import type { DemoData } from '../../../storage/demo-data';
import { seedStep, type SeedStep } from '../../../storage/seed-plan';
import { Referral, ServiceOffer } from './schema';

/** The referrals' demo rows; offers keep their order (their ids). */
export function victimSupportSeedSteps(
  part: DemoData['victim-support'],
): SeedStep[] {
  const { referrals } = part;
  return [
    seedStep(Referral, referrals.map((referral) => ({
      id: referral.id,
      measureId: referral.measureId,
      arrondissementCode: referral.arrondissementCode,
      referredOn: referral.referredOn,
      pvReference: referral.pvReference,
      status: referral.status,
    }))),
    seedStep(ServiceOffer, referrals.flatMap((referral) =>
      referral.offers.map((offer) => ({
        referralId: referral.id,
        ...offer,
      })))),
  ];
}
