/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD). Dates carry no time and
 * no zone, so all work is done in UTC where every day has 24 hours.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Reads an ISO date; a misuse (bad string, 2026-02-30) throws. */
export function parseIsoDate(date: string): Date {
  const match = ISO_DATE.exec(date);
  const value = match
    ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]))
    : null;
  if (!value || toIsoDate(value) !== date) {
    throw new TypeError(
      `Expected a date as YYYY-MM-DD, got ${JSON.stringify(date)}`,
    );
  }
  return value;
}

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Adds calendar months; a day the target month lacks falls back to that
 * month's last day (2026-05-31 + 9 months = 2027-02-28). This is the
 * project's reading of the 9-month period of COL 03/2023 §7.10.
 */
export function addMonths(date: string, months: number): string {
  if (!Number.isInteger(months)) {
    throw new TypeError(`Expected whole months, got ${months}`);
  }
  const start = parseIsoDate(date);
  const monthIndex = start.getUTCMonth() + months;
  const year = start.getUTCFullYear() + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(start.getUTCDate(), lastDay);
  return toIsoDate(new Date(Date.UTC(year, month, day)));
}

export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) {
    throw new TypeError(`Expected whole days, got ${days}`);
  }
  return toIsoDate(new Date(parseIsoDate(date).getTime() + days * DAY_MS));
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const span = parseIsoDate(to).getTime() - parseIsoDate(from).getTime();
  return Math.round(span / DAY_MS);
}
