/**
 * Test helpers for the domain: a small territory, fixed clocks, persons
 * with valid national numbers, and aggregates built by the commands
 * themselves at each stage of a measure's life. Used by the tests only.
 */
import type {
  DangerAnswers,
  MeasureAggregate,
  PersonState,
} from '../../../adapters/protection/aggregate';
import { makeNationalNumber } from '../../../runtime/national-number';
import { fixedClock } from './clock';
import { grantProtection, type GrantProtectionInput } from './commands/grant';
import { recordConditions, recordEvaluation } from './commands/hearing';
import {
  requestProtection,
  type RequestProtectionInput,
} from './commands/request';
import type { Change, CommandContext } from './lifecycle';
import { DEFAULT_RULES, type RulesConfig } from './rules';
import { territoryFromRecords } from './territory';
import type { PersonInput } from './validate';

/** Gent and Aalst deployed, Schelde-Leie not; Brussels; Polbruno later. */
export const TERRITORY = territoryFromRecords({
  provinces: [
    {
      code: 'BE-VOV',
      name: 'Oost-Vlaanderen',
      cic: { code: 'CIC-VOV', name: 'CIC Oost-Vlaanderen' },
    },
    {
      code: 'BE-BRU',
      name: 'Bruxelles-Capitale',
      cic: { code: 'CIC-BRU', name: 'CIC Bruxelles' },
    },
  ],
  arrondissements: [
    { code: 'OVL', name: 'Oost-Vlaanderen', provinceCode: 'BE-VOV' },
    { code: 'BRU', name: 'Bruxelles', provinceCode: 'BE-BRU' },
  ],
  zones: [
    {
      code: '5415',
      name: 'Gent',
      arrondissementCode: 'OVL',
      deployedOn: '2024-01-01',
    },
    {
      code: '5416',
      name: 'Aalst',
      arrondissementCode: 'OVL',
      deployedOn: '2024-06-01',
    },
    {
      code: '5420',
      name: 'Schelde-Leie',
      arrondissementCode: 'OVL',
      deployedOn: null,
    },
    {
      code: '5339',
      name: 'Ixelles',
      arrondissementCode: 'BRU',
      deployedOn: '2024-01-01',
    },
    {
      code: '5344',
      name: 'Polbruno',
      arrondissementCode: 'BRU',
      deployedOn: '2027-03-01',
    },
  ],
});

/** A context whose clock reads `day` (late morning in Brussels). */
export function contextOn(
  day: string,
  rules: RulesConfig = DEFAULT_RULES,
): CommandContext {
  let next = 0;
  return {
    clock: fixedClock(`${day}T10:00:00Z`),
    territory: TERRITORY,
    rules,
    newId: () => `id-${(next += 1)}`,
  };
}

export function personInput(
  birthDate: string,
  serial: number,
  lastName = 'DEMO-PERSON',
): PersonInput {
  return {
    nationalNumber: makeNationalNumber(birthDate, serial),
    firstName: 'Alex',
    lastName,
    birthDate,
    gender: null,
  };
}

export const VICTIM = personInput('1990-04-12', 2, 'DEMO-VICTIM');
export const SUSPECT = personInput('1987-11-03', 1, 'DEMO-SUSPECT');
export const VICTIM_RECORD: PersonState = { ...VICTIM, gender: null };

export const ALL_YES: DangerAnswers = {
  fearForLife: true,
  rejectedBreakUp: true,
  threatsToKillOrSuicide: true,
  pastViolence: true,
  weaponAffinity: true,
  heavyStalkingInvestment: true,
  uncontrolledAnger: true,
  destroyedBelongings: true,
};

export const REQUEST: RequestProtectionInput = {
  origin: 'PERSON',
  pvReference: 'GE.55.L7.000101/2026',
  requestedOn: '2026-05-20',
  residenceZoneCode: '5415',
  victim: VICTIM,
  suspect: SUSPECT,
  relationship: 'EX_PARTNER',
};

/** Freezes an aggregate through and through: commands must copy. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function frozen(change: Change): MeasureAggregate {
  return deepFreeze(change.aggregate);
}

export function requested(
  overrides: Partial<RequestProtectionInput> = {},
): MeasureAggregate {
  const input = { ...REQUEST, ...overrides };
  return frozen(
    requestProtection(input, contextOn(input.requestedOn), {
      measureId: 'measure-1',
      reference: 'SA/2026/0001',
    }),
  );
}

/** A request heard and with all six conditions met on `day`. */
export function readyForDecision(
  day = '2026-05-25',
  overrides: Partial<RequestProtectionInput> = {},
): MeasureAggregate {
  const context = contextOn(day);
  const heard = recordEvaluation(
    requested(overrides),
    {
      heardOn: day,
      pvReference: 'GE.55.L7.000102/2026',
      relationship: 'EX_PARTNER',
      answers: ALL_YES,
      bombFactors: ['THREATS_TO_KILL'],
      breakUpIntentionsDiverge: true,
      inShelter: false,
    },
    context,
  ).aggregate;
  return frozen(
    recordConditions(
      heard,
      {
        recordedOn: day,
        withinMaterialScope: true,
        wantsAlarm: true,
        noVoluntaryContact: true,
        filesComplaints: true,
        acceptsUserAgreement: true,
      },
      context,
    ),
  );
}

export function grantInput(
  decidedOn: string,
  overrides: Partial<GrantProtectionInput> = {},
): GrantProtectionInput {
  return {
    decidedOn,
    pvReference: 'GE.55.L7.000103/2026',
    victimAgreementSigned: true,
    ...overrides,
  };
}

/** An ACTIVE measure granted on `decidedOn` (requested on 20 May 2026). */
export function granted(decidedOn = '2026-05-31'): MeasureAggregate {
  return frozen(
    grantProtection(
      readyForDecision('2026-05-25'),
      grantInput(decidedOn),
      contextOn(decidedOn),
      VICTIM_RECORD,
    ),
  );
}

/** The payloads of the effects of one kind, in order. */
export function payloadsOf(change: Change, kind: string): unknown[] {
  return change.effects
    .filter((effect) => effect.kind === kind)
    .map((effect) => effect.payload);
}
