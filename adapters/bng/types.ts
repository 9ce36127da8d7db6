/**
 * The BNG's port: what the police national database tells about a person.
 * Dates are ISO strings (YYYY-MM-DD).
 */
import {
  AgencyRuleError,
  type AgencyAdapter,
  type BatchRead,
} from '../adapter';

export const WEAPON_CATEGORIES = ['FIREARM', 'BLADE', 'OTHER'] as const;
export type WeaponCategory = (typeof WEAPON_CATEGORIES)[number];

/**
 * Why a person is wanted (signalé à rechercher), as a category only: the
 * BNG's free text may name people, so it never leaves the adapter.
 */
export const WANTED_REASONS = [
  'TO_BE_HEARD',
  'TO_BE_ARRESTED',
  'SENTENCE_TO_SERVE',
  'TO_BE_LOCATED',
  'OTHER',
] as const;
export type WantedReason = (typeof WANTED_REASONS)[number];

/** What the police intervened for at a person's address. */
export const INTERVENTION_NATURES = [
  'DOMESTIC_VIOLENCE',
  'HARASSMENT',
  'THREATS',
  'PROPERTY_DAMAGE',
  'DISTURBANCE',
  'OTHER',
] as const;
export type InterventionNature = (typeof INTERVENTION_NATURES)[number];

export interface WeaponHoldingRecord {
  category: WeaponCategory;
  description: string;
  permitReference: string | null;
  /** The permit's last valid day; null without a permit. */
  permitValidUntil: string | null;
  registeredOn: string;
}

/** A police intervention at the person's address (§3: the team's brief). */
export interface InterventionRecord {
  occurredOn: string;
  nature: InterventionNature;
  /** The police zone that intervened, e.g. 5345. */
  zoneCode: string;
}

/** §7.8.1: the BNG mentions that an alarm protects the person. */
export interface AlarmMentionRecord {
  measureId: string;
  registeredOn: string;
  validUntil: string;
}

/** §7.8.4: a no-contact order (mesure prétorienne) against a suspect. */
export interface NoContactOrderRecord {
  id: string;
  measureId: string;
  validFrom: string;
  validUntil: string;
}

export interface PoliceRecord {
  nationalNumber: string;
  knownForViolence: boolean;
  wanted: boolean;
  /** null exactly when the person is not wanted. */
  wantedReason: WantedReason | null;
  /** Oldest registration first. */
  weapons: WeaponHoldingRecord[];
  /**
   * §7.8.1, §7.8.4: null on the record of the measure's own suspect,
   * whatever the BNG holds: the mention belongs to the protected person.
   */
  alarmMention: AlarmMentionRecord | null;
  /** Oldest first. */
  noContactOrders: NoContactOrderRecord[];
  /** Newest first. */
  interventions: InterventionRecord[];
}

export interface AlarmMentionInput {
  /** The protected person. */
  nationalNumber: string;
  measureId: string;
  registeredOn: string;
  validUntil: string;
}

export interface NoContactOrderInput {
  measureId: string;
  suspectNationalNumber: string;
  validFrom: string;
  validUntil: string;
}

export interface BngAdapter extends AgencyAdapter {
  /** Each person's record, or null when the BNG holds none. */
  policeRecordsByNationalNumber: BatchRead<string, PoliceRecord | null>;
  /** The no-contact order registered for each measure, or null. */
  noContactOrdersByMeasureId: BatchRead<string, NoContactOrderRecord | null>;

  /**
   * §7.8.1: records that an alarm protects the person, creating their
   * police record when the BNG holds none (not known for violence, not
   * wanted). A person has one mention: another measure's replaces it,
   * unless that one was registered later (a late retry of an older
   * measure never undoes a newer one). Answers the mention the BNG holds
   * afterwards. Refuses a mention ending before its registration
   * (MENTION_TOO_SHORT) and one on the record of the person the
   * measure's no-contact order is against (MENTION_ON_SUSPECT, §7.8.4).
   */
  upsertAlarmMention(input: AlarmMentionInput): Promise<AlarmMentionRecord>;

  /**
   * §7.8.4: registers the measure's no-contact order (one per measure,
   * id `nco-<measureId>`, or a hash of a measure id too long for the
   * column: see storage/ids.ts), creating the suspect's police record
   * when needed. The order must last at least the protection period
   * with its prolongations, so it only ever grows: an upsert keeps the
   * earlier `validFrom` and the later `validUntil` of the stored and the
   * given order. Refuses an order ending before it starts
   * (ORDER_TOO_SHORT), one whose widened span still ends before the
   * measure's protection as the alarm mentions of the same measure say
   * (ORDER_ENDS_BEFORE_MEASURE), and an order of the measure against
   * another suspect (ORDER_SUSPECT_MISMATCH).
   */
  upsertNoContactOrder(
    input: NoContactOrderInput,
  ): Promise<NoContactOrderRecord>;
}

export const BNG_RULE_CODES = [
  'MENTION_TOO_SHORT',
  'MENTION_ON_SUSPECT',
  'ORDER_TOO_SHORT',
  'ORDER_ENDS_BEFORE_MEASURE',
  'ORDER_SUSPECT_MISMATCH',
] as const;
export type BngRuleCode = (typeof BNG_RULE_CODES)[number];

/**
 * §7.8.4: the order is in force at least until `date`, its last day
 * being that day or later. ISO dates compare as text.
 */
export function coversUntil(
  order: Pick<NoContactOrderRecord, 'validUntil'>,
  date: string,
): boolean {
  return order.validUntil >= date;
}

/** A write the BNG's rules refuse; see `BNG_RULE_CODES`. */
export class BngRuleError extends AgencyRuleError<BngRuleCode> {
  override readonly name = 'BngRuleError';
}
