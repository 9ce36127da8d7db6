/**
 * A protection measure as one consistent whole: the measure and every fact
 * recorded under it. The domain (subgraphs/protection/domain) turns one
 * aggregate into the next; the store saves it, with the journal entry and
 * the effects of the change, in one transaction.
 *
 * Dates are ISO days (YYYY-MM-DD); instants are ISO 8601 with offset.
 */
import type {
  EndReason,
  Gender,
  MeasureStatus,
  ProtectedRole,
  Relationship,
  RequestOrigin,
} from './types';

/**
 * The longest text the register keeps per kind of field: the store's
 * columns are this wide, and the domain refuses longer input with a clear
 * error rather than letting the database cut or reject it.
 */
export const TEXT_LIMITS = {
  name: 100,
  pvReference: 40,
  description: 200,
  reasons: 2000,
  /** §7.8.5: a street or a municipality of a confidential address. */
  place: 100,
  /** §7.8.5: a house number or a box. */
  houseNumber: 10,
  /** §7.8.5: a postal code, Belgian (4 digits) or foreign. */
  postalCode: 10,
} as const;

export const BOMB_FACTORS = [
  'THREATS_TO_KILL',
  'STRANGULATION',
  'WEAPON_USE_OR_THREAT',
  'ESCALATING_VIOLENCE',
  'OBSESSIVE_JEALOUSY',
  'RECENT_SEPARATION',
  'STALKING',
  'SUICIDE_THREATS',
] as const;
export type BombFactor = (typeof BOMB_FACTORS)[number];

export const ALERT_CLASSES = ['REAL', 'FALSE', 'TEST'] as const;
export type AlertClass = (typeof ALERT_CLASSES)[number];

/** How the 112 app's phone found its position (AML, §3). */
export const POSITIONING_METHODS = ['GNSS', 'WIFI', 'CELL'] as const;
export type PositioningMethod = (typeof POSITIONING_METHODS)[number];

export const PROLONGATION_CAUSES = [
  'REAL_ALERT',
  'NEW_FACTS',
  'RE_EVALUATION',
] as const;
export type ProlongationCause = (typeof PROLONGATION_CAUSES)[number];

export const RE_EVALUATION_OUTCOMES = ['PROLONG', 'LET_END'] as const;
export type ReEvaluationOutcome = (typeof RE_EVALUATION_OUTCOMES)[number];

export const TRAVEL_KINDS = ['TRIP', 'USUAL_PLACE'] as const;
export type TravelKind = (typeof TRAVEL_KINDS)[number];

export const EFFECT_KINDS = [
  'BNG_ALARM_MENTION',
  'BNG_NO_CONTACT_ORDER',
  'MACH_REGISTRATION_COMMENT',
  'DEVICES_GRANT_REGISTRATION',
  'DEVICES_ASSIGNMENT',
  'DEVICES_RETURN',
  'DEVICES_ZONE_REASSIGNMENT',
  'VICTIM_SUPPORT_REFERRAL',
  'VICTIM_SUPPORT_NOTICE',
  'VICTIM_SUPPORT_REFERRAL_TRANSFER',
] as const;
export type EffectKind = (typeof EFFECT_KINDS)[number];

/** The eight questions of §7.6, in the circular's order. */
export interface DangerAnswers {
  fearForLife: boolean;
  rejectedBreakUp: boolean;
  threatsToKillOrSuicide: boolean;
  pastViolence: boolean;
  weaponAffinity: boolean;
  heavyStalkingInvestment: boolean;
  uncontrolledAnger: boolean;
  destroyedBelongings: boolean;
}

/** §7.3: who asked, kept on record. */
export interface Requester {
  origin: RequestOrigin;
  zoneCode: string | null;
  arrondissementCode: string | null;
  description: string | null;
}

/** The measure's own row, with the state of its life cycle. */
export interface MeasureState {
  id: string;
  reference: string;
  status: MeasureStatus;
  /** Optimistic concurrency: the version the aggregate was loaded at. */
  version: number;
  relationship: Relationship;
  arrondissementCode: string;
  managingZoneCode: string;
  requester: Requester;
  pvReference: string;
  requestedOn: string;
  decidedOn: string | null;
  startDate: string | null;
  endDate: string | null;
  endedOn: string | null;
  endReason: EndReason | null;
  suspectNationalNumber: string;
  underInvestigation: boolean;
  investigatingJudgeInformedOn: string | null;
  deviceActivatedOn: string | null;
  devicesReturnedOn: string | null;
  refusal: Refusal | null;
  pendingTransfer: Transfer | null;
}

