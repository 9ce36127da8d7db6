/**
 * The demo inventory as SharePoint list items: what a test server (or a
 * demo site) holds for `generateDemoData().devices`. `lastReport` is not
 * stored: the adapter derives it from the reports, as the SQL one does.
 */
import type { DemoData } from '../../../storage/demo-data';
import type { DeviceRecord } from '../types';
import { DEVICE, REPORT, toFields } from './columns';
import type { Fields } from './items';

export interface DemoListItems {
  readonly devices: Fields[];
  readonly dailyReports: Fields[];
}

export function demoListItems(part: DemoData['devices']): DemoListItems {
  return {
    devices: part.devices.map(deviceFields),
    dailyReports: part.dailyReports.map((report) => toFields(REPORT, {
      serial: report.serial,
      receivedAt: toUtc(report.receivedAt),
      batteryPercent: report.batteryPercent,
      lastContactAt: toUtc(report.lastContactAt),
      alarmPressed: report.alarmPressed,
    })),
  };
}

/** Instants are stored in UTC (see REPORT in columns.ts). */
function toUtc(instant: string): string {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) {
    throw new TypeError(`Expected an ISO 8601 instant, got ${instant}`);
  }
  return new Date(time).toISOString();
}

/** A device's columns; an empty one is left out, as Graph leaves it. */
export function deviceFields(device: Omit<DeviceRecord, 'lastReport'>): Fields {
  const { serial, kind, status, arrondissementCode, zoneCode, measureId,
    assignedTo, assignedZoneCode, assignedOn, returnedOn } = device;
  const fields = toFields(DEVICE, { serial, kind, status, arrondissementCode,
    zoneCode, measureId, assignedTo, assignedZoneCode, assignedOn,
    returnedOn });
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== null));
}
