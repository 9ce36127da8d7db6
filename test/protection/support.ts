/**
 * What the protection tests share: the demo graph on a clock they move,
 * callers holding a role's token, the GraphQL operations they repeat, the
 * inputs of a measure's usual steps, and made-up persons.
 *
 * Every operation goes through the gateway over plain HTTP, as a
 * front-end's would; only the outbox and the expiry sweep are driven from
 * inside, since in production they run on timers.
 */
import { randomUUID } from 'node:crypto';
import { SqlProtectionAdapter } from '../../adapters/protection';
import type { AlertEventRecord } from '../../adapters/protection/types';
import { makeNationalNumber } from '../../runtime/national-number';
import type { MintOptions } from '../../runtime/keys';
import { DEMO_REFERENCE_DATE } from '../../storage/demo-data';
import type { StorageOptions } from '../../storage/options';
import type { BackgroundWork } from '../../subgraphs/protection';
import type { EffectTargets } from '../../subgraphs/protection/effects';
import { TestClock } from '../support/clock';
import {
  postGraphQL,
  startDemoGraph,
  type DemoGraphOptions,
  type GraphQLResponse,
} from '../support/graph';

export type Stack = Awaited<ReturnType<typeof startDemoGraph>>;

type Claims = Pick<MintOptions, 'role' | 'zone' | 'arrondissement' |
  'province'>;

// ------------------------------------------------------------------ graph

/** The demo graph, its clock, and a caller per role and organisation. */
export interface ProtectionGraph {
  readonly stack: Stack;
  readonly clock: TestClock;
  /** Every operation the callers sent, in order, with its answer. */
  readonly sent: readonly SentOperation[];
  police(zone: string): Caller;
  magistrate(arrondissement: string): Caller;
  cic(province: string): Caller;
  victimSupport(arrondissement: string): Caller;
  caller(claims: Claims): Caller;
}

/**
 * Starts the graph on the demo data's reference day, so that the expiry
 * sweep run at start finds the demo measures as the data set left them.
 * Tests move the clock forward from there.
 */
export async function startProtectionGraph(
  storage: StorageOptions,
  options: Pick<DemoGraphOptions,
    'alertBus' | 'alertPollMs' | 'gatewayEnv' | 'logger'> = {},
): Promise<ProtectionGraph> {
  const clock = new TestClock(`${DEMO_REFERENCE_DATE}T09:00:00Z`);
  const stack = await startDemoGraph(storage, { ...options, clock });
  // One caller, hence one token, per role and organisation.
  const callers = new Map<string, Caller>();
  const sent: SentOperation[] = [];
  const caller = (claims: Claims) => {
    const key = JSON.stringify(claims);
    const known = callers.get(key) ?? new Caller(stack, claims, sent);
    callers.set(key, known);
    return known;
  };
  return {
    stack,
    clock,
    sent,
    police: (zone) => caller({ role: 'police', zone }),
    magistrate: (arrondissement) =>
      caller({ role: 'magistrate', arrondissement }),
    cic: (province) => caller({ role: 'cic', province }),
    victimSupport: (arrondissement) =>
      caller({ role: 'victim-support', arrondissement }),
    caller,
  };
}

export function backgroundOf(graph: ProtectionGraph): BackgroundWork {
  const background = graph.stack.subgraphs.protection.background;
  if (!background) throw new Error('The protection subgraph has no outbox');
  return background;
}

/**
 * Runs the outbox until a round finds nothing due. The first round may
 * be one the background timer started before the last change, so a
 * round that did nothing counts only from the second on.
 */
export async function applyEffects(graph: ProtectionGraph): Promise<void> {
  const { dispatcher } = backgroundOf(graph);
  for (let round = 1; round <= 10; round += 1) {
    const { done, failed } = await dispatcher.runOnce();
    if (round > 1 && done === 0 && failed === 0) return;
  }
  throw new Error('The effects outbox still had work after 10 rounds');
}

/**
 * The alert log of one measure (§3), oldest first, as the store keeps
 * it, unfiltered: the gateway serves each caller's share (alertEvents).
 */
