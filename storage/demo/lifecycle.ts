/**
 * The life story of each demo measure, as the domain would have written
 * it: the aggregate (requester, hearing and evaluation, conditions,
 * decision, revisits, alerts, travel, move, end) and the journal of the
 * changes that led there, oldest first.
 *
 * It draws from its own generator, after the other systems' data, so the
 * rest of the data set is the same as without it. The PV of a granted
 * measure's request is the one copied to victim support (§7.8.3).
 */
import type {
  Actor,
  AlertState,
  AmlLocation,
  BombFactor,
  ConditionsState,
  DangerAnswers,
  EvaluationState,
  JournalEntry,
  MeasureAggregate,
  MeasureState,
  NewFactState,
  ProlongationState,
  ReEvaluationDecisionState,
  ProtectedPersonState,
  Requester,
  RevisitState,
  TravelNoticeState,
} from '../../adapters/protection/aggregate';
import type { ReferralRecord } from '../../adapters/victim-support/types';
import {
  DEFAULT_RULES,
  SIGNATURE_AGE,
  nextRevisitDue,
  revisitSchedule,
} from '../../subgraphs/protection/domain/rules';
import type { Territory } from '../../subgraphs/protection/domain/territory';
import { addDays, addMonths, daysBetween } from '../dates';
import type { Prng } from '../prng';
import {
  MEASURE_MONTHS,
  alertDays,
  isGranted,
  type DemoFix,
  newFactDays,
  prolongationIncidents,
  type DemoCase,
} from './cases';
import { pad } from './text';

export interface DemoLives {
  aggregates: MeasureAggregate[];
  /** Every measure's entries, measure by measure, each oldest first. */
  journal: JournalEntry[];
}

interface LifeContext {
  prng: Prng;
  referenceDate: string;
  territory: Territory;
  /** The victim support referral of each granted measure. */
  referrals: ReadonlyMap<string, ReferralRecord>;
}

export function demoLives(
  cases: readonly DemoCase[],
  referrals: readonly ReferralRecord[],
  prng: Prng,
  referenceDate: string,
  territory: Territory,
): DemoLives {
  const context: LifeContext = {
    prng,
    referenceDate,
    territory,
    referrals: new Map(referrals.map((r) => [r.measureId, r])),
  };
  const lives = cases.map((demoCase) => new Life(demoCase, context).tell());
  return {
    aggregates: lives.map((life) => life.aggregate),
    journal: lives.flatMap((life) => life.journal),
  };
}

/** One journal event before numbering: when, what, who, which PV. */
interface Event {
  at: string;
  action: string;
  actor: Actor;
  pvReference: string | null;
}

/** Private: one case's story, told step by step in time order. */
class Life {
  private readonly events: Event[] = [];
  private readonly prng: Prng;
  private readonly today: string;

  constructor(
    private readonly demoCase: DemoCase,
    private readonly context: LifeContext,
  ) {
    this.prng = context.prng;
    this.today = context.referenceDate;
  }

  tell(): { aggregate: MeasureAggregate; journal: JournalEntry[] } {
    const { status } = this.demoCase.measure;
    const granted = isGranted(this.demoCase);
    const measure = this.request();
    const evaluations = this.hearing(measure);
    const conditions = this.conditions(measure, evaluations);
    if (granted) this.grant(measure);
    if (status === 'REFUSED') this.refuse(measure);

    const alerts = granted ? this.alerts(measure) : [];
    const newFacts = granted ? this.newFacts(measure) : [];
    const prolongations = granted ? this.prolongations(measure) : [];
    const reEvaluationDecisions = status === 'ACTIVE'
      ? this.reEvaluation(measure, evaluations)
      : [];
    const revisits = granted ? this.revisits(measure) : [];
    const travelNotices = granted ? this.travel() : [];
    if (status === 'ACTIVE') this.move(measure);
    if (status === 'ENDED') this.end(measure);

    const journal = this.journal();
    // Version 0 at the request, one more for each change since.
    measure.version = journal.length - 1;
    const aggregate: MeasureAggregate = {
      measure,
      protectedPersons: this.protectedPersons(),
      evaluations,
      conditions,
      prolongations,
      reEvaluationDecisions,
      revisits,
      travelNotices,
      alerts,
      newFacts,
    };
    return { aggregate, journal };
  }

