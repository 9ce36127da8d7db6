import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PersonRecord as PersonRecordModel, ConfidentialContactRecord as ConfidentialContactRecordModel, ConfidentialAddress as ConfidentialAddressModel } from '../../../adapters/protection/types';
import type { MeasureAggregate as MeasureAggregateModel, Requester as RequesterModel, Refusal as RefusalModel, EvaluationState as EvaluationStateModel, ConditionsState as ConditionsStateModel, ProlongationState as ProlongationStateModel, RevisitState as RevisitStateModel, TravelNoticeState as TravelNoticeStateModel, AlertState as AlertStateModel, NewFactState as NewFactStateModel, Transfer as TransferModel, JournalEntry as JournalEntryModel, EffectState as EffectStateModel } from '../../../adapters/protection/aggregate';
import type { ProtectedPersonView as ProtectedPersonViewModel } from '../confidential';
import type { WorkListItem as WorkListItemModel, WorkListAnswer as WorkListAnswerModel } from '../work-list';
import type { AlertEventView as AlertEventViewModel } from '../alert-feed';
import type { AlertNotice as AlertNoticeModel, NoticeRecipients as NoticeRecipientsModel } from '../../../runtime/alerts/notice';
import type { ProvinceInfo as ProvinceInfoModel, ArrondissementInfo as ArrondissementInfoModel, ZoneInfo as ZoneInfoModel } from '../domain/territory';
import type { StatisticsRequest as StatisticsRequestModel, StatisticsScopeView as StatisticsScopeViewModel } from '../../statistics/request';
import type { StatisticsResult as StatisticsResultModel, StatisticsCell as StatisticsCellModel, ProtectionFigures as ProtectionFiguresModel } from '../domain/statistics';
import type { ProtectionContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, ISO 8601 (YYYY-MM-DD), in Belgian local time. */
  Date: { input: string; output: string; }
  /** An instant, ISO 8601 with offset. */
  DateTime: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** The new parquet's acknowledgement of a transferred file (§7.2.3). */
export type AcknowledgeTransferInput = {
  /** The day the new parquet acknowledged it. */
  acknowledgedOn: Scalars['Date']['input'];
  /** The measure transferred. */
  measureId: Scalars['ID']['input'];
};

/** An age band, in whole years. */
export type AgeBand =
  /** 18 to 24. */
  | 'FROM_18_TO_24'
  /** 25 to 34. */
  | 'FROM_25_TO_34'
  /** 35 to 44. */
  | 'FROM_35_TO_44'
  /** 45 to 54. */
  | 'FROM_45_TO_54'
  /** 55 to 64. */
  | 'FROM_55_TO_64'
  /** 65 and over. */
  | 'FROM_65'
  /** Under 18. */
  | 'UNDER_18';

/** An alert recorded as a fact of the measure (§7.11.2). */
export type Alert = {
  __typename?: 'Alert';
  /** When the 112 call ended (§3); null while it lasts. */
  callEndedAt: Maybe<Scalars['DateTime']['output']>;
  /** Real, false or test; null until classified. */
  classification: Maybe<AlertClass>;
  /** When the alert was classified. */
  classifiedAt: Maybe<Scalars['DateTime']['output']>;
  /** The client's id of the alert. */
  id: Scalars['ID']['output'];
  /**
   * Where the person was, by the latest position fix the 112 app sent
   * during the call (§3): the one taken last, whatever the order of
   * arrival. Null before the first fix.
   */
  location: Maybe<AmlLocation>;
  /** The magistrate was told: every alert classified REAL (§7.11.2). */
  magistrateInformed: Scalars['Boolean']['output'];
  /** When the police team reached the person (§7.11.2). */
  policeArrivedAt: Maybe<Scalars['DateTime']['output']>;
  /** The PV drawn up for the alert (§7.11.2); null until recorded. */
  pvReference: Maybe<Scalars['String']['output']>;
  /** When the button was pressed. */
  raisedAt: Scalars['DateTime']['output'];
  /** Every position fix received for the alert, oldest first (§3). */
  track: Array<AmlLocation>;
};

/** What an alert turned out to be (§7.11.2, §9). */
export type AlertClass =
  /** A false alert: no prolongation, the magistrate is not told (§7.11.2). */
  | 'FALSE'
  /** A real alert: the magistrate is told and the measure prolonged (§7.10.2). */
  | 'REAL'
  /** A test press: no prolongation, the magistrate is not told. */
  | 'TEST';

/** Alerts by class (§7.11.2, §9). */
export type AlertCounts = {
  __typename?: 'AlertCounts';
  /** Classified FALSE. */
  falseAlerts: Count;
  /** Classified REAL. */
  real: Count;
  /** REAL among the classified alerts, from 0 to 1. */
  realRate: Statistic;
  /** Classified TEST. */
  tests: Count;
  /** Every alert raised. */
  total: Count;
  /** Not classified yet. */
  unclassified: Count;
};

/**
 * One fact of an alert from the alert log (§3, §7.11.2), with the alert
 * and its measure as they stand now.
 */
export type AlertEvent = {
  __typename?: 'AlertEvent';
  /** The alert the fact belongs to, as it stands now. */
  alert: Alert;
  /** When the change that recorded the fact was saved. */
  at: Scalars['DateTime']['output'];
  /**
   * The zone where the person is, by the latest position fix (§7.2.2);
   * null with no fix, abroad, or outside every known zone shape.
   */
  interventionZone: Maybe<PoliceZone>;
  /** Which fact of the alert this is. */
  kind: AlertEventKind;
  /** The measure of the alert. */
  measure: ProtectionMeasure;
  /** The latest position fix lies outside Belgium (§5.1, §7.11.1). */
  outsideCoverage: Scalars['Boolean']['output'];
  /** The event's place in the log: increasing, never reused; page with it. */
  sequence: Scalars['ID']['output'];
};

/** The facts of an alert the log keeps, in the order they happen to one. */
export type AlertEventKind =
  /** The alert was classified real, false or test (§7.11.2). */
  | 'CLASSIFIED'
  /** The 112 call ended (§3). */
  | 'CLOSED'
  /** A new position fix of the person's phone arrived (§3). */
  | 'LOCATION_UPDATED'
  /** The police team reached the person (§7.11.2). */
  | 'POLICE_ARRIVED'
  /** The 112 system took the alarm (§3). */
  | 'RAISED';

/**
 * One entry of the alert log as the gateway reads it: the fact, and who
 * may receive it at the instant it was saved. No person, no coordinates.
 */
export type AlertLogEntry = {
  __typename?: 'AlertLogEntry';
  /** The alert the fact belongs to. */
  alertId: Scalars['ID']['output'];
  /** When the change that recorded the fact was saved. */
  at: Scalars['DateTime']['output'];
  /** Which fact of the alert this is. */
  kind: AlertEventKind;
  /** The measure of the alert. */
  measureId: Scalars['ID']['output'];
  /** Who may receive the entry, by the codes identities carry. */
  recipients: AlertLogRecipients;
  /** The entry's place in the log: commit order, never reused. */
  sequence: Scalars['ID']['output'];
};

/**
 * Who may receive an alert log entry (§3, §7.2.2, §7.11.1, §7.11.2), as
 * `Query.alertEvents` judges it at the entry's instant.
 */
export type AlertLogRecipients = {
  __typename?: 'AlertLogRecipients';
  /** Arrondissements whose magistrates receive it; none for a FALSE alert. */
  arrondissements: Array<Scalars['String']['output']>;
  /** Provinces whose CIC receives it (`province` of a `cic` identity). */
  cicProvinces: Array<Scalars['String']['output']>;
  /** Police zones that receive it (`zone` of a `police` identity). */
  zones: Array<Scalars['String']['output']>;
};

/**
 * A position of the protected person's phone, as the 112 app sends it in
 * the Advanced Mobile Location (AML) form: at the start of the call, then
 * about every 30 seconds while it lasts (§3).
 */
export type AmlLocation = {
  __typename?: 'AmlLocation';
  /** The radius in metres around the point within which the phone lies. */
  accuracyMeters: Scalars['Float']['output'];
  /** The likelihood, in percent, that the phone lies within that radius. */
  confidencePercent: Scalars['Int']['output'];
  /** When the phone took the fix. */
  fixedAt: Scalars['DateTime']['output'];
  /** Latitude in degrees (WGS84), from -90 to 90. */
  latitude: Scalars['Float']['output'];
  /** Longitude in degrees (WGS84), from -180 to 180. */
  longitude: Scalars['Float']['output'];
  /** How the phone found its position. */
  method: PositioningMethod;
};

/**
 * A position fix in the AML form (§3); see AmlLocation. A fix may be
 * taken up to 5 minutes before the alert, never after now.
 */
export type AmlLocationInput = {
  /** The accuracy radius in metres, 0 or more. */
  accuracyMeters: Scalars['Float']['input'];
  /** The confidence in percent, from 0 to 100. */
  confidencePercent: Scalars['Int']['input'];
  /** When the phone took the fix. */
  fixedAt: Scalars['DateTime']['input'];
  /** Latitude in degrees (WGS84), from -90 to 90. */
  latitude: Scalars['Float']['input'];
  /** Longitude in degrees (WGS84), from -180 to 180. */
  longitude: Scalars['Float']['input'];
  /** How the phone found its position. */
  method: PositioningMethod;
};

/** A trip or a usual place announced to the managing zone (§7.11.1). */
export type AnnounceTravelInput = {
  /** The day the person told the managing zone. */
  announcedOn: Scalars['Date']['input'];
  /** First day away; for a usual place, from when it applies. */
  fromDate: Scalars['Date']['input'];
  /** A trip of 5 nights or more, or a usual place. */
  kind: TravelKind;
  /** The measure concerned. */
  measureId: Scalars['ID']['input'];
  /** Required for a trip; none for a usual place. */
  toDate?: InputMaybe<Scalars['Date']['input']>;
  /** The destination's police zone. */
  zoneCode: Scalars['ID']['input'];
};

/** A judicial arrondissement, with its parquet. */
export type Arrondissement = {
  __typename?: 'Arrondissement';
  /** The arrondissement's code, e.g. ANT. */
  code: Scalars['ID']['output'];
  /** The arrondissement's name. */
  name: Scalars['String']['output'];
  /** The province it lies in; its CIC takes the calls (§3). */
  province: Province;
};

/**
 * Risk factors of the COL 15/2020 grid marked with a bomb: any one of them
 * means the magistrate is told at once (§7.6).
 */
export type BombFactor =
  /** Violence growing in frequency or severity. */
  | 'ESCALATING_VIOLENCE'
  /** Obsessive jealousy. */
  | 'OBSESSIVE_JEALOUSY'
  /** A recent separation, or one under way. */
  | 'RECENT_SEPARATION'
  /** Stalking (harcèlement) of the victim. */
  | 'STALKING'
  /** Strangulation or an attempt at it. */
  | 'STRANGULATION'
  /** Threats of suicide by the suspect. */
  | 'SUICIDE_THREATS'
  /** Threats to kill the victim or the children. */
  | 'THREATS_TO_KILL'
  /** A weapon used, or the threat of one. */
  | 'WEAPON_USE_OR_THREAT';

/** A provincial dispatch centre (Centre d'information et de communication). */
export type Cic = {
  __typename?: 'Cic';
  /** The CIC's code, e.g. CIC-VAN. */
  code: Scalars['ID']['output'];
  /** The CIC's name. */
  name: Scalars['String']['output'];
};

/** What an alert turned out to be (§7.11.2). */
export type ClassifyAlertInput = {
  /** The alert classified. */
  alertId: Scalars['ID']['input'];
  /** Real, false or test. */
  classification: AlertClass;
  /** When it was classified. */
  classifiedAt: Scalars['DateTime']['input'];
  /** The measure concerned. */
  measureId: Scalars['ID']['input'];
  /** The PV drawn up for the alert (§7.11.2). */
  pvReference: Scalars['String']['input'];
};

/** The end of an alert's 112 call (§3). */
export type CloseAlertCallInput = {
  /** The alert whose call ended. */
  alertId: Scalars['ID']['input'];
  /** When the call ended: at or after the alert was raised, not after now. */
  endedAt: Scalars['DateTime']['input'];
  /** The measure concerned. */
  measureId: Scalars['ID']['input'];
};

/** The six general conditions of §7.5, by name, in the circular's order. */
export type ConditionName =
  /** 6. Signs and keeps the user agreement. */
  | 'ACCEPTS_USER_AGREEMENT'
  /** 5. Files a complaint now and for every new fact. */
  | 'FILES_COMPLAINTS'
  /** 1. Lives in a zone where the alarm is deployed (§5.2). */
  | 'LIVES_IN_DEPLOYED_ZONE'
  /** 4. No voluntary contact with the suspect. */
  | 'NO_VOLUNTARY_CONTACT'
  /** 3. Wants the alarm. */
  | 'WANTS_ALARM'
  /** 2. Within the material scope of §6. */
  | 'WITHIN_MATERIAL_SCOPE';

/** The six general conditions of §7.5, as recorded. */
export type Conditions = {
  __typename?: 'Conditions';
  /** 6. Signs and keeps the user agreement (not signed under 16). */
  acceptsUserAgreement: Scalars['Boolean']['output'];
  /** 5. Files a complaint now and for every new fact. */
  filesComplaints: Scalars['Boolean']['output'];
  /** 1. Lives in a zone where the alarm is deployed (§5.2). */
  livesInDeployedZone: Scalars['Boolean']['output'];
  /** The conditions not met, by name; empty when all are. */
  missing: Array<ConditionName>;
  /** 4. No voluntary contact with the suspect (custody exchanges aside). */
  noVoluntaryContact: Scalars['Boolean']['output'];
  /** The day the conditions were recorded. */
  recordedOn: Scalars['Date']['output'];
  /** 3. Wants the alarm. */
  wantsAlarm: Scalars['Boolean']['output'];
  /** 2. Within the material scope: intra-family stalking, high risk (§6). */
  withinMaterialScope: Scalars['Boolean']['output'];
};

/** A postal address, as the police recorded it (§7.8.5). */
export type ConfidentialAddress = {
  __typename?: 'ConfidentialAddress';
  /** The box (boîte), when there is one. */
  box: Maybe<Scalars['String']['output']>;
  /** The country, as an ISO 3166-1 alpha-2 code such as BE. */
  country: Scalars['String']['output'];
  /** The municipality. */
  municipality: Scalars['String']['output'];
  /** The house number. */
  number: Scalars['String']['output'];
  /** The postal code: 4 digits in Belgium. */
  postalCode: Scalars['String']['output'];
  /** The street. */
  street: Scalars['String']['output'];
};

/** A postal address (§7.8.5); the texts are trimmed. */
export type ConfidentialAddressInput = {
  /** The box, at most 10 characters. */
  box?: InputMaybe<Scalars['String']['input']>;
  /** The country, as an ISO 3166-1 alpha-2 code. */
  country?: Scalars['String']['input'];
  /** The municipality, at most 100 characters. */
  municipality: Scalars['String']['input'];
  /** The house number, at most 10 characters. */
  number: Scalars['String']['input'];
  /** The postal code: 4 digits in Belgium, at most 10 characters elsewhere. */
  postalCode: Scalars['String']['input'];
  /** The street, at most 100 characters. */
  street: Scalars['String']['input'];
};

/**
 * A protected person's confidential address and contacts (§7.8.5): at
 * least one of the address, the phone and the e-mail.
 */
export type ConfidentialContact = {
  __typename?: 'ConfidentialContact';
  /** Where the person lives; null when only a phone or an e-mail was given. */
  address: Maybe<ConfidentialAddress>;
  /** An e-mail address. */
  email: Maybe<Scalars['String']['output']>;
  /**
   * The suspect knows the address or the contacts. When he does not, they
   * never appear in a PV (§7.8.5).
   */
  knownToSuspect: Scalars['Boolean']['output'];
  /** A phone number in international form (E.164), e.g. +32470123456. */
  phone: Maybe<Scalars['String']['output']>;
  /** When it was last recorded; a new record replaces the whole contact. */
  recordedAt: Scalars['DateTime']['output'];
};

/**
 * A count under disclosure control: the value, or suppressed when it
 * stands for fewer than 5 people or would give such a count back by
 * difference. A suppressed count is null with `suppressed` true, never 0.
 * Shareable: the other subgraphs' figures are counts too.
 */
export type Count = {
  __typename?: 'Count';
  /** Withheld by disclosure control. */
  suppressed: Scalars['Boolean']['output'];
  /** The count; null when suppressed. */
  value: Maybe<Scalars['Int']['output']>;
};

/** The eight questions of §7.6. */
export type DangerAnswers = {
  __typename?: 'DangerAnswers';
  /** 8. Has the suspect destroyed the victim's belongings? */
  destroyedBelongings: Scalars['Boolean']['output'];
  /** 1. Is the person very afraid for their life or their children's? */
  fearForLife: Scalars['Boolean']['output'];
  /** 6. Heavy investment of time, energy or means in the stalking? */
  heavyStalkingInvestment: Scalars['Boolean']['output'];
  /** 4. Has the suspect used violence before? */
  pastViolence: Scalars['Boolean']['output'];
  /** 2. A break-up badly accepted or not accepted by the ex-partner? */
  rejectedBreakUp: Scalars['Boolean']['output'];
  /** 3. Threats to kill or to kill himself, or no way out but a fatal one? */
  threatsToKillOrSuicide: Scalars['Boolean']['output'];
  /** 7. Great anger, hard to control? */
  uncontrolledAnger: Scalars['Boolean']['output'];
  /** 5. Does the suspect have an affinity with weapons? */
  weaponAffinity: Scalars['Boolean']['output'];
};

/** The answers to the eight questions of §7.6; see DangerAnswers. */
export type DangerAnswersInput = {
  /** 8. The victim's belongings destroyed? */
  destroyedBelongings: Scalars['Boolean']['input'];
  /** 1. Very afraid for their life or their children's? */
  fearForLife: Scalars['Boolean']['input'];
  /** 6. Heavy investment in the stalking? */
  heavyStalkingInvestment: Scalars['Boolean']['input'];
  /** 4. Violence used before? */
  pastViolence: Scalars['Boolean']['input'];
  /** 2. A break-up badly accepted or not accepted? */
  rejectedBreakUp: Scalars['Boolean']['input'];
  /** 3. Threats to kill or to kill himself? */
  threatsToKillOrSuicide: Scalars['Boolean']['input'];
  /** 7. Great anger, hard to control? */
  uncontrolledAnger: Scalars['Boolean']['input'];
  /** 5. An affinity with weapons? */
  weaponAffinity: Scalars['Boolean']['input'];
};

/** A span of days, both ends included. */
export type DateRange = {
  __typename?: 'DateRange';
  /** The first day. */
  from: Scalars['Date']['output'];
  /** The last day. */
  to: Scalars['Date']['output'];
};

/** The magistrate's decision on the re-evaluation (§7.12.1). */
export type DecideReEvaluationInput = {
  /** The day of the decision; a prolongation counts from it. */
  decidedOn: Scalars['Date']['input'];
  /** The measure concerned. */
  measureId: Scalars['ID']['input'];
  /** Prolong or let end. */
  outcome: ReEvaluationOutcome;
  /** The PV recording the decision. */
  pvReference: Scalars['String']['input'];
};

/**
 * The days from the start to the end of the measures ended in the period
 * (the end day is the first day not protected).
 */
export type DurationFigures = {
  __typename?: 'DurationFigures';
  /** Mean days. */
  meanDays: Statistic;
  /** Median days. */
  medianDays: Statistic;
};

/** The early ends of §7.12.3. */
export type EarlyEndReason =
  /** Repeated misuse or breach of the user agreement (§7.12.3). */
  | 'MISUSE'
  /** No longer serious enough, after an updated evaluation (§7.12.3). */
  | 'NO_LONGER_SERIOUS'
  /** The protected person no longer wants the alarm (§7.12.3). */
  | 'PERSON_REQUEST'
  /** The person settled abroad for good (§7.12.3). */
  | 'SETTLED_ABROAD'
  /** The person settled outside deployed territory, measure not kept (§7.2.3). */
  | 'SETTLED_OUTSIDE_DEPLOYED_TERRITORY';

/** A change the other agency systems must record (§7.8, §7.13). */
export type Effect = {
  __typename?: 'Effect';
  /** How many times the write was tried. */
  attempts: Scalars['Int']['output'];
  /** When the change that set it off was saved. */
  createdAt: Scalars['DateTime']['output'];
  /** When the system recorded it; null while pending. */
  doneAt: Maybe<Scalars['DateTime']['output']>;
  /** Which system and which write. */
  kind: EffectKind;
  /** Why the last attempt failed; no personal data. */
  lastError: Maybe<Scalars['String']['output']>;
  /** Still to be recorded, or recorded. */
  status: EffectStatus;
};

/** What another agency system must record. */
export type EffectKind =
  /** The alarm's mention in the BNG (§7.8.1). */
  | 'BNG_ALARM_MENTION'
  /** The no-contact order in the BNG, as long as the measure (§7.8.4). */
  | 'BNG_NO_CONTACT_ORDER'
  /** A device from the arrondissement's stock (§7.8.7). */
  | 'DEVICES_ASSIGNMENT'
  /** The grant registration in SharePoint (§7.13.1). */
  | 'DEVICES_GRANT_REGISTRATION'
  /** The return of the devices at the end (§7.12.2). */
  | 'DEVICES_RETURN'
  /** The devices under the measure answer to its new managing zone (§7.2.3). */
  | 'DEVICES_ZONE_REASSIGNMENT'
  /** The registration comment in MaCH (§7.13.2). */
  | 'MACH_REGISTRATION_COMMENT'
  /** A notice to victim support (§7.8.3). */
  | 'VICTIM_SUPPORT_NOTICE'
  /** The referral to victim support (§7.8.3). */
  | 'VICTIM_SUPPORT_REFERRAL'
  /** The referral moves to the new arrondissement's victim support (§7.2.3). */
  | 'VICTIM_SUPPORT_REFERRAL_TRANSFER';

/** Whether an effect was recorded. */
export type EffectStatus =
  /** Recorded by the system. */
  | 'DONE'
  /** Not recorded yet: retried until the system accepts it. */
  | 'PENDING';

/** Ends by reason (§7.12): at the end date, or early (§7.12.3, §7.2.3). */
export type EndCounts = {
  __typename?: 'EndCounts';
  /** Every early end: all reasons but EXPIRED. */
  early: Count;
  /** At the end date (§7.12.2). */
  expired: Count;
  /** Repeated misuse or breach of the agreement. */
  misuse: Count;
  /** No longer serious enough. */
  noLongerSerious: Count;
  /** At the protected person's request. */
  personRequest: Count;
  /** The person settled abroad. */
  settledAbroad: Count;
  /** The person settled outside the deployed territory. */
  settledOutsideDeployedTerritory: Count;
  /** Every end. */
  total: Count;
};

/** The magistrate's early end of a measure (§7.12.3). */
export type EndProtectionEarlyInput = {
  /** The day of the decision: the measure ends that day. */
  decidedOn: Scalars['Date']['input'];
  /** The measure ended. */
  measureId: Scalars['ID']['input'];
  /** The PV recording the decision. */
  pvReference: Scalars['String']['input'];
  /** Why it ends early. */
  reason: EarlyEndReason;
};

/** Why a measure ended (§7.12). */
export type EndReason =
  /** Reached its end date without prolongation (§7.12.2). */
  | 'EXPIRED'
  /** Early end: repeated misuse or breach of the agreement (§7.12.3). */
  | 'MISUSE'
  /** Early end: no longer serious enough (§7.12.3). */
  | 'NO_LONGER_SERIOUS'
  /** Early end at the protected person's request (§7.12.3). */
  | 'PERSON_REQUEST'
  /** The person settled abroad (§7.12.3, §7.2.3). */
  | 'SETTLED_ABROAD'
  /** The person settled where the alarm is not deployed, without agreement (§7.2.3). */
  | 'SETTLED_OUTSIDE_DEPLOYED_TERRITORY';

/** A hearing and the evaluation of the danger (§7.4, §7.6). */
export type Evaluation = {
  __typename?: 'Evaluation';
  /** The eight questions of §7.6, each answered. */
  answers: DangerAnswers;
  /** COL 15/2020 risk factors marked with a bomb, for ex-partners. */
  bombFactors: Array<BombFactor>;
  /** The suspect's and the victim's intentions after the break-up diverge (§7.6). */
  breakUpIntentionsDiverge: Scalars['Boolean']['output'];
  /** The day of the detailed hearing of the person (§7.4.1). */
  heardOn: Scalars['Date']['output'];
  /** The victim had to go to an emergency or secret shelter (§7.6). */
  inShelter: Scalars['Boolean']['output'];
  /** A bomb factor is present: the magistrate must be told at once (§7.6). */
  magistrateToBeToldAtOnce: Scalars['Boolean']['output'];
  /** The PV of the hearing: initial or subsequent (§7.4.1). */
  pvReference: Scalars['String']['output'];
  /** A re-evaluation in view of prolongation (§7.12.1). */
  reEvaluation: Scalars['Boolean']['output'];
  /** The relationship as the hearing established it (§6). */
  relationship: Relationship;
  /** How many of the eight questions were answered yes (§7.6). */
  yesCount: Scalars['Int']['output'];
};

/** A travel notice forwarded to the destination's zone and CIC (§7.11.1). */
export type ForwardTravelNoticeInput = {
  /** The day it was forwarded. */
  forwardedOn: Scalars['Date']['input'];
  /** The measure concerned. */
  measureId: Scalars['ID']['input'];
  /** The notice forwarded. */
  travelNoticeId: Scalars['ID']['input'];
};

/** A person's gender as recorded. */
export type Gender =
  /** Female. */
  | 'FEMALE'
  /** Male. */
  | 'MALE'
  /** Neither female nor male, or not stated as either. */
  | 'X';

/** The magistrate's grant of the alarm (§7.8). */
export type GrantProtectionInput = {
  /** The day of the decision: protection starts that day (§7.10.1). */
  decidedOn: Scalars['Date']['input'];
  /** When the investigating judge was informed, if under investigation (§7.8.2). */
  investigatingJudgeInformedOn?: InputMaybe<Scalars['Date']['input']>;
  /** The measure granted. */
  measureId: Scalars['ID']['input'];
  /** Children or relatives also in serious danger (§7.9). */
  otherProtectedPersons?: Array<ProtectedPersonInput>;
  /** The PV recording the decision (§7.8.1). */
  pvReference: Scalars['String']['input'];
  /** The case is under judicial investigation (§7.8.2). */
  underInvestigation?: Scalars['Boolean']['input'];
  /** The victim's own agreement signature (required from 16) (§7.5). */
  victimAgreementSigned: Scalars['Boolean']['input'];
  /** A minor victim's discernment to use the alarm (§7.9). */
  victimDiscernmentRecorded?: Scalars['Boolean']['input'];
};

/** One change to a measure, as the journal keeps it. */
export type JournalEntry = {
  __typename?: 'JournalEntry';
  /** What changed, e.g. GRANT, ALERT, EXPIRY. */
  action: Scalars['String']['output'];
  /** The actor's zone, arrondissement or province code. */
  actorOrganisation: Maybe<Scalars['String']['output']>;
  /** The role of whoever made the change; `system` for the expiry sweep. */
  actorRole: Scalars['String']['output'];
  /** When the change was saved. */
  at: Scalars['DateTime']['output'];
  /** The PV the change was recorded in, when there is one. */
  pvReference: Maybe<Scalars['String']['output']>;
};

/** Where a measure stands in its life (§7). */
export type MeasureStatus =
  /** Granted and running (§7.8). */
  | 'ACTIVE'
  /** Ended, at its planned date or early (§7.12). */
  | 'ENDED'
  /** Refused; provisional, may be reconsidered on new facts (§7.7). */
  | 'REFUSED'
  /** Asked for; hearing and evaluation under way (§7.3, §7.4). */
  | 'REQUESTED';

/**
 * The changes to a measure through its life (§7.3 to §7.12). Each answers
 * the measure as it stands afterwards; what the other agency systems must
 * record follows in `effects`.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /** The new parquet acknowledges a transferred file (§7.2.3). */
  acknowledgeTransfer: ProtectionMeasure;
  /** A trip of 5 nights or more, or a usual place (§7.11.1). */
  announceTravel: ProtectionMeasure;
  /** Classifies an alert; a real one prolongs the measure (§7.10.2). */
  classifyAlert: ProtectionMeasure;
  /**
   * The 112 call of an alert ended (§3): the app sends no more position
   * fixes. Recording the same end again changes nothing; another end is
   * an ALERT_CONFLICT, and an end before the alert was raised or after now
   * is INVALID_INPUT (`field: endedAt`).
   */
  closeAlertCall: ProtectionMeasure;
  /** The re-evaluation in the month before the end: prolong or let end (§7.12.1). */
  decideReEvaluation: ProtectionMeasure;
  /** The magistrate ends the measure early (§7.12.3). */
  endProtectionEarly: ProtectionMeasure;
  /** The managing zone forwarded a travel notice to the destination (§7.11.1). */
  forwardTravelNotice: ProtectionMeasure;
  /** The magistrate grants the alarm (§7.8, §7.9). */
  grantProtection: ProtectionMeasure;
  /**
   * Raises an alert from the alarm device that sent it (§3): the 112
   * system or the CIC names the device's serial, and the alert is recorded
   * on the measure the device is assigned under, as `recordAlert` does.
   * Recording the same alert id twice changes nothing.
   */
  raiseAlertFromDevice: ProtectionMeasure;
  /** Reopens a refused request on new facts (§7.7). */
  reconsiderRequest: ProtectionMeasure;
  /**
   * Records an alert as a fact of the measure (§7.11.2): by the police or
   * the CIC responsible, or by the 112 system for any measure (§3).
   */
  recordAlert: ProtectionMeasure;
  /**
   * Records a position fix the 112 app sent during an alert's call (§3):
   * it joins the alert's track, and becomes its location when taken later
   * than the one on record. A fix taken at an instant already on record
   * changes nothing.
   */
  recordAlertLocation: ProtectionMeasure;
  /** Records the six general conditions (§7.5). */
  recordConditions: ProtectionMeasure;
  /**
   * Records a protected person's confidential address and contacts
   * (§7.8.5), replacing what was recorded before for that person. For the
   * police of the managing zone and the magistrates of the parquet, while
   * the measure is REQUESTED or ACTIVE. The journal keeps that it was
   * done, never what was recorded.
   */
  recordConfidentialContact: ProtectionMeasure;
  /** The police activated the device (§7.8.1). */
  recordDeviceActivation: ProtectionMeasure;
  /** The devices were disconnected and returned (§7.12.2). */
  recordDeviceReturn: ProtectionMeasure;
  /** Records a hearing and the evaluation of the danger (§7.4, §7.6). */
  recordEvaluation: ProtectionMeasure;
  /** A lasting move of residence (§7.2.3). */
  recordMove: ProtectionMeasure;
  /** New facts: a new initial PV, the magistrate told, a prolongation (§7.11.3, §7.10.2). */
  recordNewFacts: ProtectionMeasure;
  /** The police team arrived on site for an alert (§7.11.2). */
  recordPoliceArrival: ProtectionMeasure;
  /** A revisit of the victim was done (§7.11.3). */
  recordRevisit: ProtectionMeasure;
  /** The magistrate's negative decision (§7.7). */
  refuseProtection: ProtectionMeasure;
  /** Records a request for the alarm (§7.3), routed to the residence's zone and parquet (§7.2). */
  requestProtection: ProtectionMeasure;
  /** Asks victim support to renew its offer near the end (§7.8.3, §7.12.2). */
  requestRenewedOffer: ProtectionMeasure;
};


