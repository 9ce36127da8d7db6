/**
 * The domain's only source of time. Commands never read the system clock
 * themselves: they receive a `Clock`, so tests can fix the day.
 *
 * A calendar day of the measure (a decision, an end date) is a day in
 * Belgium, so instants are turned into days in Europe/Brussels.
 */

export interface Clock {
  /** The current day in Europe/Brussels, YYYY-MM-DD. */
  today(): string;
  /** The current instant, ISO 8601 in UTC. */
  now(): string;
}

const ZONE = 'Europe/Brussels';
const INSTANT =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const brusselsDays = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Milliseconds since the epoch; a misuse (no offset, bad text) throws. */
export function instantMillis(instant: string): number {
  const millis = INSTANT.test(instant) ? Date.parse(instant) : NaN;
  if (Number.isNaN(millis)) {
    throw new TypeError(
      `Expected an ISO 8601 instant with offset, got ${JSON.stringify(instant)}`,
    );
  }
  return millis;
}

/** The day in Belgium at which an instant falls (YYYY-MM-DD). */
export function brusselsDateOf(instant: string): string {
  const parts = brusselsDays.formatToParts(new Date(instantMillis(instant)));
  const part = (type: string) =>
    parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

export const systemClock: Clock = {
  today: () => brusselsDateOf(new Date().toISOString()),
  now: () => new Date().toISOString(),
};

/** A clock stopped at one instant, for tests and replays. */
export function fixedClock(instant: string): Clock {
  const now = new Date(instantMillis(instant)).toISOString();
  const today = brusselsDateOf(now);
  return { today: () => today, now: () => now };
}
