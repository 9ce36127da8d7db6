/**
 * §7.8, §7.9: the magistrate grants the alarm, and the police activate
 * the device (§7.8.1).
 */
import {
  TEXT_LIMITS,
  type MeasureAggregate,
  type PersonState,
  type ProtectedPersonState,
} from '../../../../adapters/protection/aggregate';
import type { ProtectedRole } from '../../../../adapters/protection/types';
import { grantEffects } from '../effects';
import { DomainError, invalidInput } from '../errors';
import {
  accept,
  changeOf,
  noChange,
  withMeasure,
  type Change,
  type CommandContext,
  type GrantPeriod,
} from '../lifecycle';
import { MAJORITY_AGE, SIGNATURE_AGE, ageOn, grantEndDate } from '../rules';
import { isDeployed } from '../territory';
import { missingConditions, type ConditionName } from '../views';
import {
  personFrom,
  requireNotFuture,
  requireOnOrAfter,
  requireText,
  type PersonInput,
} from '../validate';
import { decisionFloor } from './decision';
import { firstRevisits } from './revisits';

export interface ProtectedPersonInput {
  person: PersonInput;
  role: ProtectedRole;
  /** Required true for a minor (§7.9). */
  discernmentRecorded?: boolean | null;
  /** Required true from 16 (§7.5, §7.9). */
  agreementSigned: boolean;
}

export interface GrantProtectionInput {
  decidedOn: string;
  pvReference: string;
  victimAgreementSigned: boolean;
  /**
   * A minor victim's discernment (§6, §7.9). Not in the draft schema yet;
   * without it a victim under 18 cannot be granted.
   */
  victimDiscernmentRecorded?: boolean | null;
  otherProtectedPersons?: readonly ProtectedPersonInput[] | null;
  underInvestigation?: boolean | null;
  investigatingJudgeInformedOn?: string | null;
}

/**
 * Grants the alarm: the measure becomes ACTIVE from the decision day for
 * 9 months, the first revisit is scheduled, and the other systems are
 * told (BNG, MaCH, SharePoint, victim support). `victim` is the victim's
 * record from the register, for the age rules.
 */
export function grantProtection(
  aggregate: MeasureAggregate,
  input: GrantProtectionInput,
  context: CommandContext,
  victim: PersonState,
): Change {
  accept(aggregate, 'grantProtection');
  requireDecisionDay(aggregate, input.decidedOn, context);
  requireDeployedZone(aggregate, input.decidedOn, context);
  requirePrerequisites(aggregate, input.decidedOn);
  const investigation = investigationOf(aggregate, input);
  const { protectedPersons, persons } = protectedPersonsOf(
    aggregate,
    input,
    victim,
  );

  const period: GrantPeriod = {
    decidedOn: input.decidedOn,
    startDate: input.decidedOn,
    endDate: grantEndDate(input.decidedOn, context.rules),
  };
  const granted: MeasureAggregate = {
    ...withMeasure(aggregate, {
      status: 'ACTIVE',
      ...period,
      ...investigation,
    }),
    protectedPersons,
    revisits: firstRevisits(period, context.rules),
  };
  return changeOf('grantProtection', granted, {
    pvReference: requireText('pvReference', input.pvReference, TEXT_LIMITS.pvReference),
    persons,
    effects: grantEffects(granted, period, context),
  });
}

function requireDecisionDay(
  aggregate: MeasureAggregate,
  decidedOn: string,
  context: CommandContext,
): void {
  requireNotFuture('decidedOn', decidedOn, context);
  const floor = decisionFloor(aggregate.measure);
  requireOnOrAfter('decidedOn', decidedOn, floor, '§7.7, §7.8');
}

/** §5.2, §7.5 condition 1: the alarm applies in the managing zone. */
function requireDeployedZone(
  aggregate: MeasureAggregate,
  decidedOn: string,
  context: CommandContext,
): void {
  const zoneCode = aggregate.measure.managingZoneCode;
  if (isDeployed(context.territory, zoneCode, decidedOn)) return;

  const deployedOn = context.territory.zone(zoneCode)?.deployedOn ?? null;
  const when =
    deployedOn === null
      ? 'has no deployment date yet'
      : `is deployed only from ${deployedOn}`;
  throw new DomainError(
    'ZONE_NOT_DEPLOYED',
    `The managing zone ${zoneCode} ${when}: the alarm cannot be granted there on ${decidedOn} (§5.2, §7.5).`,
    { zoneCode, deployedOn, decidedOn },
  );
}

