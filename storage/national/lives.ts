/**
 * Each national case as the domain would have left it: the aggregate
 * (requester, hearing, conditions, decision, alerts with police arrival
 * times, prolongations, re-evaluation, revisits, travel notices, move,
 * end) and its journal events. The device activation waits for the
 * inventory (inventory.ts), which knows when a device was there (§7.8.7);
 * `journalOf` numbers the events once it is recorded.
 */
import type {
  Actor,
  AlertState,
  EvaluationState,
  JournalEntry,
  MeasureAggregate,
  MeasureState,
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
import type {
  TerritoryRecords,
  ZoneInfo,
} from '../../subgraphs/protection/domain/territory';
import { addDays, addMonths, daysBetween } from '../dates';
import { isGranted } from '../demo/cases';
import { pad } from '../demo/text';
import type { Prng } from '../prng';
import type { NationalCase } from './cases';

/** Shares of late follow-ups (§7.11.3, §7.11.1). */
export const FOLLOW_UP = {
  /** A revisit done 2 to 7 weeks after its due date. */
  lateRevisit: 0.08,
  /** Measures with travel notices, and notices given under 7 days. */
  travelling: 0.3,
  lateTravelNotice: 0.15,
} as const;

export interface NationalEvent {
  at: string;
  action: string;
  actor: Actor;
  pvReference: string | null;
}

export interface NationalLife {
  aggregate: MeasureAggregate;
  /** Unnumbered, in the order they were drawn. */
  events: NationalEvent[];
  /** The police of the measure's managing zone on a day. */
  policeOn(day: string): Actor;
}

interface LifeContext {
  prng: Prng;
  today: string;
  territory: TerritoryRecords;
  referrals: ReadonlyMap<string, ReferralRecord>;
}

/**
 * §7.2.3: where each moving case goes: a zone deployed by then, in the
 * same arrondissement more often than not. An acknowledged move makes
 * the new zone the managing one.
 */
export function settleMoves(
  cases: readonly NationalCase[],
  zones: readonly ZoneInfo[],
  prng: Prng,
): Map<string, ZoneInfo> {
  const destinations = new Map<string, ZoneInfo>();
  for (const demoCase of cases) {
    const move = demoCase.story.move;
    if (!move) continue;
    const from = demoCase.requestZone;
    const open = zones.filter((zone) => zone.code !== from.code
      && zone.deployedOn !== null && zone.deployedOn <= move.requestedOn);
    const near = open.filter((zone) =>
      zone.arrondissementCode === from.arrondissementCode);
    const to = prng.pick(near.length > 0 && prng.chance(0.6) ? near : open);
    destinations.set(demoCase.measure.id, to);
    if (move.acknowledgedOn) {
      demoCase.measure.managingZoneCode = to.code;
      demoCase.measure.arrondissementCode = to.arrondissementCode;
    }
  }
  return destinations;
}

export function nationalLives(
  cases: readonly NationalCase[],
  destinations: ReadonlyMap<string, ZoneInfo>,
  context: LifeContext,
): NationalLife[] {
  return cases.map((c) => new Life(c, destinations.get(c.measure.id) ?? null,
    context).tell());
}

/** Private: one case's story, told as the domain records it. */
class Life {
  private readonly events: NationalEvent[] = [];
  private readonly prng: Prng;
  private readonly story: NationalCase['story'];

  constructor(
    private readonly demoCase: NationalCase,
    private readonly destination: ZoneInfo | null,
    private readonly context: LifeContext,
  ) {
    this.prng = context.prng;
    this.story = demoCase.story;
  }

  tell(): NationalLife {
    const granted = isGranted(this.demoCase);
    const measure = this.request();
    const evaluations = this.hearings(measure);
    if (this.story.decidedOn) {
      if (granted) this.grant();
      else this.refuse(measure);
    }
    const aggregate: MeasureAggregate = {
      measure,
      protectedPersons: this.protectedPersons(granted),
      evaluations,
      conditions: this.conditions(),
      prolongations: this.story.prolongations.map(
        ({ cause, incidentOn, decidedOn, previousEndDate, newEndDate }) =>
          ({ cause, incidentOn, decidedOn, previousEndDate, newEndDate })),
      reEvaluationDecisions: granted ? this.reEvaluation() : [],
      revisits: granted ? this.revisits(measure) : [],
      travelNotices: granted ? this.travel(measure) : [],
      alerts: granted ? this.alerts() : [],
      newFacts: granted ? this.newFacts() : [],
    };
    if (granted) this.move(measure);
    if (measure.status === 'ENDED') this.end(measure);
    return { aggregate, events: this.events,
      policeOn: (day) => this.actorOn('police', day) };
  }

  /** §7.3: the request, in a PV of the zone where it was made. */
  private request(): MeasureState {
    const base = this.demoCase.measure;
    const referral = this.context.referrals.get(base.id);
    const pvReference = referral?.pvReference
      ?? this.pv(base.requestedOn);
    const origin = base.requestOrigin;
    const judge = origin === 'INVESTIGATING_JUDGE';
    this.record(base.requestedOn, 8, 'REQUEST', 'police', pvReference);
    return {
      id: base.id, reference: base.reference, status: base.status,
      version: 0, relationship: base.relationship,
      arrondissementCode: base.arrondissementCode,
      managingZoneCode: base.managingZoneCode,
      requester: this.requester(), pvReference,
      requestedOn: base.requestedOn, decidedOn: base.decidedOn,
      startDate: base.startDate, endDate: base.endDate,
      endedOn: base.endedOn, endReason: base.endReason,
      suspectNationalNumber: base.suspectNationalNumber,
      // §7.8.2: a judge's request means the case is under investigation.
      underInvestigation: judge,
      investigatingJudgeInformedOn: judge && isGranted(this.demoCase)
        ? base.decidedOn : null,
      deviceActivatedOn: null, devicesReturnedOn: null, refusal: null,
      pendingTransfer: null,
    };
  }

  private requester(): MeasureState['requester'] {
    const { measure, requestZone } = this.demoCase;
    const none = { zoneCode: null, arrondissementCode: null,
      description: null };
    const origin = measure.requestOrigin;
    const others = this.context.territory.zones.filter((zone) =>
      zone.code !== requestZone.code && zone.deployedOn !== null);
    switch (origin) {
      case 'RESIDENCE_POLICE':
        return { origin, ...none, zoneCode: requestZone.code };
      case 'OTHER_POLICE_ZONE':
        return { origin, ...none, zoneCode: this.prng.pick(others).code };
      case 'PARQUET':
        return { origin, ...none,
          arrondissementCode: requestZone.arrondissementCode };
      case 'OTHER_PARQUET':
        return { origin, ...none, arrondissementCode: this.prng.pick(
          this.context.territory.arrondissements.filter((a) =>
            a.code !== requestZone.arrondissementCode)).code };
      case 'TRUSTED_THIRD_PARTY':
        return { origin, ...none, description: 'Centre d’aide aux victimes' };
      case 'OTHER_THIRD_PARTY':
        return { origin, ...none, description: 'Voisin de la personne' };
      case 'INVESTIGATING_JUDGE':
        return { origin, ...none, description: 'Juge d’instruction' };
      case 'PERSON':
        return { origin, ...none };
    }
  }

  /** §7.4, §7.6, §7.12.1: the first hearing, and a re-evaluation's. */
  private hearings(measure: MeasureState): EvaluationState[] {
    const { heardOn, status, reEvaluation } = this.story;
    if (!heardOn) return [];
    const yes = status === 'REFUSED' ? 0.3 : status === 'REQUESTED'
      ? 0.5 : 0.72;
    const hearings = [this.hearing(measure, heardOn, yes, false)];
    if (reEvaluation && isGranted(this.demoCase)) {
      hearings.push(this.hearing(measure, reEvaluation.heardOn,
        reEvaluation.outcome === 'PROLONG' ? 0.6 : 0.2, true));
    }
    return hearings;
  }

  private hearing(
    measure: MeasureState,
    heardOn: string,
    yes: number,
    reEvaluation: boolean,
  ): EvaluationState {
    const pvReference = this.pv(heardOn);
    this.record(heardOn, 10, 'EVALUATION', 'police', pvReference);
    const answer = () => this.prng.chance(yes);
    const exPartner = measure.relationship === 'EX_PARTNER';
    return {
      heardOn, pvReference, relationship: measure.relationship,
      answers: {
        fearForLife: answer(), rejectedBreakUp: answer(),
        threatsToKillOrSuicide: answer(), pastViolence: answer(),
        weaponAffinity: answer(), heavyStalkingInvestment: answer(),
        uncontrolledAnger: answer(), destroyedBelongings: answer(),
      },
      // COL 15/2020's bomb factors are for ex-partners only.
      bombFactors: exPartner && this.prng.chance(0.35)
        ? [this.prng.pick(['THREATS_TO_KILL', 'STRANGULATION',
          'RECENT_SEPARATION', 'STALKING'] as const)]
        : [],
      breakUpIntentionsDiverge: exPartner && this.prng.chance(0.6),
      inShelter: this.prng.chance(0.12),
      reEvaluation,
    };
  }

  /** §7.5: recorded once decided; a grant meets all six. */
  private conditions(): MeasureAggregate['conditions'] {
    const { heardOn, decidedOn, status } = this.story;
    if (!heardOn || !decidedOn) return null;
    this.record(heardOn, 11, 'CONDITIONS', 'police', null);
    return {
      recordedOn: heardOn, livesInDeployedZone: true,
      withinMaterialScope: status !== 'REFUSED' || this.prng.chance(0.5),
      wantsAlarm: true, noVoluntaryContact: true, filesComplaints: true,
      acceptsUserAgreement: true,
    };
  }

  private grant(): void {
    const day = this.story.decidedOn!;
    this.record(day, 14, 'GRANT', 'magistrate', this.pv(day));
  }

  /** §7.7: a negative decision, explained to the person. */
  private refuse(measure: MeasureState): void {
    const decidedOn = this.story.decidedOn!;
    const pvReference = this.pv(decidedOn);
    const origin = measure.requester.origin;
    const thirdParty = origin === 'TRUSTED_THIRD_PARTY'
      || origin === 'OTHER_THIRD_PARTY';
    measure.refusal = {
      decidedOn, pvReference,
      reasons: this.prng.pick(REFUSAL_REASONS),
      thirdPartyInformed: thirdParty ? this.prng.chance(0.5) : null,
    };
    this.record(decidedOn, 14, 'REFUSAL', 'magistrate', pvReference);
  }

  /**
   * §7.11.2: a team goes to every alert but a test press; it is there in
   * about 10 minutes on average, with a tail. Each alert gets its PV;
   * the magistrate hears of every one that is not false.
   */
  private alerts(): AlertState[] {
    return this.story.alerts.map(({ day, classification }, index) => {
      const raised = Date.parse(`${day}T00:00:00.000Z`)
        + alertSecondOfDay(this.prng) * 1000;
      const minutes = classification === 'TEST' ? null
        : arrivalMinutes(this.prng);
      const at = (ms: number) => new Date(raised + ms).toISOString();
      const raisedAt = at(0);
      const arrived = minutes === null ? null : at(minutes * 60_000);
      const callEndedAt = minutes === null
        ? at(this.prng.int(40, 180) * 1000)
        : at((minutes + this.prng.int(2, 12)) * 60_000);
      const classifiedAt = at((minutes ?? 0) * 60_000
        + this.prng.int(30, 240) * 60_000);
      const pvReference = this.pv(day);
      this.recordAt(raisedAt, 'ALERT', 'cic', null);
      if (arrived) {
        this.recordAt(arrived, 'POLICE_ARRIVAL', 'police', null);
      }
      this.recordAt(callEndedAt, 'ALERT_CALL_END', 'cic', null);
      this.recordAt(classifiedAt, 'ALERT_CLASSIFICATION', 'police',
        pvReference);
      return {
        id: `nat-alert-${pad(this.demoCase.number, 6)}-${index + 1}`,
        raisedAt, pvReference, classification, classifiedAt,
        policeArrivedAt: arrived,
        magistrateInformed: classification !== 'FALSE',
        callEndedAt, location: null, track: [],
      };
    });
  }

  /** §7.11.3: a new initial PV, the magistrate told at once. */
  private newFacts(): MeasureAggregate['newFacts'] {
    return this.story.newFacts.map(({ factOn, reportedOn }) => {
      const pvReference = this.pv(reportedOn);
      this.record(reportedOn, 11, 'NEW_FACTS', 'police', pvReference);
      return { reportedOn, factOn, pvReference, magistrateInformed: true };
    });
  }

  private reEvaluation(): MeasureAggregate['reEvaluationDecisions'] {
    const decision = this.story.reEvaluation;
    if (!decision) return [];
    const pvReference = this.pv(decision.decidedOn);
    this.record(decision.decidedOn, 14, 'RE_EVALUATION_DECISION',
      'magistrate', pvReference);
    return [{ decidedOn: decision.decidedOn, outcome: decision.outcome,
      pvReference }];
  }

  /**
   * §7.11.3: one month after the grant, then every 3 months; most are
   * done within days, some weeks late; the next one is open.
   */
  private revisits(measure: MeasureState): RevisitState[] {
    const period = { startDate: measure.startDate!,
      endDate: measure.endDate! };
    const until = measure.endedOn ?? this.context.today;
    const revisits: RevisitState[] = [];
    let dueOn: string | null = revisitSchedule(period.startDate,
      period.endDate, DEFAULT_RULES)[0] ?? null;
    while (dueOn !== null) {
      const delay = this.prng.chance(FOLLOW_UP.lateRevisit)
        ? this.prng.int(14, 50) : this.prng.int(-3, 5);
      const doneOn = laterOf(addDays(dueOn, delay), period.startDate);
      if (doneOn > until) break;
      const pvReference = this.pv(doneOn);
      revisits.push({ dueOn, doneOn, pvReference });
      this.record(doneOn, 10, 'REVISIT', 'police', pvReference);
      dueOn = nextRevisitDue(period, { dueOn, doneOn }, DEFAULT_RULES);
    }
    if (dueOn !== null && (!measure.endedOn || dueOn <= measure.endedOn)) {
      revisits.push({ dueOn, doneOn: null, pvReference: null });
    }
    return revisits;
  }

  /**
   * §7.11.1: trips of 5 nights or more announced at least 7 days ahead,
   * some late; a usual place now and then. Forwarded within two days.
   */
  private travel(measure: MeasureState): TravelNoticeState[] {
    if (!this.prng.chance(FOLLOW_UP.travelling)) return [];
    const until = measure.endedOn ?? measure.endDate!;
    const notices: TravelNoticeState[] = [];
    const count = this.prng.int(1, 3);
    for (let n = 1; n <= count; n += 1) {
      const notice = this.notice(measure, n, until);
      if (notice) notices.push(notice);
    }
    return notices;
  }

  private notice(
    measure: MeasureState,
    n: number,
    until: string,
  ): TravelNoticeState | null {
    const span = daysBetween(measure.startDate!, until);
    if (span < 20) return null;
    const fromDate = addDays(measure.startDate!, this.prng.int(15, span));
    const usual = this.prng.chance(0.15);
    const lead = this.prng.chance(FOLLOW_UP.lateTravelNotice)
      ? this.prng.int(1, 6) : this.prng.int(7, 30);
    const announcedOn = laterOf(addDays(fromDate, -lead),
      measure.startDate!);
    if (announcedOn > this.context.today) return null;
    const forwarded = addDays(announcedOn, this.prng.int(0, 2));
    const forwardedOn = forwarded <= this.context.today ? forwarded : null;
    this.record(announcedOn, 9, 'TRAVEL_NOTICE', 'police', null);
    if (forwardedOn) {
      this.record(forwardedOn, 9, 'TRAVEL_NOTICE_FORWARDED', 'police',
        null);
    }
    // §7.11.1: the destination's zone gets the briefing: one deployed
    // by then, so that it has the alarm's procedures.
    const zones = this.context.territory.zones.filter((zone) =>
      zone.deployedOn !== null && zone.deployedOn <= fromDate
      && zone.code !== this.managingOn(announcedOn).code);
    return {
      id: `nat-travel-${pad(this.demoCase.number, 6)}-${n}`,
      kind: usual ? 'USUAL_PLACE' : 'TRIP',
      zoneCode: this.prng.pick(zones).code,
      fromDate,
      toDate: usual ? null : addDays(fromDate, this.prng.int(5, 21)),
      announcedOn, forwardedOn,
    };
  }

  /** §7.2.3: a move, pending or acknowledged by the new zone. */
  private move(measure: MeasureState): void {
    const move = this.story.move;
    if (!move || !this.destination) return;
    this.record(move.requestedOn, 15, 'MOVE', 'police',
      this.pv(move.requestedOn));
    if (!move.acknowledgedOn) {
      measure.pendingTransfer = { toZoneCode: this.destination.code,
        toArrondissementCode: this.destination.arrondissementCode,
        requestedOn: move.requestedOn };
      return;
    }
    this.record(move.acknowledgedOn, 15, 'TRANSFER_ACKNOWLEDGED',
      'police', null);
  }

  /** §7.12: the end, then the devices back within days (§7.12.2). */
  private end(measure: MeasureState): void {
    const endedOn = measure.endedOn!;
    if (measure.endReason === 'EXPIRED') {
      this.record(endedOn, 1, 'EXPIRY', SWEEP, null);
    } else {
      this.record(endedOn, 14, 'EARLY_END', 'magistrate',
        this.pv(endedOn));
    }
    const back = addDays(endedOn, this.prng.int(0, 4));
    const returnedOn = back < this.context.today ? back : this.context.today;
    measure.devicesReturnedOn = returnedOn;
    this.record(returnedOn, 15, 'DEVICE_RETURN', 'police',
      this.pv(returnedOn));
  }

  /** §7.9: minors need discernment; from 16 they sign. */
  private protectedPersons(
    granted: boolean,
  ): MeasureAggregate['protectedPersons'] {
    const { victim, children, relatives, protectedPersons } = this.demoCase;
    if (!granted) {
      return [{ nationalNumber: victim.nationalNumber, role: 'VICTIM',
        discernmentRecorded: false, agreementSigned: false }];
    }
    const decidedOn = this.story.decidedOn!;
    const births = new Map([victim, ...children, ...relatives]
      .map((p) => [p.nationalNumber, p.birthDate] as const));
    return protectedPersons.map((p) => ({
      nationalNumber: p.nationalNumber,
      role: p.role,
      discernmentRecorded: p.role === 'CHILD',
      agreementSigned: addMonths(births.get(p.nationalNumber)!,
        12 * SIGNATURE_AGE) <= decidedOn,
    }));
  }

  // Journal and actors

  private record(
    day: string,
    hour: number,
    action: string,
    who: Who,
    pvReference: string | null,
  ): void {
    this.recordAt(`${day}T${pad(hour, 2)}:00:00.000Z`, action, who,
      pvReference);
  }

  private recordAt(
    at: string,
    action: string,
    who: Who,
    pvReference: string | null,
  ): void {
    const actor = typeof who === 'string'
      ? this.actorOn(who, at.slice(0, 10)) : who;
    this.events.push({ at, action, actor, pvReference });
  }

  /**
   * §7.2.3: the request's zone and parquet manage the measure until a
   * move is acknowledged, the new ones from that day.
   */
  private managingOn(day: string): ZoneInfo {
    const move = this.story.move;
    return move?.acknowledgedOn && this.destination
      && day >= move.acknowledgedOn
      ? this.destination
      : this.demoCase.requestZone;
  }

  actorOn(who: Role, day: string): Actor {
    const zone = this.managingOn(day);
    switch (who) {
      case 'police':
        return { subject: `nat-officer-${zone.code}`, role: 'police',
          organisation: zone.code };
      case 'magistrate':
        return { subject: `nat-magistrate-${zone.arrondissementCode}`,
          role: 'magistrate', organisation: zone.arrondissementCode };
      case 'cic':
        // §3: the province's dispatch centre takes the call.
        return { subject: `nat-dispatcher-${this.provinceOf(zone)}`,
          role: 'cic', organisation: this.provinceOf(zone) };
    }
  }

  private provinceOf(zone: ZoneInfo): string | null {
    return this.context.territory.arrondissements.find((a) =>
      a.code === zone.arrondissementCode)?.provinceCode ?? null;
  }

  /** A made-up PV number of the day's managing zone, in the day's year. */
  private pv(day: string): string {
    const zone = this.managingOn(day).code;
    const number = pad(this.prng.int(1, 999_999), 6);
    return `PV/${zone}/${day.slice(0, 4)}/${number}`;
  }
}

type Role = 'police' | 'magistrate' | 'cic';
/** A role, whose actor the day's managing zone gives, or an actor. */
type Who = Role | Actor;

/**
 * The device activation (§7.8: at once, unless no device was there,
 * §7.8.7), then the events in time order, numbered; the version counts
 * the changes since the request.
 */
export function journalOf(
  life: NationalLife,
  number: number,
  activatedOn: string | null,
): JournalEntry[] {
  const { measure } = life.aggregate;
  if (activatedOn) {
    measure.deviceActivatedOn = activatedOn;
    life.events.push({ at: `${activatedOn}T16:00:00.000Z`,
      action: 'DEVICE_ACTIVATION', actor: life.policeOn(activatedOn),
      pvReference: null });
  }
  const ordered = life.events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => (a.event.at < b.event.at ? -1
      : a.event.at > b.event.at ? 1 : a.index - b.index));
  measure.version = ordered.length - 1;
  return ordered.map(({ event }, n) => ({
    id: `nat-journal-${pad(number, 6)}-${pad(n + 1, 3)}`,
    measureId: measure.id,
    ...event,
  }));
}

