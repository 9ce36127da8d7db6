/**
 * Issue 6: every role against every type, field and mutation of every
 * subgraph, on both databases. The walk is generated from the schemas:
 * for each object type it finds a path from a root, selects every field
 * there, and asks each subgraph directly, as the gateway would, for each
 * caller. What each caller must get is read from the `@access` rules
 * (test/access/walker.ts), and what each caller stands in relation to is
 * read from the demo data, never from the enforcement code.
 *
 * A type, a field or a mutation added without a rule stops its subgraph
 * from starting (runtime/access/check.ts), so this file fails with it; a
 * type the walk cannot reach fails the walk.
 */
import { randomUUID } from 'node:crypto';
import { isObjectType, type GraphQLObjectType } from 'graphql';
import { createTrustSigner, type TrustSigner } from '../../runtime/trust';
import type { Identity } from '../../runtime/identity';
import {
  SUBGRAPH_NAMES,
  type SubgraphName,
} from '../../scripts/subgraph-names';
import { DEMO, DEMO_REFERENCE_DATE, generateDemoData } from '../../storage/demo-data';
import { DEMO_TERRITORY } from '../../storage/demo/territory';
import { provinceOfZone } from '../../subgraphs/protection/domain/territory';
import { describeEachDatabase } from '../support/databases';
import { postGraphQL, type GraphQLResponse } from '../support/graph';
import {
  applyEffects,
  everyMutation,
  grantedMeasure,
  pv,
  startProtectionGraph,
  type ProtectionGraph,
} from '../protection/support';
import {
  fieldVerdict,
  ownSatisfied,
  pathsByType,
  queryAt,
  selectableFields,
  typeAt,
  verdictAt,
  walkedSubgraph,
  type ArgumentTable,
  type Path,
  type Root,
  type Satisfied,
  type Verdict,
  type WalkedSubgraph,
} from './walker';

const DAY = DEMO_REFERENCE_DATE;
const DATA = generateDemoData();

/** A fresh alert on the first demo measure, its person in Ixelles. */
const ALERT = {
  measureId: DEMO.measureIds.activeWithEverything,
  alertId: 'walk-alert',
  raisedAt: `${DAY}T08:50:00Z`,
  location: {
    latitude: 50.833, longitude: 4.367, accuracyMeters: 12,
    confidencePercent: 68, method: 'GNSS', fixedAt: `${DAY}T08:50:10Z`,
  },
};
const IXELLES = '5339';

/** The demo measures the walk reads, richest first. */
const FIXTURES = [
  DEMO.measureIds.activeWithEverything,
  DEMO.measureIds.refused,
  DEMO.measureIds.activeWithRealAlert,
  DEMO.measureIds.activeWithTravelNotice,
  DEMO.measureIds.activeWithNewFacts,
  DEMO.measureIds.activeWithPendingTransfer,
  DEMO.measureIds.activeEndingSoon,
  DEMO.measureIds.activeWantedSuspect,
];

/** What the walk knows of a measure, from the demo data. */
interface Fixture {
  readonly measureId: string;
  readonly zone: string;
  readonly arrondissement: string;
  readonly province: string;
  readonly movingTo: { zone: string; arrondissement: string } | null;
  readonly travelZones: readonly string[];
  readonly persons: readonly string[];
  readonly suspect: string;
  readonly referralId: string | null;
  readonly serials: readonly string[];
  /** Where an alert of the last 24 hours puts the person. */
  readonly briefedZone: string | null;
}

function fixtureOf(measureId: string): Fixture {
  const aggregate = DATA.protection.aggregates.find(
    (a) => a.measure.id === measureId);
  if (!aggregate) throw new Error(`no demo measure ${measureId}`);
  const { measure } = aggregate;
  const fresh = measureId === ALERT.measureId;
  return {
    measureId,
    zone: measure.managingZoneCode,
    arrondissement: measure.arrondissementCode,
    province: provinceOf(measure.managingZoneCode),
    movingTo: measure.pendingTransfer && {
      zone: measure.pendingTransfer.toZoneCode,
      arrondissement: measure.pendingTransfer.toArrondissementCode,
    },
    travelZones: aggregate.travelNotices.map((notice) => notice.zoneCode),
    persons: aggregate.protectedPersons.map((p) => p.nationalNumber),
    suspect: measure.suspectNationalNumber,
    referralId: DATA['victim-support'].referrals
      .find((r) => r.measureId === measureId)?.id ?? null,
    serials: DATA.devices.devices
      .filter((d) => d.measureId === measureId).map((d) => d.serial),
    briefedZone: fresh ? IXELLES : null,
  };
}