export async function alertLogOf(
  graph: ProtectionGraph,
  measureId: string,
): Promise<AlertEventRecord[]> {
  const { adapter } = graph.stack.subgraphs.protection;
  if (!(adapter instanceof SqlProtectionAdapter)) {
    throw new Error('The protection subgraph is not on its SQL store');
  }
  const events: AlertEventRecord[] = [];
  for (let after = 0; ;) {
    const page = await adapter.alertEventsAfter(after, 1000);
    if (page.length === 0) break;
    events.push(...page);
    after = page[page.length - 1].sequence;
  }
  return events.filter((event) => event.measureId === measureId);
}

/** Moves the clock forward by `ms` milliseconds. */
export function passTime(graph: ProtectionGraph, ms: number): void {
  graph.clock.set(new Date(Date.parse(graph.clock.now()) + ms).toISOString());
}

// --------------------------------------------------------- agency systems

export type AgencySystem = keyof EffectTargets;

/** The four agency systems as the outbox reaches them, under test. */
export interface AgencySystems {
  /** From now on the system's writes fail as an unreachable host's do. */
  takeDown(system: AgencySystem): void;
  bringBack(system: AgencySystem): void;
  /** The effect kinds that reached their system for a measure, in order. */
  appliedTo(measureId: string): string[];
  /** Puts the real systems back in the outbox. */
  restore(): void;
}

/** What a write to a host that refuses connections throws. */
function unreachable(system: AgencySystem): Error {
  const error = new Error(`connect ECONNREFUSED (${system} is down)`);
  return Object.assign(error, { code: 'ECONNREFUSED' });
}

/**
 * Puts a stand-in for each agency system in the protection subgraph's
 * outbox (BackgroundWork.targets): it passes every write to the real
 * system, records what got through, and fails while its system is down.
 */
export function standInForAgencySystems(
  graph: ProtectionGraph,
): AgencySystems {
  const { targets } = backgroundOf(graph);
  const real: EffectTargets = { ...targets };
  const down = new Set<AgencySystem>();
  const applied: { measureId: string; kind: string }[] = [];

  async function reach<T>(
    system: AgencySystem,
    kind: string,
    measureId: string,
    write: () => Promise<T>,
  ): Promise<T> {
    if (down.has(system)) throw unreachable(system);
    const result = await write();
    applied.push({ measureId, kind });
    return result;
  }

  targets.bng = {
    upsertAlarmMention: (input) => reach('bng', 'BNG_ALARM_MENTION',
      input.measureId, () => real.bng.upsertAlarmMention(input)),
    upsertNoContactOrder: (input) => reach('bng', 'BNG_NO_CONTACT_ORDER',
      input.measureId, () => real.bng.upsertNoContactOrder(input)),
  };
  targets.mach = {
    setRegistrationComment: (input) => reach('mach',
      'MACH_REGISTRATION_COMMENT', input.measureId,
      () => real.mach.setRegistrationComment(input)),
  };
  targets.devices = {
    upsertGrantRegistration: (input) => reach('devices',
      'DEVICES_GRANT_REGISTRATION', input.measureId,
      () => real.devices.upsertGrantRegistration(input)),
    assignDevice: (input) => reach('devices', 'DEVICES_ASSIGNMENT',
      input.measureId, () => real.devices.assignDevice(input)),
    returnDevices: (input) => reach('devices', 'DEVICES_RETURN',
      input.measureId, () => real.devices.returnDevices(input)),
    reassignZone: (input) => reach('devices', 'DEVICES_ZONE_REASSIGNMENT',
      input.measureId, () => real.devices.reassignZone(input)),
  };
  targets.victimSupport = {
    refer: (input) => reach('victimSupport', 'VICTIM_SUPPORT_REFERRAL',
      input.measureId, () => real.victimSupport.refer(input)),
    notify: (input) => reach('victimSupport', 'VICTIM_SUPPORT_NOTICE',
      input.measureId, () => real.victimSupport.notify(input)),
    transferReferral: (input) => reach('victimSupport',
      'VICTIM_SUPPORT_REFERRAL_TRANSFER', input.measureId,
      () => real.victimSupport.transferReferral(input)),
  };

  return {
    takeDown: (system) => void down.add(system),
    bringBack: (system) => void down.delete(system),
    appliedTo: (measureId) => applied
      .filter((call) => call.measureId === measureId)
      .map((call) => call.kind),
    restore: () => void Object.assign(targets, real),
  };
}

