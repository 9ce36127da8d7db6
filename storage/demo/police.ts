/**
 * The demo BNG: a record for each suspect (violence, wanted and why,
 * weapons, the no-contact orders of §7.8.4) and for each person an alarm
 * protects or protected (the mention of §7.8.1); some of them with the
 * police interventions at their address. Suspects of measures still being
 * requested have no record: the BNG answers null for them.
 */
import type {
  InterventionNature,
  InterventionRecord,
  NoContactOrderRecord,
  PoliceRecord,
  WeaponCategory,
  WeaponHoldingRecord,
} from '../../adapters/bng/types';
import { addDays, addMonths } from '../dates';
import type { Prng } from '../prng';
import { isGranted, type DemoCase } from './cases';
import { compareText, pad } from './text';

const WEAPON_DESCRIPTIONS: Readonly<Record<WeaponCategory, string[]>> = {
  FIREARM: ['Pistolet 9 mm', 'Fusil de chasse calibre 12', 'Revolver .38'],
  BLADE: ['Couteau de combat', 'Machette', 'Baïonnette'],
  OTHER: ['Arbalète', 'Matraque télescopique', 'Aérosol incapacitant'],
};

/** Demo permits run five years from the holding's registration. */
const PERMIT_MONTHS = 60;

const INTERVENTION_WEIGHTS: readonly (readonly [InterventionNature, number])[]
  = [
    ['DOMESTIC_VIOLENCE', 35], ['THREATS', 20], ['HARASSMENT', 20],
    ['DISTURBANCE', 15], ['PROPERTY_DAMAGE', 10],
  ];

/** The heavy profile's interventions, in days before the request. */
const HEAVY_INTERVENTIONS: readonly (readonly [number, InterventionNature])[]
  = [[20, 'DOMESTIC_VIOLENCE'], [150, 'THREATS'], [400, 'DISTURBANCE']];

export function demoPoliceRecords(
  cases: readonly DemoCase[],
  prng: Prng,
): PoliceRecord[] {
  const records = [...suspectRecords(cases, prng), ...protectedRecords(cases)];
  // Drawn after everything else, so that the values drawn before the
  // interventions existed stay as they were.
  return withInterventions(records, cases, prng);
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
    const wanted = own.some((c) => c.plan.wanted === true);
    records.push({
      nationalNumber,
      knownForViolence: profile === 'HEAVY'
        || (profile === 'DRAWN' && prng.chance(0.55)),
      wanted,
      // §7.8.4: wanted so as to be heard on the facts of the grant.
      wantedReason: wanted ? 'TO_BE_HEARD' : null,
      weapons: weaponsOf(profile, since, prng),
      alarmMention: null,
      noContactOrders: own
        .filter(isGranted)
        .map((c) => orderFor(c, prng))
        .sort((a, b) => compareText(a.validFrom, b.validFrom)),
      interventions: [],
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
    .map((weapon) => ({
      ...weapon,
      permitValidUntil: weapon.permitReference === null
        ? null
        : addDays(addMonths(weapon.registeredOn, PERMIT_MONTHS), -1),
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
      wantedReason: null,
      weapons: [],
      alarmMention: {
        measureId: latest.measure.id,
        registeredOn: latest.measure.startDate!,
        validUntil: latest.measure.endedOn ?? latest.measure.endDate!,
      },
      noContactOrders: [],
      interventions: [],
    };
  });
}

/**
 * Interventions at the address of some suspects and victims, before the
 * request: the heavy profile's are fixed, the others drawn; clean
 * suspects and children or relatives have none.
 */
function withInterventions(
  records: readonly PoliceRecord[],
  cases: readonly DemoCase[],
  prng: Prng,
): PoliceRecord[] {
  const asSuspect = casesBy(cases, (c) => [c.suspect.nationalNumber]);
  const asVictim = casesBy(cases.filter(isGranted),
    (c) => [c.victim.nationalNumber]);
  return records.map((record) => {
    const number = record.nationalNumber;
    const suspectOf = asSuspect.get(number)?.[0];
    const victimOf = asVictim.get(number)?.[0];
    const interventions = suspectOf
      ? suspectInterventions(suspectOf, prng)
      : victimOf ? victimInterventions(victimOf, prng) : [];
    return { ...record, interventions: interventions.sort(newestFirst) };
  });
}

function suspectInterventions(
  demoCase: DemoCase,
  prng: Prng,
): InterventionRecord[] {
  const { requestedOn, managingZoneCode } = demoCase.measure;
  const at = (daysBefore: number, nature: InterventionNature) => ({
    occurredOn: addDays(requestedOn, -daysBefore),
    nature,
    zoneCode: managingZoneCode,
  });
  switch (demoCase.plan.suspect ?? 'DRAWN') {
    case 'HEAVY':
      return HEAVY_INTERVENTIONS.map(([days, nature]) => at(days, nature));
    case 'CLEAN':
      return [];
    case 'DRAWN':
      if (!prng.chance(0.4)) return [];
      return Array.from({ length: prng.int(1, 2) }, () =>
        at(prng.int(10, 1500), prng.weighted(INTERVENTION_WEIGHTS)));
  }
}

/** The victim's address: the facts that led to the request, at times. */
function victimInterventions(
  demoCase: DemoCase,
  prng: Prng,
): InterventionRecord[] {
  const { requestedOn, managingZoneCode } = demoCase.measure;
  const heavy = demoCase.plan.suspect === 'HEAVY';
  if (!heavy && !prng.chance(0.3)) return [];
  return [{
    occurredOn: addDays(requestedOn, heavy ? -20 : -prng.int(5, 200)),
    nature: heavy ? 'DOMESTIC_VIOLENCE'
      : prng.pick(['DOMESTIC_VIOLENCE', 'HARASSMENT'] as const),
    zoneCode: managingZoneCode,
  }];
}

function newestFirst(a: InterventionRecord, b: InterventionRecord): number {
  return compareText(b.occurredOn, a.occurredOn);
}
