/**
 * The device inventory port over SQL. A batch costs two statements run
 * together: the devices, and the last daily report of each of them.
 */
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { batchRead, groupBy, indexBy } from '../../../storage/batch';
import { SqlAgencyAdapter } from '../../../storage/sql-adapter';
import type { BatchRead } from '../../adapter';
import type { DeviceRecord, DevicesAdapter } from '../types';
import {
  DailyReport,
  Device,
  type DailyReportRow,
  type DeviceRow,
} from './schema';

type Selection = { column: 'serial' | 'measureId'; keys: string[] };

export class SqlDevicesAdapter
  extends SqlAgencyAdapter
  implements DevicesAdapter
{
  constructor(dataSource: DataSource) {
    super('devices', dataSource);
  }

  /** By serial. */
  readonly devicesByMeasureId: BatchRead<string, DeviceRecord[]> =
    batchRead('devices', 'devicesByMeasureId',
      (ids) => this.findByMeasure(ids), () => []);

  readonly devicesBySerial: BatchRead<string, DeviceRecord | null> =
    batchRead('devices', 'devicesBySerial',
      (serials) => this.findBySerial(serials), () => null);

  private async findByMeasure(
    ids: string[],
  ): Promise<Map<string, DeviceRecord[]>> {
    const devices = await this.findDevices({ column: 'measureId', keys: ids });
    // Selected by measure id, so none of them lacks one.
    return groupBy(devices, (device) => device.measureId as string);
  }

  private async findBySerial(
    serials: string[],
  ): Promise<Map<string, DeviceRecord>> {
    const devices = await this.findDevices({ column: 'serial', keys: serials });
    return indexBy(devices, (device) => device.serial);
  }

  private async findDevices(selection: Selection): Promise<DeviceRecord[]> {
    const [devices, reports] = await Promise.all([
      this.dataSource.manager
        .createQueryBuilder(Device, 'device')
        .where(`device.${selection.column} IN (:...keys)`, selection)
        .orderBy('device.serial', 'ASC')
        .getMany(),
      this.lastReports(selection).getMany(),
    ]);
    const reportOf = indexBy(reports, (report) => report.deviceSerial);
    return devices.map((device) =>
      toRecord(device, reportOf.get(device.serial)));
  }

  /**
   * The newest report of each selected device. Instants are stored in
   * one UTC format, so the greatest string is the latest time.
   */
  private lastReports(
    selection: Selection,
  ): SelectQueryBuilder<DailyReportRow> {
    const query = this.dataSource.manager
      .createQueryBuilder(DailyReport, 'report')
      .innerJoin(Device.options.name, 'device',
        'device.serial = report.deviceSerial')
      .where(`device.${selection.column} IN (:...keys)`, selection);
    const latest = query
      .subQuery()
      .select('MAX(other.receivedAt)')
      .from(DailyReport, 'other')
      .where('other.deviceSerial = report.deviceSerial')
      .getQuery();
    return query.andWhere(`report.receivedAt = ${latest}`);
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