// ---------------------------------------------------------------- callers

export interface ClientError {
  message: string;
  code: unknown;
  extensions: Record<string, unknown>;
}

/** The measure as a mutation answers it. */
export interface MeasureSummary {
  id: string;
  status: string;
}

/**
 * The schema's mutations on a measure named by its id, every one of
 * them; `raiseAlertFromDevice` names a device instead.
 */
export const MUTATION_NAMES = [
  'requestProtection',
  'recordEvaluation',
  'recordConditions',
  'refuseProtection',
  'reconsiderRequest',
  'grantProtection',
  'recordDeviceActivation',
  'recordRevisit',
  'announceTravel',
  'forwardTravelNotice',
  'recordAlert',
  'classifyAlert',
  'recordPoliceArrival',
  'recordAlertLocation',
  'recordNewFacts',
  'decideReEvaluation',
  'recordMove',
  'acknowledgeTransfer',
  'endProtectionEarly',
  'recordDeviceReturn',
  'requestRenewedOffer',
  'recordConfidentialContact',
] as const;
export type MutationName = (typeof MUTATION_NAMES)[number];

/** Every mutation takes `input: <Name>Input!`, so one shape serves all. */
function mutationDocument(name: MutationName): string {
  const inputType = `${name[0].toUpperCase()}${name.slice(1)}Input`;
  return `mutation ($input: ${inputType}!) {
    ${name}(input: $input) { id status }
  }`;
}

/**
 * An operation a caller sent, for tests that check what the gateway made
 * of it (the audit trail, issue 6): the request id it was sent with, so
 * that its traces can be found.
 */
export interface SentOperation {
  readonly requestId: string;
  readonly claims: Claims;
  readonly query: string;
  readonly answer: GraphQLResponse<unknown>['body'];
}

/** Sends operations through the gateway with one role's token. */
export class Caller {
  private token: Promise<string> | undefined;

  constructor(
    private readonly stack: Stack,
    readonly claims: Claims,
    private readonly sent: SentOperation[] = [],
  ) {}

  /** Runs an operation that must succeed; answers its data. */
  async data<T>(query: string, variables?: Record<string, unknown>) {
    const { body } = await this.send<T>(query, variables);
    if (body.errors || !body.data) {
      const errors = JSON.stringify(body.errors);
      throw new Error(`The ${this.claims.role} was refused: ${errors}`);
    }
    return body.data;
  }

  /** Runs an operation; answers its data and errors as they came. */
  async answer<T>(query: string, variables?: Record<string, unknown>) {
    const { body } = await this.send<T>(query, variables);
    return body;
  }