  // -------------------------------------------------------------------
  // Steps

  /** §7.3: the request, recorded in a PV by the residence's police. */
  private request(): MeasureState {
    const base = this.demoCase.measure;
    const referral = this.context.referrals.get(base.id);
    const pvReference = referral?.pvReference
      ?? this.pv(base.requestedOn);
    const requester = this.requester();
    const judge = requester.origin === 'INVESTIGATING_JUDGE'
      && isGranted(this.demoCase);
    this.record(base.requestedOn, 8, 'REQUEST', this.police(), pvReference);
    return {
      id: base.id,
      reference: base.reference,
      status: base.status,
      version: 0,
      relationship: base.relationship,
      arrondissementCode: base.arrondissementCode,
      managingZoneCode: base.managingZoneCode,
      requester,
      pvReference,
      requestedOn: base.requestedOn,
      decidedOn: base.decidedOn,
      startDate: base.startDate,
      endDate: base.endDate,
      endedOn: base.endedOn,
      endReason: base.endReason,
      suspectNationalNumber: base.suspectNationalNumber,
      // §7.8.2: a judge's request means the case is under investigation.
      underInvestigation: requester.origin === 'INVESTIGATING_JUDGE',
      investigatingJudgeInformedOn: judge ? base.decidedOn : null,
      deviceActivatedOn: null,
      devicesReturnedOn: null,
      refusal: null,
      pendingTransfer: null,
    };
  }

  private requester(): Requester {
    const { measure } = this.demoCase;
    const none = { zoneCode: null, arrondissementCode: null,
      description: null };
    const origin = measure.requestOrigin;
    switch (origin) {
      case 'PERSON':
        return { origin, ...none };
      case 'RESIDENCE_POLICE':
        return { origin, ...none, zoneCode: measure.managingZoneCode };
      case 'OTHER_POLICE_ZONE':
        return { origin, ...none, zoneCode: this.otherZone() };
      case 'PARQUET':
        return { origin, ...none,
          arrondissementCode: measure.arrondissementCode };
      case 'OTHER_PARQUET':
        return { origin, ...none, arrondissementCode: this.otherParquet() };
      case 'TRUSTED_THIRD_PARTY':
        return { origin, ...none,
          description: 'Centre d’aide aux victimes, partenaire de confiance' };
      case 'OTHER_THIRD_PARTY':
        return { origin, ...none, description: 'Voisine de la personne' };
      case 'INVESTIGATING_JUDGE':
        return { origin, ...none,
          description: `Juge d’instruction de ${this.arrondissementName()}` };
      default:
        return unreachable(origin);
    }
  }

  /** §7.4, §7.6: the hearing, before any decision. */
  private hearing(measure: MeasureState): EvaluationState[] {
    const status = this.demoCase.measure.status;
    const latest = measure.decidedOn ?? this.today;
    const heardOn = earlier(addDays(measure.requestedOn,
      this.prng.int(0, 2)), latest);
    // A request of the last two days is still waiting for its hearing.
    if (status === 'REQUESTED' && daysBetween(measure.requestedOn,
      this.today) < 2) {
      return [];
    }
    const yes = status === 'REFUSED' ? 0.3 : status === 'REQUESTED'
      ? 0.5 : 0.75;
    const pvReference = this.pv(heardOn);
    this.record(heardOn, 10, 'EVALUATION', this.police(), pvReference);
    return [{
      heardOn,
      pvReference,
      relationship: measure.relationship,
      answers: this.answers(yes),
      bombFactors: this.bombFactors(measure),
      breakUpIntentionsDiverge: measure.relationship === 'EX_PARTNER'
        && this.prng.chance(0.6),
      inShelter: this.prng.chance(0.15),
      reEvaluation: false,
    }];
  }

  private answers(yes: number): DangerAnswers {
    const answer = () => this.prng.chance(yes);
    return {
      fearForLife: answer(),
      rejectedBreakUp: answer(),
      threatsToKillOrSuicide: answer(),
      pastViolence: answer(),
      weaponAffinity: answer(),
      heavyStalkingInvestment: answer(),
      uncontrolledAnger: answer(),
      destroyedBelongings: answer(),
    };
  }