/**
 * Alerts come more in the evening: a second of the (UTC) day, drawn from
 * a day split into a busy evening and the rest.
 */
function alertSecondOfDay(prng: Prng): number {
  const evening = prng.chance(0.45);
  const hour = evening ? prng.int(16, 22) : prng.int(0, 23);
  return hour * 3600 + prng.int(0, 3599);
}

/**
 * §7.11.2: minutes from the call to the team on site: log-normal with
 * a median of 8.5 minutes (a mean near 10), at least 2 and at most 75.
 */
export function arrivalMinutes(prng: Prng): number {
  const u = Math.max(prng.next(), Number.EPSILON);
  const normal = Math.sqrt(-2 * Math.log(u))
    * Math.cos(2 * Math.PI * prng.next());
  const minutes = Math.exp(Math.log(8.5) + 0.55 * normal);
  return Math.min(75, Math.max(2, Math.round(minutes)));
}

/** §7.12.2: the expiry sweep is no person. */
const SWEEP: Actor = { subject: 'expiry-sweep', role: 'system',
  organisation: null };

const REFUSAL_REASONS = [
  'Risque de violence grave non établi à ce stade',
  'Hors du champ matériel : pas de harcèlement intrafamilial',
  'Contacts volontaires réguliers avec la personne soupçonnée',
  'Ernstig gevaar niet aangetoond',
];

function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}