function provinceOf(zone: string): string {
  const province = provinceOfZone(DEMO_TERRITORY, zone);
  if (!province) throw new Error(`zone ${zone} has no province`);
  return province.code;
}

// ----------------------------------------------------------------- callers

interface WalkCaller {
  readonly label: string;
  readonly identity: Identity;
  /** The policy names the caller satisfies for the fixture. */
  readonly satisfied: Satisfied;
}

/** A zone, province and arrondissement the fixture has nothing to do with. */
function strangerOf(fixture: Fixture) {
  const involvedZones = new Set([
    fixture.zone, fixture.movingTo?.zone, fixture.briefedZone,
    ...fixture.travelZones,
  ]);
  const involvedProvinces = new Set(
    [...involvedZones].filter((z): z is string => !!z).map(provinceOf));
  const zone = DEMO_TERRITORY.zones().find((z) =>
    !involvedZones.has(z.code) && !involvedProvinces.has(provinceOf(z.code)));
  const arrondissement = DATA.protection.arrondissements.find((a) =>
    a.code !== fixture.arrondissement &&
    a.code !== fixture.movingTo?.arrondissement);
  if (!zone || !arrondissement) throw new Error('no stranger to the fixture');
  return {
    zone: zone.code,
    province: provinceOf(zone.code),
    arrondissement: arrondissement.code,
  };
}

function callersOf(fixture: Fixture): WalkCaller[] {
  const stranger = strangerOf(fixture);
  const managing = new Set([fixture.zone, fixture.movingTo?.zone]);
  const parquets = new Set([
    fixture.arrondissement, fixture.movingTo?.arrondissement]);
  const briefedProvince = fixture.briefedZone && provinceOf(fixture.briefedZone);
  const police = (zone: string): WalkCaller => ({
    label: `police of ${zone}`,
    identity: { subject: `walk-police-${zone}`, role: 'police', zone },
    satisfied: new Set([
      'police',
      ...(managing.has(zone) ? ['police:managing-zone', 'police:briefed'] : []),
      ...(zone === fixture.briefedZone ? ['police:briefed'] : []),
    ]),
  });
  const cic = (province: string): WalkCaller => ({
    label: `cic of ${province}`,
    identity: { subject: `walk-cic-${province}`, role: 'cic', province },
    satisfied: new Set([
      'cic',
      ...(province === fixture.province ? ['cic:province', 'cic:briefed'] : []),
      ...(province === briefedProvince ? ['cic:briefed'] : []),
    ]),
  });
  const magistrate = (arrondissement: string): WalkCaller => ({
    label: `magistrate of ${arrondissement}`,
    identity: { subject: `walk-mag-${arrondissement}`, role: 'magistrate', arrondissement },
    satisfied: new Set([
      'magistrate', ...(parquets.has(arrondissement) ? ['magistrate:parquet'] : []),
    ]),
  });
  const service = (arrondissement: string): WalkCaller => ({
    label: `victim-support of ${arrondissement}`,
    identity: { subject: `walk-sav-${arrondissement}`, role: 'victim-support', arrondissement },
    satisfied: new Set([
      'victim-support',
      ...(arrondissement === fixture.arrondissement
        ? ['victim-support:arrondissement'] : []),
    ]),
  });
  const alone = (
    role: 'analyst' | 'app112' | 'auditor' | 'gateway',
  ): WalkCaller => ({
    label: role,
    identity: { subject: `walk-${role}`, role },
    satisfied: new Set([role]),
  });
  return [
    police(fixture.zone),
    police(stranger.zone),
    ...(fixture.briefedZone ? [police(fixture.briefedZone)] : []),
    cic(fixture.province),
    cic(stranger.province),
    ...(briefedProvince && briefedProvince !== fixture.province
      ? [cic(briefedProvince)] : []),
    magistrate(fixture.arrondissement),
    magistrate(stranger.arrondissement),
    service(fixture.arrondissement),
    service(stranger.arrondissement),
    alone('analyst'),
    alone('app112'),
    alone('auditor'),
    alone('gateway'),
  ].map((caller) => ({
    ...caller,
    satisfied: new Set([...caller.satisfied, 'authenticated']),
  }));
}