/**
 * §7.4, §7.5, §7.6: a hearing with its evaluation and the six conditions,
 * all met, recorded by the decision day (and since the last refusal, if
 * the request was reopened on new facts, §7.7).
 */
function requirePrerequisites(
  aggregate: MeasureAggregate,
  decidedOn: string,
): void {
  const since = decisionFloor(aggregate.measure).day;
  const current = (day: string) => since <= day && day <= decidedOn;
  const evaluated = aggregate.evaluations.some(({ heardOn }) =>
    current(heardOn),
  );
  const { conditions } = aggregate;
  const recorded = conditions !== null && current(conditions.recordedOn);
  const missing: ConditionName[] = recorded
    ? missingConditions(conditions)
    : [];

  const gaps: string[] = [];
  if (!evaluated) {
    gaps.push(
      `no hearing and evaluation recorded between ${since} and ${decidedOn} (§7.4, §7.6)`,
    );
  }
  if (!recorded) {
    gaps.push(
      `the conditions were not recorded between ${since} and ${decidedOn} (§7.5)`,
    );
  }
  if (missing.length > 0) {
    gaps.push(`conditions not met: ${missing.join(', ')} (§7.5)`);
  }
  if (gaps.length === 0) return;
  throw new DomainError(
    'CONDITIONS_NOT_MET',
    `Cannot grant measure ${aggregate.measure.reference}: ${gaps.join('; ')}.`,
    {
      evaluationRecorded: evaluated,
      conditionsRecorded: recorded,
      missingConditions: missing,
    },
  );
}

/**
 * §7.8.2: under judicial investigation the investigating judge is told
 * of the measure, and the day is recorded. A request from the judge
 * means the case is under investigation.
 */
function investigationOf(
  aggregate: MeasureAggregate,
  input: GrantProtectionInput,
): {
  underInvestigation: boolean;
  investigatingJudgeInformedOn: string | null;
} {
  const underInvestigation = input.underInvestigation ?? false;
  const informedOn = input.investigatingJudgeInformedOn ?? null;
  if (
    aggregate.measure.requester.origin === 'INVESTIGATING_JUDGE' &&
    !underInvestigation
  ) {
    throw invalidInput(
      'The investigating judge asked for the alarm, so the case is under investigation: set underInvestigation (§7.8.2).',
      { field: 'underInvestigation' },
    );
  }
  if (underInvestigation && informedOn === null) {
    throw invalidInput(
      'Under judicial investigation the investigating judge must be informed of the measure: give investigatingJudgeInformedOn (§7.8.2).',
      { field: 'investigatingJudgeInformedOn' },
    );
  }
  if (!underInvestigation && informedOn !== null) {
    throw invalidInput(
      'investigatingJudgeInformedOn applies only under judicial investigation (§7.8.2).',
      { field: 'investigatingJudgeInformedOn' },
    );
  }
  return { underInvestigation, investigatingJudgeInformedOn: informedOn };
}

/**
 * §7.9: the victim first, then the children and relatives the magistrate
 * adds, each checked for the age rules on the decision day. The persons
 * added are returned for the register too.
 */
function protectedPersonsOf(
  aggregate: MeasureAggregate,
  input: GrantProtectionInput,
  victim: PersonState,
): { protectedPersons: ProtectedPersonState[]; persons: PersonState[] } {
  const recorded = aggregate.protectedPersons.find(
    ({ role }) => role === 'VICTIM',
  );
  if (!recorded || recorded.nationalNumber !== victim.nationalNumber) {
    throw new TypeError(
      `grantProtection was given a victim record that is not the victim of measure ${aggregate.measure.id}`,
    );
  }
  const victimState = checkedProtectedPerson(
    'victim',
    victim,
    {
      role: 'VICTIM',
      discernmentRecorded: input.victimDiscernmentRecorded ?? false,
      agreementSigned: input.victimAgreementSigned,
    },
    input.decidedOn,
  );

  const others = (input.otherProtectedPersons ?? []).map((other, index) =>
    otherProtectedPerson(
      `otherProtectedPersons[${index}]`,
      other,
      input.decidedOn,
    ),
  );
  const protectedPersons = [victimState, ...others.map(({ state }) => state)];
  requireDistinct(aggregate, protectedPersons);
  return { protectedPersons, persons: others.map(({ person }) => person) };
}

