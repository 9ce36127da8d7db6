/**
 * The demo territory: five judicial arrondissements in five provinces
 * (Brussels counted as one, as its dispatch centre is). Names are real;
 * the zone codes are plausible four-digit numbers, not the official list.
 * Each arrondissement keeps one zone not yet deployed (§5.2).
 */
import type {
  ArrondissementRecord,
  ProvinceRecord,
  ZoneRecord,
} from '../../adapters/protection/types';
import { addMonths } from '../dates';

export const DEMO_PROVINCES: readonly ProvinceRecord[] = [
  { code: 'BE-BRU', name: 'Bruxelles-Capitale' },
  { code: 'BE-VAN', name: 'Antwerpen' },
  { code: 'BE-VOV', name: 'Oost-Vlaanderen' },
  { code: 'BE-WLG', name: 'Liège' },
  { code: 'BE-WNA', name: 'Namur' },
];

export const DEMO_ARRONDISSEMENTS: readonly ArrondissementRecord[] = [
  { code: 'BRU', name: 'Bruxelles', provinceCode: 'BE-BRU' },
  { code: 'ANT', name: 'Antwerpen', provinceCode: 'BE-VAN' },
  { code: 'OVL', name: 'Oost-Vlaanderen (Gent)', provinceCode: 'BE-VOV' },
  { code: 'LIE', name: 'Liège', provinceCode: 'BE-WLG' },
  { code: 'NAM', name: 'Namur', provinceCode: 'BE-WNA' },
];

/** Months before the reference date a zone was deployed; null: not yet. */
const ZONES: readonly [string, string, string, number | null][] = [
  ['5339', 'Bruxelles-Capitale/Ixelles', 'BRU', 36],
  ['5340', 'Bruxelles-Ouest', 'BRU', 30],
  ['5344', 'Polbruno', 'BRU', null],
  ['5345', 'Antwerpen', 'ANT', 36],
  ['5347', 'Rupel', 'ANT', 27],
  ['5350', 'Minos', 'ANT', null],
  ['5415', 'Gent', 'OVL', 30],
  ['5416', 'Aalst', 'OVL', 24],
  ['5420', 'Schelde-Leie', 'OVL', null],
  ['5277', 'Liège', 'LIE', 30],
  ['5276', 'Seraing/Neupré', 'LIE', 24],
  ['5280', 'Basse-Meuse', 'LIE', null],
  ['5303', 'Namur Capitale', 'NAM', 24],
  ['5306', 'Entre-Sambre-et-Meuse', 'NAM', null],
];

/** The zones; every demo measure is decided after its zone's rollout. */
export function demoZones(referenceDate: string): ZoneRecord[] {
  return ZONES.map(([code, name, arrondissementCode, monthsAgo]) => ({
    code,
    name,
    arrondissementCode,
    deployedOn:
      monthsAgo === null ? null : addMonths(referenceDate, -monthsAgo),
  }));
}

/** The most recent rollout is this many months before the reference. */
export const LATEST_ROLLOUT_MONTHS = 24;
