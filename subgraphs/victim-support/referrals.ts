/**
 * What the parquet and the service record about a referral (§7.8.3):
 * the person's contact data, confidential (§7.8.5), the first contact,
 * and the answers to the offers of service (§7.12.2). Each write checks
 * the caller against the referral's arrondissement before the store
 * sees anything; the store then applies the status rules of
 * adapters/victim-support/status.ts.
 */
import { GraphQLError } from 'graphql';
import {
  normalizeEmail,
  normalizePhone,
} from '../../adapters/victim-support/contact';
import {
  VictimSupportRuleError,
  type ReferralContactRecord,
  type ReferralRecord,
  type VictimSupportRuleCode,
} from '../../adapters/victim-support/types';
import { forbidden } from '../../runtime/errors';
import type { Identity, Role } from '../../runtime/identity';
import { agencyUnavailable } from '../../runtime/subgraph';
import { SYSTEM, type VictimSupportContext } from './context';
import type {
  RecordOfferAnswerInput,
  RecordPersonContactedInput,
  RecordReferralContactInput,
  ReferralContact,
} from './generated/graphql';

/** The client code of each refusal of the service's store. */
const CLIENT_CODES: Readonly<Record<VictimSupportRuleCode, string>> = {
  REFERRAL_MISSING: 'NOT_FOUND',
  OFFER_MISSING: 'NOT_FOUND',
  CONTACT_BEFORE_REFERRAL: 'BAD_USER_INPUT',
  ANSWER_BEFORE_OFFER: 'BAD_USER_INPUT',
  CONTACT_CONFLICT: 'CONFLICT',
  OFFER_ALREADY_ANSWERED: 'CONFLICT',
  ILLEGAL_REFERRAL_TRANSITION: 'CONFLICT',
  REFERRAL_CONFLICT: 'CONFLICT',
  NOTICE_CONFLICT: 'CONFLICT',
};

/**
 * Referral.contact, confidential (§7.8.5): the schema's rule lets only the
 * service and the magistrates of the referral's arrondissement read it.
 */
export async function loadContact(
  referral: ReferralRecord,
  { loaders }: VictimSupportContext,
): Promise<ReferralContact | null> {
  const contact = await loaders.contact.load(referral.id);
  return contact && { phone: contact.phone, email: contact.email };
}

/** §7.8.3: the parquet sends the contact data with the referral. */
export async function recordReferralContact(
  input: RecordReferralContactInput,
  context: VictimSupportContext,
): Promise<ReferralRecord> {
  requireRole(context.identity, 'magistrate',
    'The contact data is sent by the parquet (role magistrate)');
  const contact = checkContact(input);
  const referral = await context.loaders.referralOfMeasure
    .load(input.measureId);
  if (!referral) {
    throw notFound(`The measure ${input.measureId} has no referral yet: the contact data goes with it (§7.8.3).`);
  }
  requireOwnArrondissement(context.identity, referral);
  await write(context, () => context.adapter.recordContact(
    { referralId: referral.id, ...contact }));
  return referral;
}

/** §7.8.3: the service reached the person and made its offer. */
export async function recordPersonContacted(
  input: RecordPersonContactedInput,
  context: VictimSupportContext,
): Promise<ReferralRecord> {
  await ownReferral(input.referralId, context);
  return write(context, () => context.adapter.recordPersonContacted(input));
}

/** §7.8.3, §7.12.2: the person's answer to an offer. */
export async function recordOfferAnswer(
  input: RecordOfferAnswerInput,
  context: VictimSupportContext,
): Promise<ReferralRecord> {
  await ownReferral(input.referralId, context);
  return write(context, () => context.adapter.recordOfferAnswer(input));
}

/**
 * The phone in E.164 form and the e-mail address, or BAD_USER_INPUT.
 * The messages never repeat the values: they are personal data.
 */
export function checkContact(
  input: Pick<RecordReferralContactInput, 'phone' | 'email'>,
): Omit<ReferralContactRecord, 'referralId'> {
  const phone = input.phone ?? null;
  const email = input.email ?? null;
  const normalPhone = phone === null ? null : normalizePhone(phone);
  if (phone !== null && normalPhone === null) {
    throw badInput('phone', 'phone must be in international form: + and the country code, then the number, 7 to 15 digits in all (e.g. +32 470 12 34 56).');
  }
  const normalEmail = email === null ? null : normalizeEmail(email);
  if (email !== null && normalEmail === null) {
    throw badInput('email', 'email is not an e-mail address such as name@example.be.');
  }
  if (normalPhone === null && normalEmail === null) {
    throw badInput('phone', 'Give a phone number, an e-mail address or both: the service must be able to reach the person (§7.8.3).');
  }
  return { phone: normalPhone, email: normalEmail };
}

/** The referral, if the caller is the service of its arrondissement. */
async function ownReferral(
  referralId: string,
  { identity, loaders }: VictimSupportContext,
): Promise<ReferralRecord> {
  requireRole(identity, 'victim-support',
    'The service records its contacts and the answers to its offers (role victim-support)');
  const referral = await loaders.referral.load(referralId);
  if (!referral) throw notFound(`There is no referral ${referralId}.`);
  requireOwnArrondissement(identity, referral);
  return referral;
}

function requireRole(identity: Identity, role: Role, who: string): void {
  if (identity.role !== role) {
    throw forbidden(`${who}; this caller's role is ${identity.role}.`);
  }
}

/** §7.8.3: the parquet and the service of the referral's arrondissement. */
function requireOwnArrondissement(
  identity: Identity,
  referral: ReferralRecord,
): void {
  if (identity.arrondissement !== referral.arrondissementCode) {
    throw forbidden(
      `The referral ${referral.id} belongs to arrondissement ${referral.arrondissementCode}; this caller is ${whoIs(identity)}.`,
    );
  }
}

function whoIs(identity: Identity): string {
  const area = identity.arrondissement ?? identity.zone ?? identity.province;
  return area ? `${identity.role} of ${area}` : identity.role;
}

/**
 * Runs a write of the store: its refusals become the client's errors;
 * a failure of the store is logged once, with what is safe to log, and
 * reported as AGENCY_UNAVAILABLE. A TypeError is a bug of ours.
 */
async function write<T>(
  { logger }: VictimSupportContext,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof VictimSupportRuleError) {
      throw new GraphQLError(`${error.message}.`, {
        extensions: { code: CLIENT_CODES[error.code], reason: error.code },
      });
    }
    if (error instanceof TypeError) throw error;
    const err = error instanceof Error
      ? { name: error.name, message: error.message }
      : { name: typeof error, message: 'non-error thrown' };
    logger.error({ system: SYSTEM, err }, 'agency system write failed');
    throw agencyUnavailable(SYSTEM);
  }
}

function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}

function badInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', argument },
  });
}