  /** Runs an operation that must fail; answers its only error. */
  async error(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<ClientError> {
    const { body } = await this.send(query, variables);
    const [error, ...others] = body.errors ?? [];
    if (!error || others.length > 0) {
      const got = JSON.stringify(body);
      throw new Error(`Expected exactly one error, got ${got}`);
    }
    const extensions = error.extensions ?? {};
    return { message: error.message, code: extensions.code, extensions };
  }

  async mutate(
    name: MutationName,
    input: Record<string, unknown>,
  ): Promise<MeasureSummary> {
    const data = await this.data<Record<string, MeasureSummary>>(
      mutationDocument(name), { input });
    return data[name];
  }

  /** A mutation that must be refused; answers why. */
  refused(
    name: MutationName,
    input: Record<string, unknown>,
  ): Promise<ClientError> {
    return this.error(mutationDocument(name), { input });
  }

  async measure(id: string): Promise<MeasureView> {
    const data = await this.data<{ protectionMeasure: MeasureView | null }>(
      MEASURE_QUERY, { id });
    if (!data.protectionMeasure) throw new Error(`No measure ${id}`);
    return data.protectionMeasure;
  }

  /** The caller's work list, reduced to the items of one measure. */
  async workOn(measureId: string): Promise<WorkOnMeasure> {
    const data = await this.data<{ workList: WorkListView }>(WORK_LIST_QUERY);
    const sections = Object.entries(data.workList).map(
      ([section, items]) => [
        section,
        items
          .filter((item) => item.measure.id === measureId)
          .map(({ dueOn, overdue }) => ({ dueOn, overdue })),
      ],
    );
    return Object.fromEntries(sections) as WorkOnMeasure;
  }

  private async send<T>(query: string, variables?: Record<string, unknown>) {
    this.token ??= this.stack.token(this.claims);
    const token = await this.token;
    const requestId = randomUUID();
    const response = await postGraphQL<T>(this.stack.gatewayUrl, query, {
      token, variables, headers: { 'x-request-id': requestId },
    });
    this.sent.push({
      requestId, claims: this.claims, query, answer: response.body,
    });
    return response;
  }
}

// ------------------------------------------------------------------ reads

/** One measure as every system sees it. */
export const MEASURE_QUERY = /* GraphQL */ `
  query Measure($id: ID!) {
    protectionMeasure(id: $id) {
      id
      status
      managingZone { code }
      arrondissement { code }
      decidedOn
      startDate
      endDate
      endedOn
      endReason
      deviceActivatedOn
      devicesReturnedOn
      deviceReturnDue
      reEvaluationWindow { from to }
      pendingTransfer {
        toZone { code }
        toArrondissement { code }
        requestedOn
      }
      conditions { missing }
      protectedPersons {
        role
        agreementSigned
        discernmentRecorded
        person {
          nationalNumber
          bng { alarmMention { measureId validUntil } }
        }
      }
      suspect {
        nationalNumber
        bng { noContactOrders { measureId validUntil } }
      }
      prolongations {
        cause incidentOn previousEndDate newEndDate decidedOn
      }
      revisits { dueOn doneOn overdue }
      travelNotices { id kind nights late forwardedOn }
      alerts { id classification magistrateInformed policeArrivedAt }
      registrationComments { text writtenOn replacedOn }
      devices { serial status }
      grantRegistration { status endDate prolongationCount endReason }
      referral { status offers { kind } notices { kind date } }
      journal { action actorRole }
      effects { kind status attempts lastError }
    }
  }
`;

export interface MeasureView {
  id: string;
  status: string;
  managingZone: { code: string };
  arrondissement: { code: string };
  decidedOn: string | null;
  startDate: string | null;
  endDate: string | null;
  endedOn: string | null;
  endReason: string | null;
  deviceActivatedOn: string | null;
  devicesReturnedOn: string | null;
  deviceReturnDue: boolean;
  reEvaluationWindow: { from: string; to: string } | null;
  pendingTransfer: null | {
    toZone: { code: string };
    toArrondissement: { code: string };
    requestedOn: string;
  };
  conditions: { missing: string[] } | null;
  protectedPersons: {
    role: string;
    agreementSigned: boolean;
    discernmentRecorded: boolean;
    person: {
      nationalNumber: string;
      bng: null | {
        alarmMention: null | { measureId: string; validUntil: string };
      };
    };
  }[];
  suspect: {
    nationalNumber: string;
    bng: null | {
      noContactOrders: { measureId: string; validUntil: string }[];
    };
  };
  prolongations: {
    cause: string;
    incidentOn: string;
    previousEndDate: string;
    newEndDate: string;
    decidedOn: string;
  }[];
  revisits: { dueOn: string; doneOn: string | null; overdue: boolean }[];
  travelNotices: {
    id: string;
    kind: string;
    nights: number | null;
    late: boolean;
    forwardedOn: string | null;
  }[];
  alerts: {
    id: string;
    classification: string | null;
    magistrateInformed: boolean;
    policeArrivedAt: string | null;
  }[];
  registrationComments: {
    text: string;
    writtenOn: string;
    replacedOn: string | null;
  }[];
  devices: { serial: string; status: string }[];
  grantRegistration: null | {
    status: string;
    endDate: string;
    prolongationCount: number;
    endReason: string | null;
  };
  referral: null | {
    status: string;
    offers: { kind: string }[];
    notices: { kind: string; date: string }[];
  };
  journal: { action: string; actorRole: string }[];
  effects: {
    kind: string;
    status: string;
    attempts: number;
    lastError: string | null;
  }[];
}

const WORK_SECTIONS = [
  'revisits',
  'reEvaluations',
  'deviceReturns',
  'travelToForward',
  'decisionsPending',
  'alertsToReview',
  'transfersToAcknowledge',
] as const;
type WorkSection = (typeof WORK_SECTIONS)[number];

const WORK_LIST_QUERY = `{
  workList {
    ${WORK_SECTIONS.map((section) =>
      `${section} { measure { id } dueOn overdue }`).join('\n    ')}
  }
}`;

interface WorkItemView {
  measure: { id: string };
  dueOn: string | null;
  overdue: boolean;
}
type WorkListView = Record<WorkSection, WorkItemView[]>;

/** A work list's items about one measure, by section. */
export type WorkOnMeasure = Record<
  WorkSection,
  { dueOn: string | null; overdue: boolean }[]
>;

/** The BNG's side of a measure: the mentions' and the order's end. */
export function bngValidities(measure: MeasureView): {
  mentions: (string | undefined)[];
  orders: string[];
} {
  return {
    mentions: measure.protectedPersons.map(
      ({ person }) => person.bng?.alarmMention?.validUntil),
    orders: (measure.suspect.bng?.noContactOrders ?? [])
      .filter((order) => order.measureId === measure.id)
      .map((order) => order.validUntil),
  };
}

/** The journal's actions, in order. */
export function actionsOf(measure: MeasureView): string[] {
  return measure.journal.map((entry) => entry.action);
}

// ---------------------------------------------------------------- persons

export interface PersonInput {
  nationalNumber: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  gender: 'FEMALE' | 'MALE';
}

/**
 * Serials from 600 up: the demo data set counts its own from 1, so a
 * made-up person never takes a demo person's number.
 */
const nextSerial = { FEMALE: 600, MALE: 601 };

/** A made-up person with a valid national number, new on every call. */
export function newPerson(
  birthDate: string,
  gender: 'FEMALE' | 'MALE' = 'FEMALE',
): PersonInput {
  const serial = nextSerial[gender];
  nextSerial[gender] += 2;
  return {
    nationalNumber: makeNationalNumber(birthDate, serial),
    firstName: 'Test',
    lastName: `TEST-${gender === 'FEMALE' ? 'Victim' : 'Suspect'}-${serial}`,
    birthDate,
    gender,
  };
}

// ----------------------------------------------------------------- inputs

/** A PV number in the zone's series; each call gets the next one. */
let pvCount = 0;
export function pv(zone: string, day: string): string {
  pvCount += 1;
  return `PV/${zone}/${day.slice(0, 4)}/${String(pvCount).padStart(6, '0')}`;
}

export function requestInput(
  zone: string,
  requestedOn: string,
  persons: { victim?: PersonInput; suspect?: PersonInput } = {},
): Record<string, unknown> {
  return {
    origin: 'RESIDENCE_POLICE',
    pvReference: pv(zone, requestedOn),
    requestedOn,
    residenceZoneCode: zone,
    victim: persons.victim ?? newPerson('1990-03-14', 'FEMALE'),
    suspect: persons.suspect ?? newPerson('1986-11-02', 'MALE'),
    relationship: 'EX_PARTNER',
  };
}

/** A hearing where the danger is high: six yes out of eight (§7.6). */
export function evaluationInput(
  measureId: string,
  heardOn: string,
): Record<string, unknown> {
  return {
    measureId,
    heardOn,
    pvReference: `PV/EVAL/${measureId.slice(0, 8)}/${heardOn}`,
    relationship: 'EX_PARTNER',
    answers: {
      fearForLife: true,
      rejectedBreakUp: true,
      threatsToKillOrSuicide: true,
      pastViolence: true,
      weaponAffinity: false,
      heavyStalkingInvestment: true,
      uncontrolledAnger: true,
      destroyedBelongings: false,
    },
    bombFactors: ['THREATS_TO_KILL'],
    breakUpIntentionsDiverge: true,
    inShelter: false,
  };
}

/** The five conditions asked (§7.5), all met unless overridden. */
export function conditionsInput(
  measureId: string,
  recordedOn: string,
  overrides: Record<string, boolean> = {},
): Record<string, unknown> {
  return {
    measureId,
    recordedOn,
    withinMaterialScope: true,
    wantsAlarm: true,
    noVoluntaryContact: true,
    filesComplaints: true,
    acceptsUserAgreement: true,
    ...overrides,
  };
}

export function grantInput(
  measureId: string,
  decidedOn: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    measureId,
    decidedOn,
    pvReference: `PV/GRANT/${measureId.slice(0, 8)}/${decidedOn}`,
    victimAgreementSigned: true,
    ...overrides,
  };
}

