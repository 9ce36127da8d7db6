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

export interface WeaponHoldingRecord {
  category: WeaponCategory;
  description: string;
  permitReference: string | null;
  registeredOn: string;
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
  weapons: WeaponHoldingRecord[];
  alarmMention: AlarmMentionRecord | null;
  noContactOrders: NoContactOrderRecord[];
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
   * (MENTION_TOO_SHORT).
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
   * (ORDER_TOO_SHORT) and an order of the measure against another
   * suspect (ORDER_SUSPECT_MISMATCH).
   */
  upsertNoContactOrder(
    input: NoContactOrderInput,
  ): Promise<NoContactOrderRecord>;
}

export const BNG_RULE_CODES = [
  'MENTION_TOO_SHORT',
  'ORDER_TOO_SHORT',
  'ORDER_SUSPECT_MISMATCH',
] as const;
export type BngRuleCode = (typeof BNG_RULE_CODES)[number];

/** A write the BNG's rules refuse; see `BNG_RULE_CODES`. */
export class BngRuleError extends AgencyRuleError<BngRuleCode> {
  override readonly name = 'BngRuleError';
}
