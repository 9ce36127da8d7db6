/**
 * What the other agency systems must record after a change: one typed
 * payload per effect kind, each the input of the target adapter's write,
 * and the sets of effects a grant, a prolongation and an end emit.
 */
import type {
  EffectKind,
  MeasureAggregate,
  ProlongationCause,
} from '../../../adapters/protection/aggregate';
import type {
  EndReason,
  Relationship,
} from '../../../adapters/protection/types';
import {
  lifecycleOf,
  type CommandContext,
  type GrantPeriod,
} from './lifecycle';

/** §7.8.1: the BNG mentions that an alarm protects the person. */
export interface AlarmMentionPayload {
  nationalNumber: string;
  measureId: string;
  registeredOn: string;
  validUntil: string;
}

/** §7.8.4: the no-contact order, registered for the whole protection. */
export interface NoContactOrderPayload {
  measureId: string;
  suspectNationalNumber: string;
  validFrom: string;
  validUntil: string;
}

/** §7.13.2: which MaCH comment replaces the previous one. */
export type MachCommentKind = 'GRANT' | 'PROLONGATION' | 'END';

export interface MachCommentPayload {
  measureId: string;
  suspectNationalNumber: string;
  kind: MachCommentKind;
  /** The decision date (grant, prolongation) or the end date. */
  date: string;
}

/** §7.13.1: the police registration of a grant, kept up to date. */
export interface GrantRegistrationPayload {
  measureId: string;
  arrondissementCode: string;
  zoneCode: string;
  decidedOn: string;
  startDate: string;
  endDate: string;
  relationship: Relationship;
  protectedPersonCount: number;
  status: 'ACTIVE' | 'ENDED';
  endedOn: string | null;
  endReason: EndReason | null;
  prolongationCount: number;
}

/** §7.8.7: a device from the arrondissement's stock, per person. */
export interface DeviceAssignmentPayload {
  measureId: string;
  nationalNumber: string;
  arrondissementCode: string;
  zoneCode: string;
  assignedOn: string;
}

/** §7.12.2: every device of the measure back in the stock. */
export interface DeviceReturnPayload {
  measureId: string;
  arrondissementCode: string;
  zoneCode: string;
  returnedOn: string;
  pvReference: string;
}

/**
 * §7.2.3: the devices ASSIGNED under the measure answer to its new
 * managing zone, which watches their daily reports (§3).
 */
export interface DeviceZonePayload {
  measureId: string;
  zoneCode: string;
}

/** §7.8.3: the systematic referral to victim support. */
export interface ReferralPayload {
  measureId: string;
  arrondissementCode: string;
  referredOn: string;
  /** The PV that recorded the request, copied to victim support. */
  pvReference: string;
  plannedEndDate: string;
}

/** §7.8.3: what victim support is told about. */
export type VictimSupportNoticeKind =
  'END_DATE' | 'PROLONGATION' | 'EARLY_END' | 'RENEWED_OFFER_REQUEST';

export interface VictimSupportNoticePayload {
  /** Stable across retries: the receiver may deduplicate on it. */
  noticeId: string;
  measureId: string;
  kind: VictimSupportNoticeKind;
  /** END_DATE and PROLONGATION: the planned end; EARLY_END: the end;
   *  RENEWED_OFFER_REQUEST: the day of the request. */
  date: string;
  /** A code, never personal data: the prolongation cause or end reason. */
  details: string | null;
}

/**
 * §7.2.3, §7.8.3: the referral follows the file to the service of the
 * arrondissement whose parquet now manages the measure.
 */
export interface ReferralTransferPayload {
  measureId: string;
  arrondissementCode: string;
  transferredOn: string;
}

export interface EffectPayloads {
  BNG_ALARM_MENTION: AlarmMentionPayload;
  BNG_NO_CONTACT_ORDER: NoContactOrderPayload;
  MACH_REGISTRATION_COMMENT: MachCommentPayload;
  DEVICES_GRANT_REGISTRATION: GrantRegistrationPayload;
  DEVICES_ASSIGNMENT: DeviceAssignmentPayload;
  DEVICES_RETURN: DeviceReturnPayload;
  DEVICES_ZONE_REASSIGNMENT: DeviceZonePayload;
  VICTIM_SUPPORT_REFERRAL: ReferralPayload;
  VICTIM_SUPPORT_NOTICE: VictimSupportNoticePayload;
  VICTIM_SUPPORT_REFERRAL_TRANSFER: ReferralTransferPayload;
}

