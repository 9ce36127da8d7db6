/**
 * The devices subgraph in-process, over the SQL inventory on both
 * databases: what a client sends is refused before anything is written,
 * and "now" is the clock the subgraph was given.
 */
import { openSqlDevicesAdapter } from '../../adapters/devices';
import type { DevicesAdapter } from '../../adapters/devices/types';
import type { Identity } from '../../runtime/identity';
import { DEMO, generateDemoData } from '../../storage/demo-data';
import { describeEachDatabase } from '../../test/support/databases';
import {
  subgraphClient,
  type SubgraphClient,
} from '../../test/support/subgraph';
import { fixedClock } from '../protection/domain/clock';
import { devicesSubgraph } from './index';

const APP: Identity = { subject: 'app-112', role: 'app112' };
const POLICE: Identity = { subject: 'p-1', role: 'police', zone: '5416' };
const BUTTON = DEMO.serials.buttonOfActiveWithEverything;

const INGEST = /* GraphQL */ `
  mutation ($input: IngestDailyReportInput!) {
    ingestDailyReport(input: $input) { reportId }
  }
`;

describeEachDatabase('devicesSubgraph', (getOptions) => {
  let adapter: DevicesAdapter;

  beforeAll(async () => {
    adapter = await openSqlDevicesAdapter(getOptions(),
      { seedDemo: generateDemoData() });
  });

  afterAll(() => adapter.close());

  /** The subgraph with its clock stopped at `now`. */
  function at(now: string): SubgraphClient {
    return subgraphClient(devicesSubgraph(adapter,
      { clock: fixedClock(now) }));
  }

  it.each([
    ['a day that is not ISO 8601', { receivedAt: '01/12/2026 09:50' }],
    ['an instant without offset', { lastContactAt: '2026-12-01T08:40:00' }],
  ])('refuses %s with BAD_USER_INPUT, writing nothing', async (_, bad) => {
    const client = at('2026-12-01T09:00:00Z');
    const result = await client.run(APP, INGEST, { input: {
      reportId: 'bad-1',
      serial: BUTTON,
      receivedAt: '2026-12-01T08:50:00Z',
      batteryPercent: 50,
      lastContactAt: '2026-12-01T08:40:00Z',
      alarmPressed: false,
      ...bad,
    } });
    await client.stop();
    expect(result.errors).toEqual([expect.objectContaining({
      message: expect.stringContaining('DateTime must be an ISO 8601 instant'),
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    })]);
    const [device] = await adapter.devicesBySerial([BUTTON]);
    expect(device?.lastReport?.batteryPercent).not.toBe(50);
  });

  it('judges the reports\' age by the clock it was given', async () => {
    const query = 'query { deviceIssues { device { serial } kind } }';
    // The demo button of zone 5416 last reported on 2026-11-25.
    const early = at('2026-11-26T05:00:00Z');
    const late = at('2026-11-26T05:30:00Z');
    const [before, after] = [
      await early.run(POLICE, query),
      await late.run(POLICE, query),
    ];
    await Promise.all([early.stop(), late.stop()]);
    expect(before.data).toEqual({ deviceIssues: [] });
    expect(after.data).toEqual({ deviceIssues: [{
      device: { serial: DEMO.serials.staleReport },
      kind: 'NO_RECENT_CONTACT',
    }] });
  });
});
