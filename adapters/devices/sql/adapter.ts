/**
 * The device inventory port over SQL. A batch of devices, by serial,
 * measure or zone, costs two statements run together (the devices, and
 * the last daily report of each); a batch of stocks, shortages or
 * registrations, one. Each write is one transaction (see storage/write.ts,
 * ./assignment.ts and ./reports.ts).
 */
import { In, type DataSource } from 'typeorm';
import { groupBy, indexBy } from '../../../storage/batch';
import { SqlAgencyAdapter } from '../../../storage/sql-adapter';
import {
  batchReadCommitted,
  findOneForUpdate,
  writeTransaction,
} from '../../../storage/write';
import type { BatchRead } from '../../adapter';
import {
  checkAssignment,
  checkReassignment,
  checkRegistration,
  checkReturn,
  refuseReactivation,
} from '../checks';
import {
  answeringZoneOf,
  type AssignDeviceInput,
  type AssignDeviceResult,
  type DeviceDailyReport,
  type DeviceRecord,
  type DeviceStatus,
  type DevicesAdapter,
  type GrantRegistrationRecord,
  type InventoryDevice,
  type ReassignZoneInput,
  type ReturnDevicesInput,
  type ShortageRecord,
  type StockRecord,
  type ZoneStockRecord,
} from '../types';
import { assign, giveBack, reassign } from './assignment';
import { findDevices } from './devices';
import { checkDailyReport } from '../checks';
import { storeDailyReport } from './reports';
import {
  Device,
  GrantRegistration,
  Shortage,
  type DeviceRow,
  type GrantRegistrationRow,
  type ShortageRow,
} from './schema';

/** Which count of a stock each status adds to. */
const STOCK_FIELDS: Readonly<
  Record<DeviceStatus, Exclude<keyof StockRecord, 'arrondissementCode'>>
> = {
  AVAILABLE: 'available',
  ASSIGNED: 'assigned',
  IN_REPAIR: 'inRepair',
  LOST: 'lost',
  RETURNED: 'returned',
};

interface StatusCount {
  arrondissementCode: string;
  /** Selected by the per-zone count only. */
  zoneCode?: string | null;
  status: DeviceStatus;
  /** MySQL may answer a COUNT as a string. */
  count: number | string;
}

