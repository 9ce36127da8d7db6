/**
 * Issue 7, §9: the devices' and victim support's figures of
 * `Query.statistics` through the gateway, on both databases. The
 * fixtures are written here through the agency adapters, in 2028, after
 * the demo data set's last day; the demo stock is counted by hand.
 *
 *   devices      NAM (no stock available): 4 measures of zone 5303 and 5
 *                of zone 5306 find no button on 2028-01-10, 9 shortages;
 *                LIE: one measure of 5277 gets button 0034 (kept by the
 *                arrondissement) on 2028-02-01.
 *   demo stock   NAM 5303: 6 devices assigned to 5 persons, 1 in repair;
 *                LIE 5276: 2 assigned to 1 person, 1 available;
 *                LIE 5277: 1 assigned; LIE itself: 1 available (0034),
 *                1 lost.
 *   referrals    BRU 5, ANT 4, LIE 6 on 2028-01-10, each person reached
 *                on 2028-01-12; 4 of BRU and the 6 of LIE take the first
 *                offer up on 2028-01-15.
 */
import { SqlDevicesAdapter } from '../../adapters/devices';
import { SqlVictimSupportAdapter } from '../../adapters/victim-support';
import type { Identity } from '../../runtime/identity';
import { devicesSubgraph } from '../../subgraphs/devices';
import { victimSupportSubgraph } from '../../subgraphs/victim-support';
import { describeEachDatabase } from '../support/databases';
import { subgraphClient } from '../support/subgraph';
import { pv, startProtectionGraph, type ProtectionGraph } from './support';

const Q1 = { unit: 'QUARTER', label: '2028-Q1' };
const JANUARY = { unit: 'MONTH', label: '2028-01' };

const COUNT = '{ value suppressed }';
const DEVICES = `{
  stockAtEnd {
    available ${COUNT} assigned ${COUNT} inRepair ${COUNT} lost ${COUNT}
    returned ${COUNT}
  }
  assignments ${COUNT}
  shortages { opened ${COUNT} resolved ${COUNT} }
}`;
const SUPPORT = `{
  referrals ${COUNT} firstContacts ${COUNT}
  offersMade { initial ${COUNT} renewal ${COUNT} }
  offersTakenUp { initial ${COUNT} renewal ${COUNT} }
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
      devices {
        total ${DEVICES}
        cells { arrondissement { code } zone { code } figures ${DEVICES} }
      }
      victimSupport {
        total ${SUPPORT}
        cells { arrondissement { code } figures ${SUPPORT} }
      }
    }
  }
`;

interface Count { value: number | null; suppressed: boolean }
type Figures = Record<string, Count | Record<string, Count>>;
interface Cell {
  arrondissement: { code: string } | null;
  zone?: { code: string } | null;
  figures: Figures;
}
interface Report {
  key: string;
  devices: { total: Figures; cells: Cell[] };
  victimSupport: { total: Figures; cells: Cell[] } | null;
}

const n = (value: number): Count => ({ value, suppressed: false });
const S: Count = { value: null, suppressed: true };

/** A cell's place: its zone's code, else its arrondissement's. */
function placeOf(cell: Cell): string {
  return cell.zone?.code ?? cell.arrondissement?.code ?? 'none';
}

/** One figure of every cell, by place. */
function byPlace(
  cells: readonly Cell[],
  read: (figures: Figures) => unknown,
): Record<string, unknown> {
  return Object.fromEntries(cells.map((cell) =>
    [placeOf(cell), read(cell.figures)]));
}

const stock = (field: string) => (figures: Figures) =>
  (figures.stockAtEnd as Record<string, Count>)[field];

