/**
 * Issue 3: one measure through its whole life, from the request to the
 * return of its device, through the gateway on both databases. At each
 * step the test reads the measure as every system holds it: protection,
 * BNG, MaCH, SharePoint (devices) and victim support.
 *
 * The steps share the one measure and run in order; the clock moves
 * forward between them as the months of the measure pass.
 *
 * Issue 6: at the end, every operation of the story that showed personal
 * data has left its entry in the audit trail, naming what it showed, and
 * the trail's chain verifies, until one entry is altered in the database.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeJwt } from 'jose';
import { auditSchema } from '../../adapters/audit/sql/schema';
import { verifyAuditTrail } from '../../adapters/audit/verify';
import { documentHash, organisationOf } from '../../gateway/audit/entry';
import { identityFromClaims } from '../../runtime/identity';
import { openDataSource } from '../../storage/data-source';
import type { StorageOptions } from '../../storage/options';
import { auditEntriesOf, auditStoreOf, shownIn } from '../support/audit';
import { describeEachDatabase } from '../support/databases';
import {
  applyEffects,
  backgroundOf,
  bngValidities,
  conditionsInput,
  evaluationInput,
  grantInput,
  newPerson,
  pv,
  requestInput,
  startProtectionGraph,
  type Caller,
  type ProtectionGraph,
} from './support';

/** Antwerpen: deployed since 2023 (reference/territory.json). */
const ZONE = '5345';
const ARRONDISSEMENT = 'ANT';
const PROVINCE = 'BE-VAN';
/** Bruxelles-Capitale/Ixelles, the destination of a trip. */
const TRIP_ZONE = '5339';

const GRANTED_ON = '2027-01-06';
/** §7.10.1: 9 calendar months after the decision. */
const FIRST_END = '2027-10-06';
const ALERT_RAISED_AT = '2027-04-10T20:15:00Z'; // 22:15 in Brussels
const ALERT_CLASSIFIED_AT = '2027-04-11T07:30:00Z';
/** §7.10.2: max(first end, alert day + 9 months). */
const PROLONGED_END = '2028-01-10';
/** The measure protects through its end date and ends the day after. */
const ENDED_ON = '2028-01-11';