  /** COL 15/2020's bomb factors are for ex-partners only. */
  private bombFactors(measure: MeasureState): BombFactor[] {
    if (measure.relationship !== 'EX_PARTNER' || !this.prng.chance(0.4)) {
      return [];
    }
    const factors: BombFactor[] = ['THREATS_TO_KILL', 'STRANGULATION',
      'RECENT_SEPARATION', 'STALKING'];
    const first = this.prng.pick(factors);
    const second = this.prng.pick(factors);
    return first === second ? [first] : [first, second];
  }

  /**
   * §7.5: recorded after the hearing. Granted measures meet all six; a
   * refusal may rest on the scope; a pending request has none yet.
   */
  private conditions(
    measure: MeasureState,
    evaluations: EvaluationState[],
  ): ConditionsState | null {
    const status = this.demoCase.measure.status;
    const [hearing] = evaluations;
    if (status === 'REQUESTED' || !hearing) return null;
    this.record(hearing.heardOn, 11, 'CONDITIONS', this.police(), null);
    return {
      recordedOn: hearing.heardOn,
      livesInDeployedZone: true,
      withinMaterialScope: status !== 'REFUSED' || this.prng.chance(0.5),
      wantsAlarm: true,
      noVoluntaryContact: true,
      filesComplaints: true,
      acceptsUserAgreement: true,
    };
  }

  /** §7.8: the magistrate grants; the police activate the device. */
  private grant(measure: MeasureState): void {
    const decidedOn = measure.decidedOn!;
    this.record(decidedOn, 14, 'GRANT', this.magistrate(),
      this.pv(decidedOn));
    measure.deviceActivatedOn = decidedOn;
    this.record(decidedOn, 16, 'DEVICE_ACTIVATION', this.police(),
      this.pv(decidedOn));
  }

  /** §7.7: a negative decision, explained to the person. */
  private refuse(measure: MeasureState): void {
    const decidedOn = measure.decidedOn!;
    const pvReference = this.pv(decidedOn);
    const thirdParty = measure.requester.origin === 'TRUSTED_THIRD_PARTY'
      || measure.requester.origin === 'OTHER_THIRD_PARTY';
    measure.refusal = {
      decidedOn,
      reasons: this.prng.pick(REFUSAL_REASONS),
      thirdPartyInformed: thirdParty ? this.prng.chance(0.5) : null,
      pvReference,
    };
    this.record(decidedOn, 14, 'REFUSAL', this.magistrate(), pvReference);
  }

  /**
   * §7.11.2: alerts with their PV; the magistrate hears at once of every
   * one that is not false. A test press brings no team. The CIC records
   * the alert, its position fixes as they come in and the end of the
   * call (§3): a test ends within two minutes, any other once the team
   * is there.
   */
  private alerts(measure: MeasureState): AlertState[] {
    const { plan, number } = this.demoCase;
    const days = alertDays(plan, measure.decidedOn!, this.today);
    return days.map(({ classification, day, track: fixes }, index) => {
      const raisedAt = `${day}T19:42:00.000Z`;
      const arrived = classification === 'TEST' ? null
        : `${day}T19:51:00.000Z`;
      const callEndedAt = classification === 'TEST'
        ? `${day}T19:43:30.000Z` : `${day}T19:56:00.000Z`;
      const classifiedAt = `${day}T21:10:00.000Z`;
      const pvReference = this.pv(day);
      const track = fixes.map((fix) => fixOf(fix, raisedAt));
      this.recordAt(raisedAt, 'ALERT', this.cic(), null);
      for (const later of track.slice(1)) {
        this.recordAt(later.fixedAt, 'ALERT_LOCATION', this.cic(), null);
      }
      if (arrived) {
        this.recordAt(arrived, 'POLICE_ARRIVAL', this.police(), null);
      }
      this.recordAt(callEndedAt, 'ALERT_CALL_END', this.cic(), null);
      this.recordAt(classifiedAt, 'ALERT_CLASSIFICATION', this.police(),
        pvReference);
      return {
        id: `demo-alert-${pad(number, 3)}-${index + 1}`,
        raisedAt,
        pvReference,
        classification,
        classifiedAt,
        policeArrivedAt: arrived,
        magistrateInformed: classification !== 'FALSE',
        callEndedAt,
        location: track.at(-1) ?? null,
        track,
      };
    });
  }

