/**
 * The victim support service's port: the referrals of §7.8.3, the offers
 * of service made under them and the answers to them, the person's
 * contact data kept apart (§7.8.5), and the parquet's notices to the
 * service. Dates are ISO strings (YYYY-MM-DD). How a referral's status
 * moves is set out in ./status.ts.
 */
import {
  AgencyRuleError,
  type AgencyAdapter,
  type BatchRead,
} from '../adapter';

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
  /** The day of the answer; null exactly when `accepted` is. */
  answeredOn: string | null;
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

/** §7.8.3: what the parquet tells the service about a measure. */
export const NOTICE_KINDS = [
  'GRANT',
  'END_DATE',
  'PROLONGATION',
  'EARLY_END',
  'RENEWED_OFFER_REQUEST',
  'TRANSFER',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * A notice to the service. `date` is the day the notice is about: the
 * decision for GRANT, the planned end for END_DATE, the new planned end
 * for PROLONGATION, the day the measure ended for EARLY_END, the day
 * of the magistrate's request for RENEWED_OFFER_REQUEST (§7.12.2), and
 * the day the referral came over from another arrondissement for
 * TRANSFER (§7.2.3), with that arrondissement's code as `details`.
 */
export interface NoticeRecord {
  id: string;
  measureId: string;
  kind: NoticeKind;
  date: string;
  details: string | null;
}

/**
 * §7.8.3, §7.8.5: how the service reaches the person, sent by the parquet
 * with the referral and kept apart from it. At least one of the two.
 */
export interface ReferralContactRecord {
  referralId: string;
  /** International form (E.164): `+` and 7 to 15 digits; see ./contact.ts. */
  phone: string | null;
  /** At most 254 characters; see ./contact.ts. */
  email: string | null;
}

export interface ReferralInput {
  measureId: string;
  arrondissementCode: string;
  referredOn: string;
  /** The initial report (PV) the parquet sends a copy of. */
  pvReference: string;
  plannedEndDate: string;
}

export interface NoticeInput {
  /** Chosen by the caller, the same on every retry. */
  noticeId: string;
  measureId: string;
  kind: NoticeKind;
  date: string;
  /** Default null. */
  details?: string | null;
}

/** §7.2.3: the referral goes to the service of another arrondissement. */
export interface ReferralTransferInput {
  measureId: string;
  /** The arrondissement whose parquet now manages the measure. */
  arrondissementCode: string;
  transferredOn: string;
}

/** The service reached the person and made its first offer (§7.8.3). */
export interface PersonContactedInput {
  referralId: string;
  contactedOn: string;
}

/** The person's answer to one offer of service (§7.8.3, §7.12.2). */
export interface OfferAnswerInput {
  referralId: string;
  offerKind: ServiceOfferKind;
  accepted: boolean;
  answeredOn: string;
}

export interface VictimSupportAdapter extends AgencyAdapter {
  /** The referral made for each measure, or null before one. */
  referralsByMeasureId: BatchRead<string, ReferralRecord | null>;
  referralsById: BatchRead<string, ReferralRecord | null>;
  /**
   * Every referral made by each arrondissement's parquet, whatever its
   * status, oldest referral first (then by id); an empty list for an
   * arrondissement without one. The work lists of §7.8.3 and §7.12.2
   * are drawn from it.
   */
  referralsByArrondissement: BatchRead<string, ReferralRecord[]>;
  /** Each measure's notices in the order they were given. */
  noticesByMeasureId: BatchRead<string, NoticeRecord[]>;
  /**
   * §7.8.5: each referral's contact data, or null before the parquet
   * sent it. Confidential: callers decide who may see it.
   */
  contactsByReferralId: BatchRead<string, ReferralContactRecord | null>;

  /**
   * §7.8.3: refers the measure to the service. The referral (status
   * RECEIVED, id `ref-<measureId>`, or a hash of a measure id too long
   * for the column: see storage/ids.ts) comes with its INITIAL offer,
   * dated `referredOn` and awaiting an answer. In every case the service
   * is told the planned end: the referral records it as an END_DATE
   * notice (id `end-date-<measureId>`), which callers need not send.
   * One referral per measure: a retry answers it unchanged; a referral
   * that differs from the one already made is refused
   * (REFERRAL_CONFLICT). The status is the service's to move on: only
   * its own writes, recordPersonContacted and recordOfferAnswer, change
   * it after the referral.
   */
  refer(input: ReferralInput): Promise<ReferralRecord>;

  /**
   * Records a notice once per `noticeId`: a retry answers it unchanged,
   * the same id with other content is refused (NOTICE_CONFLICT). A
   * RENEWED_OFFER_REQUEST is refused before the measure is referred
   * (REFERRAL_MISSING); otherwise it is recorded, and it adds a RENEWAL
   * offer, dated `date`, to the measure's referral only when the person
   * did not take up the first offer (§7.8.3, §7.12.2): the INITIAL offer
   * is unanswered, declined or not made yet, and no RENEWAL offer exists
   * already. After an accepted INITIAL offer the request is on record
   * and no offer is made (see ./status.ts).
   */
  notify(input: NoticeInput): Promise<NoticeRecord>;

  /**
   * §7.2.3: moves the measure's referral, its status, offers and contact
   * data included, to the service of `arrondissementCode`, whose work
   * lists show it from then on, and tells that service with a TRANSFER
   * notice (`date` the transfer, `details` the arrondissement it leaves).
   * A referral already there answers unchanged, so a retry changes
   * nothing. A measure not referred yet answers null and changes
   * nothing: the protection outbox applies a measure's effects in order,
   * so its referral is made before any transfer of it is sent.
   */
  transferReferral(
    input: ReferralTransferInput,
  ): Promise<ReferralRecord | null>;

  /**
   * §7.8.3, §7.8.5: stores the person's contact data for the referral,
   * replacing what was sent before (a new number replaces the old one).
   * Refused for a referral that does not exist (REFERRAL_MISSING). The
   * phone and e-mail must already be in the form ./contact.ts checks;
   * anything else, or neither of them, is misuse (a TypeError).
   */
  recordContact(input: ReferralContactRecord): Promise<ReferralContactRecord>;

  /**
   * §7.8.3: the service reached the person and made its first offer:
   * the INITIAL offer is dated `contactedOn` (and made if the referral
   * had none) and the referral becomes CONTACTED (see ./status.ts). A
   * retry on the same day answers the referral unchanged. Refused: an
   * unknown referral (REFERRAL_MISSING), a day before the referral
   * (CONTACT_BEFORE_REFERRAL), another day once contacted
   * (CONTACT_CONFLICT), a referral the person already answered
   * (ILLEGAL_REFERRAL_TRANSITION).
   */
  recordPersonContacted(input: PersonContactedInput): Promise<ReferralRecord>;

  /**
   * §7.8.3, §7.12.2: records the person's answer to the offer of that
   * kind and moves the referral's status (see ./status.ts). The same
   * answer again answers the referral unchanged. Refused: an unknown
   * referral (REFERRAL_MISSING), an offer not made (OFFER_MISSING), an
   * answer before the offer (ANSWER_BEFORE_OFFER), another answer to an
   * offer already answered (OFFER_ALREADY_ANSWERED).
   */
  recordOfferAnswer(input: OfferAnswerInput): Promise<ReferralRecord>;
}

export const VICTIM_SUPPORT_RULE_CODES = [
  'REFERRAL_CONFLICT',
  'REFERRAL_MISSING',
  'NOTICE_CONFLICT',
  'CONTACT_BEFORE_REFERRAL',
  'CONTACT_CONFLICT',
  'OFFER_MISSING',
  'ANSWER_BEFORE_OFFER',
  'OFFER_ALREADY_ANSWERED',
  'ILLEGAL_REFERRAL_TRANSITION',
] as const;
export type VictimSupportRuleCode =
  (typeof VICTIM_SUPPORT_RULE_CODES)[number];

/** A write the service's rules refuse; see VICTIM_SUPPORT_RULE_CODES. */
export class VictimSupportRuleError extends AgencyRuleError<
  VictimSupportRuleCode
> {
  override readonly name = 'VictimSupportRuleError';
}
