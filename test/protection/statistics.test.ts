/**
 * Issue 7, §9: `Query.statistics` through the gateway, on both
 * databases, against measures made here through the mutations and
 * counted by hand. Every fixture lies in 2028, after the demo data set's
 * last day, so the figures of 2028-Q1 are these measures' alone.
 *
 *   zone (arr.)    requests  grants  refused   what happens next
 *   5339 (BRU)        6         5        1      m1..m5: a child each;
 *                                                alerts, revisits, trips,
 *                                                new facts
 *   5340 (BRU)        6         6        -      m6: alert, late revisit;
 *                                                m7..m11 end early
 *   5345 (ANT)        4         4        -      nothing
 *   5347 (ANT)        6         6        -      nothing
 */
import { SqlProtectionAdapter } from '../../adapters/protection';
import { describeEachDatabase } from '../support/databases';
import { protectionClient } from '../support/protection-subgraph';
import {
  grantInput,
  newPerson,
  pv,
  requestReadyForDecision,
  startProtectionGraph,
  type Caller,
  type ProtectionGraph,
} from './support';

const GRANTED_ON = '2028-01-10';
const Q1 = { unit: 'QUARTER', label: '2028-Q1' };
const PLACES = {
  '5339': 'BRU', '5340': 'BRU', '5345': 'ANT', '5347': 'ANT',
} as const;
type Zone = keyof typeof PLACES;

const COUNT = '{ value suppressed }';
const STAT = '{ value withheld }';
const FIGURES = `{
  requests ${COUNT} grants ${COUNT} refusals ${COUNT} activeAtEnd ${COUNT}
  newProtectedPersons {
    victims ${COUNT} children ${COUNT} relatives ${COUNT}
  }
  prolongations {
    realAlert ${COUNT} newFacts ${COUNT} reEvaluation ${COUNT}
  }
  ends {
    total ${COUNT} early ${COUNT} expired ${COUNT}
    noLongerSerious ${COUNT} misuse ${COUNT} personRequest ${COUNT}
    settledAbroad ${COUNT} settledOutsideDeployedTerritory ${COUNT}
  }
  duration { meanDays ${STAT} medianDays ${STAT} }
  alerts {
    total ${COUNT} real ${COUNT} falseAlerts ${COUNT} tests ${COUNT}
    unclassified ${COUNT} realRate ${STAT}
  }
  policeOnSite { measured ${COUNT} medianMinutes ${STAT} p90Minutes ${STAT} }
  revisits { due ${COUNT} onTime ${COUNT} }
  travelNotices { announced ${COUNT} late ${COUNT} }
}`;

const STATISTICS = /* GraphQL */ `
  query Statistics(
    $period: StatisticsPeriodInput!
    $by: [StatisticsDimension!]
    $arrondissementCode: ID
    $zoneCode: ID
  ) {
    statistics(period: $period, by: $by,
      arrondissementCode: $arrondissementCode, zoneCode: $zoneCode) {
      key
      period { unit label from to }
      scope { arrondissement { code } zone { code } }
      dimensions
      threshold
      protection {
        total ${FIGURES}
        cells {
          arrondissement { code }
          zone { code }
          protectedGender
          protectedAgeBand
          suspectGender
          suspectAgeBand
          relationship
          requestOrigin
          figures ${FIGURES}
        }
      }
    }
  }
`;

interface Count { value: number | null; suppressed: boolean }
interface Figures {
  requests: Count;
  grants: Count;
  refusals: Count;
  activeAtEnd: Count;
  [figure: string]: unknown;
}
interface Report {
  key: string;
  period: { unit: string; label: string; from: string; to: string };
  scope: { arrondissement: { code: string } | null;
    zone: { code: string } | null };
  dimensions: string[];
  threshold: number;
  protection: {
    total: Figures;
    cells: (Record<string, unknown> & { figures: Figures })[];
  };
}

const n = (value: number): Count => ({ value, suppressed: false });
const S: Count = { value: null, suppressed: true };
const shownStat = (value: number) => ({ value, withheld: false });
const withheld = { value: null, withheld: true };
const none = { value: null, withheld: false };

async function statistics(
  caller: Caller,
  variables: Record<string, unknown>,
): Promise<Report> {
  const data = await caller.data<{ statistics: Report }>(STATISTICS,
    { period: Q1, ...variables });
  return data.statistics;
}

