/**
 * The 112 app's daily reports through the gateway, on both databases
 * (§3): the app sends them, and the managing zone of a device's measure
 * sees the ones that went quiet or low. Each graph's clock starts at
 * 09:00 UTC on the demo data set's reference day.
 */
import { DEMO } from '../storage/demo-data';
import { TestClock } from './support/clock';
import { describeEachDatabase } from './support/databases';
import { postGraphQL, startDemoGraph } from './support/graph';


const NOW = `${DEMO.referenceDate}T09:00:00.000Z`;
const HOUR_MS = 60 * 60 * 1000;
/** The running graph's clock; each database's graph gets a new one. */
let clock = new TestClock(NOW);

/** An instant `hours` before the clock's now. */
function hoursAgo(hours: number): string {
  return new Date(Date.parse(NOW) - hours * HOUR_MS).toISOString();
}

type Stack = Awaited<ReturnType<typeof startDemoGraph>>;

const INGEST = /* GraphQL */ `
  mutation ($input: IngestDailyReportInput!) {
    ingestDailyReport(input: $input) {
      reportId
      serial
      report { receivedAt batteryPercent lastContactAt alarmPressed }
    }
  }
`;

const ISSUES = /* GraphQL */ `
  query {
    deviceIssues {
      device { serial lastReport { batteryPercent } }
      kind
      measure { id status }
    }
  }
`;

/** Zone 5339 (Bruxelles) keeps four assigned buttons, one per measure. */
const ZONE = '5339';
/** Rupel, the zone that manages the demo measure 001. */
const ZONE_OF_MEASURE_001 = '5347';
const BUTTONS = {
  quiet25h: 'DEMO-BTN-0002',
  quiet23h: 'DEMO-BTN-0007',
  battery19: 'DEMO-BTN-0010',
  battery20: 'DEMO-BTN-0016',
} as const;

function report(
  reportId: string,
  serial: string,
  overrides: Record<string, unknown> = {},
) {
  return {
    reportId,
    serial,
    receivedAt: hoursAgo(0.25),
    batteryPercent: 80,
    lastContactAt: hoursAgo(0.5),
    alarmPressed: false,
    ...overrides,
  };
}