describeEachDatabase('issue 7: the figures of devices and victim support',
  (storage) => {
    let graph: ProtectionGraph;
    let devices: SqlDevicesAdapter;
    let support: SqlVictimSupportAdapter;

    const analyst = () => graph.caller({ role: 'analyst' });

    async function statistics(
      caller: ReturnType<ProtectionGraph['caller']>,
      variables: Record<string, unknown>,
    ): Promise<Report> {
      const data = await caller.data<{ statistics: Report }>(STATISTICS,
        { period: Q1, ...variables });
      return data.statistics;
    }

    async function shortages(zoneCode: string, count: number) {
      for (let i = 0; i < count; i += 1) {
        const answer = await devices.assignDevice({
          measureId: `stat-nam-${zoneCode}-${i}`,
          nationalNumber: `880101${zoneCode}${i}`.slice(0, 11),
          arrondissementCode: 'NAM', zoneCode, assignedOn: '2028-01-10',
        });
        expect(answer).toEqual({ shortage: true });
      }
    }

    async function referrals(
      arrondissementCode: string,
      count: number,
      takenUp: number,
    ) {
      for (let i = 0; i < count; i += 1) {
        const measureId = `stat-vs-${arrondissementCode}-${i}`;
        const referral = await support.refer({
          measureId, arrondissementCode, referredOn: '2028-01-10',
          pvReference: pv('5339', '2028-01-10'),
          plannedEndDate: '2028-07-10',
        });
        await support.recordPersonContacted(
          { referralId: referral.id, contactedOn: '2028-01-12' });
        if (i < takenUp) {
          await support.recordOfferAnswer({
            referralId: referral.id, offerKind: 'INITIAL', accepted: true,
            answeredOn: '2028-01-15',
          });
        }
      }
    }

    beforeAll(async () => {
      graph = await startProtectionGraph(storage());
      const opened = graph.stack.subgraphs;
      if (!(opened.devices.adapter instanceof SqlDevicesAdapter) ||
        !(opened['victim-support'].adapter instanceof
          SqlVictimSupportAdapter)) {
        throw new Error('The test graph runs the SQL adapters');
      }
      devices = opened.devices.adapter;
      support = opened['victim-support'].adapter;
      await shortages('5303', 4);
      await shortages('5306', 5);
      const lie = await devices.assignDevice({
        measureId: 'stat-lie-5277', nationalNumber: '88010152771',
        arrondissementCode: 'LIE', zoneCode: '5277',
        assignedOn: '2028-02-01',
      });
      expect(lie).toMatchObject({ device: { serial: 'DEMO-BTN-0034' } });
      await referrals('BRU', 5, 4);
      await referrals('ANT', 4, 0);
      await referrals('LIE', 6, 6);
    }, 120_000);

    afterAll(() => graph?.stack.cleanUp());

    describe('devices', () => {
      it('counts the shortages opened by zone, a cell of 4 and its '
        + 'complement suppressed, the total shown', async () => {
        const report = await statistics(graph.magistrate('NAM'),
          { by: ['ZONE'] });
        const opened = (f: Figures) =>
          (f.shortages as Record<string, Count>).opened;

        expect(report.key).toBe('v1|2028-01-01|2028-03-31|arrondissement:NAM|ZONE');
        expect(opened(report.devices.total)).toEqual(n(9));
        expect(byPlace(report.devices.cells, opened))
          .toEqual({ 5303: S, 5306: S });
      });

      it('shows the stock on the shelf whole, and the devices held by 5 '
        + 'persons', async () => {
        const report = await statistics(graph.magistrate('NAM'),
          { by: ['ZONE'] });

        expect(byPlace(report.devices.cells, stock('assigned')))
          .toEqual({ 5303: n(6), 5306: n(0) });
        expect(byPlace(report.devices.cells, stock('inRepair')))
          .toEqual({ 5303: n(1), 5306: n(0) });
        expect(report.devices.total.stockAtEnd).toEqual({
          available: n(0), assigned: n(6), inRepair: n(1), lost: n(0),
          returned: n(0),
        });
      });

      it('counts a device with the zone answering for it while assigned, '
        + 'suppressed under 5 persons, and on the shelf before', async () => {
        const report = await statistics(graph.magistrate('LIE'),
          { by: ['ZONE'] });
        const january = await statistics(graph.magistrate('LIE'),
          { period: JANUARY, by: ['ZONE'] });

        expect(report.devices.total.assignments).toEqual(S);
        expect(byPlace(report.devices.cells, stock('assigned')))
          .toEqual({ 5276: S, 5277: S, LIE: n(0) });
        expect(byPlace(report.devices.cells, stock('available')))
          .toEqual({ 5276: n(1), 5277: n(0), LIE: n(0) });
        expect(byPlace(january.devices.cells, stock('available')))
          .toEqual({ 5276: n(1), 5277: n(0), LIE: n(1) });
        expect(byPlace(january.devices.cells, stock('lost')))
          .toEqual({ 5276: n(0), 5277: n(0), LIE: n(1) });
      });

      it('leaves the person dimensions out of the inventory\'s cells',
        async () => {
          const report = await statistics(graph.magistrate('NAM'),
            { by: ['PROTECTED_GENDER'] });

          expect(report.devices.cells).toEqual([]);
          expect(report.devices.total.shortages)
            .toEqual({ opened: n(9), resolved: n(0) });
        });
    });

    describe('victim support', () => {
      const referralsOf = (f: Figures) => f.referrals;
      const takenUp = (f: Figures) =>
        (f.offersTakenUp as Record<string, Count>).initial;

      it('suppresses a cell of 4, and the cell of 5 the total would give '
        + 'it back by', async () => {
        const report = await statistics(analyst(),
          { by: ['ARRONDISSEMENT'] });
        const cells = report.victimSupport!.cells;

        expect(report.victimSupport!.total.referrals).toEqual(n(15));
        expect(byPlace(cells, referralsOf))
          .toEqual({ ANT: S, BRU: S, LIE: n(6) });
        expect(byPlace(cells, (f) => f.firstContacts))
          .toEqual({ ANT: S, BRU: S, LIE: n(6) });
        expect(report.victimSupport!.total.offersTakenUp)
          .toEqual({ initial: n(10), renewal: n(0) });
        expect(byPlace(cells, takenUp))
          .toEqual({ ANT: n(0), BRU: S, LIE: S });
      });

      it('gives its figures by arrondissement to a report by zone',
        async () => {
          const report = await statistics(analyst(), { by: ['ZONE'] });

          expect(report.victimSupport!.cells.map((cell) => cell.arrondissement))
            .toEqual([{ code: 'ANT' }, { code: 'BRU' }, { code: 'LIE' }]);
          expect(byPlace(report.victimSupport!.cells, referralsOf))
            .toEqual({ ANT: S, BRU: S, LIE: n(6) });
        });

      it('shows a cell of 5 standing alone', async () => {
        const report = await statistics(graph.magistrate('BRU'), {});

        expect(report.victimSupport!.total).toEqual({
          referrals: n(5), firstContacts: n(5),
          offersMade: { initial: n(5), renewal: n(0) },
          offersTakenUp: { initial: S, renewal: n(0) },
        });
      });

      it('answers no figures for a zone, whose referrals it cannot tell',
        async () => {
          const report = await statistics(graph.police('5339'), {});

          expect(report.victimSupport).toBeNull();
          expect(report.devices.total.assignments).toEqual(n(0));
        });
    });

    describe('the report named by its key', () => {
      const key = 'v1|2028-01-01|2028-03-31|arrondissement:NAM|';
      const own: Identity =
        { subject: 'mag-nam', role: 'magistrate', arrondissement: 'NAM' };
      const other: Identity =
        { subject: 'mag-ant', role: 'magistrate', arrondissement: 'ANT' };
      const representations = [{ __typename: 'StatisticsReport', key }];

      it.each([
        ['devices', () => subgraphClient(devicesSubgraph(devices)),
          'devices { total { shortages { opened { value } } } }',
          { devices: { total: { shortages: { opened: { value: 9 } } } } }],
        ['victim support',
          () => subgraphClient(victimSupportSubgraph(support)),
          'victimSupport { total { referrals { value } } }',
          { victimSupport: { total: { referrals: { value: 0 } } } }],
      ] as const)('judges the caller again in %s: another arrondissement '
        + 'is FORBIDDEN', async (_, open, fields, expected) => {
        const client = open();
        const query = `query ($representations: [_Any!]!) {
          _entities(representations: $representations) {
            ... on StatisticsReport { key ${fields} }
          }
        }`;
        try {
          const mine = await client.run(own, query, { representations });
          const theirs = await client.run(other, query, { representations });

          expect(mine.data).toEqual({ _entities: [{ key, ...expected }] });
          expect(theirs.data).toEqual({ _entities: [null] });
          expect(theirs.errors?.map((e) => e.extensions?.code))
            .toEqual(['FORBIDDEN']);
        } finally {
          await client.stop();
        }
      });
    });
  });
