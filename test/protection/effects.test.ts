/**
 * Issue 3: an agency system that is down when a measure is granted, and
 * comes back. The measure is saved at once; its effects wait in the
 * outbox, in order, visible with their attempts and last error, and
 * reach every system once it answers again. Through the gateway, on both
 * databases.
 */
import { DEMO } from '../../storage/demo-data';
import { describeEachDatabase } from '../support/databases';
import {
  applyEffects,
  bngValidities,
  grantInput,
  passTime,
  pv,
  requestReadyForDecision,
  standInForAgencySystems,
  startProtectionGraph,
  type AgencySystems,
  type ProtectionGraph,
} from './support';

const BRUXELLES = { zone: '5339', arrondissement: 'BRU' };
const GRANTED_ON = '2027-02-01';
const END = '2027-11-01';

/** The effects of a grant, in the order the systems must get them. */
const GRANT_EFFECTS = [
  'BNG_ALARM_MENTION',
  'BNG_NO_CONTACT_ORDER',
  'MACH_REGISTRATION_COMMENT',
  'DEVICES_GRANT_REGISTRATION',
  'DEVICES_ASSIGNMENT',
  'VICTIM_SUPPORT_REFERRAL',
];

describeEachDatabase('the effects of a measure when the BNG is down', (
  storage,
) => {
  let graph: ProtectionGraph;
  let systems: AgencySystems;
  let measureId: string;

  beforeAll(async () => {
    graph = await startProtectionGraph(storage());
    systems = standInForAgencySystems(graph);
    graph.clock.setDay(GRANTED_ON);
  }, 120_000);

  afterAll(async () => {
    systems?.restore();
    await graph?.stack.cleanUp();
  });

  const police = () => graph.police(BRUXELLES.zone);

  it('saves the grant at once, whatever the BNG', async () => {
    measureId = await requestReadyForDecision(graph, BRUXELLES, GRANTED_ON);
    systems.takeDown('bng');

    const granted = await graph.magistrate(BRUXELLES.arrondissement)
      .mutate('grantProtection', grantInput(measureId, GRANTED_ON));
    await applyEffects(graph);

    expect(granted.status).toBe('ACTIVE');
    expect(await police().measure(measureId)).toMatchObject({
      status: 'ACTIVE',
      endDate: END,
      journal: [
        { action: 'REQUEST' }, { action: 'EVALUATION' },
        { action: 'CONDITIONS' }, { action: 'GRANT' },
      ],
    });
  });

  it('keeps the failed effect PENDING, with its attempts and last error',
    async () => {
      const [first, ...later] = (await police().measure(measureId)).effects;

      expect(first).toEqual({
        kind: 'BNG_ALARM_MENTION',
        status: 'PENDING',
        attempts: 1,
        lastError: expect.stringContaining('ECONNREFUSED'),
      });
      expect(later.map(({ kind }) => kind)).toEqual(GRANT_EFFECTS.slice(1));
      expect(later).toEqual(later.map(({ kind }) => ({
        kind, status: 'PENDING', attempts: 0, lastError: null,
      })));
    });

  it('holds back the later effects of the measure: no system has them',
    async () => {
      const measure = await police().measure(measureId);

      expect(systems.appliedTo(measureId)).toEqual([]);
      expect(bngValidities(measure)).toEqual({
        mentions: [undefined], orders: [],
      });
      expect(measure).toMatchObject({
        registrationComments: [],
        devices: [],
        grantRegistration: null,
        referral: null,
      });
    });

  it('holds back that measure only: the effects of another go through',
    async () => {
      // A demo measure of the same zone, ended early: its effects start
      // with MaCH, not with the BNG.
      const other = DEMO.measureIds.activeWithoutAntecedents;
      await graph.magistrate(BRUXELLES.arrondissement).mutate(
        'endProtectionEarly', {
          measureId: other, decidedOn: GRANTED_ON, reason: 'PERSON_REQUEST',
          pvReference: pv(BRUXELLES.zone, GRANTED_ON),
        });
      await applyEffects(graph);

      expect(systems.appliedTo(other)).toEqual([
        'MACH_REGISTRATION_COMMENT',
        'DEVICES_GRANT_REGISTRATION',
        'VICTIM_SUPPORT_NOTICE',
      ]);
      expect(systems.appliedTo(measureId)).toEqual([]);
    });

  it('tries again only after a pause that grows', async () => {
    await applyEffects(graph);
    expect((await police().measure(measureId)).effects[0].attempts).toBe(1);

    passTime(graph, 1_500); // past the first pause of 1 s
    await applyEffects(graph);
    expect((await police().measure(measureId)).effects[0]).toMatchObject({
      status: 'PENDING', attempts: 2,
    });

    passTime(graph, 1_500); // not yet past the second pause of 2 s
    await applyEffects(graph);
    expect((await police().measure(measureId)).effects[0].attempts).toBe(2);
  });

  it('once the BNG is back, applies every effect in order', async () => {
    systems.bringBack('bng');
    passTime(graph, 1_000); // now past the second pause
    await applyEffects(graph);

    const measure = await police().measure(measureId);
    expect(systems.appliedTo(measureId)).toEqual(GRANT_EFFECTS);
    expect(measure.effects.map(({ kind, status, attempts }) =>
      ({ kind, status, attempts }))).toEqual(GRANT_EFFECTS.map((kind) => ({
      kind, status: 'DONE', attempts: kind === 'BNG_ALARM_MENTION' ? 3 : 1,
    })));

    expect(bngValidities(measure)).toEqual({ mentions: [END], orders: [END] });
    expect(measure).toMatchObject({
      registrationComments: [{
        text: 'stalking alarm décidée le 01/02/2027',
        writtenOn: GRANTED_ON,
        replacedOn: null,
      }],
      devices: [{ status: 'ASSIGNED' }],
      grantRegistration: {
        status: 'ACTIVE', endDate: END, prolongationCount: 0,
      },
      referral: {
        status: 'RECEIVED',
        offers: [{ kind: 'INITIAL' }],
        notices: [{ kind: 'END_DATE', date: END }],
      },
    });
  });
});