describeEachDatabase('the 112 app\'s daily reports', (storage) => {
  let stack: Stack;
  let app: string;
  let police: string;
  let policeOfMeasure001: string;

  beforeAll(async () => {
    clock = new TestClock(NOW);
    stack = await startDemoGraph(storage(), { clock: clock });
    app = await stack.token({ role: 'app112' });
    police = await stack.token({ role: 'police', zone: ZONE });
    policeOfMeasure001 = await stack.token(
      { role: 'police', zone: ZONE_OF_MEASURE_001 });
  }, 120_000);

  afterAll(() => stack?.cleanUp());

  function ingest(input: object, token = app) {
    return postGraphQL<{ ingestDailyReport: unknown }>(stack.gatewayUrl,
      INGEST, { token, variables: { input } });
  }

  /** The last report of the demo measure 001's button, as the graph says. */
  async function lastReportOfButton(): Promise<unknown> {
    const { body } = await postGraphQL<{
      protectionMeasure: { devices: { serial: string; lastReport: unknown }[] };
    }>(stack.gatewayUrl, `query ($id: ID!) {
      protectionMeasure(id: $id) {
        devices { serial lastReport { receivedAt batteryPercent } }
      }
    }`, { token: policeOfMeasure001,
      variables: { id: DEMO.measureIds.activeWithEverything } });
    return body.data?.protectionMeasure.devices.find((device) =>
      device.serial === DEMO.serials.buttonOfActiveWithEverything)
      ?.lastReport;
  }

  describe('ingestDailyReport (§3)', () => {
    const button = DEMO.serials.buttonOfActiveWithEverything;
    const sent = report('app-r-1', button, {
      receivedAt: '2026-12-01T09:50:00+01:00',
      lastContactAt: '2026-12-01T09:40:00+01:00',
      batteryPercent: 57,
      alarmPressed: true,
    });
    const stored = {
      reportId: 'app-r-1',
      serial: button,
      report: {
        receivedAt: '2026-12-01T08:50:00.000Z',
        batteryPercent: 57,
        lastContactAt: '2026-12-01T08:40:00.000Z',
        alarmPressed: true,
      },
    };

    it('stores the report, which becomes the device\'s last', async () => {
      const { body } = await ingest(sent);
      expect(body.errors).toBeUndefined();
      expect(body.data?.ingestDailyReport).toEqual(stored);
      expect(await lastReportOfButton()).toEqual(
        { receivedAt: '2026-12-01T08:50:00.000Z', batteryPercent: 57 });
    });

    it('answers the same when the app sends the report again', async () => {
      const { body } = await ingest(sent);
      expect(body.errors).toBeUndefined();
      expect(body.data?.ingestDailyReport).toEqual(stored);
    });

    it('refuses other content under the same report id', async () => {
      const { body } = await ingest({ ...sent, batteryPercent: 12 });
      expect(body.errors).toEqual([expect.objectContaining({
        message: expect.stringContaining(
          'The daily report app-r-1 was already received with other content'),
        extensions: expect.objectContaining(
          { code: 'CONFLICT', reason: 'DAILY_REPORT_CONFLICT' }),
      })]);
    });

    it('refuses a serial the inventory does not know', async () => {
      const { body } = await ingest(report('app-r-2', 'DEMO-BTN-9999'));
      expect(body.data).toBeNull();
      expect(body.errors).toEqual([expect.objectContaining({
        message: expect.stringContaining(
          'No device has the serial DEMO-BTN-9999'),
        extensions: expect.objectContaining({ code: 'NOT_FOUND' }),
      })]);
    });

    it.each([
      ['a battery over 100', { batteryPercent: 101 }, 'batteryPercent'],
      ['a battery under 0', { batteryPercent: -1 }, 'batteryPercent'],
      ['a last contact after the arrival',
        { lastContactAt: hoursAgo(0.1) }, 'lastContactAt'],
      ['a report from the future', { receivedAt: hoursAgo(-1) },
        'receivedAt'],
      ['a day that is not ISO 8601', { receivedAt: '01/12/2026 09:50' },
        'DateTime'],
      ['an instant without offset', { lastContactAt: '2026-12-01T08:40:00' },
        'DateTime'],
    ])('refuses %s with BAD_USER_INPUT and changes nothing',
      async (_, overrides, named) => {
        const { body } = await ingest(
          report('app-r-3', button, { batteryPercent: 5, ...overrides }));
        expect(body.data ?? null).toBeNull();
        expect(body.errors).toEqual([expect.objectContaining({
          message: expect.stringContaining(named),
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        })]);
        expect(await lastReportOfButton()).toEqual(
          { receivedAt: '2026-12-01T08:50:00.000Z', batteryPercent: 57 });
      });

    it.each([
      ['police', { role: 'police', zone: ZONE }, 'police of 5339'],
      ['cic', { role: 'cic', province: 'BE-BRU' }, 'cic of BE-BRU'],
      ['magistrate', { role: 'magistrate', arrondissement: 'BRU' },
        'magistrate of BRU'],
      ['victim-support', { role: 'victim-support', arrondissement: 'BRU' },
        'victim-support of BRU'],
      ['analyst', { role: 'analyst' }, 'analyst'],
    ] as const)('refuses the role %s with FORBIDDEN',
      async (_, claims, caller) => {
        const token = await stack.token(claims);
        const { body } = await ingest(report('app-r-4', button), token);
        expect(body.data ?? null).toBeNull();
        expect(body.errors).toEqual([expect.objectContaining({
          message: 'Mutation.ingestDailyReport is for app112; '
            + `this caller is ${caller}.`,
          path: ['ingestDailyReport'],
          extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
        })]);
        // The report id was not used up: the app may still send it.
        const { body: sentByApp } = await ingest(
          report('app-r-4', DEMO.serials.phoneOfActiveWithEverything));
        expect(sentByApp.errors).toBeUndefined();
      });
  });

  describe('deviceIssues (§3)', () => {
    async function issues(token = police) {
      const { body } = await postGraphQL<{
        deviceIssues: {
          device: { serial: string };
          kind: string;
          measure: { id: string; status: string };
        }[];
      }>(stack.gatewayUrl, ISSUES, { token });
      expect(body.errors).toBeUndefined();
      return body.data?.deviceIssues ?? [];
    }

    it('shows the zone the button whose reports stopped days ago',
      async () => {
        const token = await stack.token({ role: 'police', zone: '5416' });
        expect(await issues(token)).toEqual([{
          device: { serial: DEMO.serials.staleReport,
            lastReport: { batteryPercent: expect.any(Number) } },
          kind: 'NO_RECENT_CONTACT',
          measure: { id: DEMO.measureIds.activeEndingSoon, status: 'ACTIVE' },
        }]);
      });

    it('lists a contact 25 hours old and a battery at 19%, not a contact '
      + '23 hours old nor a battery at 20%', async () => {
      expect(await issues()).toEqual([]);
      const reports = [
        report('z-1', BUTTONS.quiet25h, { lastContactAt: hoursAgo(25) }),
        report('z-2', BUTTONS.quiet23h, { lastContactAt: hoursAgo(23) }),
        report('z-3', BUTTONS.battery19, { batteryPercent: 19 }),
        report('z-4', BUTTONS.battery20, { batteryPercent: 20 }),
      ];
      for (const sent of reports) {
        const { body } = await ingest(sent);
        expect(body.errors).toBeUndefined();
      }

      expect((await issues()).map((issue) =>
        [issue.device.serial, issue.kind, issue.measure.status])).toEqual([
        [BUTTONS.quiet25h, 'NO_RECENT_CONTACT', 'ACTIVE'],
        [BUTTONS.battery19, 'LOW_BATTERY', 'ACTIVE'],
      ]);
    });

    it('joins each issue to its measure', async () => {
      const [quiet] = await issues();
      expect(quiet?.measure.id).toBe(DEMO.measureIds.activeWithoutAntecedents);
    });

    it('drops a device once a fresh report comes, and holds a contact '
      + 'exactly 24 hours old on time', async () => {
      clock.set(hoursAgo(-1));
      const { body } = await ingest(report('z-5', BUTTONS.quiet25h,
        { receivedAt: hoursAgo(-0.9), lastContactAt: hoursAgo(-0.85) }));
      expect(body.errors).toBeUndefined();
      // An hour on, the contact of 23 hours ago is 24 hours old.
      expect((await issues()).map((issue) => issue.device.serial))
        .toEqual([BUTTONS.battery19]);
    });

    it.each([
      ['magistrate', { role: 'magistrate', arrondissement: 'BRU' },
        'magistrate of BRU'],
      ['cic', { role: 'cic', province: 'BE-BRU' }, 'cic of BE-BRU'],
      ['app112', { role: 'app112' }, 'app112'],
    ] as const)('refuses the role %s with FORBIDDEN',
      async (_, claims, caller) => {
        const token = await stack.token(claims);
        const { body } = await postGraphQL(stack.gatewayUrl, ISSUES, { token });
        expect(body.data ?? null).toBeNull();
        expect(body.errors).toEqual([expect.objectContaining({
          message: `Query.deviceIssues is for police; this caller is ${caller}.`,
          path: ['deviceIssues'],
          extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
        })]);
      });
  });
});