/**
 * The changes to a measure through its life (§7.3 to §7.12). Each answers
 * the measure as it stands afterwards; what the other agency systems must
 * record follows in `effects`.
 */
export type MutationAcknowledgeTransferArgs = {
  input: AcknowledgeTransferInput;
};


/**
 * The changes to a measure through its life (§7.3 to §7.12). Each answers
 * the measure as it stands afterwards; what the other agency systems must
 * record follows in `effects`.
 */
export type MutationAnnounceTravelArgs = {
  input: AnnounceTravelInput;
};


/**
 * The changes to a measure through its life (§7.3 to §7.12). Each answers
 * the measure as it stands afterwards; what the other agency systems must
 * record follows in `effects`.
 */
export type MutationClassifyAlertArgs = {
  input: ClassifyAlertInput;
};


/**
 * The changes to a measure through its life (§7.3 to §7.12). Each answers
 * the measure as it stands afterwards; what the other agency systems must
 * record follows in `effects`.
 */
export type MutationCloseAlertCallArgs = {
  input: CloseAlertCallInput;
};


/**
 * The changes to a measure through its life (§7.3 to §7.12). Each answers
 * the measure as it stands afterwards; what the other agency systems must
 * record follows in `effects`.
 */
export type MutationDecideReEvaluationArgs = {
  input: DecideReEvaluationInput;
};


