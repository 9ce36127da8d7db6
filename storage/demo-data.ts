/**
 * A synthetic data set for all five systems, consistent across them: the
 * measures of the protection system, their suspects' BNG records and MaCH
 * files, the devices handed out and the victim support referrals.
 *
 * It is deterministic: a seeded generator and a reference date ("today"
 * for the data set, 2026-12-01 unless given) replace Math.random and the
 * clock, so two generations are equal. Every last name starts with
 * `DEMO-`; national numbers are valid but made up.
 */
import type { PoliceRecord } from '../adapters/bng/types';
import type { DeviceRecord } from '../adapters/devices/types';
import type { JudicialFileRecord } from '../adapters/mach/types';
import type {
  ArrondissementRecord,
  MeasureRecord,
  PersonRecord,
  ProtectedPersonRecord,
  ProvinceRecord,
  ZoneRecord,
} from '../adapters/protection/types';
import type { ReferralRecord } from '../adapters/victim-support/types';
import { parseIsoDate } from './dates';
import { buildCases, demoPlans } from './demo/cases';
import {
  demoInventory,
  type DemoDailyReport,
} from './demo/inventory';
import { DEMO_FILE_INDICES, demoJudicialFiles } from './demo/parquet';
import type { FileIndexEntry } from './demo/parquet';
import { PersonFactory } from './demo/people';
import { demoPoliceRecords } from './demo/police';
import { demoReferrals } from './demo/referrals';
import {
  DEMO_ARRONDISSEMENTS,
  DEMO_PROVINCES,
  demoZones,
} from './demo/territory';
import { Prng } from './prng';

export type { DemoDailyReport, FileIndexEntry };

/** One part per system, named as the systems are (`SystemName`). */
export interface DemoData {
  /** The day the data set describes as today. */
  referenceDate: string;
  protection: {
    provinces: ProvinceRecord[];
    arrondissements: ArrondissementRecord[];
    zones: ZoneRecord[];
    /** Protected persons and suspects alike. */
    persons: PersonRecord[];
    measures: MeasureRecord[];
    protectedPersons: ProtectedPersonRecord[];
  };
  bng: {
    records: PoliceRecord[];
  };
  mach: {
    indices: FileIndexEntry[];
    /** Each suspect's files, newest first. */
    files: JudicialFileRecord[];
  };
  devices: {
    /** `lastReport` is the newest of the device's `dailyReports`. */
    devices: DeviceRecord[];
    dailyReports: DemoDailyReport[];
  };
  'victim-support': {
    referrals: ReferralRecord[];
  };
}

export interface DemoOptions {
  /** Default `DEMO_REFERENCE_DATE`. */
  referenceDate?: string;
  /** Default `DEMO_SEED`; another seed draws another data set. */
  seed?: number;
}

export const DEMO_REFERENCE_DATE = '2026-12-01';
/** After the circular, COL 03/2023. */
export const DEMO_SEED = 32023;

/**
 * Ids the tests and the README rely on, in the data set generated with
 * the default options. The national numbers depend on the reference date;
 * measure ids, serials and referral ids do not.
 */
export const DEMO = {
  referenceDate: DEMO_REFERENCE_DATE,
  measureIds: {
    /** Suspect with antecedents, weapons and a no-contact order; button,
     *  lent phone and referral; one child protected too. Antwerpen. */
    activeWithEverything: 'demo-measure-001',
    /** Suspect with no MaCH file and no weapon. Bruxelles. */
    activeWithoutAntecedents: 'demo-measure-002',
    /** Ends 12 days after the reference date; its button's last daily
     *  report is 6 days old. Oost-Vlaanderen. */
    activeEndingSoon: 'demo-measure-003',
    /** Decided on a 31st; its end falls back to a 30th. Liège. */
    activeMonthEnd: 'demo-measure-004',
    /** Expired; the same victim and suspect are in measure 006. Namur. */
    endedExpired: 'demo-measure-005',
    /** A new measure for the victim of 005; Namur has no stock left. */
    activeAfterEarlierMeasure: 'demo-measure-006',
    /** Ended early at the person's request. Bruxelles. */
    endedOnRequest: 'demo-measure-007',
    /** Requested 3 days ago; the suspect has no BNG record yet. */
    requested: 'demo-measure-008',
    /** Refused 20 days ago. Liège. */
    refused: 'demo-measure-009',
    /** Honour-related; two relatives protected; the suspect is wanted;
     *  decided 9 days ago, the SAV's offer still awaits an answer. */
    activeWantedSuspect: 'demo-measure-010',
  },
  referralIds: {
    activeWithEverything: 'demo-referral-001',
  },
  serials: {
    buttonOfActiveWithEverything: 'DEMO-BTN-0001',
    phoneOfActiveWithEverything: 'DEMO-PHN-0001',
    staleReport: 'DEMO-BTN-0003',
  },
  nationalNumbers: {
    /** Born in 2002: her check digits follow the post-2000 rule. */
    victimOfActiveWithEverything: '02091800178',
    suspectOfActiveWithEverything: '95100200362',
    childOfActiveWithEverything: '17041300519',
    /** Protected by measures 005 (ended) and 006 (active). */
    victimOfTwoMeasures: '84071902257',
  },
  /** §7.8.7: no device available here. */
  arrondissementWithoutStock: 'NAM',
} as const;

export function generateDemoData(options: DemoOptions = {}): DemoData {
  const referenceDate = options.referenceDate ?? DEMO_REFERENCE_DATE;
  parseIsoDate(referenceDate);
  const seed = options.seed ?? DEMO_SEED;
  // One generator per part, so that a change in one part leaves the
  // others as they were.
  const prng = (part: number) => new Prng(seed * 31 + part);

  const zones = demoZones(referenceDate);
  const people = new PersonFactory(prng(1), referenceDate);
  const cases = buildCases(demoPlans(), {
    prng: prng(2),
    people,
    zones,
    referenceDate,
  });

  return {
    referenceDate,
    protection: {
      provinces: [...DEMO_PROVINCES],
      arrondissements: [...DEMO_ARRONDISSEMENTS],
      zones,
      persons: people.persons,
      measures: cases.map((c) => c.measure),
      protectedPersons: cases.flatMap((c) => c.protectedPersons),
    },
    bng: { records: demoPoliceRecords(cases, prng(3)) },
    mach: {
      indices: [...DEMO_FILE_INDICES],
      files: demoJudicialFiles(cases, prng(4)),
    },
    devices: demoInventory(cases, zones, prng(5), referenceDate),
    'victim-support': {
      referrals: demoReferrals(cases, prng(6), referenceDate),
    },
  };
}