describeEachDatabase('a protection measure through its whole life', (
  storage,
) => {
  let graph: ProtectionGraph;
  let police: Caller;
  let magistrate: Caller;
  let cic: Caller;
  let measureId: string;
  const victim = newPerson('1991-07-22', 'FEMALE');
  const suspect = newPerson('1987-02-09', 'MALE');

  beforeAll(async () => {
    graph = await startProtectionGraph(storage());
    police = graph.police(ZONE);
    magistrate = graph.magistrate(ARRONDISSEMENT);
    cic = graph.cic(PROVINCE);
  }, 120_000);

  afterAll(() => graph?.stack.cleanUp());

  const measure = () => police.measure(measureId);

  it('§7.3: the police of the residence record the request', async () => {
    graph.clock.setDay('2027-01-04');
    const created = await police.mutate('requestProtection',
      requestInput(ZONE, '2027-01-04', { victim, suspect }));
    measureId = created.id;

    const requested = await measure();
    expect(requested).toMatchObject({
      status: 'REQUESTED',
      managingZone: { code: ZONE },
      arrondissement: { code: ARRONDISSEMENT },
      endDate: null,
      journal: [{ action: 'REQUEST', actorRole: 'police' }],
      effects: [],
      // Nothing reaches the other systems before a decision.
      registrationComments: [],
      devices: [],
      grantRegistration: null,
      referral: null,
    });
    expect(requested.protectedPersons[0].person.bng).toBeNull();
    expect(requested.suspect.bng).toBeNull();
    expect((await magistrate.workOn(measureId)).decisionsPending)
      .toHaveLength(1);
  });

  it('§7.4–§7.6: the police hear the victim and record the conditions',
    async () => {
      graph.clock.setDay('2027-01-05');
      await police.mutate('recordEvaluation',
        evaluationInput(measureId, '2027-01-05'));
      await police.mutate('recordConditions',
        conditionsInput(measureId, '2027-01-05'));

      const heard = await measure();
      expect(heard.status).toBe('REQUESTED');
      expect(heard.conditions).toEqual({ missing: [] });
      expect(heard.effects).toEqual([]);
    });

  it('§7.8: the grant reaches BNG, MaCH, SharePoint and victim support',
    async () => {
      graph.clock.setDay(GRANTED_ON);
      const granted = await magistrate.mutate('grantProtection',
        grantInput(measureId, GRANTED_ON));
      expect(granted.status).toBe('ACTIVE');

      await applyEffects(graph);
      const active = await measure();
      expect(active).toMatchObject({
        status: 'ACTIVE',
        decidedOn: GRANTED_ON,
        startDate: GRANTED_ON,
        endDate: FIRST_END,
        revisits: [{ dueOn: '2027-02-06', doneOn: null, overdue: false }],
        registrationComments: [{
          text: 'stalking alarm décidée le 06/01/2027',
          writtenOn: GRANTED_ON,
          replacedOn: null,
        }],
        devices: [{ status: 'ASSIGNED' }],
        grantRegistration: {
          status: 'ACTIVE',
          endDate: FIRST_END,
          prolongationCount: 0,
        },
        referral: {
          status: 'RECEIVED',
          offers: [{ kind: 'INITIAL' }],
          notices: [{ kind: 'END_DATE', date: FIRST_END }],
        },
      });
      expect(bngValidities(active)).toEqual({
        mentions: [FIRST_END],
        orders: [FIRST_END],
      });
      expect(active.effects).toEqual([
        'BNG_ALARM_MENTION',
        'BNG_NO_CONTACT_ORDER',
        'MACH_REGISTRATION_COMMENT',
        'DEVICES_GRANT_REGISTRATION',
        'DEVICES_ASSIGNMENT',
        // The referral carries the END_DATE notice (§7.8.3).
        'VICTIM_SUPPORT_REFERRAL',
      ].map((kind) => expect.objectContaining({ kind, status: 'DONE' })));
    });

  it('§7.8.1: the police activate the device the same day', async () => {
    await police.mutate('recordDeviceActivation', {
      measureId, activatedOn: GRANTED_ON, pvReference: pv(ZONE, GRANTED_ON),
    });
    expect((await measure()).deviceActivatedOn).toBe(GRANTED_ON);
  });

  it('§7.11.3: the first revisit shows as due, then is done on its day',
    async () => {
      graph.clock.setDay('2027-01-25');
      expect((await police.workOn(measureId)).revisits).toEqual([
        { dueOn: '2027-02-06', overdue: false },
      ]);

      graph.clock.setDay('2027-02-06');
      await police.mutate('recordRevisit', {
        measureId, doneOn: '2027-02-06', pvReference: pv(ZONE, '2027-02-06'),
      });
      expect((await measure()).revisits).toEqual([
        { dueOn: '2027-02-06', doneOn: '2027-02-06', overdue: false },
        // Then every 3 months, counted from the start.
        { dueOn: '2027-05-06', doneOn: null, overdue: false },
      ]);
    });

  it('§7.11.1: a trip announced 6 days ahead is late, and is forwarded',
    async () => {
      graph.clock.setDay('2027-03-01');
      await police.mutate('announceTravel', {
        measureId,
        kind: 'TRIP',
        zoneCode: TRIP_ZONE,
        announcedOn: '2027-03-01',
        fromDate: '2027-03-07',
        toDate: '2027-03-12',
      });
      const [notice] = (await measure()).travelNotices;
      expect(notice).toMatchObject({
        kind: 'TRIP', nights: 6, late: true, forwardedOn: null,
      });
      expect((await police.workOn(measureId)).travelToForward).toEqual([
        { dueOn: '2027-03-07', overdue: false },
      ]);

      await police.mutate('forwardTravelNotice', {
        measureId, travelNoticeId: notice.id, forwardedOn: '2027-03-01',
      });
      expect((await measure()).travelNotices[0].forwardedOn)
        .toBe('2027-03-01');
      expect((await police.workOn(measureId)).travelToForward).toEqual([]);
    });

  it('§7.11.2, §7.10.2: a real alert prolongs the measure everywhere',
    async () => {
      graph.clock.setDay('2027-04-11');
      const alertId = 'alert-1';
      await cic.mutate('recordAlert', {
        measureId, alertId, raisedAt: ALERT_RAISED_AT,
      });
      await cic.mutate('recordPoliceArrival', {
        measureId, alertId, arrivedAt: '2027-04-10T20:24:00Z',
      });
      expect((await magistrate.workOn(measureId)).alertsToReview)
        .toHaveLength(1);

      await police.mutate('classifyAlert', {
        measureId,
        alertId,
        classification: 'REAL',
        classifiedAt: ALERT_CLASSIFIED_AT,
        pvReference: pv(ZONE, '2027-04-11'),
      });
      await applyEffects(graph);

      const prolonged = await measure();
      expect(prolonged).toMatchObject({
        endDate: PROLONGED_END,
        alerts: [{ id: alertId, classification: 'REAL',
          magistrateInformed: true }],
        prolongations: [{
          cause: 'REAL_ALERT',
          incidentOn: '2027-04-10',
          previousEndDate: FIRST_END,
          newEndDate: PROLONGED_END,
          decidedOn: '2027-04-11',
        }],
        // §7.13.2: the new comment replaces the first, which stays.
        registrationComments: [
          { text: 'prolongation stalking alarm décidée le 11/04/2027',
            writtenOn: '2027-04-11', replacedOn: null },
          { text: 'stalking alarm décidée le 06/01/2027',
            writtenOn: GRANTED_ON, replacedOn: '2027-04-11' },
        ],
        grantRegistration: {
          status: 'ACTIVE', endDate: PROLONGED_END, prolongationCount: 1,
        },
        referral: { notices: [
          { kind: 'END_DATE', date: FIRST_END },
          { kind: 'PROLONGATION', date: PROLONGED_END },
        ] },
      });
      expect(bngValidities(prolonged)).toEqual({
        mentions: [PROLONGED_END],
        orders: [PROLONGED_END],
      });
      expect((await magistrate.workOn(measureId)).alertsToReview)
        .toEqual([]);
    });

  it('§7.11.3: a revisit not done shows as overdue, until done late',
    async () => {
      graph.clock.setDay('2027-05-20');
      expect((await police.workOn(measureId)).revisits).toEqual([
        { dueOn: '2027-05-06', overdue: true },
      ]);
      expect((await measure()).revisits.at(-1)).toEqual(
        { dueOn: '2027-05-06', doneOn: null, overdue: true });

      await police.mutate('recordRevisit', {
        measureId, doneOn: '2027-05-20', pvReference: pv(ZONE, '2027-05-20'),
      });
      expect((await police.workOn(measureId)).revisits).toEqual([]);

      // The later revisits, each on its day, up to the prolonged end.
      for (const day of ['2027-08-06', '2027-11-06']) {
        graph.clock.setDay(day);
        await police.mutate('recordRevisit', {
          measureId, doneOn: day, pvReference: pv(ZONE, day),
        });
      }
      const revisits = (await measure()).revisits;
      expect(revisits.map((revisit) => revisit.dueOn)).toEqual([
        '2027-02-06', '2027-05-06', '2027-08-06', '2027-11-06',
      ]);
      expect(revisits.every((revisit) => revisit.doneOn !== null))
        .toBe(true);
    });

  it('§7.12.1: the re-evaluation month shows, and the magistrate lets it end',
    async () => {
      graph.clock.setDay('2027-12-01');
      expect((await measure()).reEvaluationWindow).toEqual({
        from: '2027-12-10', to: PROLONGED_END,
      });
      expect((await magistrate.workOn(measureId)).reEvaluations).toEqual([]);

      graph.clock.setDay('2027-12-13');
      expect((await magistrate.workOn(measureId)).reEvaluations).toEqual([
        { dueOn: PROLONGED_END, overdue: false },
      ]);
      await police.mutate('recordEvaluation',
        evaluationInput(measureId, '2027-12-13'));

      graph.clock.setDay('2027-12-14');
      const effectsBefore = (await measure()).effects.length;
      await magistrate.mutate('decideReEvaluation', {
        measureId,
        decidedOn: '2027-12-14',
        outcome: 'LET_END',
        pvReference: pv(ZONE, '2027-12-14'),
      });

      const decided = await measure();
      expect(decided.status).toBe('ACTIVE');
      expect(decided.endDate).toBe(PROLONGED_END);
      expect(decided.effects).toHaveLength(effectsBefore);
      expect((await magistrate.workOn(measureId)).reEvaluations).toEqual([]);
    });

  it('§7.12.2: past its end date the measure expires everywhere',
    async () => {
      const { expireNow } = backgroundOf(graph);
      graph.clock.setDay(PROLONGED_END);
      expect(await expireNow()).not.toContain(measureId);

      graph.clock.setDay(ENDED_ON);
      expect(await expireNow()).toContain(measureId);
      await applyEffects(graph);

      const ended = await measure();
      expect(ended).toMatchObject({
        status: 'ENDED',
        endReason: 'EXPIRED',
        endedOn: ENDED_ON,
        deviceReturnDue: true,
        registrationComments: [
          { text: 'stalking alarm ayant pris fin le 11/01/2028',
            writtenOn: ENDED_ON, replacedOn: null },
          { text: 'prolongation stalking alarm décidée le 11/04/2027',
            writtenOn: '2027-04-11', replacedOn: ENDED_ON },
          { text: 'stalking alarm décidée le 06/01/2027',
            writtenOn: GRANTED_ON, replacedOn: '2027-04-11' },
        ],
        grantRegistration: {
          status: 'ENDED', endDate: PROLONGED_END, endReason: 'EXPIRED',
        },
        devices: [{ status: 'ASSIGNED' }],
      });
      // Expiry is no early end: victim support gets no new notice.
      expect(ended.referral?.notices.map((notice) => notice.kind))
        .toEqual(['END_DATE', 'PROLONGATION']);
      expect((await police.workOn(measureId)).deviceReturns).toEqual([
        { dueOn: ENDED_ON, overdue: false },
      ]);
    });

  it('§7.12.2: the police take the device back', async () => {
    graph.clock.setDay('2028-01-12');
    await police.mutate('recordDeviceReturn', {
      measureId, returnedOn: '2028-01-12', pvReference: pv(ZONE, '2028-01-12'),
    });
    await applyEffects(graph);

    const returned = await measure();
    expect(returned.devicesReturnedOn).toBe('2028-01-12');
    expect(returned.deviceReturnDue).toBe(false);
    expect(returned.devices).toEqual([
      expect.objectContaining({ status: 'RETURNED' }),
    ]);
    expect((await police.workOn(measureId)).deviceReturns).toEqual([]);
  });

  it('keeps one journal entry per change, with the role that made it',
    async () => {
      const { journal, effects } = await measure();
      expect(journal).toEqual([
        { action: 'REQUEST', actorRole: 'police' },
        { action: 'EVALUATION', actorRole: 'police' },
        { action: 'CONDITIONS', actorRole: 'police' },
        { action: 'GRANT', actorRole: 'magistrate' },
        { action: 'DEVICE_ACTIVATION', actorRole: 'police' },
        { action: 'REVISIT', actorRole: 'police' },
        { action: 'TRAVEL_NOTICE', actorRole: 'police' },
        { action: 'TRAVEL_NOTICE_FORWARDED', actorRole: 'police' },
        { action: 'ALERT', actorRole: 'cic' },
        { action: 'POLICE_ARRIVAL', actorRole: 'cic' },
        { action: 'ALERT_CLASSIFICATION', actorRole: 'police' },
        { action: 'REVISIT', actorRole: 'police' },
        { action: 'REVISIT', actorRole: 'police' },
        { action: 'REVISIT', actorRole: 'police' },
        { action: 'EVALUATION', actorRole: 'police' },
        { action: 'RE_EVALUATION_DECISION', actorRole: 'magistrate' },
        { action: 'EXPIRY', actorRole: 'system' },
        { action: 'DEVICE_RETURN', actorRole: 'police' },
      ]);
      // Grant 6, prolongation 5, expiry 2, return 1: all applied.
      expect(effects).toHaveLength(14);
      expect(effects.every((effect) => effect.status === 'DONE')).toBe(true);
    });

  it('issue 6: every read of personal data left an audit entry naming it',
    async () => {
      const entries = await auditEntriesOf(graph.stack);
      const byRequest = new Map(
        entries.map((entry) => [entry.requestId, entry]));
      const reads = graph.sent.flatMap((operation) => {
        const mutation = /^\s*mutation\b/.test(operation.query);
        const shown = shownIn(operation.answer.data, mutation);
        const personal = shown.persons.length + shown.measures.length > 0;
        return personal ? [{ operation, mutation, shown }] : [];
      });
      // The story's 18 changes, its reads of the measure, and the work
      // lists that showed one; an empty work list shows nobody.
      const changes = reads.filter(({ mutation }) => mutation);
      expect(changes).toHaveLength(
        graph.sent.filter(({ query }) => /^\s*mutation\b/.test(query)).length);
      expect(changes.length).toBe(17);
      expect(reads.length).toBeGreaterThanOrEqual(40);
      const both = [victim.nationalNumber, suspect.nationalNumber];
      expect(reads.filter(({ shown }) =>
        both.every((number) => shown.persons.includes(number))).length)
        .toBeGreaterThan(10);

      for (const { operation, mutation, shown } of reads) {
        const entry = byRequest.get(operation.requestId);
        const token = await graph.stack.token(operation.claims);
        const identity = identityFromClaims(decodeJwt(token));
        if ('error' in identity) throw new Error(identity.error);
        expect(entry).toMatchObject({
          subject: identity.subject,
          role: operation.claims.role,
          organisation: organisationOf(identity),
          operationType: mutation ? 'mutation' : 'query',
          documentHash: documentHash(operation.query),
          outcome: 'COMPLETE',
          purpose: null,
        });
        expect(entry?.persons).toEqual(expect.arrayContaining(shown.persons));
        expect(entry?.measures).toEqual(expect.arrayContaining(shown.measures));
      }
      expect(await verifyAuditTrail(auditStoreOf(graph.stack)))
        .toMatchObject({ ok: true, checked: entries.length });
    });

  it('issue 6: an entry altered in the database breaks the verification',
    async () => {
      const entries = await auditEntriesOf(graph.stack);
      const altered = entries[Math.floor(entries.length / 2)].sequence;
      await alterEntry(storage(), altered);

      expect(await verifyAuditTrail(auditStoreOf(graph.stack))).toEqual({
        ok: false, sequence: altered, reason: 'hash', checked: altered - 1,
      });
      const command = await runAuditVerify(storage());
      expect(command.code).toBe(1);
      expect(command.stdout).toContain(`broken at sequence ${altered}:`);
    }, 60_000);
});

/** Changes one entry's stated purpose behind the trail's back. */
async function alterEntry(
  storage: StorageOptions,
  sequence: number,
): Promise<void> {
  const source = await openDataSource('audit', storage, auditSchema);
  try {
    await source.query(
      'UPDATE audit_entry SET purpose = ? WHERE sequence = ?',
      ['nothing to see here', sequence]);
  } finally {
    await source.destroy();
  }
}

/** `npm run audit:verify` in a child process, on the test's store. */
async function runAuditVerify(
  storage: StorageOptions,
): Promise<{ code: number; stdout: string }> {
  const root = join(__dirname, '..', '..');
  const env = storage.driver === 'sqlite'
    ? { DB_DRIVER: 'sqlite', SQLITE_DIR: storage.directory }
    : { DB_DRIVER: 'mysql', MYSQL_URL: storage.url };
  try {
    const { stdout } = await promisify(execFile)(
      join(root, 'node_modules', '.bin', 'tsx'),
      [join(root, 'scripts', 'audit-verify.ts')],
      { cwd: root, env: { ...process.env, ...env } });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '' };
  }
}