/**
 * The changes to a measure through its life (§7.3 to §7.12). Each answers
 * the measure as it stands afterwards; what the other agency systems must
 * record follows in `effects`.
 */
export type MutationEndProtectionEarlyArgs = {
  input: EndProtectionEarlyInput;
};


/**
 * The changes to a measure through its life (§7.3 to §7.12). Each answers
 * the measure as it stands afterwards; what the other agency systems must
 * record follows in `effects`.
 */
export type MutationForwardTravelNoticeArgs = {
  input: ForwardTravelNoticeInput;
};


/**
 * The changes to a measure through its life (§7.3 to §7.12). Each answers
 * the measure as it stands afterwards; what the other agency systems must
 * record follows in `effects`.
 */
export type MutationGrantProtectionArgs = {
  input: GrantProtectionInput;
};


/**
 * The changes to a measure through its life (§7.3 to §7.12). Each answers
 * the measure as it stands afterwards; what the other agency systems must
 * record follows in `effects`.
 */
export type MutationRaiseAlertFromDeviceArgs = {
  input: RaiseAlertFromDeviceInput;
};


/**
 * The changes to a measure through its life (§7.3 to §7.12). Each answers
 * the measure as it stands afterwards; what the other agency systems must
 * record follows in `effects`.
 */
export type MutationReconsiderRequestArgs = {
  input: ReconsiderRequestInput;
};


/**
 * The changes to a measure through its life (§7.3 to §7.12). Each answers
 * the measure as it stands afterwards; what the other agency systems must
 * record follows in `effects`.
 */
export type MutationRecordAlertArgs = {
  input: RecordAlertInput;
};


/**
 * The changes to a measure through its life (§7.3 to §7.12). Each answers
 * the measure as it stands afterwards; what the other agency systems must
 * record follows in `effects`.
 */
export type MutationRecordAlertLocationArgs = {
  input: RecordAlertLocationInput;
};


/**
 * The changes to a measure through its life (§7.3 to §7.12). Each answers
 * the measure as it stands afterwards; what the other agency systems must
 * record follows in `effects`.
 */
export type MutationRecordConditionsArgs = {
  input: RecordConditionsInput;
};


/**
 * The changes to a measure through its life (§7.3 to §7.12). Each answers
 * the measure as it stands afterwards; what the other agency systems must
 * record follows in `effects`.
 */
export type MutationRecordConfidentialContactArgs = {
  input: RecordConfidentialContactInput;
};


/**
 * The changes to a measure through its life (§7.3 to §7.12). Each answers
 * the measure as it stands afterwards; what the other agency systems must
 * record follows in `effects`.
 */
export type MutationRecordDeviceActivationArgs = {
  input: RecordDeviceActivationInput;
};


/**
 * The changes to a measure through its life (§7.3 to §7.12). Each answers
 * the measure as it stands afterwards; what the other agency systems must
 * record follows in `effects`.
 */
export type MutationRecordDeviceReturnArgs = {
  input: RecordDeviceReturnInput;
};


/**
 * The changes to a measure through its life (§7.3 to §7.12). Each answers
 * the measure as it stands afterwards; what the other agency systems must
 * record follows in `effects`.
 */
export type MutationRecordEvaluationArgs = {
  input: RecordEvaluationInput;
};


/**
 * The changes to a measure through its life (§7.3 to §7.12). Each answers
 * the measure as it stands afterwards; what the other agency systems must
 * record follows in `effects`.
 */
export type MutationRecordMoveArgs = {
  input: RecordMoveInput;
};


/**
 * The changes to a measure through its life (§7.3 to §7.12). Each answers
 * the measure as it stands afterwards; what the other agency systems must
 * record follows in `effects`.
 */
export type MutationRecordNewFactsArgs = {
  input: RecordNewFactsInput;
};


/**
 * The changes to a measure through its life (§7.3 to §7.12). Each answers
 * the measure as it stands afterwards; what the other agency systems must
 * record follows in `effects`.
 */
export type MutationRecordPoliceArrivalArgs = {
  input: RecordPoliceArrivalInput;
};


/**
 * The changes to a measure through its life (§7.3 to §7.12). Each answers
 * the measure as it stands afterwards; what the other agency systems must
 * record follows in `effects`.
 */
export type MutationRecordRevisitArgs = {
  input: RecordRevisitInput;
};


/**
 * The changes to a measure through its life (§7.3 to §7.12). Each answers
 * the measure as it stands afterwards; what the other agency systems must
 * record follows in `effects`.
 */
export type MutationRefuseProtectionArgs = {
  input: RefuseProtectionInput;
};


/**
 * The changes to a measure through its life (§7.3 to §7.12). Each answers
 * the measure as it stands afterwards; what the other agency systems must
 * record follows in `effects`.
 */
export type MutationRequestProtectionArgs = {
  input: RequestProtectionInput;
};


/**
 * The changes to a measure through its life (§7.3 to §7.12). Each answers
 * the measure as it stands afterwards; what the other agency systems must
 * record follows in `effects`.
 */
export type MutationRequestRenewedOfferArgs = {
  input: RequestRenewedOfferInput;
};

/** New facts (§7.11.3): a new initial PV that mentions the alarm. */
export type NewFact = {
  __typename?: 'NewFact';
  /** The day the facts took place; the prolongation counts from it. */
  factOn: Scalars['Date']['output'];
  /** The magistrate was told at once (§7.11.3). */
  magistrateInformed: Scalars['Boolean']['output'];
  /** The new initial PV, which mentions the alarm (§7.11.3). */
  pvReference: Scalars['String']['output'];
  /** The day the new facts were reported or found. */
  reportedOn: Scalars['Date']['output'];
};

/**
 * A person known to the protection system: a protected person or a suspect.
 * Keyed by the Belgian national register number (11 digits).
 */
export type Person = {
  __typename?: 'Person';
  /**
   * Date of birth; null when not known. The age rules of §7.9 count from it
   * (discernment for a minor, the agreement signed from 16).
   */
  birthDate: Maybe<Scalars['Date']['output']>;
  /** First name, as recorded in the PV. */
  firstName: Scalars['String']['output'];
  /** Gender as recorded; null when not recorded. Feeds the statistics (§9). */
  gender: Maybe<Gender>;
  /** Last name, as recorded in the PV. */
  lastName: Scalars['String']['output'];
  /** The national register number: 11 digits, the last two a mod-97 check. */
  nationalNumber: Scalars['ID']['output'];
  /** Measures under which this person is protected. */
  protections: Array<ProtectionMeasure>;
};

/** A person as the PV names them. */
export type PersonInput = {
  /** Date of birth: the age rules of §7.9 count from it. */
  birthDate: Scalars['Date']['input'];
  /** First name. */
  firstName: Scalars['String']['input'];
  /** Gender, when known. */
  gender?: InputMaybe<Gender>;
  /** Last name. */
  lastName: Scalars['String']['input'];
  /** The national register number; an invalid one is refused. */
  nationalNumber: Scalars['ID']['input'];
};

/** Minutes from the press to the police on site (§7.11.2). */
export type PoliceOnSiteFigures = {
  __typename?: 'PoliceOnSiteFigures';
  /** Alerts whose arrival is recorded. */
  measured: Count;
  /** Median minutes. */
  medianMinutes: Statistic;
  /** 90th percentile, minutes (nearest rank). */
  p90Minutes: Statistic;
};

/** A local police zone; the alarm is available once the zone is deployed (§5.2). */
export type PoliceZone = {
  __typename?: 'PoliceZone';
  /** The arrondissement the zone belongs to. */
  arrondissement: Arrondissement;
  /** The zone's number, e.g. 5345. */
  code: Scalars['ID']['output'];
  /**
   * The desk of the zone's dispatch or reference officer, for the briefing
   * of an intervention (§7.11.2, §8); null when the territory file has none.
   */
  contact: Maybe<ZoneContact>;
  /** The day the alarm was deployed in the zone; null while it is not (§5.2). */
  deployedOn: Maybe<Scalars['Date']['output']>;
  /** The zone's name. */
  name: Scalars['String']['output'];
};

/** How the phone found its position, as AML names it. */
export type PositioningMethod =
  /** The cells of the mobile network. */
  | 'CELL'
  /** Satellite positioning (GPS, Galileo and the like). */
  | 'GNSS'
  /** The Wi-Fi networks around the phone. */
  | 'WIFI';

/** A new 9-month period (§7.10.2, §7.12.1). */
export type Prolongation = {
  __typename?: 'Prolongation';
  /** What set off the prolongation. */
  cause: ProlongationCause;
  /** The day the prolongation was recorded. */
  decidedOn: Scalars['Date']['output'];
  /** The alert, new fact or re-evaluation date the period counts from. */
  incidentOn: Scalars['Date']['output'];
  /**
   * The later of the previous end and 9 months after the incident: a
   * prolongation never shortens a measure (§7.10.2).
   */
  newEndDate: Scalars['Date']['output'];
  /** The end date before this prolongation. */
  previousEndDate: Scalars['Date']['output'];
};

/** What set off a prolongation (§7.10.2, §7.12.1). */
export type ProlongationCause =
  /** New facts reported or found (§7.10.2, §7.11.3). */
  | 'NEW_FACTS'
  /** An alert classified REAL; false alerts and tests do not prolong (§7.10.2). */
  | 'REAL_ALERT'
  /** The re-evaluation in the month before the end (§7.12.1). */
  | 'RE_EVALUATION';

/** Prolongations by what set them off (§7.10.2, §7.12.1). */
export type ProlongationCounts = {
  __typename?: 'ProlongationCounts';
  /** New facts reported or found. */
  newFacts: Count;
  /** The re-evaluation before the end. */
  reEvaluation: Count;
  /** An alert classified REAL. */
  realAlert: Count;
};

