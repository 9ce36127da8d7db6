/**
 * Checks on command input shared by the commands. Each failure is an
 * INVALID_INPUT whose message names the field, the value and the rule.
 */
import {
  TEXT_LIMITS,
  type PersonState,
} from '../../../adapters/protection/aggregate';
import type { Gender } from '../../../adapters/protection/types';
import { checkNationalNumber } from '../../../runtime/national-number';
import { instantMillis } from './clock';
import { invalidInput } from './errors';
import type { CommandContext } from './lifecycle';

/** A person as a command receives one (the schema's PersonInput). */
export interface PersonInput {
  nationalNumber: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  gender?: Gender | null;
}

/** A recorded fact cannot be dated after today (Europe/Brussels). */
export function requireNotFuture(
  field: string,
  day: string,
  context: CommandContext,
): void {
  const today = context.clock.today();
  if (day > today) {
    throw invalidInput(`${field} ${day} is in the future: today is ${today}.`, {
      field,
    });
  }
}

/** `day` must be on or after `floor`, an earlier fact of the measure. */
export function requireOnOrAfter(
  field: string,
  day: string,
  floor: { name: string; day: string },
  section: string,
): void {
  if (day < floor.day) {
    throw invalidInput(
      `${field} ${day} is before ${floor.name} ${floor.day} (${section}).`,
      { field },
    );
  }
}

/** A recorded instant cannot be after now (the clock's instant). */
export function requireInstantNotFuture(
  field: string,
  instant: string,
  context: CommandContext,
): void {
  const now = context.clock.now();
  if (instantMillis(instant) > instantMillis(now)) {
    throw invalidInput(`${field} ${instant} is in the future: now is ${now}.`,
      { field });
  }
}

/**
 * `later` must come after `earlier` (both ISO instants): strictly, or
 * at the same instant too when `orSame`.
 */
export function requireInstantAfter(
  field: string,
  later: string,
  earlier: { name: string; instant: string },
  section: string,
  orSame = false,
): void {
  const gap = instantMillis(later) - instantMillis(earlier.instant);
  if (gap < 0 || (gap === 0 && !orSame)) {
    const relation = orSame ? 'at or after' : 'after';
    throw invalidInput(
      `${field} ${later} must be ${relation} ${earlier.name} ${earlier.instant} (${section}).`,
      { field },
    );
  }
}

/** The register keeps a client's own ids (an alert's) up to a UUID's length. */
export const CLIENT_ID_MAX_LENGTH = 36;

/** Trimmed, not blank, and no longer than `maxLength` when one is given. */
export function requireText(
  field: string,
  text: string,
  maxLength?: number,
): string {
  const trimmed = text.trim();
  if (trimmed === '') {
    throw invalidInput(`${field} must not be blank.`, { field });
  }
  if (maxLength !== undefined && trimmed.length > maxLength) {
    throw invalidInput(
      `${field} has ${trimmed.length} characters; at most ${maxLength} are kept.`,
      { field, maxLength },
    );
  }
  return trimmed;
}

/** The 11 digits of a valid national register number (DOMAIN: mod 97). */
export function nationalNumberOf(field: string, input: string): string {
  const check = checkNationalNumber(input);
  if (!check.valid) {
    throw invalidInput(
      `${field} is not a valid national register number: ${check.reason}.`,
      { field },
    );
  }
  return check.value;
}

/** A person to record, checked: number, names, birth before `onDate`. */
export function personFrom(
  field: string,
  input: PersonInput,
  onDate: string,
): PersonState {
  const person: PersonState = {
    nationalNumber: nationalNumberOf(
      `${field}.nationalNumber`,
      input.nationalNumber,
    ),
    firstName: requireText(
      `${field}.firstName`,
      input.firstName,
      TEXT_LIMITS.name,
    ),
    lastName: requireText(
      `${field}.lastName`,
      input.lastName,
      TEXT_LIMITS.name,
    ),
    birthDate: input.birthDate,
    gender: input.gender ?? null,
  };
  if (input.birthDate > onDate) {
    throw invalidInput(
      `${field}.birthDate ${input.birthDate} is after ${onDate}.`,
      { field: `${field}.birthDate` },
    );
  }
  return person;
}
