/**
 * §7.8.5 in the protection subgraph: `ProtectedPerson.confidentialContact`
 * and `recordConfidentialContact`. The contact lives apart from the
 * measure (adapters/protection/sql/confidential.ts), and the schema's
 * `@access` rule on the field is judged before its resolver reads it. The input is checked here, before any transaction,
 * with messages that never repeat what was typed: it is personal data.
 */
import { GraphQLError } from 'graphql';
import type {
  MeasureAggregate,
  ProtectedPersonState,
} from '../../adapters/protection/aggregate';
import { TEXT_LIMITS } from '../../adapters/protection/aggregate';
import type {
  ConfidentialAddress,
  ConfidentialContactRecord,
} from '../../adapters/protection/types';
import {
  normalizeEmail,
  normalizePhone,
} from '../../adapters/victim-support/contact';
import { parseNationalNumber } from '../../runtime/subgraph';
import type { ProtectionContext } from './context';
import type { ConfidentialContactInput } from './domain';
import type {
  ConfidentialAddressInput,
  RecordConfidentialContactInput,
} from './generated/graphql';

/**
 * A protected person as the schema's ProtectedPerson resolves it: with
 * the measure, which the access check of its confidential contact needs.
 */
export interface ProtectedPersonView extends ProtectedPersonState {
  readonly aggregate: MeasureAggregate;
}

export function protectedPersonsOf(
  aggregate: MeasureAggregate,
): ProtectedPersonView[] {
  return aggregate.protectedPersons.map((person) =>
    ({ ...person, aggregate }));
}

/**
 * ProtectedPerson.confidentialContact, for the readers of §7.8.5 alone:
 * the schema's rule refuses anyone else before this runs.
 */
export async function confidentialContactOf(
  person: ProtectedPersonView,
  { loaders }: ProtectionContext,
): Promise<ConfidentialContactRecord | null> {
  const records = await loaders.confidentialContacts
    .load(person.aggregate.measure.id);
  return records.find(
    (record) => record.nationalNumber === person.nationalNumber) ?? null;
}

/**
 * The contact as the domain records it: the national number valid, the
 * phone in E.164 form, the e-mail an address, the texts trimmed and no
 * longer than the register keeps; at least one of the three given.
 * Anything else is BAD_USER_INPUT naming the argument, not the value.
 */
export function checkedConfidentialContact(
  input: RecordConfidentialContactInput,
): ConfidentialContactInput {
  const nationalNumber = parseNationalNumber(input.nationalNumber,
    'nationalNumber');
  const address = input.address ? checkedAddress(input.address) : null;
  const phone = input.phone == null ? null : checkedPhone(input.phone);
  const email = input.email == null ? null : checkedEmail(input.email);
  if (address === null && phone === null && email === null) {
    throw badInput('address',
      'Give an address, a phone number or an e-mail address: a confidential contact holds at least one (§7.8.5).');
  }
  return { nationalNumber, address, phone, email,
    knownToSuspect: input.knownToSuspect };
}

function checkedPhone(phone: string): string {
  const normal = normalizePhone(phone);
  if (normal === null) {
    throw badInput('phone',
      'phone must be in international form: + and the country code, then the number, 7 to 15 digits in all (e.g. +32 470 12 34 56).');
  }
  return normal;
}

function checkedEmail(email: string): string {
  const normal = normalizeEmail(email);
  if (normal === null) {
    throw badInput('email',
      'email is not an e-mail address such as name@example.be.');
  }
  return normal;
}

/** ISO 3166-1 alpha-2; a lower-case code is read in capitals. */
const COUNTRY = /^[A-Z]{2}$/;
/** §7.8.5: a Belgian postal code has 4 digits, the first not 0. */
const BELGIAN_POSTAL_CODE = /^[1-9]\d{3}$/;
/** Elsewhere: letters, digits, inner spaces and dashes. */
const POSTAL_CODE = /^[A-Z0-9](?:[A-Z0-9 -]*[A-Z0-9])?$/i;

function checkedAddress(input: ConfidentialAddressInput): ConfidentialAddress {
  const country = (input.country ?? 'BE').trim().toUpperCase();
  if (!COUNTRY.test(country)) {
    throw badInput('address.country',
      'address.country must be an ISO 3166-1 alpha-2 code such as BE.');
  }
  const postalCode = text('postalCode', input.postalCode,
    TEXT_LIMITS.postalCode);
  const shape = country === 'BE' ? BELGIAN_POSTAL_CODE : POSTAL_CODE;
  if (!shape.test(postalCode)) {
    throw badInput('address.postalCode', country === 'BE'
      ? 'address.postalCode must have 4 digits in Belgium, e.g. 1050.'
      : 'address.postalCode holds letters, digits, spaces and dashes only.');
  }
  return {
    street: text('street', input.street, TEXT_LIMITS.place),
    number: text('number', input.number, TEXT_LIMITS.houseNumber),
    box: input.box == null || input.box.trim() === '' ? null
      : text('box', input.box, TEXT_LIMITS.houseNumber),
    postalCode,
    municipality: text('municipality', input.municipality,
      TEXT_LIMITS.place),
    country,
  };
}

/** Trimmed, not blank, within the register's limit; never echoed. */
function text(field: string, value: string, maxLength: number): string {
  const argument = `address.${field}`;
  const trimmed = value.trim();
  if (trimmed === '') throw badInput(argument, `${argument} must not be blank.`);
  if (trimmed.length > maxLength) {
    throw badInput(argument,
      `${argument} has ${trimmed.length} characters; at most ${maxLength} are kept.`);
  }
  return trimmed;
}

function badInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', argument },
  });
}