export class SqlDevicesAdapter
  extends SqlAgencyAdapter
  implements DevicesAdapter
{
  constructor(dataSource: DataSource) {
    super('devices', dataSource);
  }

  /** By serial. */
  readonly devicesByMeasureId: BatchRead<string, DeviceRecord[]> =
    batchReadCommitted('devices', 'devicesByMeasureId', this.dataSource,
      async (ids) => {
        const devices = await findDevices(this.dataSource.manager,
          { column: 'measureId', keys: ids });
        // Selected by measure id, so none of them lacks one.
        return groupBy(devices, (device) => device.measureId as string);
      }, () => []);

  readonly devicesBySerial: BatchRead<string, DeviceRecord | null> =
    batchReadCommitted('devices', 'devicesBySerial', this.dataSource,
      async (serials) => {
        const devices = await findDevices(this.dataSource.manager,
          { column: 'serial', keys: serials });
        return indexBy(devices, (device) => device.serial);
      }, () => null);

  // countStock answers every key, so the fallback is never used.
  readonly stockByArrondissement: BatchRead<string, StockRecord> =
    batchReadCommitted('devices', 'stockByArrondissement', this.dataSource,
      (codes) => this.countStock(codes), () => emptyStock(''));

  /** By zone code, then the arrondissement's own devices. */
  readonly zoneStocksByArrondissement: BatchRead<string, ZoneStockRecord[]> =
    batchReadCommitted('devices', 'zoneStocksByArrondissement',
      this.dataSource, (codes) => this.countZoneStocks(codes), () => []);

  /** By serial, one statement; no daily report is read. */
  readonly devicesByArrondissement: BatchRead<string, InventoryDevice[]> =
    batchReadCommitted('devices', 'devicesByArrondissement', this.dataSource,
      async (codes) => {
        const rows = await this.dataSource.manager.find(Device, {
          where: { arrondissementCode: In(codes) },
          order: { serial: 'ASC' },
        });
        return groupBy(rows.map(toInventoryDevice),
          (device) => device.arrondissementCode);
      }, () => []);

  readonly shortagesByArrondissement: BatchRead<string, ShortageRecord[]> =
    batchReadCommitted('devices', 'shortagesByArrondissement',
      this.dataSource, (codes) => this.findShortages(codes), () => []);

  /** By serial. */
  readonly assignedDevicesByZone: BatchRead<string, DeviceRecord[]> =
    batchReadCommitted('devices', 'assignedDevicesByZone', this.dataSource,
      async (codes) => {
        const devices = await findDevices(this.dataSource.manager,
          { column: 'answeringZone', keys: codes, status: 'ASSIGNED' });
        // Selected by answering zone, so none of them lacks one.
        return groupBy(devices,
          (device) => answeringZoneOf(device) as string);
      }, () => []);

  readonly grantRegistrationsByMeasureId: BatchRead<
    string,
    GrantRegistrationRecord | null
  > = batchReadCommitted('devices', 'grantRegistrationsByMeasureId',
    this.dataSource, (ids) => this.findRegistrations(ids), () => null);

  async upsertGrantRegistration(
    input: GrantRegistrationRecord,
  ): Promise<GrantRegistrationRecord> {
    const registration = checkRegistration(input);
    return writeTransaction('devices', 'upsertGrantRegistration',
      this.dataSource, async (manager) => {
        const stored = await findOneForUpdate(manager, GrantRegistration,
          { measureId: registration.measureId });
        refuseReactivation(stored, registration);
        await manager.save(GrantRegistration, registration);
        return toRegistration(registration);
      });
  }

  async assignDevice(input: AssignDeviceInput): Promise<AssignDeviceResult> {
    const assignment = checkAssignment(input);
    return writeTransaction('devices', 'assignDevice', this.dataSource,
      (manager) => assign(manager, assignment));
  }

  async returnDevices(input: ReturnDevicesInput): Promise<DeviceRecord[]> {
    const { measureId, returnedOn } = checkReturn(input);
    return writeTransaction('devices', 'returnDevices', this.dataSource,
      (manager) => giveBack(manager, measureId, returnedOn));
  }

  async reassignZone(input: ReassignZoneInput): Promise<DeviceRecord[]> {
    const { measureId, zoneCode } = checkReassignment(input);
    return writeTransaction('devices', 'reassignZone', this.dataSource,
      (manager) => reassign(manager, measureId, zoneCode));
  }

  async recordDailyReport(
    input: DeviceDailyReport,
  ): Promise<DeviceDailyReport> {
    const report = checkDailyReport(input);
    return writeTransaction('devices', 'recordDailyReport', this.dataSource,
      (manager) => storeDailyReport(manager, report));
  }

  /** Open shortages first, then newest first. */
  private async findShortages(
    codes: string[],
  ): Promise<Map<string, ShortageRecord[]>> {
    const rows = await this.dataSource.manager.find(Shortage, {
      where: { arrondissementCode: In(codes) },
      order: { reportedOn: 'DESC', id: 'DESC' },
    });
    const groups = groupBy(rows.map(toShortage),
      (shortage) => shortage.arrondissementCode);
    for (const [code, shortages] of groups) {
      groups.set(code, openFirst(shortages));
    }
    return groups;
  }

  private async findRegistrations(
    ids: string[],
  ): Promise<Map<string, GrantRegistrationRecord>> {
    const rows = await this.dataSource.manager.find(GrantRegistration, {
      where: { measureId: In(ids) },
    });
    return indexBy(rows.map(toRegistration), (row) => row.measureId);
  }

  /** One GROUP BY for all the arrondissements; zeros where none. */
  private async countStock(
    codes: string[],
  ): Promise<Map<string, StockRecord>> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(Device, 'device')
      .select('device.arrondissementCode', 'arrondissementCode')
      .addSelect('device.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('device.arrondissementCode IN (:...codes)', { codes })
      .groupBy('device.arrondissementCode')
      .addGroupBy('device.status')
      .getRawMany<StatusCount>();

    const stocks = new Map(codes.map((code) => [code, emptyStock(code)]));
    for (const row of rows) {
      const stock = stocks.get(row.arrondissementCode);
      const field = STOCK_FIELDS[row.status];
      // A status this port does not know is not part of any count.
      if (stock && field) stock[field] += Number(row.count);
    }
    return stocks;
  }

  /** One GROUP BY for all the arrondissements, by keeper and status. */
  private async countZoneStocks(
    codes: string[],
  ): Promise<Map<string, ZoneStockRecord[]>> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(Device, 'device')
      .select('device.arrondissementCode', 'arrondissementCode')
      .addSelect('device.zoneCode', 'zoneCode')
      .addSelect('device.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('device.arrondissementCode IN (:...codes)', { codes })
      .groupBy('device.arrondissementCode')
      .addGroupBy('device.zoneCode')
      .addGroupBy('device.status')
      .getRawMany<StatusCount>();

    const keepers = new Map<string, ZoneStockRecord>();
    for (const row of rows) {
      const field = STOCK_FIELDS[row.status];
      // A status this port does not know is not part of any count.
      if (!field) continue;
      const zoneCode = row.zoneCode ?? null;
      const key = JSON.stringify([row.arrondissementCode, zoneCode]);
      const stock = keepers.get(key)
        ?? { ...emptyStock(row.arrondissementCode), zoneCode };
      stock[field] += Number(row.count);
      keepers.set(key, stock);
    }
    const groups = groupBy([...keepers.values()],
      (stock) => stock.arrondissementCode);
    for (const stocks of groups.values()) stocks.sort(byKeeper);
    return groups;
  }
}