export interface MeasurePlace {
  zone: string;
  arrondissement: string;
}

/**
 * A request heard and with its conditions recorded, all on `day`, by the
 * police of `place.zone`: ready for the magistrate's decision.
 */
export async function requestReadyForDecision(
  graph: ProtectionGraph,
  place: MeasurePlace,
  day: string,
  persons: { victim?: PersonInput; suspect?: PersonInput } = {},
): Promise<string> {
  const police = graph.police(place.zone);
  const { id } = await police.mutate(
    'requestProtection', requestInput(place.zone, day, persons));
  await police.mutate('recordEvaluation', evaluationInput(id, day));
  await police.mutate('recordConditions', conditionsInput(id, day));
  return id;
}

/**
 * A measure granted on `day` by the parquet of `place`, its effects
 * applied: an ACTIVE measure as every system knows it.
 */
export async function grantedMeasure(
  graph: ProtectionGraph,
  place: MeasurePlace,
  day: string,
): Promise<string> {
  const id = await requestReadyForDecision(graph, place, day);
  await graph.magistrate(place.arrondissement).mutate(
    'grantProtection', grantInput(id, day));
  await applyEffects(graph);
  return id;
}

/**
 * A valid input of every mutation about one measure of `zone`, on
 * `day`: what a caller sends to be refused, or not, by its role.
 */
