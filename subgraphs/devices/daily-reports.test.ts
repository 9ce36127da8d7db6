import {
  DevicesRuleError,
  type DeviceDailyReport,
} from '../../adapters/devices/types';
import type { Identity } from '../../runtime/identity';
import { fixedClock } from '../protection/domain/clock';
import { subgraphClient } from '../../test/support/subgraph';
import { checkReport, ingestDailyReport } from './daily-reports';
import { devicesSubgraph } from './index';
import { devicesContextOf, scriptedDevicesAdapter } from './testing';

const NOW = '2026-12-01T09:00:00.000Z';
const APP: Identity = { subject: 'app-112', role: 'app112' };

const input = {
  reportId: 'r-1',
  serial: 'DEMO-BTN-0001',
  receivedAt: '2026-12-01T09:59:00+01:00',
  batteryPercent: 80,
  lastContactAt: '2026-12-01T09:30:00+01:00',
  alarmPressed: false,
};

describe('checkReport (§3)', () => {
  it('passes a report the circular can send', () => {
    expect(checkReport(input, NOW)).toEqual(input);
  });

  it.each([
    ['a battery under 0', { batteryPercent: -1 }, 'batteryPercent'],
    ['a battery over 100', { batteryPercent: 101 }, 'batteryPercent'],
    ['a contact after the arrival',
      { lastContactAt: '2026-12-01T10:00:00+01:00' }, 'lastContactAt'],
    ['a report from the future',
      { receivedAt: '2026-12-01T09:06:00Z' }, 'receivedAt'],
    ['a blank report id', { reportId: '  ' }, 'reportId'],
    ['a report id over 64 characters', { reportId: 'r'.repeat(65) },
      'reportId'],
    ['a serial over 32 characters', { serial: 'S'.repeat(33) }, 'serial'],
  ])('refuses %s with BAD_USER_INPUT', (_, overrides, argument) => {
    expect(() => checkReport({ ...input, ...overrides }, NOW)).toThrow(
      expect.objectContaining({
        extensions: { code: 'BAD_USER_INPUT', argument },
      }));
  });

  it('lets the app\'s clock run up to 5 minutes ahead', () => {
    const ahead = { ...input, receivedAt: '2026-12-01T09:05:00Z',
      lastContactAt: '2026-12-01T09:04:00Z' };
    expect(checkReport(ahead, NOW)).toEqual(ahead);
  });
});

describe('ingestDailyReport', () => {
  const stored: DeviceDailyReport = {
    ...input,
    receivedAt: '2026-12-01T08:59:00.000Z',
    lastContactAt: '2026-12-01T08:30:00.000Z',
  };

  function contextWith(
    recordDailyReport: (report: DeviceDailyReport) =>
      Promise<DeviceDailyReport>,
  ) {
    const adapter = scriptedDevicesAdapter({ recordDailyReport });
    return devicesContextOf(adapter, fixedClock(NOW), APP);
  }

  it('answers the report as the inventory stored it', async () => {
    const sent: DeviceDailyReport[] = [];
    const context = contextWith(async (report) => {
      sent.push(report);
      return stored;
    });
    expect(await ingestDailyReport(input, context)).toEqual({
      reportId: 'r-1',
      serial: 'DEMO-BTN-0001',
      report: {
        receivedAt: '2026-12-01T08:59:00.000Z',
        batteryPercent: 80,
        lastContactAt: '2026-12-01T08:30:00.000Z',
        alarmPressed: false,
      },
    });
    expect(sent).toEqual([input]);
  });

  describe('through the subgraph\'s rules', () => {
    const written: DeviceDailyReport[] = [];
    const devices = subgraphClient(devicesSubgraph(
      scriptedDevicesAdapter({
        recordDailyReport: async (report) => {
          written.push(report);
          return stored;
        },
      }),
      { clock: fixedClock(NOW) },
    ));
    const INGEST = `mutation ($input: IngestDailyReportInput!) {
      ingestDailyReport(input: $input) {
        reportId serial report { batteryPercent }
      }
    }`;

    afterAll(() => devices.stop());

    beforeEach(() => {
      written.length = 0;
    });

    it('writes the report of the 112 app', async () => {
      const result = await devices.run(APP, INGEST, { input });

      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ ingestDailyReport: {
        reportId: 'r-1', serial: 'DEMO-BTN-0001',
        report: { batteryPercent: 80 },
      } });
      expect(written).toEqual([input]);
    });

    it.each([
      { who: { subject: 'p-1', role: 'police', zone: '5339' },
        caller: 'police of 5339' },
      { who: { subject: 's-1', role: 'victim-support', arrondissement: 'BRU' },
        caller: 'victim-support of BRU' },
    ] as Array<{ who: Identity; caller: string }>)(
      'refuses the role $who.role before writing',
      async ({ who, caller }) => {
        const result = await devices.run(who, INGEST, { input });

        expect(result.data).toBeNull();
        expect(result.errors).toEqual([expect.objectContaining({
          message: 'Mutation.ingestDailyReport is for app112; '
            + `this caller is ${caller}.`,
          path: ['ingestDailyReport'],
          extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
        })]);
        expect(written).toEqual([]);
      });
  });

  it.each([
    ['UNKNOWN_DEVICE', 'NOT_FOUND'],
    ['DAILY_REPORT_CONFLICT', 'CONFLICT'],
  ] as const)('reports the inventory\'s %s as %s', async (rule, code) => {
    const context = contextWith(async () => {
      throw new DevicesRuleError(rule, 'Refused by the inventory');
    });
    await expect(ingestDailyReport(input, context)).rejects.toMatchObject({
      message: 'Refused by the inventory.',
      extensions: { code, reason: rule },
    });
  });

  it('reports a failing store as AGENCY_UNAVAILABLE', async () => {
    const context = contextWith(async () => {
      throw new Error('The devices storage failed during recordDailyReport');
    });
    await expect(ingestDailyReport(input, context)).rejects.toMatchObject({
      extensions: { code: 'AGENCY_UNAVAILABLE',
        system: 'The device inventory' },
    });
  });
});