export interface Refusal {
  decidedOn: string;
  reasons: string;
  thirdPartyInformed: boolean | null;
  pvReference: string;
}

export interface Transfer {
  toZoneCode: string;
  toArrondissementCode: string;
  requestedOn: string;
}

/** A person as the protection register keeps them. */
export interface PersonState {
  nationalNumber: string;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  gender: Gender | null;
}

export interface ProtectedPersonState {
  nationalNumber: string;
  role: ProtectedRole;
  discernmentRecorded: boolean;
  agreementSigned: boolean;
}

export interface EvaluationState {
  heardOn: string;
  pvReference: string;
  relationship: Relationship;
  answers: DangerAnswers;
  bombFactors: BombFactor[];
  breakUpIntentionsDiverge: boolean;
  inShelter: boolean;
  reEvaluation: boolean;
}

/** The six conditions of §7.5; the first is derived from the territory. */
export interface ConditionsState {
  recordedOn: string;
  livesInDeployedZone: boolean;
  withinMaterialScope: boolean;
  wantsAlarm: boolean;
  noVoluntaryContact: boolean;
  filesComplaints: boolean;
  acceptsUserAgreement: boolean;
}

export interface ProlongationState {
  cause: ProlongationCause;
  incidentOn: string;
  previousEndDate: string;
  newEndDate: string;
  decidedOn: string;
}

/**
 * §7.12.1: the magistrate's decision after the re-evaluation in the month
 * before the end. A PROLONG decision also adds a prolongation; a LET_END
 * one is kept here only, so that the window shows as decided.
 */
export interface ReEvaluationDecisionState {
  decidedOn: string;
  outcome: ReEvaluationOutcome;
  pvReference: string;
}

export interface RevisitState {
  dueOn: string;
  doneOn: string | null;
  pvReference: string | null;
}

export interface TravelNoticeState {
  id: string;
  kind: TravelKind;
  zoneCode: string;
  fromDate: string;
  toDate: string | null;
  announcedOn: string;
  forwardedOn: string | null;
}

/**
 * One position fix of the protected person's phone, as the 112 app sends
 * it in the Advanced Mobile Location form (§3): WGS84 degrees, the radius
 * in metres within which the phone lies with the given confidence.
 */
export interface AmlLocation {
  latitude: number;
  longitude: number;
  accuracyMeters: number;
  confidencePercent: number;
  method: PositioningMethod;
  /** When the phone took the fix; ISO 8601 with offset. */
  fixedAt: string;
}

export interface AlertState {
  id: string;
  raisedAt: string;
  pvReference: string | null;
  classification: AlertClass | null;
  classifiedAt: string | null;
  policeArrivedAt: string | null;
  magistrateInformed: boolean;
  /** When the 112 call ended (§3); null while it lasts. */
  callEndedAt: string | null;
  /** The fix with the latest `fixedAt`; null before the first (§3). */
  location: AmlLocation | null;
  /** Every fix received, one per `fixedAt`, oldest first. */
  track: AmlLocation[];
}

export interface NewFactState {
  reportedOn: string;
  factOn: string;
  pvReference: string;
  magistrateInformed: boolean;
}

export interface MeasureAggregate {
  measure: MeasureState;
  /** The victim first, then children and relatives. */
  protectedPersons: ProtectedPersonState[];
  /** Oldest first. */
  evaluations: EvaluationState[];
  conditions: ConditionsState | null;
  prolongations: ProlongationState[];
  /** Oldest first. */
  reEvaluationDecisions: ReEvaluationDecisionState[];
  /** By due date. */
  revisits: RevisitState[];
  travelNotices: TravelNoticeState[];
  alerts: AlertState[];
  newFacts: NewFactState[];
}

/** Who made a change, as the journal keeps it: never a name. */
export interface Actor {
  subject: string;
  role: string;
  organisation: string | null;
}

export interface JournalEntry {
  id: string;
  measureId: string;
  at: string;
  action: string;
  actor: Actor;
  pvReference: string | null;
}

/**
 * A change another agency system must record. `payload` is the input of
 * the target adapter's write, as JSON; `sequence` orders the effects of
 * one measure, which are applied in that order.
 */
export interface EffectState {
  id: string;
  measureId: string;
  sequence: number;
  kind: EffectKind;
  payload: string;
  status: 'PENDING' | 'DONE';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string;
  doneAt: string | null;
}

/** A new effect, before the store numbers and schedules it. */
export interface NewEffect {
  id: string;
  kind: EffectKind;
  payload: unknown;
}