/** Each zone's figure, by zone code, from a report by [ZONE]. */
function byZone(
  report: Report,
  figure: keyof Figures,
): Record<string, unknown> {
  return Object.fromEntries(report.protection.cells.map((cell) => [
    (cell.zone as { code: string }).code, cell.figures[figure],
  ]));
}

describeEachDatabase('issue 7: the statistics of the register', (storage) => {
  let graph: ProtectionGraph;
  const measures: Record<Zone, string[]> = {
    '5339': [], '5340': [], '5345': [], '5347': [],
  };
  /** m1..m11 of the table above: the measures of Bruxelles. */
  let m: string[] = [];

  const police = (zone: Zone) => graph.police(zone);
  const at = (instant: string) => graph.clock.set(instant);

  /** In 5339, each victim's child (11 years old) is protected too. */
  async function grantAll(zone: Zone, count: number): Promise<void> {
    const place = { zone, arrondissement: PLACES[zone] };
    for (let i = 0; i < count; i += 1) {
      const id = await requestReadyForDecision(graph, place, GRANTED_ON);
      const child = { person: newPerson('2016-05-01', 'FEMALE'),
        role: 'CHILD', discernmentRecorded: true, agreementSigned: false };
      await graph.magistrate(place.arrondissement).mutate('grantProtection',
        grantInput(id, GRANTED_ON,
          zone === '5339' ? { otherProtectedPersons: [child] } : {}));
      measures[zone].push(id);
    }
  }

  async function refuseOne(zone: Zone): Promise<void> {
    const place = { zone, arrondissement: PLACES[zone] };
    const id = await requestReadyForDecision(graph, place, GRANTED_ON);
    await graph.magistrate(place.arrondissement).mutate('refuseProtection', {
      measureId: id, decidedOn: GRANTED_ON, reasons: 'No serious risk',
      pvReference: pv(zone, GRANTED_ON),
    });
  }

  async function alerts(): Promise<void> {
    const app112 = graph.caller({ role: 'app112' });
    at('2028-01-15T12:00:00Z');
    await app112.mutate('recordAlert', {
      measureId: m[6], alertId: 'stat-7', raisedAt: '2028-01-15T09:00:00Z',
    });
    at('2028-01-20T12:00:00Z');
    const minutes = [5, 7, 9, 11, 13, 30];
    const classes = ['REAL', 'REAL', 'FALSE', 'FALSE', 'FALSE', 'TEST'];
    for (let i = 0; i < 6; i += 1) {
      const alert = { measureId: m[i], alertId: `stat-${i + 1}` };
      await app112.mutate('recordAlert',
        { ...alert, raisedAt: '2028-01-20T10:00:00Z' });
      const zone = i < 5 ? '5339' : '5340';
      const arrived = new Date(Date.parse('2028-01-20T10:00:00Z') +
        minutes[i] * 60_000).toISOString();
      await police(zone).mutate('recordPoliceArrival',
        { ...alert, arrivedAt: arrived });
      await police(zone).mutate('classifyAlert', {
        ...alert, classification: classes[i],
        classifiedAt: '2028-01-20T10:45:00Z',
        pvReference: pv(zone, '2028-01-20'),
      });
    }
  }

  async function earlyEnds(): Promise<void> {
    const ends = [['2028-01-20', 'PERSON_REQUEST'],
      ['2028-01-25', 'PERSON_REQUEST'], ['2028-01-30', 'PERSON_REQUEST'],
      ['2028-02-04', 'NO_LONGER_SERIOUS'], ['2028-02-09', 'NO_LONGER_SERIOUS']];
    for (const [i, [day, reason]] of ends.entries()) {
      at(`${day}T13:00:00Z`);
      await graph.magistrate('BRU').mutate('endProtectionEarly', {
        measureId: m[6 + i], decidedOn: day, reason,
        pvReference: pv('5340', day),
      });
    }
  }

  async function revisitsAndTrips(): Promise<void> {
    graph.clock.setDay('2028-02-15');
    for (let i = 0; i < 6; i += 1) {
      const zone = i < 5 ? '5339' : '5340';
      const doneOn = i < 5 ? '2028-02-08' : '2028-02-15';
      await police(zone).mutate('recordRevisit', {
        measureId: m[i], doneOn, pvReference: pv(zone, doneOn),
      });
    }
    graph.clock.setDay('2028-03-01');
    for (let i = 0; i < 5; i += 1) {
      const [fromDate, toDate] = i < 2
        ? ['2028-03-04', '2028-03-09'] : ['2028-03-10', '2028-03-15'];
      await police('5339').mutate('announceTravel', {
        measureId: m[i], kind: 'TRIP', zoneCode: '5345',
        announcedOn: '2028-03-01', fromDate, toDate,
      });
    }
  }

  async function newFacts(): Promise<void> {
    graph.clock.setDay('2028-03-05');
    for (let i = 0; i < 5; i += 1) {
      await police('5339').mutate('recordNewFacts', {
        measureId: m[i], reportedOn: '2028-03-05', factOn: '2028-03-04',
        pvReference: pv('5339', '2028-03-05'),
      });
    }
  }

  beforeAll(async () => {
    graph = await startProtectionGraph(storage());
    graph.clock.setDay(GRANTED_ON);
    await grantAll('5339', 5);
    await refuseOne('5339');
    await grantAll('5340', 6);
    await grantAll('5345', 4);
    await grantAll('5347', 6);
    m = [...measures['5339'], ...measures['5340']];
    await alerts();
    await earlyEnds();
    await revisitsAndTrips();
    await newFacts();
    graph.clock.setDay('2028-04-02');
  }, 300_000);

  afterAll(() => graph?.stack.cleanUp());

  const analyst = () => graph.caller({ role: 'analyst' });

  it('counts every figure of an arrondissement by hand', async () => {
    const report = await statistics(graph.magistrate('BRU'), {});

    expect(report).toMatchObject({
      key: 'v1|2028-01-01|2028-03-31|arrondissement:BRU|',
      period: { unit: 'QUARTER', label: '2028-Q1', from: '2028-01-01',
        to: '2028-03-31' },
      scope: { arrondissement: { code: 'BRU' }, zone: null },
      dimensions: [],
      threshold: 5,
    });
    expect(report.protection.cells).toEqual([]);
    expect(report.protection.total).toEqual({
      requests: n(12), grants: n(11), refusals: S, activeAtEnd: n(6),
      newProtectedPersons: { victims: n(11), children: n(5),
        relatives: n(0) },
      // No answer sums the causes: the 2 real alerts need no complement.
      prolongations: { realAlert: S, newFacts: n(5), reEvaluation: n(0) },
      ends: {
        total: n(5), early: n(5), expired: n(0), noLongerSerious: S,
        misuse: n(0), personRequest: S, settledAbroad: n(0),
        settledOutsideDeployedTerritory: n(0),
      },
      // 10, 15, 20, 25 and 30 days.
      duration: { meanDays: shownStat(20), medianDays: shownStat(20) },
      alerts: {
        total: n(7), real: S, falseAlerts: S, tests: S, unclassified: S,
        realRate: withheld,
      },
      // 5, 7, 9, 11, 13 and 30 minutes.
      policeOnSite: { measured: n(6), medianMinutes: shownStat(10),
        p90Minutes: shownStat(30) },
      // 6 due, 5 on time: with 6 shown, 5 would give the 1 late back.
      revisits: { due: n(6), onTime: S },
      travelNotices: { announced: n(5), late: S },
    });
  });

  it('shows a zone of 5, hides one of 4 and the zone that would give it back',
    async () => {
      const report = await statistics(analyst(), { by: ['ZONE'] });

      expect(report.scope).toEqual({ arrondissement: null, zone: null });
      expect(byZone(report, 'grants')).toEqual({
        5339: n(5), 5340: n(6), 5345: S, 5347: S,
      });
      expect(byZone(report, 'requests')).toEqual({
        5339: n(6), 5340: n(6), 5345: S, 5347: S,
      });
      expect(report.protection.total.grants).toEqual(n(21));
      expect(report.protection.total.requests).toEqual(n(22));
      expect(report.protection.total.refusals).toEqual(S);
    });

  it('breaks the cells down by arrondissement and the victim\'s age band',
    async () => {
      const report = await statistics(analyst(),
        { by: ['ARRONDISSEMENT', 'PROTECTED_AGE_BAND'] });

      // Every victim was born on 14 March 1990: 37 on the decision day.
      expect(report.protection.cells.map((cell) => ({
        arrondissement: cell.arrondissement, band: cell.protectedAgeBand,
        zone: cell.zone, grants: cell.figures.grants,
      }))).toEqual([
        { arrondissement: { code: 'ANT' }, band: 'FROM_35_TO_44',
          zone: null, grants: n(10) },
        { arrondissement: { code: 'BRU' }, band: 'FROM_35_TO_44',
          zone: null, grants: n(11) },
      ]);
    });

  it('gives a zone of 4 its figures suppressed, shown as suppressed, not 0',
    async () => {
      const report = await statistics(police('5345'), {});

      expect(report.scope).toEqual(
        { arrondissement: { code: 'ANT' }, zone: { code: '5345' } });
      expect(report.protection.total).toMatchObject({
        requests: S, grants: S, refusals: n(0), activeAtEnd: S,
      });
    });

  it('shows a zone of 5 to its own police', async () => {
    const report = await statistics(police('5339'), {});

    expect(report.protection.total).toMatchObject({
      requests: n(6), grants: n(5), refusals: S, activeAtEnd: n(5),
    });
  });

  it('carries no measure id and no national number', async () => {
    const report = await statistics(analyst(),
      { by: ['ZONE', 'PROTECTED_GENDER', 'SUSPECT_GENDER'] });
    const text = JSON.stringify(report);

    for (const id of Object.values(measures).flat()) {
      expect(text).not.toContain(id);
    }
    expect(text).not.toMatch(/\d{11}/);
  });

  it('refuses a magistrate another arrondissement', async () => {
    const error = await graph.magistrate('BRU').error(STATISTICS,
      { period: Q1, arrondissementCode: 'ANT' });

    expect(error.code).toBe('FORBIDDEN');
  });

  it('refuses a police zone another zone, or its whole arrondissement',
    async () => {
      for (const scope of [{ zoneCode: '5340' },
        { arrondissementCode: 'BRU' }]) {
        const error = await police('5339').error(STATISTICS,
          { period: Q1, ...scope });
        expect(error.code).toBe('FORBIDDEN');
      }
    });

  it('refuses victim support, the 112 system and a CIC', async () => {
    const callers = [graph.victimSupport('BRU'),
      graph.caller({ role: 'app112' }), graph.cic('BE-BRU')];
    for (const caller of callers) {
      const error = await caller.error(STATISTICS, { period: Q1 });
      expect(error.code).toBe('FORBIDDEN');
    }
  });

  it('judges the caller again when another subgraph names the report by key',
    async () => {
      const { adapter } = graph.stack.subgraphs.protection;
      if (!(adapter instanceof SqlProtectionAdapter)) throw new Error('no SQL');
      const client = protectionClient(adapter, '2028-04-02T09:00:00Z');
      const query = `query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on StatisticsReport { key protection { total {
            grants { value suppressed } } } }
        }
      }`;
      const key = 'v1|2028-01-01|2028-03-31|arrondissement:BRU|';
      const variables = {
        representations: [{ __typename: 'StatisticsReport', key }],
      };
      try {
        const own = await client.run(
          { subject: 'mag-bru', role: 'magistrate', arrondissement: 'BRU' },
          query, variables);
        const other = await client.run(
          { subject: 'mag-ant', role: 'magistrate', arrondissement: 'ANT' },
          query, variables);

        expect(own.data).toEqual({ _entities: [{ key,
          protection: { total: { grants: n(11) } } }] });
        expect(other.data).toEqual({ _entities: [null] });
        expect(other.errors?.map((e) => e.extensions?.code))
          .toEqual(['FORBIDDEN']);
      } finally {
        await client.stop();
      }
    });

  it('refuses a period it cannot read, naming the argument', async () => {
    const cases = [
      [{ unit: 'QUARTER', label: '2028-Q5' }, 'period.label',
        'INVALID_PERIOD_LABEL'],
      [{ unit: 'CUSTOM', from: '2028-03-01', to: '2028-02-01' }, 'period.to',
        'PERIOD_REVERSED'],
      [{ unit: 'CUSTOM', from: '2028-03-01' }, 'period.to',
        'PERIOD_DATES_REQUIRED'],
    ] as const;
    for (const [period, argument, reason] of cases) {
      const error = await analyst().error(STATISTICS, { period });
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT',
        extensions: { argument, reason } });
    }
  });

  it('refuses more than 4 dimensions', async () => {
    const error = await analyst().error(STATISTICS, { period: Q1,
      by: ['ZONE', 'RELATIONSHIP', 'REQUEST_ORIGIN', 'SUSPECT_GENDER',
        'PROTECTED_GENDER'] });

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT',
      extensions: { argument: 'by', reason: 'TOO_MANY_DIMENSIONS' } });
  });
});
