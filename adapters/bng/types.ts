/**
 * The BNG's port: what the police national database tells about a person.
 * Dates are ISO strings (YYYY-MM-DD).
 */
import type { AgencyAdapter, BatchRead } from '../adapter';

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

export interface BngAdapter extends AgencyAdapter {
  /** Each person's record, or null when the BNG holds none. */
  policeRecordsByNationalNumber: BatchRead<string, PoliceRecord | null>;
}