// ------------------------------------------------------------------- roots

/** Arguments of the fields a walk goes through or selects. */
const ARGUMENTS: ArgumentTable = {
  'NoContactOrder.coversUntil': `(date: "${DAY}")`,
};

const json = (value: string) => JSON.stringify(value);

/** Where each subgraph's walk may start, for one fixture. */
function rootsOf(
  name: SubgraphName,
  fixture: Fixture,
  alertSequence: string,
): Root[] {
  const measure: Root = {
    field: '_entities', type: 'ProtectionMeasure',
    representation: { id: fixture.measureId },
  };
  const persons: Root[] = [fixture.suspect, ...fixture.persons].map((n) => ({
    field: '_entities', type: 'Person', representation: { nationalNumber: n },
  }));
  switch (name) {
    case 'protection':
      return [
        { field: 'protectionMeasure', type: 'ProtectionMeasure',
          args: `(id: ${json(fixture.measureId)})` },
        { field: 'person', type: 'Person',
          args: `(nationalNumber: ${json(fixture.persons[0])})` },
        ...(fixture.briefedZone ? [{
          field: 'alertEvent', type: 'AlertEvent',
          args: `(sequence: ${json(alertSequence)})`,
          hides: (identity: Identity) => !isAlertRecipient(identity, fixture),
        }] : []),
        { field: 'workList', type: 'WorkList', own: true },
        // Each caller's own territory: the nation for an analyst.
        { field: 'statistics', type: 'StatisticsReport', own: true,
          args: '(period: { unit: YEAR, label: "2026" }, by: [ZONE])' },
        { field: 'alertLog', type: 'AlertLogEntry', args: '(after: "0", limit: 3)' },
        ...['Province', 'Arrondissement', 'PoliceZone'].map((type) => ({
          field: '_entities', type,
          representation: { code: codeOf(type, fixture) },
        })),
      ];
    case 'bng':
    case 'mach':
      return [...persons, measure];
    case 'devices':
      return [
        measure,
        ...fixture.serials.map((serial): Root => ({
          field: '_entities', type: 'Device', representation: { serial },
        })),
        { field: 'deviceStock', type: 'DeviceStock',
          args: `(arrondissementCode: ${json(fixture.arrondissement)})` },
        { field: 'deviceShortages', type: 'DeviceShortage',
          args: `(arrondissementCode: ${json(DEMO.arrondissementWithoutStock)})` },
        { field: 'deviceIssues', type: 'DeviceIssue', own: true },
        { field: '_entities', type: 'Arrondissement',
          representation: { code: fixture.arrondissement } },
        { field: '_entities', type: 'WorkList', own: true,
          representation: { owner: 'walk' } },
        statisticsEntity(fixture),
      ];
    case 'victim-support':
      return [
        measure,
        ...(fixture.referralId ? [{
          field: '_entities', type: 'Referral',
          representation: { id: fixture.referralId },
        }] : []),
        { field: 'victimSupportWorkList', type: 'VictimSupportWorkList', own: true },
        statisticsEntity(fixture),
      ];
    case 'audit':
      return [{ field: 'auditTrail', type: 'AuditTrailPage', args: '(first: 5)' }];
    default: {
      const impossible: never = name;
      throw new Error(`no roots for ${String(impossible)}`);
    }
  }
}

/**
 * §8: the report of the fixture's arrondissement, named by its key as
 * the gateway names it to the devices and victim-support subgraphs. An
 * analyst reads it; a magistrate of another arrondissement and any
 * police zone (an arrondissement is wider than a zone) are refused.
 */
function statisticsEntity(fixture: Fixture): Root {
  return {
    field: '_entities', type: 'StatisticsReport',
    representation: {
      key: `v1|2026-01-01|2026-12-31|arrondissement:${fixture.arrondissement}|ZONE`,
    },
    refuses: (identity) => identity.role === 'police' ||
      (identity.role === 'magistrate' &&
        identity.arrondissement !== fixture.arrondissement),
  };
}

