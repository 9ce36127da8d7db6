/**
 * The service's own writes (§7.8.3, §7.8.5, §7.12.2): the contact data
 * the parquet sends, the first contact with the person, and the
 * person's answers to the offers. Each locks the referral first, so two
 * writes about one referral run one after the other.
 */
import type { EntityManager } from 'typeorm';
import {
  requireDate,
  requireOneOf,
  requireText,
} from '../../../storage/input';
import { findOneForUpdate } from '../../../storage/write';
import { isEmail, isPhone } from '../contact';
import { nextStatus } from '../status';
import {
  SERVICE_OFFER_KINDS,
  VictimSupportRuleError,
  type OfferAnswerInput,
  type PersonContactedInput,
  type ReferralContactRecord,
} from '../types';
import {
  Referral,
  ReferralContact,
  ServiceOffer,
  type ReferralRow,
} from './schema';

const REFERRAL_ID_LENGTH = 36;

/**
 * Misuse unless the contact data is in the port's forms (../contact.ts).
 * The messages never show the values: they are personal data.
 */
export function checkContact(
  input: ReferralContactRecord,
): ReferralContactRecord {
  const { phone, email } = input;
  if (phone !== null && (typeof phone !== 'string' || !isPhone(phone))) {
    throw new TypeError('phone must be null or in E.164 form (+ and 7 to 15 digits)');
  }
  if (email !== null && (typeof email !== 'string' || !isEmail(email))) {
    throw new TypeError('email must be null or an address whose domain is in lower case');
  }
  if (phone === null && email === null) {
    throw new TypeError('A referral contact needs a phone, an e-mail or both');
  }
  return {
    referralId: requireText('referralId', input.referralId,
      REFERRAL_ID_LENGTH),
    phone,
    email,
  };
}

export function checkContacted(
  input: PersonContactedInput,
): PersonContactedInput {
  return {
    referralId: requireText('referralId', input.referralId,
      REFERRAL_ID_LENGTH),
    contactedOn: requireDate('contactedOn', input.contactedOn),
  };
}

export function checkAnswer(input: OfferAnswerInput): OfferAnswerInput {
  if (typeof input.accepted !== 'boolean') {
    throw new TypeError(
      `accepted must be a boolean, not ${JSON.stringify(input.accepted)}`);
  }
  return {
    referralId: requireText('referralId', input.referralId,
      REFERRAL_ID_LENGTH),
    offerKind: requireOneOf('offerKind', input.offerKind,
      SERVICE_OFFER_KINDS),
    accepted: input.accepted,
    answeredOn: requireDate('answeredOn', input.answeredOn),
  };
}

/** §7.8.5: the latest contact data replaces what was sent before. */
export async function storeContact(
  manager: EntityManager,
  contact: ReferralContactRecord,
): Promise<ReferralContactRecord> {
  await lockReferral(manager, contact.referralId);
  await manager.save(ReferralContact, { ...contact });
  return contact;
}

/** §7.8.3: the first offer made; see ../status.ts for the move. */
export async function markContacted(
  manager: EntityManager,
  input: PersonContactedInput,
): Promise<void> {
  const referral = await lockReferral(manager, input.referralId);
  if (input.contactedOn < referral.referredOn) {
    throw new VictimSupportRuleError('CONTACT_BEFORE_REFERRAL',
      `The person cannot have been contacted on ${input.contactedOn}, before the referral ${referral.id} on ${referral.referredOn}`);
  }
  const initial = await manager.findOneBy(ServiceOffer,
    { referralId: referral.id, kind: 'INITIAL' });
  if (referral.status === 'CONTACTED') {
    if (initial?.offeredOn === input.contactedOn) return;
    throw new VictimSupportRuleError('CONTACT_CONFLICT',
      `The referral ${referral.id} records a first contact on ${initial?.offeredOn ?? 'another day'}, not ${input.contactedOn}`);
  }

  const status = nextStatus(referral.id, referral.status,
    { kind: 'CONTACTED' });
  if (initial) {
    await manager.update(ServiceOffer, { id: initial.id },
      { offeredOn: input.contactedOn });
  } else {
    await manager.insert(ServiceOffer, {
      referralId: referral.id,
      offeredOn: input.contactedOn,
      kind: 'INITIAL',
      accepted: null,
      answeredOn: null,
    });
  }
  await manager.update(Referral, { id: referral.id }, { status });
}

/** §7.8.3, §7.12.2: one answer per offer; see ../status.ts. */
export async function recordAnswer(
  manager: EntityManager,
  input: OfferAnswerInput,
): Promise<void> {
  const referral = await lockReferral(manager, input.referralId);
  const offers = await manager.findBy(ServiceOffer,
    { referralId: referral.id });
  const offer = offers.find((candidate) => candidate.kind === input.offerKind);
  if (!offer) {
    throw new VictimSupportRuleError('OFFER_MISSING',
      `The referral ${referral.id} has no ${input.offerKind} offer to answer`);
  }
  if (offer.accepted !== null) {
    if (offer.accepted === input.accepted
      && offer.answeredOn === input.answeredOn) return;
    throw new VictimSupportRuleError('OFFER_ALREADY_ANSWERED',
      `The ${input.offerKind} offer of the referral ${referral.id} was already ${offer.accepted ? 'accepted' : 'declined'} on ${offer.answeredOn ?? 'an unrecorded day'}`);
  }
  if (input.answeredOn < offer.offeredOn) {
    throw new VictimSupportRuleError('ANSWER_BEFORE_OFFER',
      `The ${input.offerKind} offer of the referral ${referral.id} was made on ${offer.offeredOn}: it cannot be answered on ${input.answeredOn}`);
  }

  const status = nextStatus(referral.id, referral.status, {
    kind: 'ANSWERED',
    accepted: input.accepted,
    otherOfferOpen: offers.some((other) =>
      other !== offer && other.accepted === null),
  });
  await manager.update(ServiceOffer, { id: offer.id },
    { accepted: input.accepted, answeredOn: input.answeredOn });
  await manager.update(Referral, { id: referral.id }, { status });
}

/** The referral, locked until the write ends; exactly that id. */
async function lockReferral(
  manager: EntityManager,
  referralId: string,
): Promise<ReferralRow> {
  const referral = await findOneForUpdate(manager, Referral,
    { id: referralId });
  // MySQL compares without case: only the exact id is this referral.
  if (referral?.id !== referralId) {
    throw new VictimSupportRuleError('REFERRAL_MISSING',
      `There is no referral ${referralId}`);
  }
  return referral;
}
