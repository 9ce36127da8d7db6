import type { DemoData } from '../../../storage/demo-data';
import { seedStep, type SeedStep } from '../../../storage/seed-plan';
import { DailyReport, Device } from './schema';

/**
 * The inventory's demo rows. `lastReport` is not stored: the adapter
 * derives it from the reports. Instants are stored in UTC so that their
 * text order is their time order, whatever offset they came with.
 */
export function devicesSeedSteps(part: DemoData['devices']): SeedStep[] {
  return [
    seedStep(Device, part.devices.map((device) => ({
      serial: device.serial,
      kind: device.kind,
      status: device.status,
      arrondissementCode: device.arrondissementCode,
      zoneCode: device.zoneCode,
      measureId: device.measureId,
      assignedTo: device.assignedTo,
      assignedZoneCode: device.assignedZoneCode,
      assignedOn: device.assignedOn,
      returnedOn: device.returnedOn,
    }))),
    seedStep(DailyReport, part.dailyReports.map((report) => ({
      deviceSerial: report.serial,
      receivedAt: toUtc(report.receivedAt),
      batteryPercent: report.batteryPercent,
      lastContactAt: toUtc(report.lastContactAt),
      alarmPressed: report.alarmPressed,
    }))),
  ];
}

function toUtc(instant: string): string {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) {
    throw new TypeError(`Expected an ISO 8601 instant, got ${instant}`);
  }
  return new Date(time).toISOString();
}
