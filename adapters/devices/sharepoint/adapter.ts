/**
 * The device inventory port over the police's SharePoint lists, through
 * Microsoft Graph (README.md: the lists, the protocol and the choices).
 *
 * A batch read costs the same HTTP requests for 1 key as for 20 (up to
 * 400, see `queryMany` in items.ts): devices by serial one (the devices
 * and their reports in one $batch), by measure or by zone two (the
 * devices, then the reports of those found), stocks, shortages and
 * registrations one. Pages add requests only when an answer holds more
 * items than `pageSize`.
 */
import { groupBy, indexBy } from '../../../storage/batch';
import type { BatchRead } from '../../adapter';
import {
  CODE_LENGTH,
  ID_LENGTH,
  SERIAL_LENGTH,
  checkAssignment,
  checkDailyReport,
  checkReassignment,
  checkRegistration,
  checkReturn,
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
import { GraphClient } from './client';
import { DEVICE, REGISTRATION, SHORTAGE } from './columns';
import { Inventory } from './inventory';
import { SharePointLists, byItemId } from './items';
import { checkOptions, type GraphDevicesOptions } from './options';
import { first, upsertRegistration } from './registration';
import { recordReport } from './reports';

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

export class GraphDevicesAdapter implements DevicesAdapter {
  readonly #client: GraphClient;
  readonly #inventory: Inventory;

  /** Checks the options (a TypeError lists what is wrong); no I/O. */
  constructor(options: GraphDevicesOptions) {
    const settings = checkOptions(options);
    this.#client = new GraphClient(settings);
    this.#inventory = new Inventory(
      new SharePointLists(this.#client, settings));
  }

  /** By serial. */
  readonly devicesByMeasureId: BatchRead<string, DeviceRecord[]> =
    keyedRead(ID_LENGTH, async (ids) => {
      const devices = await this.#inventory.devicesWithReports(
        'devicesByMeasureId', { oneOf: { column: DEVICE.measureId,
          values: ids } });
      // Selected by measure id, so none of them lacks one.
      return groupBy(devices, (device) => device.measureId as string);
    }, () => []);

  readonly devicesBySerial: BatchRead<string, DeviceRecord | null> =
    keyedRead(SERIAL_LENGTH, async (serials) => {
      const devices = await this.#inventory.devicesBySerial(
        'devicesBySerial', serials);
      return indexBy(devices, (device) => device.serial);
    }, () => null);

  readonly stockByArrondissement: BatchRead<string, StockRecord> =
    keyedRead(CODE_LENGTH, (codes) => this.countStock(codes), emptyStock);

  /** By zone code, then the arrondissement's own devices. */
  readonly zoneStocksByArrondissement: BatchRead<string, ZoneStockRecord[]> =
    keyedRead(CODE_LENGTH, (codes) => this.countZoneStocks(codes), () => []);

  /** By serial: one query for all the arrondissements. */
  readonly devicesByArrondissement: BatchRead<string, InventoryDevice[]> =
    keyedRead(CODE_LENGTH, async (codes) => groupBy(
      await this.devicesOf('devicesByArrondissement', codes),
      (device) => device.arrondissementCode), () => []);

  readonly shortagesByArrondissement: BatchRead<string, ShortageRecord[]> =
    keyedRead(CODE_LENGTH, (codes) => this.findShortages(codes), () => []);

  /** By serial. */
  readonly assignedDevicesByZone: BatchRead<string, DeviceRecord[]> =
    keyedRead(CODE_LENGTH, async (codes) => {
      const devices = await this.#inventory.assignedDevicesOf(
        'assignedDevicesByZone', codes);
      // Selected by answering zone, so none of them lacks one.
      return groupBy(devices,
        (device) => answeringZoneOf(device) as string);
    }, () => []);

  readonly grantRegistrationsByMeasureId: BatchRead<
    string,
    GrantRegistrationRecord | null
  > = keyedRead(ID_LENGTH, (ids) => this.findRegistrations(ids), () => null);

  async upsertGrantRegistration(
    input: GrantRegistrationRecord,
  ): Promise<GrantRegistrationRecord> {
    const registration = checkRegistration(input);
    return upsertRegistration(this.#inventory, registration);
  }

  async assignDevice(input: AssignDeviceInput): Promise<AssignDeviceResult> {
    return assign(this.#inventory, checkAssignment(input));
  }

  async returnDevices(input: ReturnDevicesInput): Promise<DeviceRecord[]> {
    const { measureId, returnedOn } = checkReturn(input);
    return giveBack(this.#inventory, measureId, returnedOn);
  }

  async reassignZone(input: ReassignZoneInput): Promise<DeviceRecord[]> {
    const { measureId, zoneCode } = checkReassignment(input);
    return reassign(this.#inventory, measureId, zoneCode);
  }

  async recordDailyReport(
    input: DeviceDailyReport,
  ): Promise<DeviceDailyReport> {
    return recordReport(this.#inventory, checkDailyReport(input));
  }

  /** Reads the site: Graph answers and the credentials hold. */
  async ping(): Promise<void> {
    await this.#inventory.lists.site('ping');
  }

  /** Aborts the requests in flight; closing twice is harmless. */
  async close(): Promise<void> {
    this.#client.close();
  }

  /** One query for all the arrondissements; zeros where none. */
  private async countStock(
    codes: string[],
  ): Promise<Map<string, StockRecord>> {
    const devices = await this.devicesOf('stockByArrondissement', codes);
    const stocks = new Map(codes.map((code) => [code, emptyStock(code)]));
    for (const device of devices) {
      const stock = stocks.get(device.arrondissementCode);
      if (stock) stock[STOCK_FIELDS[device.status]] += 1;
    }
    return stocks;
  }

  /** One query for all the arrondissements, counted by keeper. */
  private async countZoneStocks(
    codes: string[],
  ): Promise<Map<string, ZoneStockRecord[]>> {
    const devices = await this.devicesOf('zoneStocksByArrondissement', codes);
    const keepers = new Map<string, ZoneStockRecord>();
    for (const device of devices) {
      const { arrondissementCode, zoneCode } = device;
      const key = JSON.stringify([arrondissementCode, zoneCode]);
      const stock = keepers.get(key)
        ?? { ...emptyStock(arrondissementCode), zoneCode };
      stock[STOCK_FIELDS[device.status]] += 1;
      keepers.set(key, stock);
    }
    const groups = groupBy([...keepers.values()],
      (stock) => stock.arrondissementCode);
    for (const stocks of groups.values()) stocks.sort(byKeeper);
    return groups;
  }

  private async devicesOf(operation: string, arrondissementCodes: string[]) {
    const items = await this.#inventory.devices(operation, { oneOf: {
      column: DEVICE.arrondissementCode, values: arrondissementCodes } });
    return items.map((item) => item.device);
  }

  /** Open shortages first, then newest first. */
  private async findShortages(
    codes: string[],
  ): Promise<Map<string, ShortageRecord[]>> {
    const items = await this.#inventory.shortages(
      'shortagesByArrondissement',
      { oneOf: { column: SHORTAGE.arrondissementCode, values: codes } });
    const shortages = items
      .sort((a, b) => compareNewest(a.shortage, b.shortage) || byItemId(b, a))
      .map((item) => item.shortage);
    const groups = groupBy(shortages,
      (shortage) => shortage.arrondissementCode);
    for (const [code, group] of groups) groups.set(code, openFirst(group));
    return groups;
  }

  private async findRegistrations(
    ids: string[],
  ): Promise<Map<string, GrantRegistrationRecord>> {
    const items = await this.#inventory.registrations(
      'grantRegistrationsByMeasureId',
      { oneOf: { column: REGISTRATION.measureId, values: ids } });
    const byMeasure = groupBy(items, (item) => item.registration.measureId);
    const found = new Map<string, GrantRegistrationRecord>();
    for (const [id, group] of byMeasure) {
      found.set(id, first(group)!.registration);
    }
    return found;
  }
}

