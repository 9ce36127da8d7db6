/**
 * §3: storing the 112 app's daily reports, once per report id, in the
 * daily reports list. The three facts the port's rules depend on (a
 * report of that id, the device, a report of the device at the same
 * instant) are asked together; the report is then created once (see
 * `createOnce`), so that a retry sent while the first is still running
 * ends with one item, and answers what it stored.
 */
import { DevicesRuleError, type DeviceDailyReport } from '../types';
import {
  DEVICE,
  REPORT,
  REPORT_COLUMNS,
  readAll,
  readReport,
  toFields,
  type StoredReport,
} from './columns';
import type { Inventory } from './inventory';
import { byItemId } from './items';

const OPERATION = 'recordDailyReport';

/** `report` has passed `checkDailyReport`: its instants are in UTC. */
export async function recordReport(
  inventory: Inventory,
  report: DeviceDailyReport,
): Promise<DeviceDailyReport> {
  const [byId, devices, sameInstant] = await Promise.all([
    inventory.reports(OPERATION,
      { equal: { [REPORT.reportId]: report.reportId } }),
    inventory.devices(OPERATION,
      { equal: { [DEVICE.serial]: report.serial } }),
    inventory.reports(OPERATION, { equal: {
      [REPORT.serial]: report.serial,
      [REPORT.receivedAt]: report.receivedAt,
    } }),
  ]);

  const stored = [...byId].sort(byItemId)[0];
  if (stored) return sameOrRefused(stored.report, report);
  if (devices.length === 0) {
    throw new DevicesRuleError('UNKNOWN_DEVICE',
      `No device has the serial ${report.serial}`);
  }
  if (sameInstant.length > 0) {
    throw new DevicesRuleError('DAILY_REPORT_CONFLICT',
      `The device ${report.serial} already has a daily report received at ${report.receivedAt}`);
  }

  const { item, created } = await inventory.lists.createOnce(OPERATION,
    'dailyReports', { equal: { [REPORT.reportId]: report.reportId } },
    toFields(REPORT, report), REPORT_COLUMNS);
  // Another call stored the same id first: it is the report.
  if (!created) {
    const [twin] = readAll(OPERATION, 'dailyReports', [item], readReport);
    return sameOrRefused(twin!, report);
  }
  return report;
}

function sameOrRefused(
  stored: StoredReport,
  report: DeviceDailyReport,
): DeviceDailyReport {
  const same = stored.reportId === report.reportId
    && stored.serial === report.serial
    && stored.receivedAt === report.receivedAt
    && stored.batteryPercent === report.batteryPercent
    && stored.lastContactAt === report.lastContactAt
    && stored.alarmPressed === report.alarmPressed;
  if (!same) {
    throw new DevicesRuleError('DAILY_REPORT_CONFLICT',
      `The daily report ${report.reportId} was already received with other content`);
  }
  return report;
}
