/**
 * How a referral's status moves (§7.8.3, §7.12.2). The parquet's writes
 * (the referral, its notices) never move it; the service's do:
 *
 *   from \ event     contacted    accepted          declined
 *   RECEIVED         CONTACTED    SUPPORT_ONGOING   CONTACTED or CLOSED
 *   CONTACTED        CONTACTED    SUPPORT_ONGOING   CONTACTED or CLOSED
 *   SUPPORT_ONGOING  refused      SUPPORT_ONGOING   SUPPORT_ONGOING
 *   CLOSED           refused      SUPPORT_ONGOING   CLOSED
 *
 * Decisions, where the circular leaves the choice open:
 * - An answer shows the person was reached: RECEIVED may move on it
 *   without a recorded contact first.
 * - A declined offer closes the referral unless another offer still
 *   awaits the person's answer, which keeps it CONTACTED.
 * - §7.8.3, §7.12.2: the renewed offer goes only to a person who did not
 *   take up the first. A RENEWED_OFFER_REQUEST notice is always
 *   recorded, but it makes a RENEWAL offer only while the INITIAL offer
 *   is unanswered or declined (or not made yet); after an accepted one
 *   it makes none. Accepting a RENEWAL offer reopens a CLOSED referral
 *   as SUPPORT_ONGOING.
 * - Support under way goes on whatever a later answer says: only the
 *   service ends it. No write of the port ends it yet.
 */
import type { ReferralStatus } from './types';
import { VictimSupportRuleError } from './types';

export type ReferralEvent =
  /** The service reached the person and made its first offer. */
  | { readonly kind: 'CONTACTED' }
  | {
      readonly kind: 'ANSWERED';
      readonly accepted: boolean;
      /** Another offer of the referral still awaits an answer. */
      readonly otherOfferOpen: boolean;
    };

/** The status after `event`; refuses a move the table above forbids. */
export function nextStatus(
  referralId: string,
  status: ReferralStatus,
  event: ReferralEvent,
): ReferralStatus {
  switch (event.kind) {
    case 'CONTACTED':
      return afterContact(referralId, status);
    case 'ANSWERED':
      return afterAnswer(status, event.accepted, event.otherOfferOpen);
    default:
      return unreachable(event);
  }
}

function afterContact(
  referralId: string,
  status: ReferralStatus,
): ReferralStatus {
  switch (status) {
    case 'RECEIVED':
    case 'CONTACTED':
      return 'CONTACTED';
    case 'SUPPORT_ONGOING':
    case 'CLOSED':
      throw new VictimSupportRuleError('ILLEGAL_REFERRAL_TRANSITION',
        `The referral ${referralId} is ${status}: the person has answered already, so the first contact cannot be recorded now`);
    default:
      return unreachable(status);
  }
}

function afterAnswer(
  status: ReferralStatus,
  accepted: boolean,
  otherOfferOpen: boolean,
): ReferralStatus {
  switch (status) {
    case 'SUPPORT_ONGOING':
      return 'SUPPORT_ONGOING';
    case 'RECEIVED':
    case 'CONTACTED':
      if (accepted) return 'SUPPORT_ONGOING';
      return otherOfferOpen ? 'CONTACTED' : 'CLOSED';
    case 'CLOSED':
      return accepted ? 'SUPPORT_ONGOING' : 'CLOSED';
    default:
      return unreachable(status);
  }
}

function unreachable(value: never): never {
  throw new Error(`Unexpected value ${JSON.stringify(value)}`);
}