export function everyMutation(
  measureId: string,
  day: string,
  places: { zone: string; otherZone: string },
): Record<MutationName, Record<string, unknown>> {
  const { zone, otherZone } = places;
  const pvReference = pv(zone, day);
  const alert = { measureId, alertId: 'not-yours' };
  return {
    requestProtection: requestInput(zone, day),
    recordEvaluation: evaluationInput(measureId, day),
    recordConditions: conditionsInput(measureId, day),
    refuseProtection: {
      measureId, decidedOn: day, reasons: 'None', pvReference,
    },
    reconsiderRequest: { measureId, reportedOn: day, pvReference },
    grantProtection: grantInput(measureId, day),
    recordDeviceActivation: {
      measureId, activatedOn: day, pvReference,
    },
    recordRevisit: { measureId, doneOn: day, pvReference },
    announceTravel: {
      measureId, kind: 'USUAL_PLACE', zoneCode: otherZone,
      announcedOn: day, fromDate: day,
    },
    forwardTravelNotice: {
      measureId, travelNoticeId: 'none', forwardedOn: day,
    },
    recordAlert: { ...alert, raisedAt: `${day}T08:00:00Z` },
    classifyAlert: {
      ...alert, classification: 'TEST',
      classifiedAt: `${day}T08:05:00Z`, pvReference,
    },
    recordPoliceArrival: { ...alert, arrivedAt: `${day}T08:09:00Z` },
    recordAlertLocation: { ...alert, location: {
      latitude: 51.2172, longitude: 4.4211, accuracyMeters: 15,
      confidencePercent: 68, method: 'GNSS',
      fixedAt: `${day}T08:00:30Z`,
    } },
    recordNewFacts: {
      measureId, reportedOn: day, factOn: day, pvReference,
    },
    decideReEvaluation: {
      measureId, decidedOn: day, outcome: 'PROLONG', pvReference,
    },
    recordMove: {
      measureId, movedOn: day, pvReference,
      newZoneCode: otherZone,
    },
    acknowledgeTransfer: { measureId, acknowledgedOn: day },
    endProtectionEarly: {
      measureId, decidedOn: day, reason: 'PERSON_REQUEST', pvReference,
    },
    recordDeviceReturn: { measureId, returnedOn: day, pvReference },
    requestRenewedOffer: { measureId, requestedOn: day },
    recordConfidentialContact: {
      measureId, nationalNumber: makeNationalNumber('1990-03-14', 998),
      phone: '+32470123456', knownToSuspect: false,
    },
  };
}
