/**
 * §7.2.3 through the gateway, on both databases: when the file of a
 * measure goes to another zone and parquet, the victim support service
 * and the devices follow it. The new service finds the referral in its
 * work list, the new managing zone sees the devices' daily reports.
 */
import { describeEachDatabase } from '../support/databases';
import {
  applyEffects,
  grantedMeasure,
  passTime,
  pv,
  startProtectionGraph,
  type MeasurePlace,
  type ProtectionGraph,
} from './support';

const TODAY = '2028-03-15';
const HOUR_MS = 60 * 60 * 1000;
/** Antwerpen and Bruxelles-Capitale/Ixelles, both deployed. */
const ANTWERPEN: MeasurePlace = { zone: '5345', arrondissement: 'ANT' };
const BRUXELLES: MeasurePlace = { zone: '5339', arrondissement: 'BRU' };

const WORK_LIST = /* GraphQL */ `
  query { victimSupportWorkList { referralsToContact { id } } }
`;

const ISSUES = /* GraphQL */ `
  query { deviceIssues { device { serial } kind measure { id } } }
`;

const FOLLOWERS = /* GraphQL */ `
  query ($id: ID!) {
    protectionMeasure(id: $id) {
      referral { id arrondissementCode notices { kind date } }
      devices { serial }
      grantRegistration { zoneCode arrondissementCode }
      effects { kind status }
    }
  }
`;

const INGEST = /* GraphQL */ `
  mutation ($input: IngestDailyReportInput!) {
    ingestDailyReport(input: $input) { reportId }
  }
`;

interface Followers {
  protectionMeasure: {
    referral: {
      id: string;
      arrondissementCode: string;
      notices: { kind: string; date: string }[];
    };
    devices: { serial: string }[];
    grantRegistration: { zoneCode: string; arrondissementCode: string };
    effects: { kind: string; status: string }[];
  };
}

interface Issue {
  device: { serial: string };
  kind: string;
  measure: { id: string } | null;
}

describeEachDatabase('a move to another deployed territory (§7.2.3)',
  (storage) => {
    let graph: ProtectionGraph;

    beforeAll(async () => {
      graph = await startProtectionGraph(storage());
      graph.clock.setDay(TODAY);
    }, 120_000);

    afterAll(() => graph?.stack.cleanUp());

    /** Granted in Antwerpen, moved to Bruxelles, acknowledged there. */
    async function transferredMeasure(): Promise<string> {
      const id = await grantedMeasure(graph, ANTWERPEN, TODAY);
      await graph.police(ANTWERPEN.zone).mutate('recordMove', {
        measureId: id,
        movedOn: TODAY,
        pvReference: pv(ANTWERPEN.zone, TODAY),
        newZoneCode: BRUXELLES.zone,
      });
      await graph.magistrate(BRUXELLES.arrondissement).mutate(
        'acknowledgeTransfer', { measureId: id, acknowledgedOn: TODAY });
      await applyEffects(graph);
      return id;
    }

    async function followersOf(id: string) {
      const data = await graph.magistrate(BRUXELLES.arrondissement)
        .data<Followers>(FOLLOWERS, { id });
      return data.protectionMeasure;
    }

    async function toContact(arrondissement: string): Promise<string[]> {
      const service = graph.caller({ role: 'victim-support', arrondissement });
      const data = await service.data<{
        victimSupportWorkList: { referralsToContact: { id: string }[] };
      }>(WORK_LIST);
      return data.victimSupportWorkList.referralsToContact
        .map((referral) => referral.id);
    }

    async function issuesOf(zone: string): Promise<Issue[]> {
      const data = await graph.police(zone)
        .data<{ deviceIssues: Issue[] }>(ISSUES);
      return data.deviceIssues;
    }

    it('§7.2.3: the referral goes to the new arrondissement\'s service, '
      + 'which is told where it comes from', async () => {
        const id = await transferredMeasure();
        const { referral, effects, grantRegistration } = await followersOf(id);
        // §7.13.1: the registration follows the file too.
        expect(grantRegistration.arrondissementCode)
          .toBe(BRUXELLES.arrondissement);

        expect(effects.filter((effect) => effect.status !== 'DONE'))
          .toEqual([]);
        expect(effects.map((effect) => effect.kind)).toEqual(
          expect.arrayContaining([
            'DEVICES_ZONE_REASSIGNMENT',
            'VICTIM_SUPPORT_REFERRAL_TRANSFER',
          ]));
        expect(referral.arrondissementCode).toBe(BRUXELLES.arrondissement);
        expect(referral.notices.at(-1))
          .toEqual({ kind: 'TRANSFER', date: TODAY });
        expect(await toContact(BRUXELLES.arrondissement))
          .toContain(referral.id);
        expect(await toContact(ANTWERPEN.arrondissement))
          .not.toContain(referral.id);
      });

    it('§7.2.3, §3: the new managing zone sees the daily reports of the '
      + 'measure\'s devices, the old one no longer', async () => {
        const id = await transferredMeasure();
        const { devices } = await followersOf(id);
        expect(devices.length).toBeGreaterThan(0);
        const serials = devices.map((device) => device.serial);

        const app = graph.caller({ role: 'app112' });
        const now = Date.parse(graph.clock.now());
        for (const serial of serials) {
          await app.data(INGEST, { input: {
            reportId: `move-${serial}-${now}`,
            serial,
            receivedAt: new Date(now - HOUR_MS).toISOString(),
            batteryPercent: 80,
            lastContactAt: new Date(now - 2 * HOUR_MS).toISOString(),
            alarmPressed: false,
          } });
        }
        passTime(graph, 25 * HOUR_MS);

        const seen = (issues: Issue[]) => issues
          .filter((issue) => serials.includes(issue.device.serial))
          .map(({ device, kind, measure }) =>
            ({ serial: device.serial, kind, measure: measure?.id }));
        expect(seen(await issuesOf(BRUXELLES.zone))).toEqual(
          serials.map((serial) =>
            ({ serial, kind: 'NO_RECENT_CONTACT', measure: id })));
        expect(seen(await issuesOf(ANTWERPEN.zone))).toEqual([]);
      });
  });
