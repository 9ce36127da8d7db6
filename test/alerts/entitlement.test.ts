/**
 * §3, §7.2.2, §7.11.1, §7.11.2: the live alert stream reaches exactly
 * the parties entitled to each event, on real sockets.
 *
 * One scenario, every party subscribed from the start: an Antwerp
 * measure whose person announced a trip to Liège raises an alert with no
 * fix yet, is then located in Ixelles (Brussels), and the alert is
 * classified FALSE; a week later, the trip over, a second alert raised
 * in Ixelles is classified TEST. Last, a marker alert of a Gent measure.
 * Each step waits until every entitled party has its event, so that the
 * next step cannot change what the previous one was judged on; the
 * marker, the last entry of the log, proves the parties that received
 * nothing were passed over rather than slow: the stream answers in
 * sequence order, and the feed hands an entry to every subscriber in
 * the same turn.
 */
import { sqliteDatabase } from '../support/databases';
import {
  subscribeAlerts,
  type AlertSubscriber,
} from '../support/subscriber';
import type { MintOptions } from '../../runtime/keys';
import {
  grantedMeasure,
  pv,
  startProtectionGraph,
  type ProtectionGraph,
} from '../protection/support';
import {
  ANTWERPEN,
  BOARD,
  GENT,
  TODAY,
  at,
  factsOf,
  inIxelles,
  send,
  subscribeLive,
  waitForFact,
} from './support';

/** The trip's destination, in the province of Liège. */
const LIEGE_ZONE = '5277';
/** The trip: five nights from TODAY; its window closes the day after. */
const TRIP_END = '2026-12-15';
/** A week after the trip's window closed. */
const LATER = '2026-12-18';

type Claims = Pick<MintOptions, 'role' | 'zone' | 'arrondissement' |
  'province'>;

/** The parties, by a name the table uses. */
const PARTIES = {
  managingZone: { role: 'police', zone: '5345' },
  interventionZone: { role: 'police', zone: '5339' },
  cicWhereThePersonIs: { role: 'cic', province: 'BE-BRU' },
  cicOfTheManagingZone: { role: 'cic', province: 'BE-VAN' },
  tripZone: { role: 'police', zone: LIEGE_ZONE },
  tripCic: { role: 'cic', province: 'BE-WLG' },
  competentMagistrate: { role: 'magistrate', arrondissement: 'ANT' },
  magistrateWhereThePersonIs: { role: 'magistrate', arrondissement: 'BRU' },
  otherZone: { role: 'police', zone: '5415' },
  otherZoneOfTheProvince: { role: 'police', zone: '5347' },
  zoneNextToTheIntervention: { role: 'police', zone: '5340' },
  otherCic: { role: 'cic', province: 'BE-VOV' },
  otherMagistrate: { role: 'magistrate', arrondissement: 'OVL' },
  analyst: { role: 'analyst' },
  victimSupport: { role: 'victim-support', arrondissement: 'ANT' },
  app112: { role: 'app112' },
} satisfies Record<string, Claims>;
type Party = keyof typeof PARTIES;

const FIRST = 'ent-first';
const SECOND = 'ent-second';
const MARKER = 'ent-marker';