  /** §7.11.3: a new initial PV, the magistrate told at once. */
  private newFacts(measure: MeasureState): NewFactState[] {
    const { newFactsDaysAgo } = this.demoCase.plan;
    if (newFactsDaysAgo === undefined) return [];
    const { factOn, reportedOn } = newFactDays(newFactsDaysAgo,
      measure.decidedOn!, this.today);
    const pvReference = this.pv(reportedOn);
    this.record(reportedOn, 11, 'NEW_FACTS', this.police(), pvReference);
    return [{ reportedOn, factOn, pvReference, magistrateInformed: true }];
  }

  /**
   * §7.10.2: the new periods the case's real alerts and new facts
   * started, which led to the end date the case already has.
   */
  private prolongations(measure: MeasureState): ProlongationState[] {
    const { plan } = this.demoCase;
    let endDate = addMonths(measure.decidedOn!, MEASURE_MONTHS);
    const prolongations = prolongationIncidents(plan, measure.decidedOn!,
      this.today).map((incident) => {
      const newEndDate = laterOf(endDate,
        addMonths(incident.incidentOn, MEASURE_MONTHS));
      const prolongation = { ...incident, previousEndDate: endDate,
        newEndDate };
      endDate = newEndDate;
      return prolongation;
    });
    if (endDate !== measure.endDate) {
      throw new Error(
        `Demo measure ${measure.id} ends on ${measure.endDate}, not ${endDate} as its prolongations say`,
      );
    }
    return prolongations;
  }

  /**
   * §7.12.1: in the month before the end, a new hearing, then the
   * magistrate lets the measure end at its date (no date changes).
   */
  private reEvaluation(
    measure: MeasureState,
    evaluations: EvaluationState[],
  ): ReEvaluationDecisionState[] {
    if (!this.demoCase.plan.letEndAfterReEvaluation) return [];
    const heardOn = addDays(this.today, -6);
    const decidedOn = addDays(this.today, -5);
    const hearingPv = this.pv(heardOn);
    evaluations.push({
      heardOn,
      pvReference: hearingPv,
      relationship: measure.relationship,
      answers: this.answers(0.2),
      bombFactors: [],
      breakUpIntentionsDiverge: false,
      inShelter: false,
      reEvaluation: true,
    });
    this.record(heardOn, 10, 'EVALUATION', this.police(), hearingPv);
    const pvReference = this.pv(decidedOn);
    this.record(decidedOn, 14, 'RE_EVALUATION_DECISION', this.magistrate(),
      pvReference);
    return [{ decidedOn, outcome: 'LET_END', pvReference }];
  }

  /**
   * §7.11.3 (DOMAIN Decision): one month after the grant, then every 3
   * months. Each is done within days of its date and opens the next;
   * a case that misses one has its first still open, overdue.
   */
  private revisits(measure: MeasureState): RevisitState[] {
    const period = { startDate: measure.startDate!,
      endDate: measure.endDate! };
    const until = measure.endedOn ?? this.today;
    const revisits: RevisitState[] = [];
    let dueOn: string | null =
      revisitSchedule(period.startDate, period.endDate, DEFAULT_RULES)[0]
      ?? null;
    const misses = this.demoCase.plan.missesRevisit === true;
    while (dueOn !== null && dueOn <= until && !misses) {
      const doneOn = earlier(laterOf(addDays(dueOn, this.prng.int(-2, 4)),
        period.startDate), until);
      const pvReference = this.pv(doneOn);
      revisits.push({ dueOn, doneOn, pvReference });
      this.record(doneOn, 10, 'REVISIT', this.police(), pvReference);
      dueOn = nextRevisitDue(period, { dueOn, doneOn }, DEFAULT_RULES);
    }
    // The open one; at the end, one due later is dropped (end.ts).
    if (dueOn !== null && (!measure.endedOn || dueOn <= measure.endedOn)) {
      revisits.push({ dueOn, doneOn: null, pvReference: null });
    }
    return revisits;
  }

