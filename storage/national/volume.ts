/**
 * How many requests the synthetic history draws, and when: a monthly
 * rate per deployed zone, weighted by the zone's size, by the season and
 * by how long the zone has had the alarm.
 */
import type { ZoneInfo } from '../../subgraphs/protection/domain/territory';
import { addDays, addMonths, daysBetween } from '../dates';
import type { Prng } from '../prng';

/**
 * Requests a month in an average deployed zone once its uptake is full:
 * about 1,500 a year over the ~173 zones that deploy, of which some 70%
 * are granted (about 1,000 measures a year nationally).
 */
export const REQUESTS_PER_ZONE_MONTH = 0.72;

/** §7.3: more requests around the holidays and in summer. */
const SEASON: readonly number[] = [
  1.2, 0.95, 0.9, 0.95, 0.95, 0.9, 1.1, 1.15, 0.95, 0.95, 0.9, 1.3,
];

/** Months a newly deployed zone takes to reach its full uptake. */
const UPTAKE_MONTHS = 12;

export interface RequestSlot {
  zone: ZoneInfo;
  requestedOn: string;
}

/**
 * Every request of the history, in date order (zones by code within a
 * day). `scale` multiplies the rate (1: national volume).
 */
export function requestSlots(
  zones: readonly ZoneInfo[],
  window: { startDate: string; endDate: string },
  scale: number,
  prng: Prng,
): RequestSlot[] {
  const weights = new Map(zones.map((zone) =>
    [zone.code, 0.4 + 2 * prng.next() ** 2] as const));
  const slots: RequestSlot[] = [];
  for (let month = `${window.startDate.slice(0, 7)}-01`;
    month <= window.endDate; month = addMonths(month, 1)) {
    for (const zone of zones) {
      if (zone.deployedOn === null || zone.deployedOn > window.endDate) {
        continue;
      }
      const days = daysOpen(month, zone.deployedOn, window);
      if (!days) continue;
      // A month cut by the window or the deployment gets its share.
      const rate = REQUESTS_PER_ZONE_MONTH * weights.get(zone.code)!
        * seasonOf(month) * uptake(zone.deployedOn, month) * scale
        * days.share;
      for (let n = poisson(rate, prng); n > 0; n -= 1) {
        const day = addDays(days.from, prng.int(0, days.count - 1));
        slots.push({ zone, requestedOn: day });
      }
    }
  }
  return slots.sort((a, b) => (a.requestedOn < b.requestedOn ? -1
    : a.requestedOn > b.requestedOn ? 1
    : a.zone.code < b.zone.code ? -1 : a.zone.code > b.zone.code ? 1 : 0));
}

function seasonOf(month: string): number {
  return SEASON[Number(month.slice(5, 7)) - 1]!;
}

/** From 30% in the month of deployment to 100% after a year. */
function uptake(deployedOn: string, month: string): number {
  const months = daysBetween(deployedOn, month) / 30.4;
  if (months < -1) return 0;
  return Math.min(1, 0.3 + 0.7 * Math.max(months, 0) / UPTAKE_MONTHS);
}

/** The days of the month within the window and the deployment. */
function daysOpen(
  month: string,
  deployedOn: string,
  window: { startDate: string; endDate: string },
): { from: string; count: number; share: number } | null {
  const last = addDays(addMonths(month, 1), -1);
  const from = [month, deployedOn, window.startDate].sort().at(-1)!;
  const to = last < window.endDate ? last : window.endDate;
  if (from > to) return null;
  const count = daysBetween(from, to) + 1;
  return { from, count, share: count / (daysBetween(month, last) + 1) };
}

/** Knuth's method; rates here stay small. */
export function poisson(rate: number, prng: Prng): number {
  if (!(rate >= 0)) {
    throw new RangeError(`A Poisson rate must be >= 0, got ${rate}`);
  }
  const limit = Math.exp(-rate);
  let count = 0;
  for (let p = prng.next(); p > limit; p *= prng.next()) count += 1;
  return count;
}
