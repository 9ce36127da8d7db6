/**
 * The protection system's port: the measures of COL 03/2023 and the
 * territory they live in. Dates are ISO strings (YYYY-MM-DD).
 */
import type { AgencyAdapter, BatchRead } from '../adapter';

export const GENDERS = ['FEMALE', 'MALE', 'X'] as const;
export type Gender = (typeof GENDERS)[number];

export const MEASURE_STATUSES = [
  'REQUESTED',
  'REFUSED',
  'ACTIVE',
  'ENDED',
] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export const RELATIONSHIPS = [
  'EX_PARTNER',
  'ASCENDANT',
  'SIBLING',
  'OTHER_FAMILY',
  'HONOUR_RELATED',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** §7.3: who asked for the alarm. */
export const REQUEST_ORIGINS = [
  'PERSON',
  'RESIDENCE_POLICE',
  'OTHER_POLICE_ZONE',
  'PARQUET',
  'OTHER_PARQUET',
  'TRUSTED_THIRD_PARTY',
  'OTHER_THIRD_PARTY',
  'INVESTIGATING_JUDGE',
] as const;
export type RequestOrigin = (typeof REQUEST_ORIGINS)[number];

/** §7.12: why a measure ended. */
export const END_REASONS = [
  'EXPIRED',
  'NO_LONGER_SERIOUS',
  'MISUSE',
  'PERSON_REQUEST',
  'SETTLED_ABROAD',
  'SETTLED_OUTSIDE_DEPLOYED_TERRITORY',
] as const;
export type EndReason = (typeof END_REASONS)[number];

export const PROTECTED_ROLES = ['VICTIM', 'CHILD', 'RELATIVE'] as const;
export type ProtectedRole = (typeof PROTECTED_ROLES)[number];

export interface PersonRecord {
  nationalNumber: string;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  gender: Gender | null;
}

export interface MeasureRecord {
  id: string;
  reference: string;
  status: MeasureStatus;
  relationship: Relationship;
  arrondissementCode: string;
  managingZoneCode: string;
  requestOrigin: RequestOrigin;
  requestedOn: string;
  decidedOn: string | null;
  startDate: string | null;
  endDate: string | null;
  endedOn: string | null;
  endReason: EndReason | null;
  suspectNationalNumber: string;
}

export interface ProtectedPersonRecord {
  measureId: string;
  nationalNumber: string;
  role: ProtectedRole;
}

export interface ProvinceRecord {
  code: string;
  name: string;
}

export interface ArrondissementRecord {
  code: string;
  name: string;
  provinceCode: string;
}

export interface ZoneRecord {
  code: string;
  name: string;
  arrondissementCode: string;
  deployedOn: string | null;
}

export interface ProtectionAdapter extends AgencyAdapter {
  measuresById: BatchRead<string, MeasureRecord | null>;
  personsByNationalNumber: BatchRead<string, PersonRecord | null>;
  /** The protected persons of each measure, victim first. */
  protectedPersonsByMeasureId: BatchRead<string, ProtectedPersonRecord[]>;
  /** The ids of the measures protecting each person, newest first. */
  measureIdsByProtectedPerson: BatchRead<string, string[]>;
  provincesByCode: BatchRead<string, ProvinceRecord | null>;
  arrondissementsByCode: BatchRead<string, ArrondissementRecord | null>;
  zonesByCode: BatchRead<string, ZoneRecord | null>;
}