/** A person the measure protects (§7.9). */
export type ProtectedPerson = {
  __typename?: 'ProtectedPerson';
  /** Signed the user agreement; not required under 16 (§7.5, §7.9). */
  agreementSigned: Maybe<Scalars['Boolean']['output']>;
  /**
   * Where the person lives and how to reach them, as the police or the
   * parquet recorded it (`recordConfidentialContact`); null when nothing
   * was recorded. Confidential (§7.8.5): kept out of the PV, where the
   * national register number stands instead, and stored apart from the
   * measure. Only the police of the managing zone, the magistrates of the
   * measure's arrondissement and the victim support service of that
   * arrondissement read it: they protect the person and reach them. Anyone
   * else (a CIC, the zone of an intervention or of a trip, another zone,
   * an analyst, the 112 system) gets null and a FORBIDDEN error at this
   * path, and the rest of the answer stands. An alert event never carries
   * it, whoever subscribes.
   */
  confidentialContact: Maybe<ConfidentialContact>;
  /** A minor's discernment to use the alarm, as recorded (§7.9). */
  discernmentRecorded: Maybe<Scalars['Boolean']['output']>;
  /** The person, with name and national register number. */
  person: Person;
  /** Why the person is protected: the victim, or a child or relative. */
  role: ProtectedRole;
};

/** Persons newly protected, by their role in the measure (§7.9). */
export type ProtectedPersonCounts = {
  __typename?: 'ProtectedPersonCounts';
  /** Children of the victim. */
  children: Count;
  /** Relatives of the victim. */
  relatives: Count;
  /** Victims. */
  victims: Count;
};

/** A child or relative protected with the victim (§7.9). */
export type ProtectedPersonInput = {
  /** Required true from 16 years of age (§7.5, §7.9). */
  agreementSigned: Scalars['Boolean']['input'];
  /** Required true for a minor (§7.9). */
  discernmentRecorded?: Scalars['Boolean']['input'];
  /** The victim is protected already; children and relatives are added here. */
  person: PersonInput;
  /** CHILD or RELATIVE. */
  role: ProtectedRole;
};

/** Why a person is protected by a measure (§6, §7.9). */
export type ProtectedRole =
  /** A child of the victim, also in serious danger (§7.9). */
  | 'CHILD'
  /** A relative of the victim, also in serious danger (§7.9). */
  | 'RELATIVE'
  /** The victim of the stalking. */
  | 'VICTIM';

/**
 * The figures of a cell or of the total. Counts are of the period's
 * events; `activeAtEnd` of the measures running on its last day.
 */
export type ProtectionFigures = {
  __typename?: 'ProtectionFigures';
  /** Measures running on the period's last day. */
  activeAtEnd: Count;
  /** Alerts raised in the period, by class (§7.11.2, §9). */
  alerts: AlertCounts;
  /** How long the measures ended in the period lasted. */
  duration: DurationFigures;
  /** Measures ended in the period, by reason (§7.12). */
  ends: EndCounts;
  /** Grants decided in the period (§7.8). */
  grants: Count;
  /** Persons newly protected by the period's grants (§7.9), by role. */
  newProtectedPersons: ProtectedPersonCounts;
  /** From the press to the police on site, for the period's alerts. */
  policeOnSite: PoliceOnSiteFigures;
  /** Prolongations decided in the period, by cause (§7.10.2, §7.12.1). */
  prolongations: ProlongationCounts;
  /** Refusals decided in the period (§7.7); the last of a measure's. */
  refusals: Count;
  /** Requests made in the period (§7.3), by request day. */
  requests: Count;
  /** Revisits due in the period and those done on time (§7.11.3). */
  revisits: RevisitCounts;
  /** Travel notices announced in the period (§7.11.1). */
  travelNotices: TravelNoticeCounts;
};

/** A mobile stalking alarm measure, from request to end (COL 03/2023 §7). */
export type ProtectionMeasure = {
  __typename?: 'ProtectionMeasure';
  /** Alerts recorded as facts of the measure (§7.11.2). */
  alerts: Maybe<Array<Alert>>;
  /** The judicial arrondissement of the residence: its parquet decides (§7.2.1). */
  arrondissement: Maybe<Arrondissement>;
  /** The six general conditions as last recorded (§7.5). */
  conditions: Maybe<Conditions>;
  /** The day the magistrate granted the alarm (§7.8); null before a grant. */
  decidedOn: Maybe<Scalars['Date']['output']>;
  /** When the police activated the device (§7.8.1). */
  deviceActivatedOn: Maybe<Scalars['Date']['output']>;
  /** The device return is due: the measure ended and devices are out (§7.12.2). */
  deviceReturnDue: Maybe<Scalars['Boolean']['output']>;
  /** The day the devices were disconnected and returned, with a PV (§7.12.2). */
  devicesReturnedOn: Maybe<Scalars['Date']['output']>;
  /** What the other agency systems must still record, or have recorded. */
  effects: Maybe<Array<Effect>>;
  /** Planned end: 9 months after the decision, moved by prolongations (§7.10). */
  endDate: Maybe<Scalars['Date']['output']>;
  /** Why the measure ended (§7.12); null while it has not. */
  endReason: Maybe<EndReason>;
  /**
   * The day the measure ended: the day after its end date at expiry, the
   * day of the decision or of the move otherwise (§7.12, §7.2.3).
   */
  endedOn: Maybe<Scalars['Date']['output']>;
  /** Hearings and evaluations of the danger, oldest first (§7.4, §7.6, §7.12.1). */
  evaluations: Maybe<Array<Evaluation>>;
  /** The measure's identifier, the same in every subgraph. */
  id: Scalars['ID']['output'];
  /** When the investigating judge was informed of the measure (§7.8.2). */
  investigatingJudgeInformedOn: Maybe<Scalars['Date']['output']>;
  /** Every change to the measure, oldest first. */
  journal: Maybe<Array<JournalEntry>>;
  /** The police zone of the residence, which manages the measure (§7.2.2). */
  managingZone: Maybe<PoliceZone>;
  /** New facts reported or found (§7.11.3). */
  newFacts: Maybe<Array<NewFact>>;
  /** A move of residence awaiting the new parquet (§7.2.3). */
  pendingTransfer: Maybe<Transfer>;
  /** Prolongations, oldest first (§7.10.2, §7.12.1). */
  prolongations: Maybe<Array<Prolongation>>;
  /** The victim, then the children and relatives also protected (§7.9). */
  protectedPersons: Maybe<Array<ProtectedPerson>>;
  /** The PV (procès-verbal) in which the request was recorded (§7.3.1). */
  pvReference: Maybe<Scalars['String']['output']>;
  /** The re-evaluation window: the month before the end (§7.12.1). */
  reEvaluationWindow: Maybe<DateRange>;
  /** Human-readable reference, e.g. SA/2026/0007. */
  reference: Scalars['String']['output'];
  /** The negative decision, when the alarm was refused (§7.7). */
  refusal: Maybe<Refusal>;
  /** How the suspect is related to the victim: intra-family stalking (§6). */
  relationship: Maybe<Relationship>;
  /** Who asked for the alarm (§7.3); the same as `requester.origin`. */
  requestOrigin: Maybe<RequestOrigin>;
  /** The day the request was made (§7.3). */
  requestedOn: Maybe<Scalars['Date']['output']>;
  /** Who asked for the alarm, kept on record (§7.3). */
  requester: Maybe<Requester>;
  /** Revisits of the victim: done and scheduled (§7.11.3). */
  revisits: Maybe<Array<Revisit>>;
  /** The first day of protection: the day of the grant (§7.10.1). */
  startDate: Maybe<Scalars['Date']['output']>;
  /** Where the measure stands in its life (§7.3 to §7.12). */
  status: MeasureStatus;
  /** The person suspected of stalking; never told of the alarm (§7.8.4). */
  suspect: Maybe<Person>;
  /** Travel notices and usual places (§7.11.1). */
  travelNotices: Maybe<Array<TravelNotice>>;
  /** The case is under judicial investigation (§7.8.2). */
  underInvestigation: Maybe<Scalars['Boolean']['output']>;
};

/** The protection register's share of a report. */
export type ProtectionStatistics = {
  __typename?: 'ProtectionStatistics';
  /** One cell per combination of the dimensions' values found, in order. */
  cells: Array<ProtectionStatisticsCell>;
  /** The figures of the whole scope, over every cell. */
  total: ProtectionFigures;
};

/**
 * One cell of the breakdown: a value for each dimension asked, null for a
 * dimension not asked (and for a gender or birth date not recorded).
 */
export type ProtectionStatisticsCell = {
  __typename?: 'ProtectionStatisticsCell';
  /** ARRONDISSEMENT: where the measure is managed now. */
  arrondissement: Maybe<Arrondissement>;
  /** The cell's figures. */
  figures: ProtectionFigures;
  /** PROTECTED_AGE_BAND: the victim's age on the decision, or the request. */
  protectedAgeBand: Maybe<AgeBand>;
  /** PROTECTED_GENDER: the victim's gender. */
  protectedGender: Maybe<Gender>;
  /** RELATIONSHIP: how the suspect is related to the victim (§6). */
  relationship: Maybe<Relationship>;
  /** REQUEST_ORIGIN: who asked for the alarm (§7.3). */
  requestOrigin: Maybe<RequestOrigin>;
  /** SUSPECT_AGE_BAND: the suspect's age on the decision, or the request. */
  suspectAgeBand: Maybe<AgeBand>;
  /** SUSPECT_GENDER: the suspect's gender. */
  suspectGender: Maybe<Gender>;
  /** ZONE: the zone that manages the measure now. */
  zone: Maybe<PoliceZone>;
};

/** A province, with its dispatch centre (CIC) (§3). */
export type Province = {
  __typename?: 'Province';
  /** The provincial dispatch centre (CIC) (§3). */
  cic: Cic;
  /** ISO 3166-2:BE code, e.g. BE-VAN. */
  code: Scalars['ID']['output'];
  /** The province's name. */
  name: Scalars['String']['output'];
};

/** The entry points for reading the graph. */
export type Query = {
  __typename?: 'Query';
  /**
   * One event of the alert log (§3, §7.11.2) by its sequence: the event
   * when the caller may read it, by the rule of `alertEvents`; null when
   * the caller may not, or the log holds no such sequence; FORBIDDEN for
   * the roles `alertEvents` refuses. The live alert
   * stream resolves each subscriber's selection through this field.
   */
  alertEvent: Maybe<AlertEvent>;
  /**
   * The alert log (§3, §7.11.2) as the caller may read it, in sequence
   * order: what the live alert stream replays on reconnect. An event is
   * the caller's when the caller is among the alert's recipients at the
   * event's instant: the managing zone, the zone where the person is, the
   * CIC of that province, the zones and CICs of an open trip or usual
   * place, a zone awaiting a move, and the magistrate unless the alert is
   * false. The alert is judged as it stands now, so once an alert is
   * classified FALSE its magistrate no longer reads any of its events.
   * Analysts, victim support, the 112 system and the auditor get
   * FORBIDDEN.
   */
  alertEvents: Array<AlertEvent>;
  /**
   * The alert log as the gateway reads it to feed the live alert stream:
   * every event numbered above `after`, in sequence order, with who may
   * receive it. Only the gateway's own identity (role `gateway`) reads it;
   * the gateway's API does not show it.
   */
  alertLog: Array<AlertLogEntry>;
  /**
   * The highest sequence of the alert log, committed and with every lower
   * one committed too; "0" while the log is empty. Where the live alert
   * stream starts reading. Role `gateway` only, like `alertLog`.
   */
  alertLogHead: Scalars['ID']['output'];
  /** One person by national register number; null when unknown here. */
  person: Maybe<Person>;
  /** The territory: provinces, arrondissements and zones (§5.2). */
  policeZones: Array<PoliceZone>;
  /** One measure by its id; null when there is none. */
  protectionMeasure: Maybe<ProtectionMeasure>;
  /**
   * Measures of one zone or arrondissement, newest request first: a police
   * zone lists the measures it manages (§7.2.2), a magistrate those of the
   * parquet's arrondissement (§7.2.1), a CIC those of its province's zones.
   */
  protectionMeasures: Array<ProtectionMeasure>;
  /**
   * Aggregate figures over a period (§9; issue 7), broken down by the
   * dimensions asked, under disclosure control. An analyst reads the whole
   * country or any part of it; a magistrate its arrondissement or one of
   * its zones; a police zone (its reference officer, §8) its own zone.
   * A scope outside the caller's territory is FORBIDDEN.
   */
  statistics: StatisticsReport;
  /**
   * What is due for the caller: a police zone's revisits, re-evaluations,
   * device returns and travel notices; a magistrate's pending decisions,
   * re-evaluations, alerts and transfers.
   */
  workList: WorkList;
};


/** The entry points for reading the graph. */
export type QueryAlertEventArgs = {
  sequence: Scalars['ID']['input'];
};


/** The entry points for reading the graph. */
export type QueryAlertEventsArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};


/** The entry points for reading the graph. */
export type QueryAlertLogArgs = {
  after: Scalars['ID']['input'];
  limit?: InputMaybe<Scalars['Int']['input']>;
};


/** The entry points for reading the graph. */
export type QueryPersonArgs = {
  nationalNumber: Scalars['ID']['input'];
};


/** The entry points for reading the graph. */
export type QueryProtectionMeasureArgs = {
  id: Scalars['ID']['input'];
};


/** The entry points for reading the graph. */
export type QueryProtectionMeasuresArgs = {
  arrondissementCode?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<MeasureStatus>;
  zoneCode?: InputMaybe<Scalars['ID']['input']>;
};


/** The entry points for reading the graph. */
export type QueryStatisticsArgs = {
  arrondissementCode?: InputMaybe<Scalars['ID']['input']>;
  by?: InputMaybe<Array<StatisticsDimension>>;
  period: StatisticsPeriodInput;
  zoneCode?: InputMaybe<Scalars['ID']['input']>;
};

/**
 * An alert raised by an alarm device (§3). The device must be ASSIGNED:
 * an unknown serial is NOT_FOUND, a device not assigned INVALID_INPUT.
 */
export type RaiseAlertFromDeviceInput = {
  /** The client's id of the alert; raising it twice changes nothing. */
  alertId: Scalars['ID']['input'];
  /** The first position fix, when the 112 system has one already (§3). */
  location?: InputMaybe<AmlLocationInput>;
  /** When the button was pressed. */
  raisedAt: Scalars['DateTime']['input'];
  /** The serial of the device that raised the alert. */
  serial: Scalars['String']['input'];
};

/** The outcome of the re-evaluation before the end (§7.12.1). */
export type ReEvaluationOutcome =
  /** No longer serious enough: ends at the planned date (§7.12.1). */
  | 'LET_END'
  /** Still a high risk: 9 more months (§7.12.1). */
  | 'PROLONG';

/** New facts that reopen a refused request (§7.7). */
export type ReconsiderRequestInput = {
  /** The refused measure. */
  measureId: Scalars['ID']['input'];
  /** The PV of the new facts. */
  pvReference: Scalars['String']['input'];
  /** The day the new facts were reported. */
  reportedOn: Scalars['Date']['input'];
};

