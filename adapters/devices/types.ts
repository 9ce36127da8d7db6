/**
 * The device inventory's port (SharePoint lists in production).
 */
import type { AgencyAdapter, BatchRead } from '../adapter';

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

export interface DeviceRecord {
  serial: string;
  kind: DeviceKind;
  status: DeviceStatus;
  arrondissementCode: string;
  zoneCode: string | null;
  measureId: string | null;
  assignedTo: string | null;
  lastReport: DailyReportRecord | null;
}

export interface DevicesAdapter extends AgencyAdapter {
  /** The devices assigned under each measure, by serial. */
  devicesByMeasureId: BatchRead<string, DeviceRecord[]>;
  devicesBySerial: BatchRead<string, DeviceRecord | null>;
}
