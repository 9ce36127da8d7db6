/**
 * §7.8.3: the service reaches the person by phone or e-mail, so the
 * parquet sends both when it has them. These are the forms the port
 * keeps them in; the subgraph turns what a client typed into them, and
 * an adapter refuses anything else as misuse.
 */

/**
 * E.164: a plus, a country code that does not start with 0, and at most
 * 15 digits in all; 7 at least, the shortest numbers in use.
 */
const E164 = /^\+[1-9]\d{6,14}$/;

/** What people write between the groups of a number: 0470/12.34.56. */
const SEPARATORS = /[\s().\/-]/g;

/** The national trunk 0 some write after the country code: +32 (0)2. */
const TRUNK_ZERO = /\(0\)/g;

/** RFC 5321: the longest address a mail server must accept. */
export const EMAIL_LENGTH = 254;

/** A domain label: letters and digits, inner dashes, in lower case. */
const LABEL = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?';

/** A local part without spaces, then a domain of two labels or more. */
const EMAIL = new RegExp(`^[^\\s@]{1,64}@${LABEL}(?:\\.${LABEL})+$`);

/** The longest phone number kept: a plus and 15 digits. */
export const PHONE_LENGTH = 16;

export function isPhone(value: string): boolean {
  return E164.test(value);
}

export function isEmail(value: string): boolean {
  return value.length <= EMAIL_LENGTH && EMAIL.test(value);
}

/**
 * The number in E.164 form, separators and a bracketed trunk 0 dropped,
 * a leading 00 read as the international +; null when that is no E.164
 * number (a national form such as 0470 12 34 56 among them: its country
 * is not said).
 */
export function normalizePhone(value: string): string | null {
  const compact = value
    .replace(TRUNK_ZERO, '')
    .replace(SEPARATORS, '')
    .replace(/^00/, '+');
  return isPhone(compact) ? compact : null;
}

/** The address trimmed, its domain in lower case; null when invalid. */
export function normalizeEmail(value: string): string | null {
  const trimmed = value.trim();
  const at = trimmed.lastIndexOf('@');
  const address = at < 0
    ? trimmed
    : trimmed.slice(0, at + 1) + trimmed.slice(at + 1).toLowerCase();
  return isEmail(address) ? address : null;
}
