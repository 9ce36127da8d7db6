/**
 * A synthetic national history for demonstrations and benchmarks: the
 * national territory (territory.ts), every request of `years` years up
 * to `endDate`, each measure's whole story, and the other systems' data
 * that goes with it, shaped as the demo data set (`DemoData`) so that it
 * is written by the same seed steps. Deterministic for a given seed.
 */
import type {
  GrantRegistrationRecord,
  ShortageRecord,
} from '../../adapters/devices/types';
import type { RegistrationCommentRow } from '../../adapters/mach/sql/schema';
import type { NoticeRecord } from '../../adapters/victim-support/types';
import {
  measureRecordOf,
  protectedPersonRecordsOf,
} from '../../adapters/protection/records';
import type {
  TerritoryRecords,
} from '../../subgraphs/protection/domain/territory';
import { addDays, addMonths, parseIsoDate } from '../dates';
import { DEMO_REFERENCE_DATE, type DemoData } from '../demo-data';
import { DEMO_FILE_INDICES, demoJudicialFiles } from '../demo/parquet';
import { demoPoliceRecords } from '../demo/police';
import { demoReferrals } from '../demo/referrals';
import { Prng } from '../prng';
import { buildNationalCases } from './cases';
import { nationalComments } from './comments';
import { grantRegistrations, nationalInventory } from './inventory';
import { journalOf, nationalLives, settleMoves } from './lives';
import { nationalNotices } from './notices';
import { NationalPeople } from './people';
import { nationalTerritory } from './territory';
import { requestSlots } from './volume';

export interface NationalOptions {
  /** Years of history up to `endDate`; default 10, 1 to 30. */
  years?: number;
  /** Default `NATIONAL_SEED`; another seed draws another history. */
  seed?: number;
  /** The history's last day ("today"); default DEMO_REFERENCE_DATE. */
  endDate?: string;
  /** Multiplies the request volume; default 1, above 0 up to 10. */
  scale?: number;
}

export const NATIONAL_SEED = 2023;
export const NATIONAL_DEFAULTS = {
  years: 10,
  seed: NATIONAL_SEED,
  endDate: DEMO_REFERENCE_DATE,
  scale: 1,
} as const;

/**
 * The demo's parts, with what the domain's effects leave besides: the
 * inventory's shortages and grant registrations, the MaCH registration
 * comments and the notices to victim support.
 */
export interface NationalData extends DemoData {
  startDate: string;
  territory: TerritoryRecords;
  devices: DemoData['devices'] & {
    shortages: ShortageRecord[];
    grantRegistrations: GrantRegistrationRecord[];
  };
  mach: DemoData['mach'] & {
    comments: RegistrationCommentRow[];
  };
  'victim-support': DemoData['victim-support'] & {
    notices: NoticeRecord[];
  };
}

/** Checks the options; a bad one throws a RangeError naming it. */
export function nationalOptions(
  options: NationalOptions = {},
): Required<NationalOptions> {
  const merged = { ...NATIONAL_DEFAULTS, ...withoutUndefined(options) };
  const { years, seed, endDate, scale } = merged;
  if (!Number.isInteger(years) || years < 1 || years > 30) {
    throw new RangeError(`years must be a whole number from 1 to 30, got ${years}`);
  }
  if (!Number.isInteger(seed)) {
    throw new RangeError(`seed must be an integer, got ${seed}`);
  }
  if (!(scale > 0 && scale <= 10)) {
    throw new RangeError(`scale must be above 0 and at most 10, got ${scale}`);
  }
  try {
    parseIsoDate(endDate);
  } catch {
    throw new RangeError(`endDate must be a date YYYY-MM-DD, got ${endDate}`);
  }
  return merged;
}

export function generateNationalData(
  options: NationalOptions = {},
): NationalData {
  const { years, seed, endDate: today, scale } = nationalOptions(options);
  const startDate = addDays(addMonths(today, -12 * years), 1);
  // One generator per part, so that a change in one leaves the others.
  const prng = (part: number) => new Prng(seed * 31 + part);

  const territory = nationalTerritory(prng(1), { startDate, endDate: today });
  const slots = requestSlots(territory.zones, { startDate, endDate: today },
    scale, prng(2));
  const people = new NationalPeople(prng(3));
  const cases = buildNationalCases(slots, today, people, prng(4));
  // Referred at the grant, by the parquet of the grant (§7.8.3).
  const referrals = demoReferrals(cases, prng(6), today).map((r) =>
    ({ ...r, id: r.id.replace(/^demo-/, 'nat-') }));
  const destinations = settleMoves(cases, territory.zones, prng(5));
  const lives = nationalLives(cases, destinations, {
    prng: prng(7), today, territory,
    referrals: new Map(referrals.map((r) => [r.measureId, r])),
  });
  const aggregates = lives.map((life) => life.aggregate);
  const inventory = nationalInventory(cases, aggregates, prng(8), today);
  const journal = lives.flatMap((life, i) => journalOf(life, i + 1,
    inventory.activations.get(life.aggregate.measure.id) ?? null));
  const notices = nationalNotices(cases, aggregates, referrals);

  return {
    referenceDate: today,
    startDate,
    territory,
    protection: {
      provinces: territory.provinces.map(({ code, name }) => ({ code, name })),
      arrondissements: territory.arrondissements.map((a) => ({ ...a })),
      zones: territory.zones.map(
        ({ code, name, arrondissementCode, deployedOn }) =>
          ({ code, name, arrondissementCode, deployedOn })),
      persons: people.persons,
      aggregates,
      journal,
      measures: aggregates.map((a) => measureRecordOf(a.measure)),
      protectedPersons: aggregates.flatMap(protectedPersonRecordsOf),
    },
    bng: { records: demoPoliceRecords(cases, prng(9)).map(nationalIds) },
    mach: {
      indices: [...DEMO_FILE_INDICES],
      files: demoJudicialFiles(cases, prng(10)),
      comments: nationalComments(aggregates),
    },
    devices: {
      devices: inventory.devices,
      dailyReports: inventory.dailyReports,
      shortages: inventory.shortages,
      grantRegistrations: grantRegistrations(aggregates),
    },
    'victim-support': { referrals, notices },
  };
}

function nationalIds<R extends { noContactOrders: { id: string }[] }>(
  record: R,
): R {
  return { ...record, noContactOrders: record.noContactOrders.map((o) =>
    ({ ...o, id: o.id.replace(/^demo-/, 'nat-') })) };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value)
    .filter(([, v]) => v !== undefined)) as Partial<T>;
}
