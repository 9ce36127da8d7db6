/**
 * The demo BNG: a record for each suspect (violence, wanted, weapons, the
 * no-contact orders of §7.8.4) and for each person an alarm protects or
 * protected (the mention of §7.8.1). Suspects of measures still being
 * requested have no record: the BNG answers null for them.
 */
import type {
  NoContactOrderRecord,
  PoliceRecord,
  WeaponCategory,
  WeaponHoldingRecord,
} from '../../adapters/bng/types';
import { addDays } from '../dates';
import type { Prng } from '../prng';
import { isGranted, type DemoCase } from './cases';
import { compareText, pad } from './text';

const WEAPON_DESCRIPTIONS: Readonly<Record<WeaponCategory, string[]>> = {
  FIREARM: ['Pistolet 9 mm', 'Fusil de chasse calibre 12', 'Revolver .38'],
  BLADE: ['Couteau de combat', 'Machette', 'Baïonnette'],
  OTHER: ['Arbalète', 'Matraque télescopique', 'Aérosol incapacitant'],
};

export function demoPoliceRecords(
  cases: readonly DemoCase[],
  prng: Prng,
): PoliceRecord[] {
  return [...suspectRecords(cases, prng), ...protectedRecords(cases)];
}

/** Cases by person, in first-appearance order. */
function casesBy(
  cases: readonly DemoCase[],
  numbersOf: (demoCase: DemoCase) => string[],
): Map<string, DemoCase[]> {
  const byPerson = new Map<string, DemoCase[]>();
  for (const demoCase of cases) {
    for (const number of numbersOf(demoCase)) {
      byPerson.set(number, [...(byPerson.get(number) ?? []), demoCase]);
    }
  }
  return byPerson;
}

function suspectRecords(
  cases: readonly DemoCase[],
  prng: Prng,
): PoliceRecord[] {
  const records: PoliceRecord[] = [];
  const bySuspect = casesBy(cases, (c) => [c.suspect.nationalNumber]);
  for (const [nationalNumber, own] of bySuspect) {
    if (own.every((c) => c.measure.status === 'REQUESTED')) continue;
    const profile = own[0]!.plan.suspect ?? 'DRAWN';
    const since = own[0]!.measure.requestedOn;
    records.push({
      nationalNumber,
      knownForViolence: profile === 'HEAVY'
        || (profile === 'DRAWN' && prng.chance(0.55)),
      wanted: own.some((c) => c.plan.wanted === true),
      weapons: weaponsOf(profile, since, prng),
      alarmMention: null,
      noContactOrders: own
        .filter(isGranted)
        .map((c) => orderFor(c, prng))
        .sort((a, b) => compareText(a.validFrom, b.validFrom)),
    });
  }
  return records;
}

function weaponsOf(
  profile: DemoCase['plan']['suspect'],
  before: string,
  prng: Prng,
): WeaponHoldingRecord[] {
  const categories: WeaponCategory[] =
    profile === 'HEAVY' ? ['FIREARM', 'BLADE']
    : profile === 'CLEAN' || !prng.chance(0.3) ? []
    : [prng.pick(['FIREARM', 'BLADE', 'OTHER'] as const)];
  return categories
    .map((category) => ({
      category,
      description: prng.pick(WEAPON_DESCRIPTIONS[category]),
      permitReference: category === 'FIREARM' && prng.chance(0.7)
        ? `DEMO-PERMIT-${pad(prng.int(1, 9999), 4)}`
        : null,
      registeredOn: addDays(before, -prng.int(100, 2000)),
    }))
    .sort((a, b) => compareText(a.registeredOn, b.registeredOn));
}

/**
 * §7.8.4: the suspect is heard after the grant and gets a no-contact
 * order for at least the protection period.
 */
function orderFor(demoCase: DemoCase, prng: Prng): NoContactOrderRecord {
  const { measure } = demoCase;
  return {
    id: `demo-nco-${pad(demoCase.number, 3)}`,
    measureId: measure.id,
    validFrom: addDays(measure.decidedOn!, prng.int(0, 3)),
    validUntil: measure.endDate!,
  };
}

/** One mention per person, for the most recent granted measure. */
function protectedRecords(cases: readonly DemoCase[]): PoliceRecord[] {
  const granted = cases.filter(isGranted);
  const byPerson = casesBy(granted, (c) =>
    c.protectedPersons.map((person) => person.nationalNumber));
  return [...byPerson].map(([nationalNumber, own]) => {
    const latest = own.reduce((a, b) =>
      a.measure.startDate! >= b.measure.startDate! ? a : b);
    return {
      nationalNumber,
      knownForViolence: false,
      wanted: false,
      weapons: [],
      alarmMention: {
        measureId: latest.measure.id,
        registeredOn: latest.measure.startDate!,
        validUntil: latest.measure.endedOn ?? latest.measure.endDate!,
      },
      noContactOrders: [],
    };
  });
}
