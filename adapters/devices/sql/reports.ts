/**
 * Storing the 112 app's daily reports (§3), once per report id. The
 * write reads under lock the report of that id, then the device, so a
 * retry sent while the first is still running waits for it and answers
 * what it stored. On MySQL/MariaDB a duplicate key from a concurrent
 * insert makes the transaction run again (see storage/write.ts), and it
 * then finds the stored report.
 */
import type { EntityManager } from 'typeorm';
import { findOneForUpdate } from '../../../storage/write';
import {
  DevicesRuleError,
  type DeviceDailyReport,
} from '../types';
import { DailyReport, Device, type DailyReportRow } from './schema';

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