/** An alert to record (§7.11.2). */
export type RecordAlertInput = {
  /** The client's id of the alert; recording it twice changes nothing. */
  alertId: Scalars['ID']['input'];
  /**
   * The first position fix, when the CIC has one already; later fixes go
   * through `recordAlertLocation` (§3).
   */
  location?: InputMaybe<AmlLocationInput>;
  /** The measure concerned. */
  measureId: Scalars['ID']['input'];
  /** The alert's PV, when already drawn up. */
  pvReference?: InputMaybe<Scalars['String']['input']>;
  /** When the button was pressed. */
  raisedAt: Scalars['DateTime']['input'];
};

/** A position fix of the 112 app for an alert (§3). */
export type RecordAlertLocationInput = {
  /** The alert whose call the fix belongs to. */
  alertId: Scalars['ID']['input'];
  /** The fix as the 112 app sent it. */
  location: AmlLocationInput;
  /** The measure concerned. */
  measureId: Scalars['ID']['input'];
};

/**
 * The six conditions of §7.5 as checked; living in a deployed zone is read
 * from the territory.
 */
export type RecordConditionsInput = {
  /** 6. Signs and keeps the user agreement. */
  acceptsUserAgreement: Scalars['Boolean']['input'];
  /** 5. Files a complaint now and for every new fact. */
  filesComplaints: Scalars['Boolean']['input'];
  /** The measure concerned. */
  measureId: Scalars['ID']['input'];
  /** 4. No voluntary contact with the suspect. */
  noVoluntaryContact: Scalars['Boolean']['input'];
  /** The day the conditions were checked. */
  recordedOn: Scalars['Date']['input'];
  /** 3. Wants the alarm. */
  wantsAlarm: Scalars['Boolean']['input'];
  /** 2. Within the material scope (§6). */
  withinMaterialScope: Scalars['Boolean']['input'];
};

/**
 * A protected person's confidential address and contacts (§7.8.5). Give
 * at least one of the address, the phone and the e-mail; what is left out
 * is recorded as none.
 */
export type RecordConfidentialContactInput = {
  /** Where the person lives. */
  address?: InputMaybe<ConfidentialAddressInput>;
  /** An e-mail address such as name@example.be. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** The suspect knows the address or the contacts (§7.8.5). */
  knownToSuspect: Scalars['Boolean']['input'];
  /** The measure that protects the person. */
  measureId: Scalars['ID']['input'];
  /** The protected person's national register number. */
  nationalNumber: Scalars['ID']['input'];
  /** In international form: + and the country code, e.g. +32 470 12 34 56. */
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** The police activated the device (§7.8.1). */
export type RecordDeviceActivationInput = {
  /** The day of activation. */
  activatedOn: Scalars['Date']['input'];
  /** The measure concerned. */
  measureId: Scalars['ID']['input'];
  /** The PV of the activation, with the signed agreement (§7.8.1). */
  pvReference: Scalars['String']['input'];
};

/** The devices came back at the end (§7.12.2). */
export type RecordDeviceReturnInput = {
  /** The ended measure. */
  measureId: Scalars['ID']['input'];
  /** The PV of the return (§7.12.2). */
  pvReference: Scalars['String']['input'];
  /** The day the devices were disconnected and returned. */
  returnedOn: Scalars['Date']['input'];
};

/** A hearing and the evaluation of the danger (§7.4, §7.6). */
export type RecordEvaluationInput = {
  /** The answers to the eight questions of §7.6. */
  answers: DangerAnswersInput;
  /** Bomb factors of the COL 15/2020 grid found, for ex-partners. */
  bombFactors?: Array<BombFactor>;
  /** The intentions after the break-up diverge (§7.6). */
  breakUpIntentionsDiverge: Scalars['Boolean']['input'];
  /** The day of the hearing. */
  heardOn: Scalars['Date']['input'];
  /** The victim had to go to an emergency or secret shelter (§7.6). */
  inShelter: Scalars['Boolean']['input'];
  /** The measure evaluated. */
  measureId: Scalars['ID']['input'];
  /** The PV of the hearing (§7.4.1). */
  pvReference: Scalars['String']['input'];
  /** The relationship as the hearing established it. */
  relationship: Relationship;
};

/** A lasting change of residence (§7.2.3). */
export type RecordMoveInput = {
  /** The measure concerned. */
  measureId: Scalars['ID']['input'];
  /** The day of the move. */
  movedOn: Scalars['Date']['input'];
  /** For a non-deployed zone: the new parquet agrees to keep the measure. */
  newParquetAgrees?: InputMaybe<Scalars['Boolean']['input']>;
  /** The new residence's zone; none when the person settles abroad. */
  newZoneCode?: InputMaybe<Scalars['ID']['input']>;
  /** The PV recording the move. */
  pvReference: Scalars['String']['input'];
};

/** New facts reported or found while the measure runs (§7.11.3). */
export type RecordNewFactsInput = {
  /** The day the facts took place; the prolongation counts from it. */
  factOn: Scalars['Date']['input'];
  /** The measure concerned. */
  measureId: Scalars['ID']['input'];
  /** The new initial PV, which mentions the alarm (§7.11.3). */
  pvReference: Scalars['String']['input'];
  /** The day the facts were reported or found. */
  reportedOn: Scalars['Date']['input'];
};

/** The police team reached the person after an alert (§7.11.2). */
export type RecordPoliceArrivalInput = {
  /** The alert answered. */
  alertId: Scalars['ID']['input'];
  /** When the team arrived. */
  arrivedAt: Scalars['DateTime']['input'];
  /** The measure concerned. */
  measureId: Scalars['ID']['input'];
};

/** A revisit done (§7.11.3). */
export type RecordRevisitInput = {
  /** The day of the revisit. */
  doneOn: Scalars['Date']['input'];
  /** The measure concerned. */
  measureId: Scalars['ID']['input'];
  /** The PV of the revisit. */
  pvReference: Scalars['String']['input'];
};

/** A negative decision (§7.7). */
export type Refusal = {
  __typename?: 'Refusal';
  /** The day the magistrate refused the alarm. */
  decidedOn: Scalars['Date']['output'];
  /** Always true: a refusal may be reconsidered on new facts (§7.7). */
  provisional: Scalars['Boolean']['output'];
  /** The PV recording the negative decision (§7.7). */
  pvReference: Scalars['String']['output'];
  /** Why, as explained to the person (§7.7). */
  reasons: Scalars['String']['output'];
  /** The magistrate's choice to tell a requesting third party (§7.7). */
  thirdPartyInformed: Maybe<Scalars['Boolean']['output']>;
};

/** The magistrate's negative decision (§7.7). */
export type RefuseProtectionInput = {
  /** The day of the decision. */
  decidedOn: Scalars['Date']['input'];
  /** The measure refused. */
  measureId: Scalars['ID']['input'];
  /** The PV recording the decision. */
  pvReference: Scalars['String']['input'];
  /** Why, as explained to the person. */
  reasons: Scalars['String']['input'];
  /** Required when a third party asked (§7.7). */
  thirdPartyInformed?: InputMaybe<Scalars['Boolean']['input']>;
};

/** How the suspect is related to the victim: family in the broad sense (§6). */
export type Relationship =
  /** Violence towards a parent or grandparent (§6). */
  | 'ASCENDANT'
  /** Former partners: the COL 15/2020 risk grid applies (§7.4.1, §7.6). */
  | 'EX_PARTNER'
  /** Stalking in an honour-related context, under COL 6/2017 (§6, §7.1). */
  | 'HONOUR_RELATED'
  /** Another family relationship (§6). */
  | 'OTHER_FAMILY'
  /** Violence between brothers and sisters (§6). */
  | 'SIBLING';

/** Who asked for the alarm (§7.3). */
export type RequestOrigin =
  /** The investigating judge (§7.3.4, §7.8.2). */
  | 'INVESTIGATING_JUDGE'
  /** Another parquet, through the residence's parquet (§7.3.3). */
  | 'OTHER_PARQUET'
  /** The police of another zone, through the residence's zone (§7.3.2). */
  | 'OTHER_POLICE_ZONE'
  /** Any other third party: asks for particular caution (§7.3.4). */
  | 'OTHER_THIRD_PARTY'
  /** The parquet of the person's residence (§7.3.3). */
  | 'PARQUET'
  /** The person concerned, to the police (§7.3.1). */
  | 'PERSON'
  /** The police of the person's residence (§7.3.2). */
  | 'RESIDENCE_POLICE'
  /** A third party who is a usual trusted partner (§7.3.4). */
  | 'TRUSTED_THIRD_PARTY';

/** A request for the alarm (§7.3). */
export type RequestProtectionInput = {
  /** Who asked (§7.3). */
  origin: RequestOrigin;
  /** The PV recording the request (§7.3.1). */
  pvReference: Scalars['String']['input'];
  /** How the suspect is related to the victim (§6). */
  relationship: Relationship;
  /** The day the request was made. */
  requestedOn: Scalars['Date']['input'];
  /** The requesting parquet, for a request from another parquet (§7.3.3). */
  requesterArrondissementCode?: InputMaybe<Scalars['ID']['input']>;
  /** The third party or judge, as named in the PV (§7.3.4, §7.8.2). */
  requesterDescription?: InputMaybe<Scalars['String']['input']>;
  /** The requesting zone, for a request from another police zone (§7.3.2). */
  requesterZoneCode?: InputMaybe<Scalars['ID']['input']>;
  /** The zone of the person's residence: it becomes the managing zone (§7.2.2). */
  residenceZoneCode: Scalars['ID']['input'];
  /** The person suspected of stalking. */
  suspect: PersonInput;
  /** The person to protect. */
  victim: PersonInput;
};

/** The magistrate asks victim support to renew its offer (§7.8.3, §7.12.2). */
export type RequestRenewedOfferInput = {
  /** The running measure. */
  measureId: Scalars['ID']['input'];
  /** The day of the magistrate's request. */
  requestedOn: Scalars['Date']['input'];
};

/** The requester of a measure, kept on record (§7.3). */
export type Requester = {
  __typename?: 'Requester';
  /** The requesting parquet, for PARQUET and OTHER_PARQUET. */
  arrondissementCode: Maybe<Scalars['String']['output']>;
  /** The third party or judge, as named in the PV. */
  description: Maybe<Scalars['String']['output']>;
  /** Who asked, by kind (§7.3). */
  origin: RequestOrigin;
  /** The requesting zone, for OTHER_POLICE_ZONE and RESIDENCE_POLICE. */
  zoneCode: Maybe<Scalars['String']['output']>;
};

/** A revisit of the victim (§7.11.3). */
export type Revisit = {
  __typename?: 'Revisit';
  /** The day it was done; null while it is not. */
  doneOn: Maybe<Scalars['Date']['output']>;
  /** Due day: one month after the grant, then every 3 months (§7.11.3). */
  dueOn: Scalars['Date']['output'];
  /** Not done and its due date has passed. */
  overdue: Scalars['Boolean']['output'];
  /** The PV of the revisit; null while it is not done. */
  pvReference: Maybe<Scalars['String']['output']>;
};

/** Revisits due in the period (§7.11.3). */
export type RevisitCounts = {
  __typename?: 'RevisitCounts';
  /** Due in the period. */
  due: Count;
  /** Done on or before the due day. */
  onTime: Count;
};

/**
 * A mean, a median, a percentile or a rate: shown only over at least 5
 * people (and, for a rate, when the counts it divides are shown).
 */
export type Statistic = {
  __typename?: 'Statistic';
  /** The figure, rounded to 2 decimals; null when withheld or nothing. */
  value: Maybe<Scalars['Float']['output']>;
  /** Withheld by disclosure control. */
  withheld: Scalars['Boolean']['output'];
};

/** What a report may be broken down by (at most 4 at once). */
export type StatisticsDimension =
  /** The judicial arrondissement managing the measure. */
  | 'ARRONDISSEMENT'
  /** The victim's age band. */
  | 'PROTECTED_AGE_BAND'
  /** The victim's gender. */
  | 'PROTECTED_GENDER'
  /** How the suspect is related to the victim. */
  | 'RELATIONSHIP'
  /** Who asked for the alarm. */
  | 'REQUEST_ORIGIN'
  /** The suspect's age band. */
  | 'SUSPECT_AGE_BAND'
  /** The suspect's gender. */
  | 'SUSPECT_GENDER'
  /** The police zone managing the measure. */
  | 'ZONE';

/** The days a report covers. */
export type StatisticsPeriod = {
  __typename?: 'StatisticsPeriod';
  /** The first day. */
  from: Scalars['Date']['output'];
  /** 2026-07, 2026-Q3, 2026, or 2026-07-01/2026-08-15 for custom days. */
  label: Scalars['String']['output'];
  /** The last day, included. */
  to: Scalars['Date']['output'];
  /** MONTH, QUARTER, YEAR or CUSTOM, as asked. */
  unit: StatisticsPeriodUnit;
};

/**
 * The days a report counts, in Brussels calendar days: a month, quarter
 * or year by its label, or custom days from and to, both included.
 */
export type StatisticsPeriodInput = {
  /** CUSTOM only: the first day. */
  from?: InputMaybe<Scalars['Date']['input']>;
  /** MONTH 2026-07, QUARTER 2026-Q3, YEAR 2026; not with CUSTOM. */
  label?: InputMaybe<Scalars['String']['input']>;
  /** CUSTOM only: the last day, included, at most 10 years after from. */
  to?: InputMaybe<Scalars['Date']['input']>;
  /** MONTH, QUARTER, YEAR or CUSTOM. */
  unit: StatisticsPeriodUnit;
};

/** The unit of a statistics period. */
export type StatisticsPeriodUnit =
  /** Custom days, from and to. */
  | 'CUSTOM'
  /** A calendar month, labelled 2026-07. */
  | 'MONTH'
  /** A calendar quarter, labelled 2026-Q3. */
  | 'QUARTER'
  /** A calendar year, labelled 2026. */
  | 'YEAR';

/**
 * Aggregate figures over a period (§7.13, §9; issue 7), for the evaluation
 * of the scheme by the IEFH. An entity keyed by `key`, which encodes the
 * period, the dimensions and the territory: the devices and victim-support
 * subgraphs add their own figures to the same report by that key, each
 * under a field of its own, as `protection` is this subgraph's. It holds
 * no person, no name, no national number, no address and no measure id;
 * every count is protected by disclosure control (README, "Statistics").
 */
export type StatisticsReport = {
  __typename?: 'StatisticsReport';
  /** The breakdown asked for, in the order asked; empty for totals only. */
  dimensions: Array<StatisticsDimension>;
  /**
   * `v1|<from>|<to>|<scope>|<dimensions>`, e.g.
   * `v1|2026-07-01|2026-09-30|arrondissement:ANT|ZONE,RELATIONSHIP`; the
   * scope is `national`, `arrondissement:<code>` or `zone:<code>`. Opaque
   * to clients; each subgraph reads it back and judges the caller again.
   */
  key: Scalars['ID']['output'];
  /** The days counted, Brussels calendar days, both ends included. */
  period: StatisticsPeriod;
  /** The protection register's figures: requests to ends, alerts, revisits. */
  protection: ProtectionStatistics;
  /** The territory counted: the nation, an arrondissement or a zone. */
  scope: StatisticsScope;
  /** The fewest people a shown count may stand for: 5. */
  threshold: Scalars['Int']['output'];
};

/** The territory a report counts; both null for the whole country. */
export type StatisticsScope = {
  __typename?: 'StatisticsScope';
  /** The arrondissement counted, or the zone's. */
  arrondissement: Maybe<Arrondissement>;
  /** The police zone counted; null for a wider scope. */
  zone: Maybe<PoliceZone>;
};

/**
 * The live alert stream (§3, §7.11.2). The gateway serves it over
 * graphql-ws (subprotocol `graphql-transport-ws`), from the alert log; the
 * protection subgraph never executes it and refuses it when asked
 * directly.
 */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * The events of the alerts the subscriber is entitled to, by the rule of
   * `Query.alertEvents`, in sequence order: first those numbered above
   * `since`, then each new one once committed.
   */
  alertEvents: AlertEvent;
};


