/**
 * The inventory's lists, column by column (README.md says how to create
 * them), and how their items read as the port's records.
 *
 * Each list's `Title` holds the item's natural key. Dates are text
 * columns holding YYYY-MM-DD and instants text columns holding ISO 8601
 * with an offset: a SharePoint date column is kept in UTC and shown in
 * the site's zone, which would move a Belgian date by a day.
 */
import { parseIsoDate } from '../../../storage/dates';
import {
  DEVICE_KINDS,
  DEVICE_STATUSES,
  GRANT_REGISTRATION_STATUSES,
  type DeviceDailyReport,
  type DeviceRecord,
  type GrantRegistrationRecord,
  type ShortageRecord,
} from '../types';
import { SharePointError } from './errors';
import type { Fields, ListItem, ListName } from './items';

type Columns<K extends string> = Readonly<Record<K, string>>;

/** A device and where it is; `lastReport` comes from the reports list. */
export const DEVICE = {
  serial: 'Title',
  kind: 'Kind',
  status: 'Status',
  arrondissementCode: 'ArrondissementCode',
  zoneCode: 'ZoneCode',
  measureId: 'MeasureId',
  assignedTo: 'AssignedTo',
  assignedZoneCode: 'AssignedZoneCode',
  assignedOn: 'AssignedOn',
  returnedOn: 'ReturnedOn',
} as const satisfies Columns<Exclude<keyof DeviceRecord, 'lastReport'>>;

/**
 * One daily report of the 112 app; a device has many. `reportId` is the
 * app's own id of the report, empty for reports stored without one.
 * Instants are stored in UTC as `Date#toISOString` writes them, so that
 * a filter on one compares it exactly.
 */
export const REPORT = {
  serial: 'Title',
  reportId: 'ReportId',
  receivedAt: 'ReceivedAt',
  batteryPercent: 'BatteryPercent',
  lastContactAt: 'LastContactAt',
  alarmPressed: 'AlarmPressed',
} as const satisfies Columns<keyof DeviceDailyReport>;

/**
 * `openFor` is `<kind>:<measureId>` while the shortage is open and empty
 * once resolved: the open shortage of a measure is found by it.
 */
export const SHORTAGE = {
  measureId: 'Title',
  kind: 'Kind',
  arrondissementCode: 'ArrondissementCode',
  zoneCode: 'ZoneCode',
  reportedOn: 'ReportedOn',
  resolvedOn: 'ResolvedOn',
  openFor: 'OpenFor',
} as const satisfies Columns<Exclude<keyof ShortageRecord, 'id'> | 'openFor'>;

export const REGISTRATION = {
  measureId: 'Title',
  arrondissementCode: 'ArrondissementCode',
  zoneCode: 'ZoneCode',
  decidedOn: 'DecidedOn',
  startDate: 'StartDate',
  endDate: 'EndDate',
  relationship: 'Relationship',
  protectedPersonCount: 'ProtectedPersonCount',
  status: 'Status',
  endedOn: 'EndedOn',
  endReason: 'EndReason',
  prolongationCount: 'ProlongationCount',
} as const satisfies Columns<keyof GrantRegistrationRecord>;

export const DEVICE_COLUMNS = Object.values(DEVICE);
export const REPORT_COLUMNS = Object.values(REPORT);
export const SHORTAGE_COLUMNS = Object.values(SHORTAGE);
export const REGISTRATION_COLUMNS = Object.values(REGISTRATION);

/** A record's values under their column names. */
export function toFields<K extends string>(
  columns: Columns<K>,
  values: Readonly<Partial<Record<K, unknown>>>,
): Fields {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    fields[columns[key as K]] = value;
  }
  return fields;
}

/** A device item without its report, as the writes need it. */
export type DeviceItem = ListItem & {
  readonly device: Omit<DeviceRecord, 'lastReport'>;
};

export function readDevice(item: ListItem): DeviceItem {
  const read = new FieldReader(item);
  return {
    ...item,
    device: {
      serial: read.text(DEVICE.serial),
      kind: read.oneOf(DEVICE.kind, DEVICE_KINDS),
      status: read.oneOf(DEVICE.status, DEVICE_STATUSES),
      arrondissementCode: read.text(DEVICE.arrondissementCode),
      zoneCode: read.optionalText(DEVICE.zoneCode),
      measureId: read.optionalText(DEVICE.measureId),
      assignedTo: read.optionalText(DEVICE.assignedTo),
      assignedZoneCode: read.optionalText(DEVICE.assignedZoneCode),
      assignedOn: read.optionalDate(DEVICE.assignedOn),
      returnedOn: read.optionalDate(DEVICE.returnedOn),
    },
  };
}