function codeOf(type: string, fixture: Fixture): string {
  if (type === 'Province') return fixture.province;
  if (type === 'Arrondissement') return fixture.arrondissement;
  return fixture.zone;
}

/**
 * §3, §7.11.2: the fresh alert's recipients, judged by hand: the managing
 * zone, the zone where the person is and its province's CIC, the parquet.
 */
function isAlertRecipient(identity: Identity, fixture: Fixture): boolean {
  switch (identity.role) {
    case 'police':
      return identity.zone === fixture.zone || identity.zone === fixture.briefedZone;
    case 'cic':
      return identity.province === provinceOf(IXELLES);
    case 'magistrate':
      return identity.arrondissement === fixture.arrondissement;
    default:
      return false;
  }
}

/** Types a read cannot reach: the walk of the mutations answers them. */
const ANSWERED_BY_MUTATIONS: Partial<Record<SubgraphName, string[]>> = {
  devices: ['IngestedDailyReport'],
};

// --------------------------------------------------------------- mutations

const NO_MEASURE = 'walk-no-such-measure';

/** A mutation's `input`: an object, or a list of them for a batch. */
type MutationInput = Record<string, unknown> | Record<string, unknown>[];

/**
 * A valid input of every mutation, about `measureId`; a mutation added
 * without one here fails the walk.
 */
function mutationInputs(
  measureId: string,
  fixture: Fixture,
  otherZone: string,
  serial = 'WALK-NO-SUCH-DEVICE',
): Record<string, MutationInput> {
  const alert = { measureId, alertId: 'walk-other-alert' };
  return {
    ...everyMutation(measureId, DAY, { zone: fixture.zone, otherZone }),
    raiseAlertFromDevice: {
      serial, alertId: 'walk-other-alert',
      raisedAt: `${DAY}T08:59:00Z`,
    },
    closeAlertCall: { ...alert, endedAt: `${DAY}T08:59:00Z` },
    ingestDailyReport: {
      reportId: 'walk-report', serial: 'WALK-NO-SUCH-DEVICE',
      receivedAt: `${DAY}T08:59:00Z`, batteryPercent: 80,
      lastContactAt: `${DAY}T08:58:00Z`, alarmPressed: false,
    },
    recordConfidentialContact:
      confidentialContactInput(measureId, fixture.persons[0]),
    appendAuditEntry: auditEntryInput(measureId, fixture),
    appendAuditEntries: [auditEntryInput(measureId, fixture)],
    recordReferralContact: { measureId, phone: '+32 470 00 00 00' },
    recordPersonContacted: { referralId: `${measureId}-referral`, contactedOn: DAY },
    recordOfferAnswer: {
      referralId: `${measureId}-referral`, offerKind: 'INITIAL',
      accepted: true, answeredOn: DAY,
    },
  };
}

function auditEntryInput(measureId: string, fixture: Fixture) {
  return {
    at: `${DAY}T08:59:00Z`, subject: 'walk', role: 'police',
    organisation: fixture.zone, operationType: 'QUERY',
    operationName: 'Walk', documentHash: '0'.repeat(64),
    requestId: 'walk', persons: [], measures: [measureId],
    purpose: null, outcome: 'COMPLETE',
  };
}

function confidentialContactInput(
  measureId: string,
  nationalNumber: string,
): Record<string, unknown> {
  return {
    measureId, nationalNumber, knownToSuspect: false,
    address: {
      street: 'Rue de la Walk', number: '1', postalCode: '1050',
      municipality: 'Ixelles',
    },
  };
}

/** The input type of each mutation: `<Name>Input`, but for the trail's. */
const INPUT_TYPES: Readonly<Record<string, string>> = {
  appendAuditEntry: 'AuditEntryInput',
  appendAuditEntries: '[AuditEntryInput!]',
};

function mutationDocument(name: string): string {
  const inputType = INPUT_TYPES[name] ??
    `${name[0].toUpperCase()}${name.slice(1)}Input`;
  return `mutation ($input: ${inputType}!) { ${name}(input: $input) { __typename } }`;
}

// -------------------------------------------------------------- the answer

type Answer = GraphQLResponse['body'];

