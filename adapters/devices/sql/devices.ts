/**
 * Reading devices with the last daily report of each: two statements
 * run together, whatever the number of devices.
 */
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { indexBy } from '../../../storage/batch';
import type { DeviceRecord, DeviceStatus } from '../types';
import {
  DailyReport,
  Device,
  type DailyReportRow,
  type DeviceRow,
} from './schema';

export interface Selection {
  column: 'serial' | 'measureId' | 'zoneCode';
  keys: string[];
  /** Only the devices in this status; default: any. */
  status?: DeviceStatus;
}

/** The selected devices by serial, each with its last report. */
export async function findDevices(
  manager: EntityManager,
  selection: Selection,
): Promise<DeviceRecord[]> {
  const query = manager.createQueryBuilder(Device, 'device');
  const [devices, reports] = await Promise.all([
    selected(query, selection).orderBy('device.serial', 'ASC').getMany(),
    lastReports(manager, selection).getMany(),
  ]);
  const reportOf = indexBy(reports, (report) => report.deviceSerial);
  return devices.map((device) =>
    toRecord(device, reportOf.get(device.serial)));
}

/**
 * The newest report of each selected device. Instants are stored in
 * one UTC format, so the greatest string is the latest time.
 */
function lastReports(
  manager: EntityManager,
  selection: Selection,
): SelectQueryBuilder<DailyReportRow> {
  const reports = manager
    .createQueryBuilder(DailyReport, 'report')
    .innerJoin(Device.options.name, 'device',
      'device.serial = report.deviceSerial');
  const query = selected(reports, selection);
  const latest = query
    .subQuery()
    .select('MAX(other.receivedAt)')
    .from(DailyReport, 'other')
    .where('other.deviceSerial = report.deviceSerial')
    .getQuery();
  return query.andWhere(`report.receivedAt = ${latest}`);
}

/** Private: the devices (aliased `device`) the selection names. */
function selected<R extends object>(
  query: SelectQueryBuilder<R>,
  selection: Selection,
): SelectQueryBuilder<R> {
  const where = query.where(`device.${selection.column} IN (:...keys)`,
    { keys: selection.keys });
  return selection.status
    ? where.andWhere('device.status = :status', { status: selection.status })
    : where;
}

function toRecord(
  device: DeviceRow,
  report: DailyReportRow | undefined,
): DeviceRecord {
  return {
    serial: device.serial,
    kind: device.kind,
    status: device.status,
    arrondissementCode: device.arrondissementCode,
    zoneCode: device.zoneCode,
    measureId: device.measureId,
    assignedTo: device.assignedTo,
    assignedOn: device.assignedOn,
    returnedOn: device.returnedOn,
    lastReport: report
      ? {
          receivedAt: report.receivedAt,
          batteryPercent: report.batteryPercent,
          lastContactAt: report.lastContactAt,
          alarmPressed: report.alarmPressed,
        }
      : null,
  };
}
