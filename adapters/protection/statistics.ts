/**
 * What the statistics (§9, issue 7) read from the register: lean facts
 * of the measures a period touches and of their events in the period,
 * never an aggregate. Names and addresses are not read at all; national
 * numbers are read only to count people, and never leave the subgraph.
 */
import type { AlertClass, ProlongationCause, TravelKind } from './aggregate';
import type {
  EndReason,
  Gender,
  ProtectedRole,
  Relationship,
  RequestOrigin,
} from './types';

/** A period of Brussels calendar days and a territory. */
export interface StatisticsQuery {
  /** First day, YYYY-MM-DD. */
  readonly from: string;
  /** Last day, included. */
  readonly to: string;
  /** Only the measures of these arrondissements; left out: all. */
  readonly arrondissementCodes?: readonly string[];
  /** Only the measures these zones manage; left out: all. */
  readonly managingZoneCodes?: readonly string[];
}

/** The gender and birth date of a person, for the breakdowns. */
export interface StatisticsPerson {
  /** Counts people; never published. */
  readonly nationalNumber: string;
  readonly gender: Gender | null;
  readonly birthDate: string | null;
}

export interface StatisticsProtected extends StatisticsPerson {
  readonly role: ProtectedRole;
}

/** A measure whose life touches the period. */
export interface StatisticsMeasure {
  /** Joins the events; never published. */
  readonly id: string;
  /** Where the measure is managed now, after any move (§7.2.3). */
  readonly arrondissementCode: string;
  readonly managingZoneCode: string;
  readonly relationship: Relationship;
  readonly requestOrigin: RequestOrigin;
  readonly requestedOn: string;
  readonly decidedOn: string | null;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly endedOn: string | null;
  readonly endReason: EndReason | null;
  /** The last refusal (§7.7); an earlier one is not kept. */
  readonly refusalDecidedOn: string | null;
  readonly suspect: StatisticsPerson;
  /** The victim first (PROTECTED_ROLES). */
  readonly protectedPersons: readonly StatisticsProtected[];
}

export interface StatisticsProlongation {
  readonly measureId: string;
  readonly cause: ProlongationCause;
  readonly decidedOn: string;
}

export interface StatisticsAlert {
  readonly measureId: string;
  /** UTC instant; the period is matched on its Brussels day. */
  readonly raisedAt: string;
  readonly classification: AlertClass | null;
  readonly policeArrivedAt: string | null;
}

export interface StatisticsRevisit {
  readonly measureId: string;
  readonly dueOn: string;
  readonly doneOn: string | null;
}

export interface StatisticsTravelNotice {
  readonly measureId: string;
  readonly kind: TravelKind;
  readonly fromDate: string;
  readonly announcedOn: string;
}

/**
 * The facts of a period: the measures requested, decided, refused or
 * running in it, and their prolongations decided, alerts raised,
 * revisits due and travel notices announced in it. Alerts are read a
 * day wider on each side, since an instant's Brussels day may differ
 * from its UTC day; the caller matches them by Brussels day.
 */
export interface StatisticsFacts {
  readonly measures: readonly StatisticsMeasure[];
  readonly prolongations: readonly StatisticsProlongation[];
  readonly alerts: readonly StatisticsAlert[];
  readonly revisits: readonly StatisticsRevisit[];
  readonly travelNotices: readonly StatisticsTravelNotice[];
}