function forbiddenKeys(answer: Answer): string[] {
  return (answer.errors ?? [])
    .filter((error) => error.extensions?.code === 'FORBIDDEN')
    .map((error) => (error.path ?? [])
      .filter((part) => typeof part === 'string').join('.'));
}

/** The value at a dotted key, following the first element of lists. */
function valueAt(answer: Answer, key: string): unknown {
  let value: unknown = answer.data;
  for (const part of key.split('.')) {
    if (Array.isArray(value)) value = value[0];
    if (value === null || value === undefined) return value;
    value = (value as Record<string, unknown>)[part];
  }
  return Array.isArray(value) && key.startsWith('_entities') &&
    key === '_entities' ? value[0] : value;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined ||
    (Array.isArray(value) && value.length === 0);
}

/** What went wrong for one caller at one place, or nothing. */
function mismatch(
  verdict: Verdict,
  answer: Answer,
  at: string,
  observable: boolean,
): string | null {
  const keys = forbiddenKeys(answer);
  const refusedAt = (key: string) => keys.includes(key);
  const refusedUnder = (key: string) =>
    keys.some((k) => k === key || k.startsWith(`${key}.`));
  switch (verdict.kind) {
    case 'forbidden':
      if (!observable) return null;
      return refusedAt(verdict.at) ? null : `no FORBIDDEN at ${verdict.at}`;
    case 'left-out': {
      if (!observable) return null;
      const value = valueAt(answer, verdict.at);
      if (refusedUnder(verdict.at)) return `FORBIDDEN at ${verdict.at}`;
      return isEmpty(value) ? null : `${verdict.at} not left out`;
    }
    case 'hidden':
      return refusedUnder(at.split('.')[0]) ? `FORBIDDEN under ${at}` : null;
    case 'read':
      return refusedAt(at) ? `FORBIDDEN at ${at}` : null;
    default: {
      const impossible: never = verdict;
      throw new Error(`unknown verdict ${JSON.stringify(impossible)}`);
    }
  }
}

// -------------------------------------------------------------------- walk

