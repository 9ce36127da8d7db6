/**
 * Issue 3: the rules of COL 03/2023 as the graph applies them, one test
 * per rule, through the gateway on both databases. Each test makes its
 * own measures with new persons; the clock stands on one day, TODAY, and
 * earlier facts are dated back from it.
 */
import { describeEachDatabase } from '../support/databases';
import {
  actionsOf,
  applyEffects,
  bngValidities,
  conditionsInput,
  evaluationInput,
  everyMutation,
  grantInput,
  grantedMeasure,
  newPerson,
  pv,
  requestInput,
  requestReadyForDecision,
  startProtectionGraph,
  type Caller,
  type MeasurePlace,
  MUTATION_NAMES,
  type MutationName,
  type ProtectionGraph,
} from './support';

const TODAY = '2028-03-15';
/** Antwerpen and Bruxelles-Capitale/Ixelles, both deployed. */
const ANTWERPEN: MeasurePlace = { zone: '5345', arrondissement: 'ANT' };
const BRUXELLES: MeasurePlace = { zone: '5339', arrondissement: 'BRU' };
/** Minos (ANT) and Polbruno (BRU): no deployment date yet (§5.2). */
const MINOS = '5350';
const POLBRUNO = '5344';

describeEachDatabase('the rules of a measure', (storage) => {
  let graph: ProtectionGraph;
  let police: Caller;
  let magistrate: Caller;

  beforeAll(async () => {
    graph = await startProtectionGraph(storage());
    graph.clock.setDay(TODAY);
    police = graph.police(ANTWERPEN.zone);
    magistrate = graph.magistrate(ANTWERPEN.arrondissement);
  }, 120_000);

  afterAll(() => graph?.stack.cleanUp());

  const activeMeasure = (day = TODAY) =>
    grantedMeasure(graph, ANTWERPEN, day);

  describe('duration and prolongation (§7.10)', () => {
    it('§7.10.1: a grant on 31 May ends on the last day of February',
      async () => {
        const id = await activeMeasure('2027-05-31');

        const measure = await police.measure(id);
        expect(measure.endDate).toBe('2028-02-29');
        expect(measure.grantRegistration?.endDate).toBe('2028-02-29');
        expect(bngValidities(measure)).toEqual({
          mentions: ['2028-02-29'],
          orders: ['2028-02-29'],
        });
      });

    it('§7.10.2: an alert on the last day of a measure prolongs it from that day',
      async () => {
        const id = await activeMeasure('2027-06-15');
        expect((await police.measure(id)).endDate).toBe(TODAY);

        await police.mutate('recordAlert', {
          measureId: id, alertId: 'last-day',
          raisedAt: `${TODAY}T08:30:00Z`,
        });
        await police.mutate('classifyAlert', {
          measureId: id, alertId: 'last-day', classification: 'REAL',
          classifiedAt: `${TODAY}T08:50:00Z`, pvReference: pv('5345', TODAY),
        });
        await applyEffects(graph);

        const measure = await police.measure(id);
        expect(measure.prolongations).toEqual([{
          cause: 'REAL_ALERT',
          incidentOn: TODAY,
          previousEndDate: TODAY,
          newEndDate: '2028-12-15',
          decidedOn: TODAY,
        }]);
        expect(measure.endDate).toBe('2028-12-15');
        expect(bngValidities(measure)).toEqual({
          mentions: ['2028-12-15'],
          orders: ['2028-12-15'],
        });
      });

    it.each(['FALSE', 'TEST'])(
      '§7.11.2, §7.10.2: a %s alert prolongs nothing, sends nothing and does not tell the magistrate',
      async (classification) => {
        const id = await activeMeasure();
        const before = await police.measure(id);

        await police.mutate('recordAlert', {
          measureId: id, alertId: 'pressed',
          raisedAt: `${TODAY}T08:00:00Z`,
        });
        await police.mutate('classifyAlert', {
          measureId: id, alertId: 'pressed', classification,
          classifiedAt: `${TODAY}T08:10:00Z`, pvReference: pv('5345', TODAY),
        });
        await applyEffects(graph);

        const after = await police.measure(id);
        expect(after.alerts).toEqual([expect.objectContaining({
          classification, magistrateInformed: false,
        })]);
        expect(after.prolongations).toEqual([]);
        expect(after.endDate).toBe(before.endDate);
        expect(after.effects).toEqual(before.effects);
        expect(after.registrationComments)
          .toEqual(before.registrationComments);
        expect((await magistrate.workOn(id)).alertsToReview).toEqual([]);
      });
  });

  describe('travel (§7.11.1)', () => {
    const trip = (measureId: string, fromDate: string, toDate: string) => ({
      measureId, kind: 'TRIP', zoneCode: BRUXELLES.zone,
      announcedOn: TODAY, fromDate, toDate,
    });

    it('§7.11.1: a trip announced 6 days ahead is late, 7 days ahead is not',
      async () => {
        const id = await activeMeasure();
        await police.mutate('announceTravel',
          trip(id, '2028-03-21', '2028-03-26'));
        await police.mutate('announceTravel',
          trip(id, '2028-03-22', '2028-03-27'));

        const notices = (await police.measure(id)).travelNotices;
        expect(notices.map(({ nights, late }) => ({ nights, late })))
          .toEqual([{ nights: 6, late: true }, { nights: 6, late: false }]);
      });

    it('§7.11.1: a trip of 4 nights is refused as INVALID_INPUT', async () => {
      const id = await activeMeasure();

      const error = await police.refused('announceTravel',
        trip(id, '2028-04-01', '2028-04-04'));

      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toContain('4 nights');
      expect((await police.measure(id)).travelNotices).toEqual([]);
    });
  });

  describe('who is protected (§7.5, §7.9)', () => {
    const child = (birthDate: string, consent: {
      discernmentRecorded: boolean;
      agreementSigned: boolean;
    }) => ({ person: newPerson(birthDate), role: 'CHILD', ...consent });

    it('§7.5, §7.9: a 15-year-old child is protected without signing',
      async () => {
        const id = await requestReadyForDecision(graph, ANTWERPEN, TODAY);
        const granted = await magistrate.mutate('grantProtection',
          grantInput(id, TODAY, { otherProtectedPersons: [
            child('2012-09-01', {
              discernmentRecorded: true, agreementSigned: false,
            }),
          ] }));
        expect(granted.status).toBe('ACTIVE');

        await applyEffects(graph);
        const measure = await police.measure(id);
        expect(measure.protectedPersons.map(
          ({ role, agreementSigned }) => ({ role, agreementSigned })))
          .toEqual([
            { role: 'VICTIM', agreementSigned: true },
            { role: 'CHILD', agreementSigned: false },
          ]);
        // §7.8.1: both are mentioned in the BNG.
        expect(bngValidities(measure).mentions)
          .toEqual([measure.endDate, measure.endDate]);
      });

    it('§7.5, §7.9: a 16-year-old child who did not sign is refused',
      async () => {
        const id = await requestReadyForDecision(graph, ANTWERPEN, TODAY);
        const error = await magistrate.refused('grantProtection',
          grantInput(id, TODAY, { otherProtectedPersons: [
            child('2011-09-01', {
              discernmentRecorded: true, agreementSigned: false,
            }),
          ] }));

        expect(error.code).toBe('INVALID_INPUT');
        expect(error.message).toContain('is 16');
        expect((await police.measure(id)).status).toBe('REQUESTED');
      });

    it('§7.9: a minor without recorded discernment is refused, child or victim',
      async () => {
        const forChild = await requestReadyForDecision(graph, ANTWERPEN,
          TODAY);
        const childError = await magistrate.refused('grantProtection',
          grantInput(forChild, TODAY, { otherProtectedPersons: [
            child('2012-09-01', {
              discernmentRecorded: false, agreementSigned: false,
            }),
          ] }));
        const minorVictim = await requestReadyForDecision(graph, ANTWERPEN,
          TODAY, { victim: newPerson('2010-09-01') });
        const victimError = await magistrate.refused('grantProtection',
          grantInput(minorVictim, TODAY));

        for (const error of [childError, victimError]) {
          expect(error.code).toBe('INVALID_INPUT');
          expect(error.message).toContain('discernment');
        }
        expect((await police.measure(minorVictim)).status).toBe('REQUESTED');
      });
  });

  describe('the decision (§5.2, §7.5)', () => {
    it('§7.5: a grant with a condition not met fails with CONDITIONS_NOT_MET, naming it, and changes nothing',
      async () => {
        const { id } = await police.mutate('requestProtection',
          requestInput(ANTWERPEN.zone, TODAY));
        await police.mutate('recordEvaluation', evaluationInput(id, TODAY));
        await police.mutate('recordConditions',
          conditionsInput(id, TODAY, { wantsAlarm: false }));
        const before = await police.measure(id);

        const error = await magistrate.refused('grantProtection',
          grantInput(id, TODAY));

        expect(error.code).toBe('CONDITIONS_NOT_MET');
        expect(error.message).toContain('WANTS_ALARM');
        expect(error.extensions.missingConditions).toEqual(['WANTS_ALARM']);
        const after = await police.measure(id);
        expect(after).toEqual(before);
        expect(after.status).toBe('REQUESTED');
        expect(actionsOf(after))
          .toEqual(['REQUEST', 'EVALUATION', 'CONDITIONS']);
        expect(after.effects).toEqual([]);
      });

    it('§5.2: a grant in a zone not yet deployed fails with ZONE_NOT_DEPLOYED',
      async () => {
        const place = { zone: MINOS, arrondissement: 'ANT' };
        const id = await requestReadyForDecision(graph, place, TODAY);
        const minos = graph.police(MINOS);
        expect((await minos.measure(id)).conditions?.missing)
          .toEqual(['LIVES_IN_DEPLOYED_ZONE']);

        const error = await magistrate.refused('grantProtection',
          grantInput(id, TODAY));

        expect(error.code).toBe('ZONE_NOT_DEPLOYED');
        expect(error.message).toContain(MINOS);
        const after = await minos.measure(id);
        expect(after.status).toBe('REQUESTED');
        expect(after.effects).toEqual([]);
      });
  });

  describe('moves (§7.2.3)', () => {
    const move = (measureId: string, newZoneCode: string | null,
      newParquetAgrees?: boolean) => police.mutate('recordMove', {
      measureId, movedOn: TODAY, pvReference: pv('5345', TODAY),
      newZoneCode, newParquetAgrees,
    });

    it('§7.2.3: to a zone not deployed, with the new parquet\'s agreement, the measure stays under the new zone',
      async () => {
        const id = await activeMeasure();
        const { effects } = await police.measure(id);

        await move(id, MINOS, true);

        const moved = await graph.police(MINOS).measure(id);
        expect(moved).toMatchObject({
          status: 'ACTIVE',
          managingZone: { code: MINOS },
          arrondissement: { code: 'ANT' },
          pendingTransfer: null,
        });
        // §7.2.3: the registration and the devices follow the new zone;
        // the parquet, and so the victim support service, stay. The
        // outbox's own timer may have applied them already.
        const queuedOrDone = expect.stringMatching(/^(PENDING|DONE)$/);
        expect(moved.effects).toEqual([
          ...effects,
          expect.objectContaining({
            kind: 'DEVICES_GRANT_REGISTRATION', status: queuedOrDone }),
          expect.objectContaining({
            kind: 'DEVICES_ZONE_REASSIGNMENT', status: queuedOrDone }),
        ]);
      });

    it('§7.2.3: to a zone not deployed, without agreement, the measure ends SETTLED_OUTSIDE_DEPLOYED_TERRITORY',
      async () => {
        const id = await activeMeasure();

        await move(id, POLBRUNO, false);
        await applyEffects(graph);

        const ended = await police.measure(id);
        expect(ended).toMatchObject({
          status: 'ENDED',
          endedOn: TODAY,
          endReason: 'SETTLED_OUTSIDE_DEPLOYED_TERRITORY',
          managingZone: { code: ANTWERPEN.zone },
          grantRegistration: {
            status: 'ENDED', endReason: 'SETTLED_OUTSIDE_DEPLOYED_TERRITORY',
          },
        });
        expect(ended.referral?.notices.at(-1))
          .toEqual({ kind: 'EARLY_END', date: TODAY });
      });

    it('§7.2.3: abroad, the measure ends SETTLED_ABROAD', async () => {
      const id = await activeMeasure();

      await move(id, null);

      expect(await police.measure(id)).toMatchObject({
        status: 'ENDED', endedOn: TODAY, endReason: 'SETTLED_ABROAD',
      });
    });

    it('§7.2.3: to a deployed zone of another arrondissement, the transfer awaits the new parquet, which alone acknowledges it',
      async () => {
        const id = await activeMeasure();
        const newParquet = graph.magistrate(BRUXELLES.arrondissement);

        await move(id, BRUXELLES.zone);

        expect(await police.measure(id)).toMatchObject({
          status: 'ACTIVE',
          managingZone: { code: ANTWERPEN.zone },
          arrondissement: { code: ANTWERPEN.arrondissement },
          pendingTransfer: {
            toZone: { code: BRUXELLES.zone },
            toArrondissement: { code: BRUXELLES.arrondissement },
            requestedOn: TODAY,
          },
        });
        expect((await newParquet.workOn(id)).transfersToAcknowledge)
          .toEqual([{ dueOn: null, overdue: false }]);
        expect((await magistrate.workOn(id)).transfersToAcknowledge)
          .toEqual([]);

        const acknowledgement = { measureId: id, acknowledgedOn: TODAY };
        const error = await magistrate.refused('acknowledgeTransfer',
          acknowledgement);
        expect(error.code).toBe('FORBIDDEN');

        await newParquet.mutate('acknowledgeTransfer', acknowledgement);
        expect(await newParquet.measure(id)).toMatchObject({
          managingZone: { code: BRUXELLES.zone },
          arrondissement: { code: BRUXELLES.arrondissement },
          pendingTransfer: null,
        });
        expect((await newParquet.workOn(id)).transfersToAcknowledge)
          .toEqual([]);
      });
  });

  describe('illegal transitions and conflicts', () => {
    /** Asserts `attempt` fails with `code` and leaves the measure as is. */
    async function refusedWithoutChange(
      id: string,
      code: string,
      attempt: () => Promise<{ code: unknown }>,
    ) {
      await applyEffects(graph);
      const before = await police.measure(id);
      expect((await attempt()).code).toBe(code);
      expect(await police.measure(id)).toEqual(before);
    }

    it('ILLEGAL_TRANSITION: a measure is granted once', async () => {
      const id = await activeMeasure();
      await refusedWithoutChange(id, 'ILLEGAL_TRANSITION', () =>
        magistrate.refused('grantProtection', grantInput(id, TODAY)));
    });

    it('ILLEGAL_TRANSITION: an ENDED measure is neither prolonged nor re-evaluated',
      async () => {
        const id = await activeMeasure();
        await magistrate.mutate('endProtectionEarly', {
          measureId: id, decidedOn: TODAY, reason: 'PERSON_REQUEST',
          pvReference: pv('5345', TODAY),
        });

        await refusedWithoutChange(id, 'ILLEGAL_TRANSITION', () =>
          police.refused('recordNewFacts', {
            measureId: id, reportedOn: TODAY, factOn: TODAY,
            pvReference: pv('5345', TODAY),
          }));
        await refusedWithoutChange(id, 'ILLEGAL_TRANSITION', () =>
          police.refused('recordEvaluation', evaluationInput(id, TODAY)));
        await refusedWithoutChange(id, 'ILLEGAL_TRANSITION', () =>
          magistrate.refused('decideReEvaluation', {
            measureId: id, decidedOn: TODAY, outcome: 'PROLONG',
            pvReference: pv('5345', TODAY),
          }));
      });

    it('ILLEGAL_TRANSITION: a granted measure cannot be refused',
      async () => {
        const id = await activeMeasure();
        await refusedWithoutChange(id, 'ILLEGAL_TRANSITION', () =>
          magistrate.refused('refuseProtection', {
            measureId: id, decidedOn: TODAY, reasons: 'Changed my mind',
            pvReference: pv('5345', TODAY),
          }));
      });

    it('ALERT_CONFLICT: an alert classified FALSE cannot become REAL',
      async () => {
        const id = await activeMeasure();
        const classify = (classification: string) => ({
          measureId: id, alertId: 'a-1', classification,
          classifiedAt: `${TODAY}T08:20:00Z`, pvReference: pv('5345', TODAY),
        });
        await police.mutate('recordAlert', {
          measureId: id, alertId: 'a-1', raisedAt: `${TODAY}T08:00:00Z`,
        });
        await police.mutate('classifyAlert', classify('FALSE'));

        await refusedWithoutChange(id, 'ALERT_CONFLICT', () =>
          police.refused('classifyAlert', classify('REAL')));
      });

    it('§7.11.2: an alert recorded twice with the same id is one alert and one journal entry',
      async () => {
        const id = await activeMeasure();
        const alert = {
          measureId: id, alertId: 'twice', raisedAt: `${TODAY}T07:45:00Z`,
        };

        await graph.cic('BE-VAN').mutate('recordAlert', alert);
        await police.mutate('recordAlert', alert);

        const measure = await police.measure(id);
        expect(measure.alerts.map((recorded) => recorded.id))
          .toEqual(['twice']);
        expect(actionsOf(measure).filter((action) => action === 'ALERT'))
          .toHaveLength(1);
      });

    it('INVALID_INPUT: an alert id longer than the register keeps',
      async () => {
        const id = await activeMeasure();
        await refusedWithoutChange(id, 'INVALID_INPUT', () =>
          police.refused('recordAlert', {
            measureId: id, alertId: 'x'.repeat(37),
            raisedAt: `${TODAY}T07:45:00Z`,
          }));
      });
  });

  describe('who may do what (§7.2)', () => {
    const outsiders: [string, Parameters<ProtectionGraph['caller']>[0]][] = [
      ['an analyst', { role: 'analyst' }],
      ['victim support', { role: 'victim-support', arrondissement: 'ANT' }],
      ['the police of another zone', { role: 'police', zone: '5347' }],
      ['a magistrate of another arrondissement',
        { role: 'magistrate', arrondissement: 'BRU' }],
      ['the CIC of another province', { role: 'cic', province: 'BE-BRU' }],
    ];

    it.each(outsiders)(
      '§7.2: %s gets FORBIDDEN on every change to the measure',
      async (_, claims) => {
        const outsider = graph.caller(claims);
        const id = await activeMeasure();
        await applyEffects(graph);
        const before = await police.measure(id);

        // Any police or magistrate may pass a request on (§7.3).
        const mayRequest = claims.role === 'police'
          || claims.role === 'magistrate';
        const changes = MUTATION_NAMES.filter((name) =>
          !(name === 'requestProtection' && mayRequest));
        const inputs = everyMutation(id, TODAY,
          { zone: ANTWERPEN.zone, otherZone: BRUXELLES.zone });
        const answered: [MutationName, unknown][] = [];
        for (const name of changes) {
          const error = await outsider.refused(name, inputs[name]);
          answered.push([name, error.code]);
        }

        expect(answered).toEqual(
          changes.map((name) => [name, 'FORBIDDEN']));
        expect(await police.measure(id)).toEqual(before);
      });
  });
});
