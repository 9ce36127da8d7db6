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
  /**
   * The keys are serials, measure ids, or zones answering for the
   * devices (`answeringZoneOf` in ../types.ts: the assigned zone, else
   * the keeper).
   */
  column: 'serial' | 'measureId' | 'answeringZone';
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
  const where = query.where(keyCondition(selection.column),
    { keys: selection.keys });
  return selection.status
    ? where.andWhere('device.status = :status', { status: selection.status })
    : where;
}

/**
 * Private: the condition on `:...keys`. Spelt as an OR rather than a
 * COALESCE so that each side can use its index.
 */
function keyCondition(column: Selection['column']): string {
  switch (column) {
    case 'serial':
    case 'measureId':
      return `device.${column} IN (:...keys)`;
    case 'answeringZone':
      return '(device.assignedZoneCode IN (:...keys)'
        + ' OR (device.assignedZoneCode IS NULL'
        + ' AND device.zoneCode IN (:...keys)))';
    default: {
      const impossible: never = column;
      throw new Error(`Unknown device selection ${String(impossible)}`);
    }
  }
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
    assignedZoneCode: device.assignedZoneCode,
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
