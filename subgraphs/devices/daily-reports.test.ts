import {
  DevicesRuleError,
  type DeviceDailyReport,
} from '../../adapters/devices/types';
import type { Identity } from '../../runtime/identity';
import { fixedClock } from '../protection/domain/clock';
import { checkReport, ingestDailyReport } from './daily-reports';
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
    identity = APP,
  ) {
    const adapter = scriptedDevicesAdapter({ recordDailyReport });
    return devicesContextOf(adapter, fixedClock(NOW), identity);
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

  it.each([
    { subject: 'p-1', role: 'police', zone: '5339' },
    { subject: 's-1', role: 'victim-support', arrondissement: 'BRU' },
  ] as Identity[])('refuses the role $role before writing', async (who) => {
    const context = contextWith(async () => {
      throw new Error('nothing may be written');
    }, who);
    await expect(ingestDailyReport(input, context)).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
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