  /**
   * §7.11.1: a usual place (work) forwarded long ago, and a trip of six
   * nights announced three days ago, not yet forwarded.
   */
  private travel(): TravelNoticeState[] {
    const { plan, measure, number } = this.demoCase;
    if (!plan.travelNotices) return [];
    const id = (n: number) => `demo-travel-${pad(number, 3)}-${n}`;
    const work = addDays(measure.decidedOn!, 10);
    const announced = addDays(this.today, -3);
    this.record(work, 9, 'TRAVEL_NOTICE', this.police(), null);
    this.record(addDays(work, 1), 9, 'TRAVEL_NOTICE_FORWARDED',
      this.police(), null);
    this.record(announced, 9, 'TRAVEL_NOTICE', this.police(), null);
    return [
      { id: id(1), kind: 'USUAL_PLACE', zoneCode: this.neighbourZone(),
        fromDate: work, toDate: null, announcedOn: work,
        forwardedOn: addDays(work, 1) },
      { id: id(2), kind: 'TRIP', zoneCode: this.farZone(),
        fromDate: addDays(this.today, 12), toDate: addDays(this.today, 18),
        announcedOn: announced, forwardedOn: null },
    ];
  }

  /** §7.2.3: a move to a deployed zone, awaiting the new parquet. */
  private move(measure: MeasureState): void {
    const toZoneCode = this.demoCase.plan.moveToZone;
    if (!toZoneCode) return;
    const zone = this.context.territory.zone(toZoneCode);
    if (!zone) {
      throw new Error(`The demo moves to an unknown zone ${toZoneCode}`);
    }
    const requestedOn = addDays(this.today, -4);
    measure.pendingTransfer = { toZoneCode,
      toArrondissementCode: zone.arrondissementCode, requestedOn };
    this.record(requestedOn, 15, 'MOVE', this.police(), this.pv(requestedOn));
  }

  /** §7.12: the end, then the devices back within days (§7.12.2). */
  private end(measure: MeasureState): void {
    const endedOn = measure.endedOn!;
    if (measure.endReason === 'EXPIRED') {
      this.record(endedOn, 1, 'EXPIRY', SWEEP, null);
    } else {
      this.record(endedOn, 14, 'EARLY_END', this.magistrate(),
        this.pv(endedOn));
    }
    const returnedOn = earlier(addDays(endedOn, this.prng.int(0, 3)),
      this.today);
    measure.devicesReturnedOn = returnedOn;
    this.record(returnedOn, 15, 'DEVICE_RETURN', this.police(),
      this.pv(returnedOn));
  }

  /**
   * §7.9: the victim, and for a granted measure the children and
   * relatives it covers. Minors need discernment; from 16 they sign.
   */
  private protectedPersons(): ProtectedPersonState[] {
    const { victim, children, relatives, measure } = this.demoCase;
    if (!isGranted(this.demoCase)) {
      // A request covers the victim only; others come with the grant.
      return [{ nationalNumber: victim.nationalNumber, role: 'VICTIM',
        discernmentRecorded: false, agreementSigned: false }];
    }
    const decidedOn = measure.decidedOn!;
    const people = [victim, ...children, ...relatives];
    const signs = (number: string) => {
      const birthDate = people.find((person) =>
        person.nationalNumber === number)?.birthDate ?? null;
      return birthDate === null
        || addMonths(birthDate, 12 * SIGNATURE_AGE) <= decidedOn;
    };
    return this.demoCase.protectedPersons.map((p) => ({
      nationalNumber: p.nationalNumber,
      role: p.role,
      discernmentRecorded: p.role === 'CHILD',
      agreementSigned: signs(p.nationalNumber),
    }));
  }

  // -------------------------------------------------------------------
  // Journal

  private record(
    day: string,
    hour: number,
    action: string,
    actor: Actor,
    pvReference: string | null,
  ): void {
    this.recordAt(`${day}T${pad(hour, 2)}:00:00.000Z`, action, actor,
      pvReference);
  }

