/**
 * The inventory's queries, shared by the reads and the writes: items of
 * each list read as records, and devices joined with their last daily
 * report (SharePoint has no join: the reports are a second query).
 */
import { groupBy } from '../../../storage/batch';
import {
  answeringZoneOf,
  type DailyReportRecord,
  type DeviceRecord,
  type GrantRegistrationRecord,
  type ShortageRecord,
} from '../types';
import {
  DEVICE,
  DEVICE_COLUMNS,
  REGISTRATION_COLUMNS,
  REPORT,
  REPORT_COLUMNS,
  SHORTAGE_COLUMNS,
  readAll,
  readDevice,
  readRegistration,
  readReport,
  readShortage,
  type DeviceItem,
  type StoredReport,
} from './columns';
import type { Where } from './filter';
import type { ListItem, ListQuery, SharePointLists } from './items';

export type ShortageItem = ListItem & { readonly shortage: ShortageRecord };
export type ReportItem = ListItem & { readonly report: StoredReport };
export type RegistrationItem = ListItem & {
  readonly registration: GrantRegistrationRecord;
};

export class Inventory {
  constructor(readonly lists: SharePointLists) {}

  /** The devices meeting `where`, by serial, without their reports. */
  async devices(operation: string, where: Where): Promise<DeviceItem[]> {
    const items = await this.lists.query(operation, 'devices', where,
      DEVICE_COLUMNS);
    return readAll(operation, 'devices', items, readDevice).sort(bySerial);
  }

  async device(operation: string, id: string): Promise<DeviceItem | null> {
    const item = await this.lists.read(operation, 'devices', id,
      DEVICE_COLUMNS);
    return item && readAll(operation, 'devices', [item], readDevice)[0]!;
  }

  /** The devices meeting `where` with their last report: two queries. */
  async devicesWithReports(
    operation: string,
    where: Where,
  ): Promise<DeviceRecord[]> {
    const devices = await this.devices(operation, where);
    const serials = devices.map((item) => item.device.serial);
    return withReports(devices, await this.lastReports(operation, serials));
  }

  /**
   * §3: the ASSIGNED devices the zones answer for (`answeringZoneOf`),
   * by serial, with their last report. Those assigned under a zone and
   * those a zone keeps are two queries of one round: a device kept by
   * one zone and assigned under another's measure may come back from
   * both, and goes to the zone that answers for it. The reports come
   * second.
   */
  async assignedDevicesOf(
    operation: string,
    zoneCodes: readonly string[],
  ): Promise<DeviceRecord[]> {
    const assignedBy = (column: string): ListQuery => ({
      list: 'devices',
      where: { equal: { [DEVICE.status]: 'ASSIGNED' },
        oneOf: { column, values: zoneCodes } },
      columns: DEVICE_COLUMNS,
    });
    const answers = await this.lists.queryMany(operation, [
      assignedBy(DEVICE.assignedZoneCode), assignedBy(DEVICE.zoneCode)]);

    const wanted = new Set(zoneCodes);
    const found = new Map<string, DeviceItem>();
    for (const item of readAll(operation, 'devices', answers.flat(),
      readDevice)) {
      const zone = answeringZoneOf(item.device);
      if (zone !== null && wanted.has(zone)) found.set(item.id, item);
    }
    const devices = [...found.values()].sort(bySerial);
    const serials = devices.map((item) => item.device.serial);
    return withReports(devices, await this.lastReports(operation, serials));
  }

  /**
   * The devices of these serials with their last report: both queries
   * are keyed by serial, so they go in one round (see `queryMany`).
   */
  async devicesBySerial(
    operation: string,
    serials: readonly string[],
  ): Promise<DeviceRecord[]> {
    const oneOf = (column: string) => ({ oneOf: { column, values: serials } });
    const [deviceItems, reportItems] = await this.lists.queryMany(operation, [
      { list: 'devices', where: oneOf(DEVICE.serial), columns: DEVICE_COLUMNS },
      { list: 'dailyReports', where: oneOf(REPORT.serial),
        columns: REPORT_COLUMNS },
    ]);
    const devices = readAll(operation, 'devices', deviceItems!, readDevice)
      .sort(bySerial);
    const reports = readAll(operation, 'dailyReports', reportItems!,
      readReport);
    return withReports(devices, newestOf(reports));
  }

  /** The newest report of each serial that has one. */
  async lastReports(
    operation: string,
    serials: readonly string[],
  ): Promise<Map<string, DailyReportRecord>> {
    if (serials.length === 0) return new Map();
    const items = await this.reports(operation,
      { oneOf: { column: REPORT.serial, values: serials } });
    return newestOf(items.map((item) => item.report));
  }

  async reports(operation: string, where: Where): Promise<ReportItem[]> {
    const items = await this.lists.query(operation, 'dailyReports', where,
      REPORT_COLUMNS);
    return readAll(operation, 'dailyReports', items,
      (item) => ({ ...item, report: readReport(item) }));
  }

  async shortages(operation: string, where: Where): Promise<ShortageItem[]> {
    const items = await this.lists.query(operation, 'shortages', where,
      SHORTAGE_COLUMNS);
    return readAll(operation, 'shortages', items,
      (item) => ({ ...item, shortage: readShortage(item) }));
  }

  async registrations(
    operation: string,
    where: Where,
  ): Promise<RegistrationItem[]> {
    const items = await this.lists.query(operation, 'grantRegistrations',
      where, REGISTRATION_COLUMNS);
    return readAll(operation, 'grantRegistrations', items,
      (item) => ({ ...item, registration: readRegistration(item) }));
  }
}

/** The newest report of each serial among `reports`. */
function newestOf(
  reports: readonly StoredReport[],
): Map<string, DailyReportRecord> {
  const newest = new Map<string, DailyReportRecord>();
  for (const [serial, history] of groupBy(reports, (r) => r.serial)) {
    const last = history.reduce((a, b) =>
      (Date.parse(b.receivedAt) > Date.parse(a.receivedAt) ? b : a));
    const { receivedAt, batteryPercent, lastContactAt, alarmPressed } = last;
    newest.set(serial,
      { receivedAt, batteryPercent, lastContactAt, alarmPressed });
  }
  return newest;
}

function bySerial(a: DeviceItem, b: DeviceItem): number {
  return compareText(a.device.serial, b.device.serial);
}

function withReports(
  devices: readonly DeviceItem[],
  reports: ReadonlyMap<string, DailyReportRecord>,
): DeviceRecord[] {
  return devices.map(({ device }) => ({
    ...device,
    lastReport: reports.get(device.serial) ?? null,
  }));
}

/** Code-point order, as the SQL adapter's tables sort serials. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