describeEachDatabase('issue 6: every caller against every rule', (storage) => {
  let graph: ProtectionGraph;
  let signer: TrustSigner;
  let alertSequence = '';

  beforeAll(async () => {
    graph = await startProtectionGraph(storage());
    signer = createTrustSigner(graph.stack.keys.trust.privateJwk);
    const first = fixtureOf(ALERT.measureId);
    await graph.cic(first.province).mutate('recordAlert', ALERT);
    const police = graph.police(first.zone);
    const { alertEvents } = await police.data<{
      alertEvents: Array<{ sequence: string; alert: { id: string } }>;
    }>('{ alertEvents { sequence alert { id } } }');
    const event = alertEvents.find((e) => e.alert.id === ALERT.alertId);
    if (!event) throw new Error('the fresh alert left no event');
    alertSequence = event.sequence;
    await giveEveryTypeData(first);
  }, 180_000);

  /**
   * What the demo data lacks for the walk to reach every type: a real
   * alert's effects and comments (§7.10.2, §7.13.2), the parquet's contact
   * data for the service (§7.8.3), a confidential address (§7.8.5), a
 * shortage (§7.8.7).
   */
  async function giveEveryTypeData(first: Fixture): Promise<void> {
    await graph.cic(first.province).mutate('classifyAlert', {
      measureId: first.measureId, alertId: ALERT.alertId,
      classification: 'REAL', classifiedAt: `${DAY}T08:58:00Z`,
      pvReference: pv(first.zone, DAY),
    });
    await graph.magistrate(first.arrondissement).data(
      `mutation ($input: RecordReferralContactInput!) {
        recordReferralContact(input: $input) { id }
      }`,
      { input: { measureId: first.measureId, phone: '+32 470 12 34 56' } });
    await graph.police(first.zone).data(
      `mutation ($input: RecordConfidentialContactInput!) {
        recordConfidentialContact(input: $input) { id }
      }`,
      { input: confidentialContactInput(first.measureId, first.persons[0]) });
    const namur = DEMO_TERRITORY.zones().find((zone) =>
      zone.arrondissementCode === DEMO.arrondissementWithoutStock &&
      zone.deployedOn !== null && zone.deployedOn <= DAY);
    if (!namur) throw new Error('no deployed zone without stock');
    await grantedMeasure(graph,
      { zone: namur.code, arrondissement: namur.arrondissementCode }, DAY);
    await applyEffects(graph);
  }

  afterAll(() => graph?.stack.cleanUp());

  async function ask(
    name: SubgraphName,
    identity: Identity,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<Answer> {
    const signed = await signer.sign(identity, {
      subgraph: name, requestId: randomUUID(),
    });
    const { status, body } = await postGraphQL(
      graph.stack.subgraphUrls[name], query,
      { variables, headers: { 'x-gateway-identity': signed } });
    if (status >= 500 || (!body.data && !body.errors)) {
      throw new Error(`${name} answered ${status}: ${JSON.stringify(body)}`);
    }
    return body;
  }

  /**
   * Walks one type at one path for every caller; answers the mismatches,
   * or null when no caller allowed there found the type (data missing).
   */
  async function walkType(
    subgraph: WalkedSubgraph,
    path: Path,
    fixture: Fixture,
  ): Promise<string[] | null> {
    const name = subgraph.name as SubgraphName;
    const { query, variables } = queryAt(subgraph, path, ARGUMENTS);
    const prefix = [path.root.field, ...path.steps.map((s) => s.field)].join('.');
    const fields = selectableFields(subgraph, typeAt(path), ARGUMENTS);
    const callers = callersOf(fixture).map((caller) => ({
      ...caller,
      satisfied: path.root.own
        ? new Set([...caller.satisfied, ...ownSatisfied(caller.identity, subgraph.rules)])
        : caller.satisfied,
    }));
    const answers = await Promise.all(callers.map((caller) =>
      ask(name, caller.identity, query, variables)));

    // The reference: the first caller allowed there who found the type.
    const readers = callers
      .map((caller, index) => ({ caller, answer: answers[index] }))
      .filter(({ caller }) =>
        verdictAt(subgraph, path, caller.identity, caller.satisfied).kind === 'read');
    const reference = readers.find(({ answer }) => !isEmpty(valueAt(answer, prefix)));
    if (!reference) return null;

    const problems: string[] = [];
    callers.forEach((caller, index) => {
      const answer = answers[index];
      const verdict = verdictAt(subgraph, path, caller.identity, caller.satisfied);
      const where = `${name} ${typeAt(path)} via ${prefix}, ${caller.label}`;
      const wrong = mismatch(verdict, answer, prefix, true);
      if (wrong) problems.push(`${where}: ${wrong}`);
      if (verdict.kind !== 'read') return;
      if (!path.root.own && isEmpty(valueAt(answer, prefix))) {
        problems.push(`${where}: the type is missing`);
        return;
      }
      for (const field of fields) {
        const expected = fieldVerdict(subgraph, path, field, caller.satisfied);
        const at = `${prefix}.${field.name}`;
        // A type refused on a field is seen only where there is a value.
        const observable = expected.kind === 'forbidden' &&
          expected.at === at && subgraph.rules.fields.has(
            `${typeAt(path)}.${field.name}`)
          ? true
          : !isEmpty(valueAt(reference.answer, at));
        const fieldWrong = mismatch(expected, answer, at, observable);
        if (fieldWrong) problems.push(`${where}: ${field.name}: ${fieldWrong}`);
      }
    });
    return problems;
  }

  const NAMES = [...SUBGRAPH_NAMES];

  it.each(NAMES)('walks every caller through every type and field of %s',
    async (name) => {
      const subgraph = walkedSubgraph(name);
      const problems: string[] = [];
      const walked = new Set<string>();
      for (const measureId of FIXTURES) {
        const fixture = fixtureOf(measureId);
        const roots = rootsOf(name, fixture, alertSequence).filter(
          (root) => subgraph.schema.getType(root.type) !== undefined);
        const paths = pathsByType(subgraph, roots, ARGUMENTS);
        for (const [typeName, candidates] of paths) {
          if (walked.has(typeName)) continue;
          for (const path of candidates) {
            const found = await walkType(subgraph, path, fixture);
            if (found === null) continue;
            problems.push(...found);
            walked.add(typeName);
            break;
          }
        }
      }
      const types = [...subgraph.rules.types.keys()];
      const unreached = types.filter((t) => !walked.has(t)).sort();
      expect(problems).toEqual([]);
      expect(unreached).toEqual(ANSWERED_BY_MUTATIONS[name] ?? []);
    }, 300_000);

  /** The directive's refusal, told apart from the mutation's own. */
  function refusedByRule(answer: Answer, name: string): boolean {
    return (answer.errors ?? []).some((error) =>
      error.extensions?.code === 'FORBIDDEN' &&
      error.message.startsWith(`Mutation.${name} is for `));
  }

  it.each(NAMES)('lets each role make exactly the mutations of %s its rule names',
    async (name) => {
      const subgraph = walkedSubgraph(name);
      const fixture = fixtureOf(ALERT.measureId);
      const inputs = mutationInputs(NO_MEASURE, fixture, IXELLES);
      const mutations = Object.keys(
        subgraph.schema.getMutationType()?.getFields() ?? {});
      const problems: string[] = [];
      for (const mutation of mutations) {
        const input = inputs[mutation];
        if (!input) {
          problems.push(`${mutation} has no input in the walk`);
          continue;
        }
        const rule = subgraph.rules.fields.get(`Mutation.${mutation}`) ?? [];
        for (const caller of callersOf(fixture)) {
          const answer = await ask(name, caller.identity,
            mutationDocument(mutation), { input });
          const allowed = rule.some((policy) =>
            policy.role === caller.identity.role);
          if (refusedByRule(answer, mutation) === allowed) {
            problems.push(`${mutation}, ${caller.label}: ${allowed
              ? 'refused by its rule' : 'not refused by its rule'}`);
          }
        }
      }
      expect(problems).toEqual([]);
    }, 300_000);

  /**
   * §7.2: who answers for a measure; the 112 system speaks for none and
   * may raise an alert on any (§3).
   */
  const RESPONSIBLE = ['police:managing-zone', 'magistrate:parquet', 'cic:province'];

  it('refuses every change to a measure by a caller of the right role but another organisation, and the measure stays as it was',
    async () => {
      const subgraph = walkedSubgraph('protection');
      const fixture = fixtureOf(ALERT.measureId);
      const inputs = mutationInputs(fixture.measureId, fixture, IXELLES,
        fixture.serials[0]);
      const journal = () => graph.police(fixture.zone).data<{
        protectionMeasure: { journal: unknown[]; status: string };
      }>(`{ protectionMeasure(id: ${json(fixture.measureId)}) {
        status journal { at action } } }`);
      const before = await journal();
      const problems: string[] = [];
      for (const [mutation, field] of Object.entries(
        subgraph.schema.getMutationType()?.getFields() ?? {})) {
        const rule = subgraph.rules.fields.get(`Mutation.${mutation}`) ?? [];
        const strangers = callersOf(fixture).filter((caller) =>
          rule.some((policy) => policy.role === caller.identity.role) &&
          !RESPONSIBLE.some((policy) => caller.satisfied.has(policy)) &&
          caller.identity.role !== 'app112');
        for (const caller of strangers) {
          const answer = await ask('protection', caller.identity,
            mutationDocument(field.name), { input: inputs[mutation] });
          const codes = (answer.errors ?? []).map((e) => e.extensions?.code);
          if (!codes.includes('FORBIDDEN')) {
            problems.push(`${mutation}, ${caller.label}: ${JSON.stringify(codes)}`);
          }
        }
      }
      expect(problems).toEqual([]);
      expect(await journal()).toEqual(before);
    }, 300_000);
});

describe('issue 6: a rule for everything', () => {
  it.each([...SUBGRAPH_NAMES])(
    '%s gives every object type a rule and every root field its own',
    (name) => {
      const { schema, rules } = walkedSubgraph(name);
      const roots = ['Query', 'Mutation', 'Subscription'];
      const unruled = Object.values(schema.getTypeMap())
        .filter((type) => isObjectType(type) && !type.name.startsWith('_'))
        .flatMap((type) => {
          if (!roots.includes(type.name)) {
            return rules.types.has(type.name) ? [] : [type.name];
          }
          const fields = Object.keys((type as GraphQLObjectType).getFields());
          return fields
            .filter((field) => !field.startsWith('_'))
            .map((field) => `${type.name}.${field}`)
            .filter((key) => !rules.fields.has(key));
        });
      expect(unruled).toEqual([]);
    });
});
