/**
 * Storing the 112 app's daily reports (§3), once per report id. The
 * write reads under lock the report of that id, then the device, so a
 * retry sent while the first is still running waits for it and answers
 * what it stored. On MySQL/MariaDB a duplicate key from a concurrent
 * insert makes the transaction run again (see storage/write.ts), and it
 * then finds the stored report.
 */
import type { EntityManager } from 'typeorm';
import { requireText } from '../../../storage/input';
import { findOneForUpdate } from '../../../storage/write';
import { SERIAL_LENGTH } from '../checks';
import {
  DevicesRuleError,
  REPORT_ID_LENGTH,
  type DeviceDailyReport,
} from '../types';
import { DailyReport, Device, type DailyReportRow } from './schema';

const INSTANT =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The shape of a report (a TypeError that names the argument): ids that
 * fit their columns, instants with an offset, a battery level from 0 to
 * 100, and a last contact no later than the report's arrival. Answers a
 * copy with its instants in UTC, as the table keeps them.
 */
export function checkDailyReport(
  input: DeviceDailyReport,
): DeviceDailyReport {
  const receivedAt = requireInstant('receivedAt', input.receivedAt);
  const lastContactAt = requireInstant('lastContactAt', input.lastContactAt);
  if (lastContactAt > receivedAt) {
    throw new TypeError(
      `lastContactAt (${input.lastContactAt}) must not be after receivedAt (${input.receivedAt})`,
    );
  }
  const battery = input.batteryPercent;
  if (!Number.isInteger(battery) || battery < 0 || battery > 100) {
    throw new TypeError(
      `batteryPercent must be a whole number from 0 to 100, not ${JSON.stringify(battery)}`,
    );
  }
  if (typeof input.alarmPressed !== 'boolean') {
    throw new TypeError(
      `alarmPressed must be a boolean, not ${JSON.stringify(input.alarmPressed)}`,
    );
  }
  return {
    reportId: requireText('reportId', input.reportId, REPORT_ID_LENGTH),
    serial: requireText('serial', input.serial, SERIAL_LENGTH),
    receivedAt,
    batteryPercent: battery,
    lastContactAt,
    alarmPressed: input.alarmPressed,
  };
}

/** §3: stores the report unless it is stored already (see the header). */
export async function storeDailyReport(
  manager: EntityManager,
  report: DeviceDailyReport,
): Promise<DeviceDailyReport> {
  const stored = await findOneForUpdate(manager, DailyReport,
    { reportId: report.reportId });
  if (stored) {
    if (sameReport(stored, report)) return report;
    throw new DevicesRuleError('DAILY_REPORT_CONFLICT',
      `The daily report ${report.reportId} was already received with other content`);
  }

  // MySQL compares without case: only the exact serial is this device.
  const device = await manager.findOneBy(Device, { serial: report.serial });
  if (device?.serial !== report.serial) {
    throw new DevicesRuleError('UNKNOWN_DEVICE',
      `No device has the serial ${report.serial}`);
  }

  const row = rowOf(report);
  const clash = await manager.findOneBy(DailyReport,
    { deviceSerial: row.deviceSerial, receivedAt: row.receivedAt });
  if (clash) {
    throw new DevicesRuleError('DAILY_REPORT_CONFLICT',
      `The device ${report.serial} already has a daily report received at ${report.receivedAt}`);
  }
  await manager.insert(DailyReport, row);
  return report;
}

function requireInstant(name: string, value: unknown): string {
  const millis = typeof value === 'string' && INSTANT.test(value)
    ? Date.parse(value)
    : NaN;
  if (Number.isNaN(millis)) {
    throw new TypeError(
      `${name} must be an ISO 8601 instant with an offset, not ${JSON.stringify(value)}`,
    );
  }
  return new Date(millis).toISOString();
}

function rowOf(report: DeviceDailyReport): DailyReportRow {
  return {
    deviceSerial: report.serial,
    reportId: report.reportId,
    receivedAt: report.receivedAt,
    batteryPercent: report.batteryPercent,
    lastContactAt: report.lastContactAt,
    alarmPressed: report.alarmPressed,
  };
}

function sameReport(
  stored: DailyReportRow,
  report: DeviceDailyReport,
): boolean {
  return stored.reportId === report.reportId
    && stored.deviceSerial === report.serial
    && stored.receivedAt === report.receivedAt
    && stored.batteryPercent === report.batteryPercent
    && stored.lastContactAt === report.lastContactAt
    && stored.alarmPressed === report.alarmPressed;
}
