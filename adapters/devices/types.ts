/**
 * The device inventory's port (SharePoint lists in production): the
 * devices and their daily reports, the shortages of §7.8.7 and the
 * police registration of each grant (§7.13.1). Dates are ISO strings
 * (YYYY-MM-DD).
 */
import {
  AgencyRuleError,
  type AgencyAdapter,
  type BatchRead,
} from '../adapter';

export const DEVICE_KINDS = ['BUTTON', 'LENT_PHONE'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const DEVICE_STATUSES = [
  'AVAILABLE',
  'ASSIGNED',
  'IN_REPAIR',
  'LOST',
  'RETURNED',
] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

/** The 112 app's daily report; instants are ISO 8601 with offset. */
export interface DailyReportRecord {
  receivedAt: string;
  batteryPercent: number;
  lastContactAt: string;
  alarmPressed: boolean;
}

/**
 * A device and where it is. Its keeper (`zoneCode`) is whose stock it
 * belongs to, whatever its status (§7.8.7). While ASSIGNED, `measureId`
 * and `assignedTo` (the protected person) say who has it, and
 * `assignedZoneCode` which zone answers for it: the measure's managing
 * zone, whichever stock the device came from (see `answeringZoneOf`).
 * Once RETURNED it keeps all three, with `assignedOn` and `returnedOn`,
 * as the record of its last assignment.
 */
export interface DeviceRecord {
  serial: string;
  kind: DeviceKind;
  status: DeviceStatus;
  arrondissementCode: string;
  /** The zone that keeps it; null when kept by the arrondissement. */
  zoneCode: string | null;
  measureId: string | null;
  assignedTo: string | null;
  /**
   * The managing zone of the measure it was assigned under (§7.2.2), the
   * `zoneCode` given to `assignDevice`, or to `reassignZone` after the
   * measure moved (§7.2.3); null when not known (devices
   * assigned before it was recorded, or handed over outside the port).
   */
  assignedZoneCode: string | null;
  /** null when not known (devices assigned before it was recorded). */
  assignedOn: string | null;
  returnedOn: string | null;
  lastReport: DailyReportRecord | null;
}

/** A device without its daily reports: what the statistics read. */
export type InventoryDevice = Omit<DeviceRecord, 'lastReport'>;

/**
 * §3, §7.2.2: the zone that watches an ASSIGNED device's daily reports:
 * the managing zone of its measure, or, when that was not recorded, the
 * zone keeping it; null when neither is known.
 */
export function answeringZoneOf(
  device: Pick<DeviceRecord, 'zoneCode' | 'assignedZoneCode'>,
): string | null {
  return device.assignedZoneCode ?? device.zoneCode;
}

/** §7.8.7: the devices of an arrondissement, by status. */
export interface StockRecord {
  arrondissementCode: string;
  available: number;
  assigned: number;
  inRepair: number;
  lost: number;
  /** Back from ended measures, not yet checked and restocked. */
  returned: number;
}

/**
 * §7.8.7: the part of an arrondissement's stock one keeper holds: a
 * zone (`zoneCode`), or the arrondissement itself (`zoneCode` null).
 * Devices count with their keeper whatever their status: one taken
 * from a zone's stock under another zone's measure is in the keeper's
 * `assigned`, and comes back to its `returned`; the managing zone sees
 * it among its `assignedDevicesByZone` while it is out.
 */
export interface ZoneStockRecord extends StockRecord {
  zoneCode: string | null;
}

/**
 * §7.8.7: a measure that found no device of a kind available in its
 * arrondissement. It is resolved the day a device of that kind is
 * assigned to the measure.
 */
export interface ShortageRecord {
  id: string;
  measureId: string;
  kind: DeviceKind;
  arrondissementCode: string;
  zoneCode: string;
  reportedOn: string;
  resolvedOn: string | null;
}

export const GRANT_REGISTRATION_STATUSES = ['ACTIVE', 'ENDED'] as const;
export type GrantRegistrationStatus =
  (typeof GRANT_REGISTRATION_STATUSES)[number];

/**
 * §7.13.1: the police registration of a grant, which statistics are
 * drawn from. The caller sends the measure's whole current state.
 */
export interface GrantRegistrationRecord {
  measureId: string;
  arrondissementCode: string;
  zoneCode: string;
  decidedOn: string;
  startDate: string;
  /** The planned end, prolongations included. */
  endDate: string;
  relationship: string;
  protectedPersonCount: number;
  status: GrantRegistrationStatus;
  /** Set exactly when the status is ENDED, as is `endReason`. */
  endedOn: string | null;
  endReason: string | null;
  prolongationCount: number;
}

export interface AssignDeviceInput {
  measureId: string;
  /** The protected person who gets the device. */
  nationalNumber: string;
  arrondissementCode: string;
  /** The managing zone, whose own devices are taken first. */
  zoneCode: string;
  assignedOn: string;
  /** Default BUTTON. */
  kind?: DeviceKind;
}

/** The longest report id the inventory keeps: a UUID, or longer. */
export const REPORT_ID_LENGTH = 64;

/**
 * §3: a daily report of the 112 app about one device, under the app's
 * own id for it (at most REPORT_ID_LENGTH characters). Instants are ISO
 * 8601 with offset.
 */
export interface DeviceDailyReport extends DailyReportRecord {
  /** The same on every retry of the report. */
  reportId: string;
  serial: string;
}

export type AssignDeviceResult = { device: DeviceRecord } | { shortage: true };

export interface ReturnDevicesInput {
  measureId: string;
  returnedOn: string;
}

/** §7.2.3: the measure is managed by another zone from now on. */
export interface ReassignZoneInput {
  measureId: string;
  /** The measure's new managing zone. */
  zoneCode: string;
}

export interface DevicesAdapter extends AgencyAdapter {
  /** The devices assigned under each measure, by serial. */
  devicesByMeasureId: BatchRead<string, DeviceRecord[]>;
  devicesBySerial: BatchRead<string, DeviceRecord | null>;
  /** Each arrondissement's counts; zeros for one without devices. */
  stockByArrondissement: BatchRead<string, StockRecord>;
  /**
   * §7.8.7: each arrondissement's stock split by keeper: one entry per
   * zone holding any device, by zone code, then the devices the
   * arrondissement keeps itself (zoneCode null) if there are any; []
   * for an arrondissement without devices. The entries add up to
   * `stockByArrondissement`.
   */
  zoneStocksByArrondissement: BatchRead<string, ZoneStockRecord[]>;
  /**
   * §9, issue 7: every device of each arrondissement's stock, whatever
   * its status or keeper, by serial, without daily reports; [] for an
   * arrondissement without devices. The statistics read it.
   */
  devicesByArrondissement: BatchRead<string, InventoryDevice[]>;
  /** Open shortages first, then newest first. */
  shortagesByArrondissement: BatchRead<string, ShortageRecord[]>;
  /**
   * §3: the devices ASSIGNED under the measures each zone manages
   * (`answeringZoneOf`: the managing zone recorded at assignment, else
   * the keeper), wherever they were taken from, by serial, each with
   * its last report; [] for a zone without any.
   */
  assignedDevicesByZone: BatchRead<string, DeviceRecord[]>;
  grantRegistrationsByMeasureId: BatchRead<
    string,
    GrantRegistrationRecord | null
  >;

  /**
   * §7.13.1: creates or replaces the measure's registration. Refuses
   * an end date before the start (REGISTRATION_END_BEFORE_START) and an
   * ACTIVE registration of a measure registered as ENDED
   * (REGISTRATION_ALREADY_ENDED): a measure that ended never resumes.
   */
  upsertGrantRegistration(
    input: GrantRegistrationRecord,
  ): Promise<GrantRegistrationRecord>;

  /**
   * §7.8.7: assigns an AVAILABLE device of the kind in the arrondissement
   * to the person under the measure: the zone's own devices first, then
   * the others of the arrondissement, each by serial. The device keeps
   * its keeper and records the zone as `assignedZoneCode`. When the person
   * already holds such a device under the measure, answers it. When none
   * is available, records a shortage (once while it stays open) and
   * answers `{ shortage: true }`; a later assignment resolves it. Two
   * calls at once never get the same device, unless they are for the
   * same person, measure and kind: those all get one device.
   */
  assignDevice(input: AssignDeviceInput): Promise<AssignDeviceResult>;

  /**
   * §7.12.2: every device ASSIGNED under the measure becomes RETURNED on
   * `returnedOn` (see DeviceRecord for what it keeps). Answers all the
   * measure's returned devices, by serial, so a retry answers the same.
   */
  returnDevices(input: ReturnDevicesInput): Promise<DeviceRecord[]>;

  /**
   * §7.2.3, §3: every device ASSIGNED under the measure answers to
   * `zoneCode` (`assignedZoneCode`), the measure's new managing zone,
   * which sees its daily reports from then on. The keeper, hence the
   * stock (§7.8.7), does not change, nor do returned devices, which
   * keep the zone of their assignment on record. Answers the measure's
   * ASSIGNED devices by serial, so a retry answers the same.
   */
  reassignZone(input: ReassignZoneInput): Promise<DeviceRecord[]>;

  /**
   * §3: stores a daily report once per `reportId`: a retry answers the
   * stored report; the same id with other content, or a second report
   * of the device received at the same instant, is refused
   * (DAILY_REPORT_CONFLICT); an unknown serial too (UNKNOWN_DEVICE).
   * Answers the report with its instants in UTC, as `Date#toISOString`
   * writes them. A battery outside 0 to 100, or a last contact after
   * the report's arrival, is misuse (a TypeError).
   */
  recordDailyReport(input: DeviceDailyReport): Promise<DeviceDailyReport>;
}

export const DEVICES_RULE_CODES = [
  'REGISTRATION_END_BEFORE_START',
  'REGISTRATION_ALREADY_ENDED',
  'UNKNOWN_DEVICE',
  'DAILY_REPORT_CONFLICT',
] as const;
export type DevicesRuleCode = (typeof DEVICES_RULE_CODES)[number];

/** A write the inventory's rules refuse; see `DEVICES_RULE_CODES`. */
export class DevicesRuleError extends AgencyRuleError<DevicesRuleCode> {
  override readonly name = 'DevicesRuleError';
}