/**
 * The live alert stream (§3, §7.11.2). The gateway serves it over
 * graphql-ws (subprotocol `graphql-transport-ws`), from the alert log; the
 * protection subgraph never executes it and refuses it when asked
 * directly.
 */
export type SubscriptionAlertEventsArgs = {
  since?: InputMaybe<Scalars['ID']['input']>;
};

/** A move of residence to another deployed territory (§7.2.3). */
export type Transfer = {
  __typename?: 'Transfer';
  /** The day of the move. */
  requestedOn: Scalars['Date']['output'];
  /** The arrondissement whose parquet must acknowledge the file. */
  toArrondissement: Arrondissement;
  /** The zone of the new residence; it manages once the file is acknowledged. */
  toZone: PoliceZone;
};

/** What a travel notice announces (§7.11.1). */
export type TravelKind =
  /** A stay of 5 nights or more away from home. */
  | 'TRIP'
  /** A usual place, such as work. */
  | 'USUAL_PLACE';

/** A travel notice or a usual place (§7.11.1). */
export type TravelNotice = {
  __typename?: 'TravelNotice';
  /** The day the person told the managing zone. */
  announcedOn: Scalars['Date']['output'];
  /** The managing zone forwarded it to the destination zone and CIC. */
  forwardedOn: Maybe<Scalars['Date']['output']>;
  /** First day away; for a usual place, from when it applies. */
  fromDate: Scalars['Date']['output'];
  /** The notice's identifier within the measure. */
  id: Scalars['ID']['output'];
  /** A trip of 5 nights or more, or a usual place. */
  kind: TravelKind;
  /** Announced less than 7 calendar days ahead (§7.11.1). */
  late: Scalars['Boolean']['output'];
  /** Nights away; null for a usual place. */
  nights: Maybe<Scalars['Int']['output']>;
  /** Last night away; null for a usual place. */
  toDate: Maybe<Scalars['Date']['output']>;
  /** The zone of the destination; its CIC is the province's. */
  zone: PoliceZone;
};

/** Travel notices announced in the period (§7.11.1). */
export type TravelNoticeCounts = {
  __typename?: 'TravelNoticeCounts';
  /** Trips and usual places announced. */
  announced: Count;
  /** Trips announced less than 7 calendar days ahead. */
  late: Count;
};

/** One task on a work list: a measure and when the task is due. */
export type WorkItem = {
  __typename?: 'WorkItem';
  /** The date the task is due. */
  dueOn: Maybe<Scalars['Date']['output']>;
  /** The measure the task is about. */
  measure: ProtectionMeasure;
  /** The due date has passed. */
  overdue: Scalars['Boolean']['output'];
};

/** What an actor must do, from the measures it is responsible for. */
export type WorkList = {
  __typename?: 'WorkList';
  /** Alerts not yet classified as real, false or test (§7.11.2). */
  alertsToReview: Array<WorkItem>;
  /** Requests awaiting the magistrate's decision (§7.4). */
  decisionsPending: Array<WorkItem>;
  /** Ended measures whose devices are still out (§7.12.2). */
  deviceReturns: Array<WorkItem>;
  /**
   * Whose list this is: the caller's role and organisation, e.g.
   * police:5345 or magistrate:ANT. Other subgraphs add their sections to
   * the list by this key.
   */
  owner: Scalars['ID']['output'];
  /** Measures in their re-evaluation window (§7.12.1). */
  reEvaluations: Array<WorkItem>;
  /** Revisits due within 14 days or overdue (§7.11.3). */
  revisits: Array<WorkItem>;
  /** Transfers awaiting this parquet's acknowledgement (§7.2.3). */
  transfersToAcknowledge: Array<WorkItem>;
  /** Travel notices not yet forwarded to the destination (§7.11.1). */
  travelToForward: Array<WorkItem>;
};

