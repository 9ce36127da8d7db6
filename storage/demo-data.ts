/**
 * A synthetic data set for all five systems, consistent across them: the
 * measures of the protection system with their whole story (aggregate
 * and journal), their suspects' BNG records and MaCH files, the devices
 * handed out and the victim support referrals. The territory is the
 * shipped file, reference/territory.json.
 *
 * It is deterministic: a seeded generator and a reference date ("today"
 * for the data set, 2026-12-01 unless given) replace Math.random and the
 * clock, so two generations are equal. Every last name starts with
 * `DEMO-`; national numbers are valid but made up.
 */
import type { PoliceRecord } from '../adapters/bng/types';
import type {
  JournalEntry,
  MeasureAggregate,
} from '../adapters/protection/aggregate';
import {
  measureRecordOf,
  protectedPersonRecordsOf,
} from '../adapters/protection/records';
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
import { buildCases, demoPlans, type CasePlan } from './demo/cases';
import {
  demoInventory,
  type DemoDailyReport,
} from './demo/inventory';
import { DEMO_FILE_INDICES, demoJudicialFiles } from './demo/parquet';
import type { FileIndexEntry } from './demo/parquet';
import { demoLives } from './demo/lifecycle';
import { PersonFactory } from './demo/people';
import { demoPoliceRecords } from './demo/police';
import { demoReferrals } from './demo/referrals';
import {
  DEMO_ARRONDISSEMENTS,
  DEMO_PROVINCES,
  DEMO_TERRITORY,
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
    /** Each measure whole, as the domain would have left it. */
    aggregates: MeasureAggregate[];
    /** The journal of every measure, each oldest first. */
    journal: JournalEntry[];
    /** The aggregates' measure rows, as the read port answers them. */
    measures: MeasureRecord[];
    /** The aggregates' protected persons, as the read port answers them. */
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
  /**
   * Cases drawn after the 36 of the data set, which stay as they are:
   * a zone's long list for a benchmark, say. Default none.
   */
  extraPlans?: readonly CasePlan[];
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
     *  report is 6 days old; re-evaluated and let end (§7.12.1).
     *  Oost-Vlaanderen. */
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
    /** A real alert 57 days ago prolonged it (§7.10.2). */
    activeWithRealAlert: 'demo-measure-013',
    /** A test press after activation; a usual place forwarded and a
     *  trip announced 3 days ago, not yet forwarded (§7.11.1). */
    activeWithTravelNotice: 'demo-measure-016',
    /** New facts reported 30 days ago prolonged it (§7.11.3). */
    activeWithNewFacts: 'demo-measure-018',
    /** Moving to zone 5345 (Antwerpen), awaiting that parquet (§7.2.3). */
    activeWithPendingTransfer: 'demo-measure-021',
    /** Its first revisit, due 9 days ago, was not done (§7.11.3). */
    activeWithOverdueRevisit: 'demo-measure-025',
    /** A false alert 11 days ago: no prolongation, magistrate not told. */
    activeWithFalseAlert: 'demo-measure-032',
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

  const zones = demoZones();
  const people = new PersonFactory(prng(1), referenceDate);
  const plans = [...demoPlans(), ...(options.extraPlans ?? [])];
  const cases = buildCases(plans, {
    prng: prng(2),
    people,
    zones,
    referenceDate,
  });

  const referrals = demoReferrals(cases, prng(6), referenceDate);
  const { aggregates, journal } = demoLives(cases, referrals, prng(7),
    referenceDate, DEMO_TERRITORY);

  return {
    referenceDate,
    protection: {
      provinces: [...DEMO_PROVINCES],
      arrondissements: [...DEMO_ARRONDISSEMENTS],
      zones,
      persons: people.persons,
      aggregates,
      journal,
      measures: aggregates.map((a) => measureRecordOf(a.measure)),
      protectedPersons: aggregates.flatMap(protectedPersonRecordsOf),
    },
    bng: { records: demoPoliceRecords(cases, prng(3)) },
    mach: {
      indices: [...DEMO_FILE_INDICES],
      files: demoJudicialFiles(cases, prng(4)),
    },
    devices: demoInventory(cases, zones, prng(5), referenceDate),
    'victim-support': { referrals },
  };
}
