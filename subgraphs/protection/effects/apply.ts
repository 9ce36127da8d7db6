/**
 * Applies one effect: parses its payload and calls the write it names.
 * Every write is an upsert or carries its own id, so applying an effect
 * again (after a crash between the write and its DONE mark) changes
 * nothing: the outbox delivers at least once.
 */
import type { EffectState } from '../../../adapters/protection/aggregate';
import type {
  AlarmMentionInput,
  NoContactOrderInput,
} from '../../../adapters/bng/types';
import type {
  AssignDeviceInput,
  GrantRegistrationRecord,
  ReassignZoneInput,
  ReturnDevicesInput,
} from '../../../adapters/devices/types';
import {
  registrationCommentText,
  type RegistrationCommentKind,
} from '../../../adapters/mach/comments';
import type {
  NoticeInput,
  ReferralInput,
  ReferralTransferInput,
} from '../../../adapters/victim-support/types';
import type { EffectTargets } from './targets';

/** What came of an effect that succeeded. */
export type Applied =
  | { outcome: 'APPLIED' }
  /** §7.8.7: no device left; the devices system recorded the shortage. */
  | { outcome: 'SHORTAGE' };

const APPLIED: Applied = { outcome: 'APPLIED' };

/** The MaCH payload: the comment is written from its kind and date. */
interface RegistrationCommentPayload {
  measureId: string;
  suspectNationalNumber: string;
  kind: RegistrationCommentKind;
  date: string;
}

/**
 * Calls the write of `effect.kind` with its payload. A payload that is
 * not JSON throws a SyntaxError; the target checks the fields itself and
 * throws a TypeError on a bad one.
 */
export async function applyEffect(
  effect: Pick<EffectState, 'kind' | 'payload'>,
  targets: EffectTargets,
): Promise<Applied> {
  const payload: unknown = JSON.parse(effect.payload);
  const { bng, mach, devices, victimSupport } = targets;
  switch (effect.kind) {
    case 'BNG_ALARM_MENTION':
      await bng.upsertAlarmMention(payload as AlarmMentionInput);
      return APPLIED;
    case 'BNG_NO_CONTACT_ORDER':
      await bng.upsertNoContactOrder(payload as NoContactOrderInput);
      return APPLIED;
    case 'MACH_REGISTRATION_COMMENT':
      await mach.setRegistrationComment(
        commentInput(payload as RegistrationCommentPayload));
      return APPLIED;
    case 'DEVICES_GRANT_REGISTRATION':
      await devices.upsertGrantRegistration(
        payload as GrantRegistrationRecord);
      return APPLIED;
    case 'DEVICES_ASSIGNMENT': {
      const result = await devices.assignDevice(payload as AssignDeviceInput);
      return 'shortage' in result ? { outcome: 'SHORTAGE' } : APPLIED;
    }
    case 'DEVICES_RETURN':
      await devices.returnDevices(payload as ReturnDevicesInput);
      return APPLIED;
    case 'VICTIM_SUPPORT_REFERRAL':
      await victimSupport.refer(payload as ReferralInput);
      return APPLIED;
    case 'DEVICES_ZONE_REASSIGNMENT':
      await devices.reassignZone(payload as ReassignZoneInput);
      return APPLIED;
    case 'VICTIM_SUPPORT_NOTICE':
      await victimSupport.notify(payload as NoticeInput);
      return APPLIED;
    case 'VICTIM_SUPPORT_REFERRAL_TRANSFER':
      // §7.2.3: the write answers null for a measure without referral.
      // A move comes after the grant, whose VICTIM_SUPPORT_REFERRAL is
      // earlier in the measure's effects, and the outbox applies those
      // in order: the referral is made before this runs. A null can only
      // mean a referral never sent through the outbox; retrying would
      // not make one, so the effect is done.
      await victimSupport.transferReferral(
        payload as ReferralTransferInput);
      return APPLIED;
    default:
      return unknownKind(effect.kind);
  }
}

/**
 * §7.13.2: the circular's text for the kind and date. The comment is
 * written as of that date (the decision or the end), not the day the
 * outbox gets to it, so a retry writes the very same comment.
 */
function commentInput(payload: RegistrationCommentPayload) {
  return {
    measureId: payload.measureId,
    suspectNationalNumber: payload.suspectNationalNumber,
    text: registrationCommentText(payload.kind, payload.date),
    writtenOn: payload.date,
  };
}

function unknownKind(kind: never): never {
  throw new TypeError(`Unknown effect kind ${JSON.stringify(kind)}`);
}