/** How to reach a police zone's dispatch or reference officer desk. */
export type ZoneContact = {
  __typename?: 'ZoneContact';
  /** E-mail address of the desk. */
  email: Scalars['String']['output'];
  /** Telephone, in international form (+32 ...). */
  phone: Scalars['String']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Arrondissement: Arrondissement;
  Person: Person;
  PoliceZone: PoliceZone;
  ProtectionMeasure: ProtectionMeasure;
  Province: Province;
  StatisticsReport: StatisticsReport;
  WorkList: WorkList;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Arrondissement:
    ( { __typename: 'Arrondissement' }
    & GraphQLRecursivePick<FederationTypes['Arrondissement'], {"code":true}> );
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"nationalNumber":true}> );
  PoliceZone:
    ( { __typename: 'PoliceZone' }
    & GraphQLRecursivePick<FederationTypes['PoliceZone'], {"code":true}> );
  ProtectionMeasure:
    ( { __typename: 'ProtectionMeasure' }
    & GraphQLRecursivePick<FederationTypes['ProtectionMeasure'], {"id":true}> );
  Province:
    ( { __typename: 'Province' }
    & GraphQLRecursivePick<FederationTypes['Province'], {"code":true}> );
  StatisticsReport:
    ( { __typename: 'StatisticsReport' }
    & GraphQLRecursivePick<FederationTypes['StatisticsReport'], {"key":true}> );
  WorkList:
    ( { __typename: 'WorkList' }
    & GraphQLRecursivePick<FederationTypes['WorkList'], {"owner":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AcknowledgeTransferInput: AcknowledgeTransferInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AgeBand: AgeBand;
  Alert: ResolverTypeWrapper<AlertStateModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  AlertClass: AlertClass;
  AlertCounts: ResolverTypeWrapper<AlertCounts>;
  AlertEvent: ResolverTypeWrapper<AlertEventViewModel>;
  AlertEventKind: AlertEventKind;
  AlertLogEntry: ResolverTypeWrapper<AlertNoticeModel>;
  AlertLogRecipients: ResolverTypeWrapper<NoticeRecipientsModel>;
  AmlLocation: ResolverTypeWrapper<AmlLocation>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AmlLocationInput: AmlLocationInput;
  AnnounceTravelInput: AnnounceTravelInput;
  Arrondissement: ResolverTypeWrapper<ArrondissementInfoModel>;
  BombFactor: BombFactor;
  Cic: ResolverTypeWrapper<Cic>;
  ClassifyAlertInput: ClassifyAlertInput;
  CloseAlertCallInput: CloseAlertCallInput;
  ConditionName: ConditionName;
  Conditions: ResolverTypeWrapper<ConditionsStateModel>;
  ConfidentialAddress: ResolverTypeWrapper<ConfidentialAddressModel>;
  ConfidentialAddressInput: ConfidentialAddressInput;
  ConfidentialContact: ResolverTypeWrapper<ConfidentialContactRecordModel>;
  Count: ResolverTypeWrapper<Count>;
  DangerAnswers: ResolverTypeWrapper<DangerAnswers>;
  DangerAnswersInput: DangerAnswersInput;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateRange: ResolverTypeWrapper<DateRange>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DecideReEvaluationInput: DecideReEvaluationInput;
  DurationFigures: ResolverTypeWrapper<DurationFigures>;
  EarlyEndReason: EarlyEndReason;
  Effect: ResolverTypeWrapper<EffectStateModel>;
  EffectKind: EffectKind;
  EffectStatus: EffectStatus;
  EndCounts: ResolverTypeWrapper<EndCounts>;
  EndProtectionEarlyInput: EndProtectionEarlyInput;
  EndReason: EndReason;
  Evaluation: ResolverTypeWrapper<EvaluationStateModel>;
  ForwardTravelNoticeInput: ForwardTravelNoticeInput;
  Gender: Gender;
  GrantProtectionInput: GrantProtectionInput;
  JournalEntry: ResolverTypeWrapper<JournalEntryModel>;
  MeasureStatus: MeasureStatus;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NewFact: ResolverTypeWrapper<NewFactStateModel>;
  Person: ResolverTypeWrapper<PersonRecordModel>;
  PersonInput: PersonInput;
  PoliceOnSiteFigures: ResolverTypeWrapper<PoliceOnSiteFigures>;
  PoliceZone: ResolverTypeWrapper<ZoneInfoModel>;
  PositioningMethod: PositioningMethod;
  Prolongation: ResolverTypeWrapper<ProlongationStateModel>;
  ProlongationCause: ProlongationCause;
  ProlongationCounts: ResolverTypeWrapper<ProlongationCounts>;
  ProtectedPerson: ResolverTypeWrapper<ProtectedPersonViewModel>;
  ProtectedPersonCounts: ResolverTypeWrapper<ProtectedPersonCounts>;
  ProtectedPersonInput: ProtectedPersonInput;
  ProtectedRole: ProtectedRole;
  ProtectionFigures: ResolverTypeWrapper<ProtectionFiguresModel>;
  ProtectionMeasure: ResolverTypeWrapper<MeasureAggregateModel>;
  ProtectionStatistics: ResolverTypeWrapper<StatisticsResultModel>;
  ProtectionStatisticsCell: ResolverTypeWrapper<StatisticsCellModel>;
  Province: ResolverTypeWrapper<ProvinceInfoModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RaiseAlertFromDeviceInput: RaiseAlertFromDeviceInput;
  ReEvaluationOutcome: ReEvaluationOutcome;
  ReconsiderRequestInput: ReconsiderRequestInput;
  RecordAlertInput: RecordAlertInput;
  RecordAlertLocationInput: RecordAlertLocationInput;
  RecordConditionsInput: RecordConditionsInput;
  RecordConfidentialContactInput: RecordConfidentialContactInput;
  RecordDeviceActivationInput: RecordDeviceActivationInput;
  RecordDeviceReturnInput: RecordDeviceReturnInput;
  RecordEvaluationInput: RecordEvaluationInput;
  RecordMoveInput: RecordMoveInput;
  RecordNewFactsInput: RecordNewFactsInput;
  RecordPoliceArrivalInput: RecordPoliceArrivalInput;
  RecordRevisitInput: RecordRevisitInput;
  Refusal: ResolverTypeWrapper<RefusalModel>;
  RefuseProtectionInput: RefuseProtectionInput;
  Relationship: Relationship;
  RequestOrigin: RequestOrigin;
  RequestProtectionInput: RequestProtectionInput;
  RequestRenewedOfferInput: RequestRenewedOfferInput;
  Requester: ResolverTypeWrapper<RequesterModel>;
  Revisit: ResolverTypeWrapper<RevisitStateModel>;
  RevisitCounts: ResolverTypeWrapper<RevisitCounts>;
  Statistic: ResolverTypeWrapper<Statistic>;
  StatisticsDimension: StatisticsDimension;
  StatisticsPeriod: ResolverTypeWrapper<StatisticsPeriod>;
  StatisticsPeriodInput: StatisticsPeriodInput;
  StatisticsPeriodUnit: StatisticsPeriodUnit;
  StatisticsReport: ResolverTypeWrapper<StatisticsRequestModel>;
  StatisticsScope: ResolverTypeWrapper<StatisticsScopeViewModel>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Transfer: ResolverTypeWrapper<TransferModel>;
  TravelKind: TravelKind;
  TravelNotice: ResolverTypeWrapper<TravelNoticeStateModel>;
  TravelNoticeCounts: ResolverTypeWrapper<TravelNoticeCounts>;
  WorkItem: ResolverTypeWrapper<WorkListItemModel>;
  WorkList: ResolverTypeWrapper<WorkListAnswerModel>;
  ZoneContact: ResolverTypeWrapper<ZoneContact>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AcknowledgeTransferInput: AcknowledgeTransferInput;
  ID: Scalars['ID']['output'];
  Alert: AlertStateModel;
  Boolean: Scalars['Boolean']['output'];
  AlertCounts: AlertCounts;
  AlertEvent: AlertEventViewModel;
  AlertLogEntry: AlertNoticeModel;
  AlertLogRecipients: NoticeRecipientsModel;
  AmlLocation: AmlLocation;
  Float: Scalars['Float']['output'];
  Int: Scalars['Int']['output'];
  AmlLocationInput: AmlLocationInput;
  AnnounceTravelInput: AnnounceTravelInput;
  Arrondissement: ArrondissementInfoModel;
  Cic: Cic;
  ClassifyAlertInput: ClassifyAlertInput;
  CloseAlertCallInput: CloseAlertCallInput;
  Conditions: ConditionsStateModel;
  ConfidentialAddress: ConfidentialAddressModel;
  ConfidentialAddressInput: ConfidentialAddressInput;
  ConfidentialContact: ConfidentialContactRecordModel;
  Count: Count;
  DangerAnswers: DangerAnswers;
  DangerAnswersInput: DangerAnswersInput;
  Date: Scalars['Date']['output'];
  DateRange: DateRange;
  DateTime: Scalars['DateTime']['output'];
  DecideReEvaluationInput: DecideReEvaluationInput;
  DurationFigures: DurationFigures;
  Effect: EffectStateModel;
  EndCounts: EndCounts;
  EndProtectionEarlyInput: EndProtectionEarlyInput;
  Evaluation: EvaluationStateModel;
  ForwardTravelNoticeInput: ForwardTravelNoticeInput;
  GrantProtectionInput: GrantProtectionInput;
  JournalEntry: JournalEntryModel;
  Mutation: Record<PropertyKey, never>;
  NewFact: NewFactStateModel;
  Person: PersonRecordModel;
  PersonInput: PersonInput;
  PoliceOnSiteFigures: PoliceOnSiteFigures;
  PoliceZone: ZoneInfoModel;
  Prolongation: ProlongationStateModel;
  ProlongationCounts: ProlongationCounts;
  ProtectedPerson: ProtectedPersonViewModel;
  ProtectedPersonCounts: ProtectedPersonCounts;
  ProtectedPersonInput: ProtectedPersonInput;
  ProtectionFigures: ProtectionFiguresModel;
  ProtectionMeasure: MeasureAggregateModel;
  ProtectionStatistics: StatisticsResultModel;
  ProtectionStatisticsCell: StatisticsCellModel;
  Province: ProvinceInfoModel;
  Query: Record<PropertyKey, never>;
  RaiseAlertFromDeviceInput: RaiseAlertFromDeviceInput;
  ReconsiderRequestInput: ReconsiderRequestInput;
  RecordAlertInput: RecordAlertInput;
  RecordAlertLocationInput: RecordAlertLocationInput;
  RecordConditionsInput: RecordConditionsInput;
  RecordConfidentialContactInput: RecordConfidentialContactInput;
  RecordDeviceActivationInput: RecordDeviceActivationInput;
  RecordDeviceReturnInput: RecordDeviceReturnInput;
  RecordEvaluationInput: RecordEvaluationInput;
  RecordMoveInput: RecordMoveInput;
  RecordNewFactsInput: RecordNewFactsInput;
  RecordPoliceArrivalInput: RecordPoliceArrivalInput;
  RecordRevisitInput: RecordRevisitInput;
  Refusal: RefusalModel;
  RefuseProtectionInput: RefuseProtectionInput;
  RequestProtectionInput: RequestProtectionInput;
  RequestRenewedOfferInput: RequestRenewedOfferInput;
  Requester: RequesterModel;
  Revisit: RevisitStateModel;
  RevisitCounts: RevisitCounts;
  Statistic: Statistic;
  StatisticsPeriod: StatisticsPeriod;
  StatisticsPeriodInput: StatisticsPeriodInput;
  StatisticsReport: StatisticsRequestModel;
  StatisticsScope: StatisticsScopeViewModel;
  Subscription: Record<PropertyKey, never>;
  Transfer: TransferModel;
  TravelNotice: TravelNoticeStateModel;
  TravelNoticeCounts: TravelNoticeCounts;
  WorkItem: WorkListItemModel;
  WorkList: WorkListAnswerModel;
  ZoneContact: ZoneContact;
  String: Scalars['String']['output'];
};

export type AccessDirectiveArgs = {
  policies: Array<Scalars['String']['input']>;
};

export type AccessDirectiveResolver<Result, Parent, ContextType = ProtectionContext, Args = AccessDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AlertResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['Alert'] = ResolversParentTypes['Alert']> = {
  callEndedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  classification?: Resolver<Maybe<ResolversTypes['AlertClass']>, ParentType, ContextType>;
  classifiedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['AmlLocation']>, ParentType, ContextType>;
  magistrateInformed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  policeArrivedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  pvReference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  raisedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  track?: Resolver<Array<ResolversTypes['AmlLocation']>, ParentType, ContextType>;
};

export type AlertCountsResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['AlertCounts'] = ResolversParentTypes['AlertCounts']> = {
  falseAlerts?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  real?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  realRate?: Resolver<ResolversTypes['Statistic'], ParentType, ContextType>;
  tests?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  unclassified?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
};

export type AlertEventResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['AlertEvent'] = ResolversParentTypes['AlertEvent']> = {
  alert?: Resolver<ResolversTypes['Alert'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  interventionZone?: Resolver<Maybe<ResolversTypes['PoliceZone']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AlertEventKind'], ParentType, ContextType>;
  measure?: Resolver<ResolversTypes['ProtectionMeasure'], ParentType, ContextType>;
  outsideCoverage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  sequence?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type AlertLogEntryResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['AlertLogEntry'] = ResolversParentTypes['AlertLogEntry']> = {
  alertId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AlertEventKind'], ParentType, ContextType>;
  measureId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  recipients?: Resolver<ResolversTypes['AlertLogRecipients'], ParentType, ContextType>;
  sequence?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type AlertLogRecipientsResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['AlertLogRecipients'] = ResolversParentTypes['AlertLogRecipients']> = {
  arrondissements?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  cicProvinces?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  zones?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AmlLocationResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['AmlLocation'] = ResolversParentTypes['AmlLocation']> = {
  accuracyMeters?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  confidencePercent?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fixedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  latitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  longitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['PositioningMethod'], ParentType, ContextType>;
};

export type ArrondissementResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['Arrondissement'] = ResolversParentTypes['Arrondissement'], FederationReferenceType extends FederationReferenceTypes['Arrondissement'] = FederationReferenceTypes['Arrondissement']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Arrondissement']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  province?: Resolver<ResolversTypes['Province'], ParentType, ContextType>;
};

export type CicResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['Cic'] = ResolversParentTypes['Cic']> = {
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ConditionsResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['Conditions'] = ResolversParentTypes['Conditions']> = {
  acceptsUserAgreement?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  filesComplaints?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  livesInDeployedZone?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  missing?: Resolver<Array<ResolversTypes['ConditionName']>, ParentType, ContextType>;
  noVoluntaryContact?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  recordedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  wantsAlarm?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  withinMaterialScope?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ConfidentialAddressResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['ConfidentialAddress'] = ResolversParentTypes['ConfidentialAddress']> = {
  box?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  country?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  municipality?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  postalCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  street?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ConfidentialContactResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['ConfidentialContact'] = ResolversParentTypes['ConfidentialContact']> = {
  address?: Resolver<Maybe<ResolversTypes['ConfidentialAddress']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  knownToSuspect?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type CountResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['Count'] = ResolversParentTypes['Count']> = {
  suppressed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type DangerAnswersResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['DangerAnswers'] = ResolversParentTypes['DangerAnswers']> = {
  destroyedBelongings?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  fearForLife?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  heavyStalkingInvestment?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  pastViolence?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  rejectedBreakUp?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  threatsToKillOrSuicide?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  uncontrolledAnger?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  weaponAffinity?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type DateRangeResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['DateRange'] = ResolversParentTypes['DateRange']> = {
  from?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DurationFiguresResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['DurationFigures'] = ResolversParentTypes['DurationFigures']> = {
  meanDays?: Resolver<ResolversTypes['Statistic'], ParentType, ContextType>;
  medianDays?: Resolver<ResolversTypes['Statistic'], ParentType, ContextType>;
};

export type EffectResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['Effect'] = ResolversParentTypes['Effect']> = {
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  doneAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['EffectKind'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['EffectStatus'], ParentType, ContextType>;
};

export type EndCountsResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['EndCounts'] = ResolversParentTypes['EndCounts']> = {
  early?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  expired?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  misuse?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  noLongerSerious?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  personRequest?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  settledAbroad?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  settledOutsideDeployedTerritory?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
};

export type EvaluationResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['Evaluation'] = ResolversParentTypes['Evaluation']> = {
  answers?: Resolver<ResolversTypes['DangerAnswers'], ParentType, ContextType>;
  bombFactors?: Resolver<Array<ResolversTypes['BombFactor']>, ParentType, ContextType>;
  breakUpIntentionsDiverge?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  heardOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  inShelter?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  magistrateToBeToldAtOnce?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  pvReference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reEvaluation?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  relationship?: Resolver<ResolversTypes['Relationship'], ParentType, ContextType>;
  yesCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type JournalEntryResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['JournalEntry'] = ResolversParentTypes['JournalEntry']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actorOrganisation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  actorRole?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  pvReference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type MutationResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  acknowledgeTransfer?: Resolver<ResolversTypes['ProtectionMeasure'], ParentType, ContextType, RequireFields<MutationAcknowledgeTransferArgs, 'input'>>;
  announceTravel?: Resolver<ResolversTypes['ProtectionMeasure'], ParentType, ContextType, RequireFields<MutationAnnounceTravelArgs, 'input'>>;
  classifyAlert?: Resolver<ResolversTypes['ProtectionMeasure'], ParentType, ContextType, RequireFields<MutationClassifyAlertArgs, 'input'>>;
  closeAlertCall?: Resolver<ResolversTypes['ProtectionMeasure'], ParentType, ContextType, RequireFields<MutationCloseAlertCallArgs, 'input'>>;
  decideReEvaluation?: Resolver<ResolversTypes['ProtectionMeasure'], ParentType, ContextType, RequireFields<MutationDecideReEvaluationArgs, 'input'>>;
  endProtectionEarly?: Resolver<ResolversTypes['ProtectionMeasure'], ParentType, ContextType, RequireFields<MutationEndProtectionEarlyArgs, 'input'>>;
  forwardTravelNotice?: Resolver<ResolversTypes['ProtectionMeasure'], ParentType, ContextType, RequireFields<MutationForwardTravelNoticeArgs, 'input'>>;
  grantProtection?: Resolver<ResolversTypes['ProtectionMeasure'], ParentType, ContextType, RequireFields<MutationGrantProtectionArgs, 'input'>>;
  raiseAlertFromDevice?: Resolver<ResolversTypes['ProtectionMeasure'], ParentType, ContextType, RequireFields<MutationRaiseAlertFromDeviceArgs, 'input'>>;
  reconsiderRequest?: Resolver<ResolversTypes['ProtectionMeasure'], ParentType, ContextType, RequireFields<MutationReconsiderRequestArgs, 'input'>>;
  recordAlert?: Resolver<ResolversTypes['ProtectionMeasure'], ParentType, ContextType, RequireFields<MutationRecordAlertArgs, 'input'>>;
  recordAlertLocation?: Resolver<ResolversTypes['ProtectionMeasure'], ParentType, ContextType, RequireFields<MutationRecordAlertLocationArgs, 'input'>>;
  recordConditions?: Resolver<ResolversTypes['ProtectionMeasure'], ParentType, ContextType, RequireFields<MutationRecordConditionsArgs, 'input'>>;
  recordConfidentialContact?: Resolver<ResolversTypes['ProtectionMeasure'], ParentType, ContextType, RequireFields<MutationRecordConfidentialContactArgs, 'input'>>;
  recordDeviceActivation?: Resolver<ResolversTypes['ProtectionMeasure'], ParentType, ContextType, RequireFields<MutationRecordDeviceActivationArgs, 'input'>>;
  recordDeviceReturn?: Resolver<ResolversTypes['ProtectionMeasure'], ParentType, ContextType, RequireFields<MutationRecordDeviceReturnArgs, 'input'>>;
  recordEvaluation?: Resolver<ResolversTypes['ProtectionMeasure'], ParentType, ContextType, RequireFields<MutationRecordEvaluationArgs, 'input'>>;
  recordMove?: Resolver<ResolversTypes['ProtectionMeasure'], ParentType, ContextType, RequireFields<MutationRecordMoveArgs, 'input'>>;
  recordNewFacts?: Resolver<ResolversTypes['ProtectionMeasure'], ParentType, ContextType, RequireFields<MutationRecordNewFactsArgs, 'input'>>;
  recordPoliceArrival?: Resolver<ResolversTypes['ProtectionMeasure'], ParentType, ContextType, RequireFields<MutationRecordPoliceArrivalArgs, 'input'>>;
  recordRevisit?: Resolver<ResolversTypes['ProtectionMeasure'], ParentType, ContextType, RequireFields<MutationRecordRevisitArgs, 'input'>>;
  refuseProtection?: Resolver<ResolversTypes['ProtectionMeasure'], ParentType, ContextType, RequireFields<MutationRefuseProtectionArgs, 'input'>>;
  requestProtection?: Resolver<ResolversTypes['ProtectionMeasure'], ParentType, ContextType, RequireFields<MutationRequestProtectionArgs, 'input'>>;
  requestRenewedOffer?: Resolver<ResolversTypes['ProtectionMeasure'], ParentType, ContextType, RequireFields<MutationRequestRenewedOfferArgs, 'input'>>;
};

export type NewFactResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['NewFact'] = ResolversParentTypes['NewFact']> = {
  factOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  magistrateInformed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  pvReference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reportedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type PersonResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  birthDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  firstName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  gender?: Resolver<Maybe<ResolversTypes['Gender']>, ParentType, ContextType>;
  lastName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nationalNumber?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  protections?: Resolver<Array<ResolversTypes['ProtectionMeasure']>, ParentType, ContextType>;
};

export type PoliceOnSiteFiguresResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['PoliceOnSiteFigures'] = ResolversParentTypes['PoliceOnSiteFigures']> = {
  measured?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  medianMinutes?: Resolver<ResolversTypes['Statistic'], ParentType, ContextType>;
  p90Minutes?: Resolver<ResolversTypes['Statistic'], ParentType, ContextType>;
};

export type PoliceZoneResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['PoliceZone'] = ResolversParentTypes['PoliceZone'], FederationReferenceType extends FederationReferenceTypes['PoliceZone'] = FederationReferenceTypes['PoliceZone']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['PoliceZone']> | FederationReferenceType, FederationReferenceType, ContextType>;
  arrondissement?: Resolver<ResolversTypes['Arrondissement'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  contact?: Resolver<Maybe<ResolversTypes['ZoneContact']>, ParentType, ContextType>;
  deployedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ProlongationResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['Prolongation'] = ResolversParentTypes['Prolongation']> = {
  cause?: Resolver<ResolversTypes['ProlongationCause'], ParentType, ContextType>;
  decidedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  incidentOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  newEndDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  previousEndDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type ProlongationCountsResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['ProlongationCounts'] = ResolversParentTypes['ProlongationCounts']> = {
  newFacts?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  reEvaluation?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  realAlert?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
};

export type ProtectedPersonResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['ProtectedPerson'] = ResolversParentTypes['ProtectedPerson']> = {
  agreementSigned?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  confidentialContact?: Resolver<Maybe<ResolversTypes['ConfidentialContact']>, ParentType, ContextType>;
  discernmentRecorded?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  person?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['ProtectedRole'], ParentType, ContextType>;
};

export type ProtectedPersonCountsResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['ProtectedPersonCounts'] = ResolversParentTypes['ProtectedPersonCounts']> = {
  children?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  relatives?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  victims?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
};

export type ProtectionFiguresResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['ProtectionFigures'] = ResolversParentTypes['ProtectionFigures']> = {
  activeAtEnd?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  alerts?: Resolver<ResolversTypes['AlertCounts'], ParentType, ContextType>;
  duration?: Resolver<ResolversTypes['DurationFigures'], ParentType, ContextType>;
  ends?: Resolver<ResolversTypes['EndCounts'], ParentType, ContextType>;
  grants?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  newProtectedPersons?: Resolver<ResolversTypes['ProtectedPersonCounts'], ParentType, ContextType>;
  policeOnSite?: Resolver<ResolversTypes['PoliceOnSiteFigures'], ParentType, ContextType>;
  prolongations?: Resolver<ResolversTypes['ProlongationCounts'], ParentType, ContextType>;
  refusals?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  requests?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  revisits?: Resolver<ResolversTypes['RevisitCounts'], ParentType, ContextType>;
  travelNotices?: Resolver<ResolversTypes['TravelNoticeCounts'], ParentType, ContextType>;
};

export type ProtectionMeasureResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['ProtectionMeasure'] = ResolversParentTypes['ProtectionMeasure'], FederationReferenceType extends FederationReferenceTypes['ProtectionMeasure'] = FederationReferenceTypes['ProtectionMeasure']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ProtectionMeasure']> | FederationReferenceType, FederationReferenceType, ContextType>;
  alerts?: Resolver<Maybe<Array<ResolversTypes['Alert']>>, ParentType, ContextType>;
  arrondissement?: Resolver<Maybe<ResolversTypes['Arrondissement']>, ParentType, ContextType>;
  conditions?: Resolver<Maybe<ResolversTypes['Conditions']>, ParentType, ContextType>;
  decidedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  deviceActivatedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  deviceReturnDue?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  devicesReturnedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  effects?: Resolver<Maybe<Array<ResolversTypes['Effect']>>, ParentType, ContextType>;
  endDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  endReason?: Resolver<Maybe<ResolversTypes['EndReason']>, ParentType, ContextType>;
  endedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  evaluations?: Resolver<Maybe<Array<ResolversTypes['Evaluation']>>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  investigatingJudgeInformedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  journal?: Resolver<Maybe<Array<ResolversTypes['JournalEntry']>>, ParentType, ContextType>;
  managingZone?: Resolver<Maybe<ResolversTypes['PoliceZone']>, ParentType, ContextType>;
  newFacts?: Resolver<Maybe<Array<ResolversTypes['NewFact']>>, ParentType, ContextType>;
  pendingTransfer?: Resolver<Maybe<ResolversTypes['Transfer']>, ParentType, ContextType>;
  prolongations?: Resolver<Maybe<Array<ResolversTypes['Prolongation']>>, ParentType, ContextType>;
  protectedPersons?: Resolver<Maybe<Array<ResolversTypes['ProtectedPerson']>>, ParentType, ContextType>;
  pvReference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reEvaluationWindow?: Resolver<Maybe<ResolversTypes['DateRange']>, ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  refusal?: Resolver<Maybe<ResolversTypes['Refusal']>, ParentType, ContextType>;
  relationship?: Resolver<Maybe<ResolversTypes['Relationship']>, ParentType, ContextType>;
  requestOrigin?: Resolver<Maybe<ResolversTypes['RequestOrigin']>, ParentType, ContextType>;
  requestedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  requester?: Resolver<Maybe<ResolversTypes['Requester']>, ParentType, ContextType>;
  revisits?: Resolver<Maybe<Array<ResolversTypes['Revisit']>>, ParentType, ContextType>;
  startDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MeasureStatus'], ParentType, ContextType>;
  suspect?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  travelNotices?: Resolver<Maybe<Array<ResolversTypes['TravelNotice']>>, ParentType, ContextType>;
  underInvestigation?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
};

export type ProtectionStatisticsResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['ProtectionStatistics'] = ResolversParentTypes['ProtectionStatistics']> = {
  cells?: Resolver<Array<ResolversTypes['ProtectionStatisticsCell']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['ProtectionFigures'], ParentType, ContextType>;
};

export type ProtectionStatisticsCellResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['ProtectionStatisticsCell'] = ResolversParentTypes['ProtectionStatisticsCell']> = {
  arrondissement?: Resolver<Maybe<ResolversTypes['Arrondissement']>, ParentType, ContextType>;
  figures?: Resolver<ResolversTypes['ProtectionFigures'], ParentType, ContextType>;
  protectedAgeBand?: Resolver<Maybe<ResolversTypes['AgeBand']>, ParentType, ContextType>;
  protectedGender?: Resolver<Maybe<ResolversTypes['Gender']>, ParentType, ContextType>;
  relationship?: Resolver<Maybe<ResolversTypes['Relationship']>, ParentType, ContextType>;
  requestOrigin?: Resolver<Maybe<ResolversTypes['RequestOrigin']>, ParentType, ContextType>;
  suspectAgeBand?: Resolver<Maybe<ResolversTypes['AgeBand']>, ParentType, ContextType>;
  suspectGender?: Resolver<Maybe<ResolversTypes['Gender']>, ParentType, ContextType>;
  zone?: Resolver<Maybe<ResolversTypes['PoliceZone']>, ParentType, ContextType>;
};

export type ProvinceResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['Province'] = ResolversParentTypes['Province'], FederationReferenceType extends FederationReferenceTypes['Province'] = FederationReferenceTypes['Province']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Province']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cic?: Resolver<ResolversTypes['Cic'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  alertEvent?: Resolver<Maybe<ResolversTypes['AlertEvent']>, ParentType, ContextType, RequireFields<QueryAlertEventArgs, 'sequence'>>;
  alertEvents?: Resolver<Array<ResolversTypes['AlertEvent']>, ParentType, ContextType, RequireFields<QueryAlertEventsArgs, 'limit'>>;
  alertLog?: Resolver<Array<ResolversTypes['AlertLogEntry']>, ParentType, ContextType, RequireFields<QueryAlertLogArgs, 'after' | 'limit'>>;
  alertLogHead?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType, RequireFields<QueryPersonArgs, 'nationalNumber'>>;
  policeZones?: Resolver<Array<ResolversTypes['PoliceZone']>, ParentType, ContextType>;
  protectionMeasure?: Resolver<Maybe<ResolversTypes['ProtectionMeasure']>, ParentType, ContextType, RequireFields<QueryProtectionMeasureArgs, 'id'>>;
  protectionMeasures?: Resolver<Array<ResolversTypes['ProtectionMeasure']>, ParentType, ContextType, RequireFields<QueryProtectionMeasuresArgs, 'first' | 'status'>>;
  statistics?: Resolver<ResolversTypes['StatisticsReport'], ParentType, ContextType, RequireFields<QueryStatisticsArgs, 'by' | 'period'>>;
  workList?: Resolver<ResolversTypes['WorkList'], ParentType, ContextType>;
};

export type RefusalResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['Refusal'] = ResolversParentTypes['Refusal']> = {
  decidedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  provisional?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  pvReference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reasons?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  thirdPartyInformed?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
};

export type RequesterResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['Requester'] = ResolversParentTypes['Requester']> = {
  arrondissementCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  origin?: Resolver<ResolversTypes['RequestOrigin'], ParentType, ContextType>;
  zoneCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type RevisitResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['Revisit'] = ResolversParentTypes['Revisit']> = {
  doneOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  dueOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  pvReference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type RevisitCountsResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['RevisitCounts'] = ResolversParentTypes['RevisitCounts']> = {
  due?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  onTime?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
};

export type StatisticResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['Statistic'] = ResolversParentTypes['Statistic']> = {
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  withheld?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type StatisticsPeriodResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['StatisticsPeriod'] = ResolversParentTypes['StatisticsPeriod']> = {
  from?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['StatisticsPeriodUnit'], ParentType, ContextType>;
};

export type StatisticsReportResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['StatisticsReport'] = ResolversParentTypes['StatisticsReport'], FederationReferenceType extends FederationReferenceTypes['StatisticsReport'] = FederationReferenceTypes['StatisticsReport']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['StatisticsReport']> | FederationReferenceType, FederationReferenceType, ContextType>;
  dimensions?: Resolver<Array<ResolversTypes['StatisticsDimension']>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['StatisticsPeriod'], ParentType, ContextType>;
  protection?: Resolver<ResolversTypes['ProtectionStatistics'], ParentType, ContextType>;
  scope?: Resolver<ResolversTypes['StatisticsScope'], ParentType, ContextType>;
  threshold?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type StatisticsScopeResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['StatisticsScope'] = ResolversParentTypes['StatisticsScope']> = {
  arrondissement?: Resolver<Maybe<ResolversTypes['Arrondissement']>, ParentType, ContextType>;
  zone?: Resolver<Maybe<ResolversTypes['PoliceZone']>, ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  alertEvents?: SubscriptionResolver<ResolversTypes['AlertEvent'], "alertEvents", ParentType, ContextType, Partial<SubscriptionAlertEventsArgs>>;
};

export type TransferResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['Transfer'] = ResolversParentTypes['Transfer']> = {
  requestedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  toArrondissement?: Resolver<ResolversTypes['Arrondissement'], ParentType, ContextType>;
  toZone?: Resolver<ResolversTypes['PoliceZone'], ParentType, ContextType>;
};

export type TravelNoticeResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['TravelNotice'] = ResolversParentTypes['TravelNotice']> = {
  announcedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  forwardedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  fromDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['TravelKind'], ParentType, ContextType>;
  late?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nights?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  toDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  zone?: Resolver<ResolversTypes['PoliceZone'], ParentType, ContextType>;
};

export type TravelNoticeCountsResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['TravelNoticeCounts'] = ResolversParentTypes['TravelNoticeCounts']> = {
  announced?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
  late?: Resolver<ResolversTypes['Count'], ParentType, ContextType>;
};

export type WorkItemResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['WorkItem'] = ResolversParentTypes['WorkItem']> = {
  dueOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  measure?: Resolver<ResolversTypes['ProtectionMeasure'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type WorkListResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['WorkList'] = ResolversParentTypes['WorkList'], FederationReferenceType extends FederationReferenceTypes['WorkList'] = FederationReferenceTypes['WorkList']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['WorkList']> | FederationReferenceType, FederationReferenceType, ContextType>;
  alertsToReview?: Resolver<Array<ResolversTypes['WorkItem']>, ParentType, ContextType>;
  decisionsPending?: Resolver<Array<ResolversTypes['WorkItem']>, ParentType, ContextType>;
  deviceReturns?: Resolver<Array<ResolversTypes['WorkItem']>, ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reEvaluations?: Resolver<Array<ResolversTypes['WorkItem']>, ParentType, ContextType>;
  revisits?: Resolver<Array<ResolversTypes['WorkItem']>, ParentType, ContextType>;
  transfersToAcknowledge?: Resolver<Array<ResolversTypes['WorkItem']>, ParentType, ContextType>;
  travelToForward?: Resolver<Array<ResolversTypes['WorkItem']>, ParentType, ContextType>;
};

export type ZoneContactResolvers<ContextType = ProtectionContext, ParentType extends ResolversParentTypes['ZoneContact'] = ResolversParentTypes['ZoneContact']> = {
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = ProtectionContext> = {
  Alert?: AlertResolvers<ContextType>;
  AlertCounts?: AlertCountsResolvers<ContextType>;
  AlertEvent?: AlertEventResolvers<ContextType>;
  AlertLogEntry?: AlertLogEntryResolvers<ContextType>;
  AlertLogRecipients?: AlertLogRecipientsResolvers<ContextType>;
  AmlLocation?: AmlLocationResolvers<ContextType>;
  Arrondissement?: ArrondissementResolvers<ContextType>;
  Cic?: CicResolvers<ContextType>;
  Conditions?: ConditionsResolvers<ContextType>;
  ConfidentialAddress?: ConfidentialAddressResolvers<ContextType>;
  ConfidentialContact?: ConfidentialContactResolvers<ContextType>;
  Count?: CountResolvers<ContextType>;
  DangerAnswers?: DangerAnswersResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateRange?: DateRangeResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DurationFigures?: DurationFiguresResolvers<ContextType>;
  Effect?: EffectResolvers<ContextType>;
  EndCounts?: EndCountsResolvers<ContextType>;
  Evaluation?: EvaluationResolvers<ContextType>;
  JournalEntry?: JournalEntryResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NewFact?: NewFactResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  PoliceOnSiteFigures?: PoliceOnSiteFiguresResolvers<ContextType>;
  PoliceZone?: PoliceZoneResolvers<ContextType>;
  Prolongation?: ProlongationResolvers<ContextType>;
  ProlongationCounts?: ProlongationCountsResolvers<ContextType>;
  ProtectedPerson?: ProtectedPersonResolvers<ContextType>;
  ProtectedPersonCounts?: ProtectedPersonCountsResolvers<ContextType>;
  ProtectionFigures?: ProtectionFiguresResolvers<ContextType>;
  ProtectionMeasure?: ProtectionMeasureResolvers<ContextType>;
  ProtectionStatistics?: ProtectionStatisticsResolvers<ContextType>;
  ProtectionStatisticsCell?: ProtectionStatisticsCellResolvers<ContextType>;
  Province?: ProvinceResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Refusal?: RefusalResolvers<ContextType>;
  Requester?: RequesterResolvers<ContextType>;
  Revisit?: RevisitResolvers<ContextType>;
  RevisitCounts?: RevisitCountsResolvers<ContextType>;
  Statistic?: StatisticResolvers<ContextType>;
  StatisticsPeriod?: StatisticsPeriodResolvers<ContextType>;
  StatisticsReport?: StatisticsReportResolvers<ContextType>;
  StatisticsScope?: StatisticsScopeResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Transfer?: TransferResolvers<ContextType>;
  TravelNotice?: TravelNoticeResolvers<ContextType>;
  TravelNoticeCounts?: TravelNoticeCountsResolvers<ContextType>;
  WorkItem?: WorkItemResolvers<ContextType>;
  WorkList?: WorkListResolvers<ContextType>;
  ZoneContact?: ZoneContactResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = ProtectionContext> = {
  access?: AccessDirectiveResolver<any, any, ContextType>;
};
