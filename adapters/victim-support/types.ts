/**
 * The victim support service's port: referrals of §7.8.3.
 * Dates are ISO strings (YYYY-MM-DD).
 */
import type { AgencyAdapter, BatchRead } from '../adapter';

export const REFERRAL_STATUSES = [
  'RECEIVED',
  'CONTACTED',
  'SUPPORT_ONGOING',
  'CLOSED',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const SERVICE_OFFER_KINDS = ['INITIAL', 'RENEWAL'] as const;
export type ServiceOfferKind = (typeof SERVICE_OFFER_KINDS)[number];

export interface ServiceOfferRecord {
  offeredOn: string;
  kind: ServiceOfferKind;
  /** null while the person has not answered. */
  accepted: boolean | null;
}

export interface ReferralRecord {
  id: string;
  measureId: string;
  arrondissementCode: string;
  referredOn: string;
  pvReference: string;
  status: ReferralStatus;
  offers: ServiceOfferRecord[];
}

export interface VictimSupportAdapter extends AgencyAdapter {
  /** The referral made for each measure, or null before one. */
  referralsByMeasureId: BatchRead<string, ReferralRecord | null>;
  referralsById: BatchRead<string, ReferralRecord | null>;
}
