/**
 * §7.4.2 and §7.6: before deciding, the magistrate weighs at least the
 * files opened against the same suspect in the three years before the
 * decision, dismissed or not and whatever the reason for a dismissal; in
 * particular every intra-family violence file, whatever its index, and
 * the files with index 60 (drugs), 36 (weapons), 37 (sexual offences)
 * and 32 (suicide or attempted suicide). This module is that reading,
 * kept apart from any storage so that every MaCH adapter shares it.
 *
 * Decision: the window runs from the same month and day three years
 * before the reference date (a 29 February falls back to the 28th) to
 * the reference date, both included. Files outside the five groups above
 * are not part of the review; the full listing stays on `antecedents`.
 */
import { addMonths, parseIsoDate } from '../../storage/dates';
import type { JudicialFileRecord } from './types';

/** §7.4.2: "dans les trois années qui précèdent". */
export const LOOK_BACK_YEARS = 3;

/** The risk indicators the circular names, in its order. */
export const RISK_INDICATORS = [
  'intraFamilyViolence',
  'drugs',
  'weapons',
  'sexualOffences',
  'suicide',
] as const;
export type RiskIndicator = (typeof RISK_INDICATORS)[number];

/** §7.4.2: the indices the circular names, and what each one signals. */
export const WEIGHED_INDICES: ReadonlyMap<string, RiskIndicator> = new Map([
  ['60', 'drugs'],
  ['36', 'weapons'],
  ['37', 'sexualOffences'],
  ['32', 'suicide'],
]);

/** The days the review covers, both included. */
export interface LookBackWindow {
  from: string;
  to: string;
}

export interface AntecedentReviewRecord {
  windowFrom: string;
  windowTo: string;
  /** The files the review keeps, in the listing's order (newest first). */
  files: JudicialFileRecord[];
  /** Whether at least one kept file raises each indicator. */
  indicators: Record<RiskIndicator, boolean>;
  /** How many kept files raise each indicator; a file may raise two. */
  counts: Record<RiskIndicator, number>;
}

/**
 * The window ending on `referenceDate`. `addMonths` moves by whole
 * months and falls back to the month's last day, which for 36 months is
 * the same day three years before, or 28 February for a 29th.
 */
export function lookBackWindow(referenceDate: string): LookBackWindow {
  parseIsoDate(referenceDate);
  return {
    from: addMonths(referenceDate, -12 * LOOK_BACK_YEARS),
    to: referenceDate,
  };
}

/** The indicators one file raises; none means the review leaves it out. */
export function indicatorsOf(
  file: Pick<JudicialFileRecord, 'index' | 'intraFamily'>,
): RiskIndicator[] {
  const raised: RiskIndicator[] = [];
  // §7.4.2: "quel que soit l'indice", and whoever the victim was.
  if (file.intraFamily) raised.push('intraFamilyViolence');
  const byIndex = WEIGHED_INDICES.get(file.index);
  if (byIndex) raised.push(byIndex);
  return raised;
}

/**
 * §7.4.2, §7.6: the review of a suspect's listing as of `referenceDate`
 * (the decision date, or today). The status of a file plays no part:
 * dismissed files count as open and judged ones do.
 */
export function reviewAntecedents(
  listing: readonly JudicialFileRecord[],
  referenceDate: string,
): AntecedentReviewRecord {
  const window = lookBackWindow(referenceDate);
  const files = listing.filter((file) =>
    file.openedOn >= window.from
    && file.openedOn <= window.to
    && indicatorsOf(file).length > 0);

  const counts = countBy(files);
  return {
    windowFrom: window.from,
    windowTo: window.to,
    files,
    indicators: presence(counts),
    counts,
  };
}

function countBy(
  files: readonly JudicialFileRecord[],
): Record<RiskIndicator, number> {
  const counts = zeroCounts();
  for (const file of files) {
    for (const indicator of indicatorsOf(file)) counts[indicator] += 1;
  }
  return counts;
}

function zeroCounts(): Record<RiskIndicator, number> {
  return {
    intraFamilyViolence: 0,
    drugs: 0,
    weapons: 0,
    sexualOffences: 0,
    suicide: 0,
  };
}

function presence(
  counts: Record<RiskIndicator, number>,
): Record<RiskIndicator, boolean> {
  return {
    intraFamilyViolence: counts.intraFamilyViolence > 0,
    drugs: counts.drugs > 0,
    weapons: counts.weapons > 0,
    sexualOffences: counts.sexualOffences > 0,
    suicide: counts.suicide > 0,
  };
}
