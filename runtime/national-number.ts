/**
 * The Belgian national register number (numéro de registre national):
 * YYMMDD, a 3-digit serial (odd for men, even for women) and a 2-digit
 * check. The check is 97 minus the first nine digits modulo 97; for people
 * born from 2000 on, a 2 is put before those nine digits first.
 */

export type NationalNumberCheck =
  | { valid: true; value: string; bornFrom2000: boolean }
  | { valid: false; reason: string };

/** Separators people type between the groups: 85.07.30-033.28 */
const SEPARATORS = /[\s.-]/g;

function checkDigits(firstNine: string, bornFrom2000: boolean): number {
  const base = BigInt((bornFrom2000 ? '2' : '') + firstNine);
  return 97 - Number(base % 97n);
}

/** Checks a number as typed; answers the 11 digits or why it is invalid. */
export function checkNationalNumber(input: string): NationalNumberCheck {
  const value = input.replace(SEPARATORS, '');
  if (!/^\d*$/.test(value)) {
    return { valid: false, reason: 'it must contain digits only' };
  }
  if (value.length !== 11) {
    return {
      valid: false,
      reason: `it must have 11 digits, not ${value.length}`,
    };
  }
  const firstNine = value.slice(0, 9);
  const check = Number(value.slice(9));
  if (checkDigits(firstNine, false) === check) {
    return { valid: true, value, bornFrom2000: false };
  }
  if (checkDigits(firstNine, true) === check) {
    return { valid: true, value, bornFrom2000: true };
  }
  return {
    valid: false,
    reason:
      `its check digits ${value.slice(9)} do not match ` +
      'the first nine digits (mod 97)',
  };
}

/**
 * Makes a valid number from a birth date and a serial (1 to 998); used by
 * the synthetic data generators.
 */
export function makeNationalNumber(birthDate: string, serial: number): string {
  const [year, month, day] = birthDate.split('-');
  if (!year || !month || !day || serial < 1 || serial > 998) {
    throw new TypeError(
      `Cannot make a national number from ${birthDate} and ${serial}`,
    );
  }
  const firstNine =
    year.slice(2) + month + day + String(serial).padStart(3, '0');
  const check = checkDigits(firstNine, Number(year) >= 2000);
  return firstNine + String(check).padStart(2, '0');
}
