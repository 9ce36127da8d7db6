/**
 * The national history's cases: one per request, with its people, its
 * zone and its story (story.ts). A case has the demo's shape (DemoCase),
 * so that the demo's BNG records and victim support referrals can be
 * drawn from it as they are for the demo.
 */
import type {
  Gender,
  PersonRecord,
  Relationship,
  RequestOrigin,
} from '../../adapters/protection/types';
import type { ZoneInfo } from '../../subgraphs/protection/domain/territory';
import type { CaseProtectedPerson, DemoCase } from '../demo/cases';
import { compareText, pad } from '../demo/text';
import type { Prng } from '../prng';
import type { NationalPeople } from './people';
import { drawStory, type Story } from './story';
import type { RequestSlot } from './volume';

export interface NationalCase extends DemoCase {
  story: Story;
  /** The zone where the request was made, before any move. */
  requestZone: ZoneInfo;
}

const RELATIONSHIPS: readonly (readonly [Relationship, number])[] = [
  ['EX_PARTNER', 62], ['ASCENDANT', 10], ['SIBLING', 8],
  ['OTHER_FAMILY', 12], ['HONOUR_RELATED', 8],
];

/** §7.3: who asks, as the pilot zones report it. */
const REQUEST_ORIGINS: readonly (readonly [RequestOrigin, number])[] = [
  ['PERSON', 28], ['RESIDENCE_POLICE', 32], ['PARQUET', 16],
  ['OTHER_POLICE_ZONE', 7], ['OTHER_PARQUET', 5],
  ['TRUSTED_THIRD_PARTY', 7], ['OTHER_THIRD_PARTY', 2],
  ['INVESTIGATING_JUDGE', 3],
];

const VICTIM_GENDERS: readonly (readonly [Gender, number])[] = [
  ['FEMALE', 82], ['MALE', 16], ['X', 2],
];

export function nationalMeasureId(caseNumber: number): string {
  return `nat-measure-${pad(caseNumber, 6)}`;
}

export function buildNationalCases(
  slots: readonly RequestSlot[],
  today: string,
  people: NationalPeople,
  prng: Prng,
): NationalCase[] {
  const perYear = new Map<string, number>();
  return slots.map((slot, index) => {
    const year = slot.requestedOn.slice(0, 4);
    const inYear = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, inYear);
    return buildCase(slot, index + 1, `SA/${year}/${pad(inYear, 4)}`,
      { today, people, prng });
  });
}

interface CaseContext {
  today: string;
  people: NationalPeople;
  prng: Prng;
}

function buildCase(
  slot: RequestSlot,
  number: number,
  reference: string,
  { today, people, prng }: CaseContext,
): NationalCase {
  const story = drawStory(slot.requestedOn, today, prng);
  const relationship = prng.weighted(RELATIONSHIPS);
  const id = nationalMeasureId(number);
  const on = slot.requestedOn;
  const victim = people.make({ gender: prng.weighted(VICTIM_GENDERS),
    ages: [18, 70], on });
  const suspect = people.make({ gender: prng.chance(0.86) ? 'MALE'
    : 'FEMALE', ages: [19, 72], on });
  const family = { lastName: victim.lastName, on };
  const children = Array.from({ length: relationship === 'EX_PARTNER'
    && prng.chance(0.3) ? prng.int(1, 2) : 0 }, () =>
    people.make({ ...family, gender: halfAndHalf(prng), ages: [6, 16] }));
  const relatives = Array.from({ length: relationship === 'HONOUR_RELATED'
    || prng.chance(0.06) ? 1 : 0 }, () =>
    people.make({ ...family, gender: halfAndHalf(prng), ages: [40, 75] }));
  return {
    number,
    plan: { status: story.status, endReason: story.endReason ?? undefined,
      wanted: prng.chance(0.05) },
    measure: {
      id, reference, status: story.status, relationship,
      arrondissementCode: slot.zone.arrondissementCode,
      managingZoneCode: slot.zone.code,
      requestOrigin: prng.weighted(REQUEST_ORIGINS),
      requestedOn: story.requestedOn, decidedOn: story.decidedOn,
      startDate: story.status === 'REFUSED' ? null : story.decidedOn,
      endDate: story.endDate, endedOn: story.endedOn,
      endReason: story.endReason,
      suspectNationalNumber: suspect.nationalNumber,
    },
    protectedPersons: [
      ...covered(id, 'VICTIM', [victim]),
      ...covered(id, 'CHILD', children),
      ...covered(id, 'RELATIVE', relatives),
    ],
    victim, suspect, children, relatives, story, requestZone: slot.zone,
  };
}

function halfAndHalf(prng: Prng): Gender {
  return prng.chance(0.5) ? 'FEMALE' : 'MALE';
}

function covered(
  measureId: string,
  role: CaseProtectedPerson['role'],
  persons: readonly PersonRecord[],
): CaseProtectedPerson[] {
  return persons
    .map((person) => ({ measureId, nationalNumber: person.nationalNumber,
      role }))
    .sort((a, b) => compareText(a.nationalNumber, b.nationalNumber));
}