describe('§3 live alerts reach exactly the entitled parties', () => {
  const database = sqliteDatabase();
  let graph: ProtectionGraph;
  let antwerp: string;
  let gent: string;
  let beforeFirst: number;
  /** Executions the gateway ran for the scenario's events. */
  let executions: number;
  const boards = new Map<Party, AlertSubscriber>();

  const board = (party: Party) => {
    const subscriber = boards.get(party);
    if (subscriber === undefined) throw new Error(`No board for ${party}`);
    return subscriber;
  };

  /** Waits until each party named has received `fact`. */
  async function reached(fact: string, parties: Party[]): Promise<void> {
    await Promise.all(parties.map((party) =>
      waitForFact(board(party), fact)));
  }

  beforeAll(async () => {
    graph = await startProtectionGraph(await database.create());
    graph.clock.setDay(TODAY);
    antwerp = await grantedMeasure(graph, ANTWERPEN, TODAY);
    gent = await grantedMeasure(graph, GENT, TODAY);
    const managing = graph.police(ANTWERPEN.zone);
    await managing.mutate('announceTravel', {
      measureId: antwerp, kind: 'TRIP', zoneCode: LIEGE_ZONE,
      announcedOn: TODAY, fromDate: TODAY, toDate: TRIP_END,
    });
    beforeFirst = graph.stack.gateway.alertStream.cursor ?? 0;

    for (const [party, claims] of Object.entries(PARTIES)) {
      const token = await graph.stack.token(claims);
      boards.set(party as Party,
        await subscribeLive(graph.stack.gateway, token));
    }
    const before = graph.stack.gateway.alertStream.executions;
    await runScenario();
    executions = graph.stack.gateway.alertStream.executions - before;
  }, 120_000);

  async function runScenario(): Promise<void> {
    const app112 = graph.caller({ role: 'app112' });
    const managing = graph.police(ANTWERPEN.zone);

    // No fix yet: the CIC of the managing zone's province (§3).
    await send(app112, 'recordAlert', {
      measureId: antwerp, alertId: FIRST, raisedAt: at(TODAY, '08:40:00'),
    });
    await reached(`${FIRST} RAISED`, ['managingZone', 'tripZone', 'tripCic',
      'cicOfTheManagingZone', 'competentMagistrate']);

    // The fix puts the person in Ixelles: its zone and Brussels' CIC.
    await send(app112, 'recordAlertLocation', {
      measureId: antwerp, alertId: FIRST,
      location: inIxelles(at(TODAY, '08:40:30')),
    });
    await reached(`${FIRST} LOCATION_UPDATED`, ['managingZone',
      'interventionZone', 'cicWhereThePersonIs', 'tripZone', 'tripCic',
      'competentMagistrate']);

    // §7.11.2: a false alert is not for the magistrate.
    await managing.mutate('classifyAlert', {
      measureId: antwerp, alertId: FIRST, classification: 'FALSE',
      classifiedAt: at(TODAY, '08:55:00'), pvReference: pv('5345', TODAY),
    });
    await reached(`${FIRST} CLASSIFIED`, ['managingZone', 'interventionZone',
      'cicWhereThePersonIs', 'tripZone', 'tripCic']);

    // §7.11.1: the trip's window has closed.
    graph.clock.setDay(LATER);
    await send(app112, 'recordAlert', {
      measureId: antwerp, alertId: SECOND, raisedAt: at(LATER, '08:10:00'),
      location: inIxelles(at(LATER, '08:09:50')),
    });
    await reached(`${SECOND} RAISED`, ['managingZone', 'interventionZone',
      'cicWhereThePersonIs', 'competentMagistrate']);
    await managing.mutate('classifyAlert', {
      measureId: antwerp, alertId: SECOND, classification: 'TEST',
      classifiedAt: at(LATER, '08:20:00'), pvReference: pv('5345', LATER),
    });

    await send(app112, 'recordAlert', {
      measureId: gent, alertId: MARKER, raisedAt: at(LATER, '08:30:00'),
    });
    await reached(`${SECOND} CLASSIFIED`, ['managingZone',
      'interventionZone', 'cicWhereThePersonIs', 'competentMagistrate']);
    await reached(`${MARKER} RAISED`,
      ['otherZone', 'otherCic', 'otherMagistrate']);
  }

  afterAll(async () => {
    await Promise.all([...boards.values()].map((b) => b.dispose()));
    await graph?.stack.cleanUp();
    await database.drop();
  });

  const first = (...kinds: string[]) => kinds.map((k) => `${FIRST} ${k}`);
  const second = (...kinds: string[]) => kinds.map((k) => `${SECOND} ${k}`);

  it.each<[string, Party, string[]]>([
    ['the managing zone gets every event', 'managingZone', [
      ...first('RAISED', 'LOCATION_UPDATED', 'CLASSIFIED'),
      ...second('RAISED', 'CLASSIFIED'),
    ]],
    ['the intervention zone gets every event once the person is located '
      + 'there', 'interventionZone', [
      ...first('LOCATION_UPDATED', 'CLASSIFIED'),
      ...second('RAISED', 'CLASSIFIED'),
    ]],
    ['the CIC of the province where the person is gets the same',
      'cicWhereThePersonIs', [
        ...first('LOCATION_UPDATED', 'CLASSIFIED'),
        ...second('RAISED', 'CLASSIFIED'),
      ]],
    ['the CIC of the managing zone\'s province gets only what came while '
      + 'the person was not located', 'cicOfTheManagingZone',
    first('RAISED')],
    ['the trip\'s zone gets the events of the trip\'s window only',
      'tripZone', first('RAISED', 'LOCATION_UPDATED', 'CLASSIFIED')],
    ['the trip\'s CIC gets the events of the trip\'s window only',
      'tripCic', first('RAISED', 'LOCATION_UPDATED', 'CLASSIFIED')],
    ['the competent magistrate gets every event but the FALSE '
      + 'classification, and the TEST one', 'competentMagistrate', [
      ...first('RAISED', 'LOCATION_UPDATED'),
      ...second('RAISED', 'CLASSIFIED'),
    ]],
    ['the magistrate of where the person is gets nothing',
      'magistrateWhereThePersonIs', []],
    ['another zone gets only its own measure\'s marker', 'otherZone',
      [`${MARKER} RAISED`]],
    ['another province\'s CIC gets only its own measure\'s marker',
      'otherCic', [`${MARKER} RAISED`]],
    ['another arrondissement\'s magistrate gets only its own measure\'s '
      + 'marker', 'otherMagistrate', [`${MARKER} RAISED`]],
    ['another zone of the managing zone\'s province gets nothing',
      'otherZoneOfTheProvince', []],
    ['the zone next to the intervention zone gets nothing',
      'zoneNextToTheIntervention', []],
    ['an analyst gets nothing', 'analyst', []],
    ['victim support gets nothing', 'victimSupport', []],
    ['the 112 system gets nothing', 'app112', []],
  ])('%s', (_, party, expected) => {
    const subscriber = board(party);
    expect(factsOf(subscriber)).toEqual(expected);
    expect(subscriber.answers.filter((answer) => answer.errors))
      .toEqual([]);
    expect(subscriber.closed).toBeNull();
  });

  it('runs no execution for a party the event is not for: one per event '
    + 'received, each party having a board of its own', () => {
    const received = [...boards.values()]
      .reduce((sum, subscriber) => sum + subscriber.answers.length, 0);
    expect(executions).toBe(received);
  });

  it('numbers each answer with its event\'s sequence, in increasing order',
    () => {
      const answers = board('managingZone').answers;
      const sequences = answers.map((a) => Number(a.extensions?.sequence));
      const own = answers.map((a) =>
        Number((a.data?.alertEvents as { sequence: string }).sequence));
      expect(sequences).toEqual(own);
      expect([...sequences].sort((x, y) => x - y)).toEqual(sequences);
      expect(new Set(sequences).size).toBe(sequences.length);
      expect(sequences[0]).toBeGreaterThan(beforeFirst);
    });

  it('§7.11.2: resuming from before the FALSE alert, the magistrate no '
    + 'longer gets any of its events; the managing zone gets them all',
  async () => {
    const magistrate = await subscribeAlerts(graph.stack.gatewayUrl,
      await graph.stack.token(PARTIES.competentMagistrate), BOARD,
      { variables: { since: String(beforeFirst) } });
    const police = await subscribeAlerts(graph.stack.gatewayUrl,
      await graph.stack.token(PARTIES.managingZone), BOARD,
      { variables: { since: String(beforeFirst) } });
    try {
      await waitForFact(magistrate, `${SECOND} CLASSIFIED`);
      await waitForFact(police, `${SECOND} CLASSIFIED`);
      expect(factsOf(magistrate)).toEqual(second('RAISED', 'CLASSIFIED'));
      expect(factsOf(police)).toEqual(factsOf(board('managingZone')));
    } finally {
      await magistrate.dispose();
      await police.dispose();
    }
  });
});