  private recordAt(
    at: string,
    action: string,
    actor: Actor,
    pvReference: string | null,
  ): void {
    this.events.push({ at, action, actor, pvReference });
  }

  /** The events in time order (stable), numbered. */
  private journal(): JournalEntry[] {
    const { id } = this.demoCase.measure;
    const ordered = this.events
      .map((event, index) => ({ event, index }))
      .sort((a, b) => (a.event.at < b.event.at ? -1
        : a.event.at > b.event.at ? 1 : a.index - b.index));
    return ordered.map(({ event }, n) => ({
      id: `demo-journal-${pad(this.demoCase.number, 3)}-${pad(n + 1, 2)}`,
      measureId: id,
      ...event,
    }));
  }

  // -------------------------------------------------------------------
  // Who and where

  private police(): Actor {
    const zone = this.demoCase.measure.managingZoneCode;
    return { subject: `demo-officer-${zone}`, role: 'police',
      organisation: zone };
  }

  private magistrate(): Actor {
    const code = this.demoCase.measure.arrondissementCode;
    return { subject: `demo-magistrate-${code}`, role: 'magistrate',
      organisation: code };
  }

  /** §3: the province's dispatch centre takes the call. */
  private cic(): Actor {
    const province = this.context.territory.arrondissement(
      this.demoCase.measure.arrondissementCode)?.provinceCode ?? null;
    return { subject: `demo-dispatcher-${province}`, role: 'cic',
      organisation: province };
  }

  private arrondissementName(): string {
    const code = this.demoCase.measure.arrondissementCode;
    return this.context.territory.arrondissement(code)?.name ?? code;
  }

  /** Another deployed zone of the same arrondissement, else any other. */
  private neighbourZone(): string {
    const { managingZoneCode, arrondissementCode } = this.demoCase.measure;
    const others = this.deployedZones()
      .filter((zone) => zone.code !== managingZoneCode);
    return (others.find((z) => z.arrondissementCode === arrondissementCode)
      ?? others[0]!).code;
  }

  /** A deployed zone of another arrondissement. */
  private farZone(): string {
    const { arrondissementCode } = this.demoCase.measure;
    return this.deployedZones()
      .find((zone) => zone.arrondissementCode !== arrondissementCode)!.code;
  }

  /** A deployed zone other than the residence's, for OTHER_POLICE_ZONE. */
  private otherZone(): string {
    const { managingZoneCode } = this.demoCase.measure;
    return this.prng.pick(this.deployedZones()
      .filter((zone) => zone.code !== managingZoneCode)).code;
  }

  private otherParquet(): string {
    const own = this.demoCase.measure.arrondissementCode;
    const codes = [...new Set(this.context.territory.zones()
      .map((zone) => zone.arrondissementCode))].filter((c) => c !== own);
    return this.prng.pick(codes);
  }

  private deployedZones() {
    return this.context.territory.zones()
      .filter((zone) => zone.deployedOn !== null);
  }

  /** A made-up PV number of the managing zone, in the day's year. */
  private pv(day: string): string {
    const zone = this.demoCase.measure.managingZoneCode;
    return `PV/${zone}/${day.slice(0, 4)}/${pad(this.prng.int(1, 99999), 6)}`;
  }
}

/** §7.12.2: the expiry sweep is no person. */
const SWEEP: Actor = { subject: 'expiry-sweep', role: 'system',
  organisation: null };

const REFUSAL_REASONS = [
  'Risque de violence grave non établi à ce stade',
  'Hors du champ matériel : pas de harcèlement intrafamilial',
  'Contacts volontaires réguliers avec la personne soupçonnée',
];

function earlier(a: string, b: string): string {
  return a < b ? a : b;
}

function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

function unreachable(value: never): never {
  throw new Error(`Unexpected request origin ${JSON.stringify(value)}`);
}

/** A planned fix, dated from the alert raised at `raisedAt` (§3). */
function fixOf(fix: DemoFix, raisedAt: string): AmlLocation {
  const { secondsAfterPress, ...position } = fix;
  const fixedAt = Date.parse(raisedAt) + secondsAfterPress * 1000;
  return { ...position, fixedAt: new Date(fixedAt).toISOString() };
}