function otherProtectedPerson(
  field: string,
  other: ProtectedPersonInput,
  decidedOn: string,
): { person: PersonState; state: ProtectedPersonState } {
  if (other.role === 'VICTIM') {
    throw invalidInput(
      `${field}.role: the measure has one victim; add a CHILD or RELATIVE (§7.9).`,
      { field: `${field}.role` },
    );
  }
  const person = personFrom(`${field}.person`, other.person, decidedOn);
  const state = checkedProtectedPerson(
    field,
    person,
    {
      role: other.role,
      discernmentRecorded: other.discernmentRecorded ?? false,
      agreementSigned: other.agreementSigned,
    },
    decidedOn,
  );
  return { person, state };
}

/**
 * §6, §7.9: a minor needs the discernment to use the alarm; §7.5
 * condition 6: from 16 the person signs the user agreement.
 */
function checkedProtectedPerson(
  field: string,
  person: PersonState,
  consent: Omit<ProtectedPersonState, 'nationalNumber'>,
  decidedOn: string,
): ProtectedPersonState {
  const { role } = consent;
  if (person.birthDate === null) {
    throw invalidInput(
      `The ${field}'s birth date is unknown: the age rules of §7.9 cannot be checked.`,
      { field: `${field}.birthDate` },
    );
  }
  const age = ageOn(person.birthDate, decidedOn);
  if (age < MAJORITY_AGE && !consent.discernmentRecorded) {
    throw invalidInput(
      `The ${field} (${role}) is ${age} on ${decidedOn}: a minor is protected only with the discernment to use the alarm recorded (§6, §7.9).`,
      { field: `${field}.discernmentRecorded`, age },
    );
  }
  if (age >= SIGNATURE_AGE && !consent.agreementSigned) {
    throw invalidInput(
      `The ${field} (${role}) is ${age} on ${decidedOn}: from ${SIGNATURE_AGE} the user agreement must be signed (§7.5, §7.9).`,
      { field: `${field}.agreementSigned`, age },
    );
  }
  return { nationalNumber: person.nationalNumber, ...consent };
}

function requireDistinct(
  aggregate: MeasureAggregate,
  protectedPersons: ProtectedPersonState[],
): void {
  const numbers = protectedPersons.map(({ nationalNumber }) => nationalNumber);
  if (new Set(numbers).size !== numbers.length) {
    throw invalidInput(
      'A person is listed twice among the protected persons (§7.9).',
    );
  }
  if (numbers.includes(aggregate.measure.suspectNationalNumber)) {
    throw invalidInput(
      'The suspect cannot be a protected person of the measure (§7.9).',
    );
  }
}

export interface RecordDeviceActivationInput {
  activatedOn: string;
  pvReference: string;
}

/**
 * §7.8.1: the police activate the device at once and record it in a PV.
 * The same day again changes nothing; another day is refused.
 */
export function recordDeviceActivation(
  aggregate: MeasureAggregate,
  input: RecordDeviceActivationInput,
  context: CommandContext,
): Change {
  const { measure, period } = accept(aggregate, 'recordDeviceActivation');
  if (measure.deviceActivatedOn === input.activatedOn) {
    return noChange('recordDeviceActivation', aggregate);
  }
  if (measure.deviceActivatedOn !== null) {
    throw invalidInput(
      `The device of measure ${measure.reference} was activated on ${measure.deviceActivatedOn} already (§7.8.1).`,
      { field: 'activatedOn' },
    );
  }
  requireNotFuture('activatedOn', input.activatedOn, context);
  requireOnOrAfter(
    'activatedOn',
    input.activatedOn,
    { name: 'the grant of', day: period.decidedOn },
    '§7.8.1',
  );

  return changeOf(
    'recordDeviceActivation',
    withMeasure(aggregate, { deviceActivatedOn: input.activatedOn }),
    { pvReference: requireText('pvReference', input.pvReference, TEXT_LIMITS.pvReference) },
  );
}