/** A NewEffect of one kind, with the payload of that kind. */
export interface EffectOf<K extends EffectKind> {
  id: string;
  kind: K;
  payload: EffectPayloads[K];
}

/** Any NewEffect, its payload type following its kind. */
export type TypedEffect<K extends EffectKind = EffectKind> = {
  [P in K]: EffectOf<P>;
}[K];

export function effect<K extends EffectKind>(
  context: CommandContext,
  kind: K,
  payload: EffectPayloads[K],
): EffectOf<K> {
  return { id: context.newId(), kind, payload };
}

export function victimSupportNotice(
  context: CommandContext,
  measureId: string,
  notice: {
    kind: VictimSupportNoticeKind;
    date: string;
    details: string | null;
  },
): EffectOf<'VICTIM_SUPPORT_NOTICE'> {
  return effect(context, 'VICTIM_SUPPORT_NOTICE', {
    noticeId: context.newId(),
    measureId,
    ...notice,
  });
}

/**
 * Prolongations that moved the end date. One that the max rule left
 * where it was (§7.10.2 Decision) is on record but prolonged nothing.
 */
export function prolongationCount(aggregate: MeasureAggregate): number {
  return aggregate.prolongations.filter(
    (prolongation) => prolongation.newEndDate > prolongation.previousEndDate,
  ).length;
}

/** §7.13.1: the registration as the measure now stands. */
export function grantRegistration(
  aggregate: MeasureAggregate,
  period: GrantPeriod,
): GrantRegistrationPayload {
  const { measure } = aggregate;
  return {
    measureId: measure.id,
    arrondissementCode: measure.arrondissementCode,
    zoneCode: measure.managingZoneCode,
    ...period,
    relationship: measure.relationship,
    protectedPersonCount: aggregate.protectedPersons.length,
    status: measure.status === 'ENDED' ? 'ENDED' : 'ACTIVE',
    endedOn: measure.endedOn,
    endReason: measure.endReason,
    prolongationCount: prolongationCount(aggregate),
  };
}

/**
 * §7.8.1, §7.8.4: the BNG mention of every protected person and the
 * no-contact order, both valid until the planned end, kept in step.
 */
function bngEffects(
  aggregate: MeasureAggregate,
  period: GrantPeriod,
  context: CommandContext,
): TypedEffect[] {
  const { measure } = aggregate;
  const mentions = aggregate.protectedPersons.map((person) =>
    effect(context, 'BNG_ALARM_MENTION', {
      nationalNumber: person.nationalNumber,
      measureId: measure.id,
      registeredOn: period.decidedOn,
      validUntil: period.endDate,
    }),
  );
  const order = effect(context, 'BNG_NO_CONTACT_ORDER', {
    measureId: measure.id,
    suspectNationalNumber: measure.suspectNationalNumber,
    validFrom: period.decidedOn,
    validUntil: period.endDate,
  });
  return [...mentions, order];
}

function machComment(
  aggregate: MeasureAggregate,
  kind: MachCommentKind,
  date: string,
  context: CommandContext,
): EffectOf<'MACH_REGISTRATION_COMMENT'> {
  return effect(context, 'MACH_REGISTRATION_COMMENT', {
    measureId: aggregate.measure.id,
    suspectNationalNumber: aggregate.measure.suspectNationalNumber,
    kind,
    date,
  });
}

/** §7.8.1, §7.8.3, §7.8.4, §7.8.7, §7.13: everything a grant sets off. */
export function grantEffects(
  granted: MeasureAggregate,
  period: GrantPeriod,
  context: CommandContext,
): TypedEffect[] {
  const { measure } = granted;
  const assignments = granted.protectedPersons.map((person) =>
    effect(context, 'DEVICES_ASSIGNMENT', {
      measureId: measure.id,
      nationalNumber: person.nationalNumber,
      arrondissementCode: measure.arrondissementCode,
      zoneCode: measure.managingZoneCode,
      assignedOn: period.decidedOn,
    }),
  );
  return [
    ...bngEffects(granted, period, context),
    machComment(granted, 'GRANT', period.decidedOn, context),
    effect(
      context,
      'DEVICES_GRANT_REGISTRATION',
      grantRegistration(granted, period),
    ),
    ...assignments,
    // §7.8.3: victim support is told the planned end in every case. The
    // referral carries it: the service records it as the END_DATE notice
    // (VictimSupportAdapter.refer), so no notice of that kind goes apart.
    effect(context, 'VICTIM_SUPPORT_REFERRAL', {
      measureId: measure.id,
      arrondissementCode: measure.arrondissementCode,
      referredOn: period.decidedOn,
      pvReference: measure.pvReference,
      plannedEndDate: period.endDate,
    }),
  ];
}