/** A stored report; `reportId` is null for one stored without. */
export type StoredReport = Omit<DeviceDailyReport, 'reportId'> & {
  reportId: string | null;
};

export function readReport(item: ListItem): StoredReport {
  const read = new FieldReader(item);
  return {
    serial: read.text(REPORT.serial),
    reportId: read.optionalText(REPORT.reportId),
    receivedAt: read.instant(REPORT.receivedAt),
    batteryPercent: read.count(REPORT.batteryPercent),
    lastContactAt: read.instant(REPORT.lastContactAt),
    alarmPressed: read.flag(REPORT.alarmPressed),
  };
}

/** The shortage's id is its item's. */
export function readShortage(item: ListItem): ShortageRecord {
  const read = new FieldReader(item);
  return {
    id: item.id,
    measureId: read.text(SHORTAGE.measureId),
    kind: read.oneOf(SHORTAGE.kind, DEVICE_KINDS),
    arrondissementCode: read.text(SHORTAGE.arrondissementCode),
    zoneCode: read.text(SHORTAGE.zoneCode),
    reportedOn: read.date(SHORTAGE.reportedOn),
    resolvedOn: read.optionalDate(SHORTAGE.resolvedOn),
  };
}

export function readRegistration(item: ListItem): GrantRegistrationRecord {
  const read = new FieldReader(item);
  return {
    measureId: read.text(REGISTRATION.measureId),
    arrondissementCode: read.text(REGISTRATION.arrondissementCode),
    zoneCode: read.text(REGISTRATION.zoneCode),
    decidedOn: read.date(REGISTRATION.decidedOn),
    startDate: read.date(REGISTRATION.startDate),
    endDate: read.date(REGISTRATION.endDate),
    relationship: read.text(REGISTRATION.relationship),
    protectedPersonCount: read.count(REGISTRATION.protectedPersonCount),
    status: read.oneOf(REGISTRATION.status, GRANT_REGISTRATION_STATUSES),
    endedOn: read.optionalDate(REGISTRATION.endedOn),
    endReason: read.optionalText(REGISTRATION.endReason),
    prolongationCount: read.count(REGISTRATION.prolongationCount),
  };
}

/**
 * Reads items, turning a column that holds what it should not into a
 * SharePointError naming the list, the item and the column: never the
 * value, which may be a national number.
 */
export function readAll<T>(
  operation: string,
  list: ListName,
  items: readonly ListItem[],
  read: (item: ListItem) => T,
): T[] {
  return items.map((item) => {
    try {
      return read(item);
    } catch (error) {
      if (!(error instanceof ColumnError)) throw error;
      const detail =
        `item ${item.id} of list ${list} has no valid ${error.column}`;
      throw new SharePointError(operation, { kind: 'malformed', detail },
        { cause: error });
    }
  });
}

/** Private: a column of an item does not hold what it should. */
class ColumnError extends Error {
  constructor(readonly column: string) {
    super(`No valid ${column}`);
  }
}

/**
 * Private: reads typed values out of an item's fields. Graph leaves an
 * empty column out of `fields`; it reads as null.
 */
class FieldReader {
  constructor(private readonly item: ListItem) {}

  text(column: string): string {
    const value = this.optionalText(column);
    if (value === null) throw new ColumnError(column);
    return value;
  }

  optionalText(column: string): string | null {
    const value = this.item.fields[column];
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'string') throw new ColumnError(column);
    return value;
  }

  oneOf<T extends string>(column: string, values: readonly T[]): T {
    const value = this.text(column);
    if (!values.includes(value as T)) throw new ColumnError(column);
    return value as T;
  }

  date(column: string): string {
    const value = this.optionalDate(column);
    if (value === null) throw new ColumnError(column);
    return value;
  }

  optionalDate(column: string): string | null {
    const value = this.optionalText(column);
    if (value === null) return null;
    try {
      parseIsoDate(value);
    } catch {
      throw new ColumnError(column);
    }
    return value;
  }

  /** Answered in UTC, as `Date#toISOString` writes it. */
  instant(column: string): string {
    const value = this.text(column);
    const time = /(Z|[+-]\d{2}:\d{2})$/.test(value) ? Date.parse(value) : NaN;
    if (Number.isNaN(time)) throw new ColumnError(column);
    return new Date(time).toISOString();
  }

  count(column: string): number {
    const value = this.item.fields[column];
    if (!Number.isInteger(value) || (value as number) < 0) {
      throw new ColumnError(column);
    }
    return value as number;
  }

  flag(column: string): boolean {
    const value = this.item.fields[column];
    if (typeof value !== 'boolean') throw new ColumnError(column);
    return value;
  }
}
