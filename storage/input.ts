/**
 * Checks of what the adapters' writes receive, made before any statement
 * runs. A failure is a programmer's misuse: a TypeError that names the
 * argument and shows the bad value, except for a national number, which
 * never goes into a message (no national numbers in logs).
 */
import { parseIsoDate } from './dates';

/** A YYYY-MM-DD date that exists. */
export function requireDate(name: string, value: unknown): string {
  if (typeof value !== 'string') {
    throw new TypeError(
      `${name} must be a date as YYYY-MM-DD, not ${show(value)}`,
    );
  }
  try {
    parseIsoDate(value);
  } catch {
    throw new TypeError(
      `${name} must be a date as YYYY-MM-DD, not ${show(value)}`,
    );
  }
  return value;
}

export function requireOptionalDate(
  name: string,
  value: unknown,
): string | null {
  return value === null ? null : requireDate(name, value);
}

/** A non-blank string that fits its column. */
export function requireText(
  name: string,
  value: unknown,
  maxLength: number,
): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(
      `${name} must be a non-blank string, not ${show(value)}`,
    );
  }
  if (value.length > maxLength) {
    throw new TypeError(
      `${name} must have at most ${maxLength} characters, not ${value.length}`,
    );
  }
  return value;
}

/** `undefined` and `null` both mean "none". */
export function requireOptionalText(
  name: string,
  value: unknown,
  maxLength: number,
): string | null {
  return value === null || value === undefined
    ? null
    : requireText(name, value, maxLength);
}

/** Eleven digits; the check digits are the callers' to verify. */
export function requireNationalNumber(name: string, value: unknown): string {
  if (typeof value !== 'string' || !/^\d{11}$/.test(value)) {
    throw new TypeError(`${name} must be a national number of 11 digits`);
  }
  return value;
}

export function requireOneOf<T extends string>(
  name: string,
  value: unknown,
  allowed: readonly T[],
): T {
  if (!allowed.includes(value as T)) {
    throw new TypeError(
      `${name} must be one of ${allowed.join(', ')}, not ${show(value)}`,
    );
  }
  return value as T;
}

/** A whole number of at least `min`. */
export function requireCount(
  name: string,
  value: unknown,
  min: number,
): number {
  if (!Number.isInteger(value) || (value as number) < min) {
    throw new TypeError(
      `${name} must be a whole number of at least ${min}, not ${show(value)}`,
    );
  }
  return value as number;
}

function show(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value);
}