/** §7.10.2, §7.12.1, §7.13: a prolongation that moved the end date. */
export function prolongationEffects(
  prolonged: MeasureAggregate,
  period: GrantPeriod,
  prolongation: { cause: ProlongationCause; decidedOn: string },
  context: CommandContext,
): TypedEffect[] {
  return [
    ...bngEffects(prolonged, period, context),
    machComment(prolonged, 'PROLONGATION', prolongation.decidedOn, context),
    effect(
      context,
      'DEVICES_GRANT_REGISTRATION',
      grantRegistration(prolonged, period),
    ),
    // §7.10.2: the parquet tells the person and victim support.
    victimSupportNotice(context, prolonged.measure.id, {
      kind: 'PROLONGATION',
      date: period.endDate,
      details: prolongation.cause,
    }),
  ];
}

/** §7.12.2, §7.12.3, §7.13: the end of a measure, early or at term. */
/** §7.8.1: the alarm's mention on each protected person, until a day. */
function mentionsUntil(
  aggregate: MeasureAggregate,
  period: GrantPeriod,
  validUntil: string,
  context: CommandContext,
): TypedEffect[] {
  return aggregate.protectedPersons.map((person) =>
    effect(context, 'BNG_ALARM_MENTION', {
      nationalNumber: person.nationalNumber,
      measureId: aggregate.measure.id,
      registeredOn: period.decidedOn,
      validUntil,
    }),
  );
}

export function endEffects(
  ended: MeasureAggregate,
  period: GrantPeriod,
  end: { endedOn: string; endReason: EndReason },
  context: CommandContext,
): TypedEffect[] {
  const effects: TypedEffect[] = [
    machComment(ended, 'END', end.endedOn, context),
    effect(
      context,
      'DEVICES_GRANT_REGISTRATION',
      grantRegistration(ended, period),
    ),
  ];
  if (end.endReason !== 'EXPIRED') {
    // §7.12.3: victim support is told of an early end.
    effects.push(
      victimSupportNotice(context, ended.measure.id, {
        kind: 'EARLY_END',
        date: end.endedOn,
        details: end.endReason,
      }),
    );
  }
  if (end.endedOn < period.endDate) {
    // §7.8.1: the BNG's mention says the alarm protects the person; after
    // an early end it must not keep saying so until the planned end.
    effects.push(...mentionsUntil(ended, period, end.endedOn, context));
  }
  return effects;
}

/**
 * §7.2.3: what a change of managing zone or arrondissement sets off. The
 * new zone answers for the devices out under the measure (their daily
 * reports are its to watch, §3); a new arrondissement's victim support
 * service takes over the referral (§7.8.3). Nothing when neither moved.
 */
export function managementEffects(
  before: MeasureAggregate,
  after: MeasureAggregate,
  changedOn: string,
  context: CommandContext,
): TypedEffect[] {
  const { measure } = after;
  const effects: TypedEffect[] = [];
  const moved =
    measure.managingZoneCode !== before.measure.managingZoneCode ||
    measure.arrondissementCode !== before.measure.arrondissementCode;
  const lifecycle = lifecycleOf(measure);
  if (moved && lifecycle.status === 'ACTIVE') {
    // §7.13.1: the registration, the source of statistics, follows the
    // file to its new zone and parquet.
    effects.push(effect(context, 'DEVICES_GRANT_REGISTRATION',
      grantRegistration(after, lifecycle.period)));
  }
  if (measure.managingZoneCode !== before.measure.managingZoneCode) {
    effects.push(effect(context, 'DEVICES_ZONE_REASSIGNMENT', {
      measureId: measure.id,
      zoneCode: measure.managingZoneCode,
    }));
  }
  if (measure.arrondissementCode !== before.measure.arrondissementCode) {
    effects.push(effect(context, 'VICTIM_SUPPORT_REFERRAL_TRANSFER', {
      measureId: measure.id,
      arrondissementCode: measure.arrondissementCode,
      transferredOn: changedOn,
    }));
  }
  return effects;
}
