/**
 * What a national history holds, in the domain's terms: the figures the
 * seed script prints besides its row counts.
 */
import type { NationalData } from './generate';

export interface NationalSummary {
  startDate: string;
  endDate: string;
  zones: number;
  deployedZones: number;
  requests: number;
  /** Measures by status, requests still pending included. */
  statuses: Record<string, number>;
  /** Ends by reason, expiries included. */
  endReasons: Record<string, number>;
  alerts: Record<string, number>;
  prolongations: Record<string, number>;
  /** Mean minutes from the alert to the police on site. */
  meanArrivalMinutes: number;
  persons: number;
  devices: number;
  shortages: number;
  referrals: number;
  /** Notices to victim support by kind (§7.8.3). */
  notices: Record<string, number>;
}

export function nationalSummary(data: NationalData): NationalSummary {
  const { aggregates, zones, persons } = data.protection;
  const alerts = aggregates.flatMap((a) => a.alerts);
  const minutes = alerts.filter((a) => a.policeArrivedAt !== null)
    .map((a) => (Date.parse(a.policeArrivedAt!) - Date.parse(a.raisedAt))
      / 60_000);
  return {
    startDate: data.startDate,
    endDate: data.referenceDate,
    zones: zones.length,
    deployedZones: zones.filter((z) => z.deployedOn !== null
      && z.deployedOn <= data.referenceDate).length,
    requests: aggregates.length,
    statuses: tally(aggregates.map((a) => a.measure.status)),
    endReasons: tally(aggregates.flatMap((a) =>
      a.measure.endReason ? [a.measure.endReason] : [])),
    alerts: tally(alerts.map((a) => a.classification ?? 'UNCLASSIFIED')),
    prolongations: tally(aggregates.flatMap((a) =>
      a.prolongations.map((p) => p.cause))),
    meanArrivalMinutes: minutes.length === 0 ? 0
      : Math.round(10 * minutes.reduce((s, m) => s + m, 0)
        / minutes.length) / 10,
    persons: persons.length,
    devices: data.devices.devices.length,
    shortages: data.devices.shortages.length,
    referrals: data['victim-support'].referrals.length,
    notices: tally(data['victim-support'].notices.map((n) => n.kind)),
  };
}

/** Counts per value, values in code-point order. */
function tally(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of [...values].sort()) {
    counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

/** The summary as a few lines of text. */
export function formatSummary(summary: NationalSummary): string[] {
  const pairs = (counts: Record<string, number>) =>
    Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ');
  return [
    `National history ${summary.startDate} to ${summary.endDate}:`,
    `  zones ${summary.zones} (${summary.deployedZones} deployed)`,
    `  requests ${summary.requests}: ${pairs(summary.statuses)}`,
    `  ends: ${pairs(summary.endReasons)}`,
    `  alerts: ${pairs(summary.alerts)}`,
    `  police on site in ${summary.meanArrivalMinutes} min on average`,
    `  prolongations: ${pairs(summary.prolongations)}`,
    `  persons ${summary.persons}, devices ${summary.devices}`,
    `  shortages ${summary.shortages}, referrals ${summary.referrals}`,
    `  notices to victim support: ${pairs(summary.notices)}`,
  ];
}