/** Zones in code order, then the arrondissement's own devices. */
function byKeeper(first: ZoneStockRecord, second: ZoneStockRecord): number {
  if (first.zoneCode === second.zoneCode) return 0;
  if (first.zoneCode === null) return 1;
  if (second.zoneCode === null) return -1;
  return first.zoneCode < second.zoneCode ? -1 : 1;
}

function emptyStock(arrondissementCode: string): StockRecord {
  return {
    arrondissementCode,
    available: 0,
    assigned: 0,
    inRepair: 0,
    lost: 0,
    returned: 0,
  };
}

/** Open shortages first; the order within each part is kept. */
function openFirst(shortages: ShortageRecord[]): ShortageRecord[] {
  return [
    ...shortages.filter((shortage) => shortage.resolvedOn === null),
    ...shortages.filter((shortage) => shortage.resolvedOn !== null),
  ];
}

function toInventoryDevice(row: DeviceRow): InventoryDevice {
  return {
    serial: row.serial,
    kind: row.kind,
    status: row.status,
    arrondissementCode: row.arrondissementCode,
    zoneCode: row.zoneCode,
    measureId: row.measureId,
    assignedTo: row.assignedTo,
    assignedZoneCode: row.assignedZoneCode,
    assignedOn: row.assignedOn,
    returnedOn: row.returnedOn,
  };
}

function toShortage(row: ShortageRow): ShortageRecord {
  return {
    id: String(row.id),
    measureId: row.measureId,
    kind: row.kind,
    arrondissementCode: row.arrondissementCode,
    zoneCode: row.zoneCode,
    reportedOn: row.reportedOn,
    resolvedOn: row.resolvedOn,
  };
}

function toRegistration(row: GrantRegistrationRow): GrantRegistrationRecord {
  return {
    measureId: row.measureId,
    arrondissementCode: row.arrondissementCode,
    zoneCode: row.zoneCode,
    decidedOn: row.decidedOn,
    startDate: row.startDate,
    endDate: row.endDate,
    relationship: row.relationship,
    protectedPersonCount: row.protectedPersonCount,
    status: row.status,
    endedOn: row.endedOn,
    endReason: row.endReason,
    prolongationCount: row.prolongationCount,
  };
}