/**
 * Private: a BatchRead (one answer per key, in key order) over a lookup
 * that sees each key once. A key longer than its column cannot be in the
 * list: it answers `missing(key)` without making the URL any longer.
 * Failures come out as thrown: SharePointError wraps them where they
 * happen, with the operation.
 */
function keyedRead<V>(
  maxLength: number,
  lookup: (keys: string[]) => Promise<Map<string, V>>,
  missing: (key: string) => V,
): BatchRead<string, V> {
  return async (keys) => {
    const wanted = [...new Set(keys)].filter((key) =>
      typeof key === 'string' && key !== '' && key.length <= maxLength);
    const found = wanted.length === 0 ? new Map<string, V>()
      : await lookup(wanted);
    return keys.map((key) => (found.has(key) ? found.get(key)! : missing(key)));
  };
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

/** Zones in code order, then the arrondissement's own devices. */
function byKeeper(a: ZoneStockRecord, b: ZoneStockRecord): number {
  if (a.zoneCode === b.zoneCode) return 0;
  if (a.zoneCode === null) return 1;
  if (b.zoneCode === null) return -1;
  return a.zoneCode < b.zoneCode ? -1 : 1;
}

/** Newest report date first. */
function compareNewest(a: ShortageRecord, b: ShortageRecord): number {
  return a.reportedOn < b.reportedOn ? 1 : a.reportedOn > b.reportedOn ? -1 : 0;
}

/** Open shortages first; the order within each part is kept. */
function openFirst(shortages: ShortageRecord[]): ShortageRecord[] {
  return [
    ...shortages.filter((shortage) => shortage.resolvedOn === null),
    ...shortages.filter((shortage) => shortage.resolvedOn !== null),
  ];
}
