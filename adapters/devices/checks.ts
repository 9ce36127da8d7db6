/**
 * What every DevicesAdapter checks before it writes, whatever the store:
 * the shape of the input (a TypeError that names the argument, see
 * storage/input.ts) and the rules of the port (`DevicesRuleError`).
 * Sharing them keeps the SQL and the SharePoint adapters refusing the
 * same input the same way.
 */
import {
  requireCount,
  requireDate,
  requireNationalNumber,
  requireOneOf,
  requireOptionalDate,
  requireOptionalText,
  requireText,
} from '../../storage/input';
import {
  DEVICE_KINDS,
  DevicesRuleError,
  REPORT_ID_LENGTH,
  type DeviceDailyReport,
  GRANT_REGISTRATION_STATUSES,
  type AssignDeviceInput,
  type DeviceKind,
  type GrantRegistrationRecord,
  type ReassignZoneInput,
  type ReturnDevicesInput,
} from './types';

/** Measure ids are UUIDs (the demo's are shorter). */
export const ID_LENGTH = 36;
/** Arrondissement and zone codes. */
export const CODE_LENGTH = 8;
/** Room for the protection system's enumerations. */
export const ENUM_LENGTH = 40;
export const SERIAL_LENGTH = 32;

/** An `AssignDeviceInput` once checked, its kind defaulted. */
export interface Assignment {
  measureId: string;
  nationalNumber: string;
  arrondissementCode: string;
  zoneCode: string;
  assignedOn: string;
  kind: DeviceKind;
}

export function checkAssignment(input: AssignDeviceInput): Assignment {
  return {
    measureId: requireText('measureId', input.measureId, ID_LENGTH),
    nationalNumber: requireNationalNumber('nationalNumber',
      input.nationalNumber),
    arrondissementCode: requireText('arrondissementCode',
      input.arrondissementCode, CODE_LENGTH),
    zoneCode: requireText('zoneCode', input.zoneCode, CODE_LENGTH),
    assignedOn: requireDate('assignedOn', input.assignedOn),
    kind: requireOneOf('kind', input.kind ?? 'BUTTON', DEVICE_KINDS),
  };
}

export function checkReturn(input: ReturnDevicesInput): ReturnDevicesInput {
  return {
    measureId: requireText('measureId', input.measureId, ID_LENGTH),
    returnedOn: requireDate('returnedOn', input.returnedOn),
  };
}

export function checkReassignment(
  input: ReassignZoneInput,
): ReassignZoneInput {
  return {
    measureId: requireText('measureId', input.measureId, ID_LENGTH),
    zoneCode: requireText('zoneCode', input.zoneCode, CODE_LENGTH),
  };
}

/**
 * Shape checks of a registration (an ENDED one says when and why, an
 * ACTIVE one neither), then the rule that it cannot end before it
 * starts. Answers a copy holding exactly the record's fields.
 */
export function checkRegistration(
  input: GrantRegistrationRecord,
): GrantRegistrationRecord {
  const registration: GrantRegistrationRecord = {
    measureId: requireText('measureId', input.measureId, ID_LENGTH),
    arrondissementCode: requireText('arrondissementCode',
      input.arrondissementCode, CODE_LENGTH),
    zoneCode: requireText('zoneCode', input.zoneCode, CODE_LENGTH),
    decidedOn: requireDate('decidedOn', input.decidedOn),
    startDate: requireDate('startDate', input.startDate),
    endDate: requireDate('endDate', input.endDate),
    relationship: requireText('relationship', input.relationship,
      ENUM_LENGTH),
    protectedPersonCount: requireCount('protectedPersonCount',
      input.protectedPersonCount, 1),
    status: requireOneOf('status', input.status,
      GRANT_REGISTRATION_STATUSES),
    endedOn: requireOptionalDate('endedOn', input.endedOn),
    endReason: requireOptionalText('endReason', input.endReason,
      ENUM_LENGTH),
    prolongationCount: requireCount('prolongationCount',
      input.prolongationCount, 0),
  };
  requireEndConsistent(registration);

  if (registration.endDate < registration.startDate) {
    throw new DevicesRuleError('REGISTRATION_END_BEFORE_START',
      `The registration of measure ${registration.measureId} cannot end on ${registration.endDate}, before its start on ${registration.startDate}`);
  }
  return registration;
}

/** §7.13.1: a measure registered as ENDED never becomes ACTIVE again. */
export function refuseReactivation(
  stored: Pick<GrantRegistrationRecord, 'status' | 'endedOn'> | null,
  next: GrantRegistrationRecord,
): void {
  if (stored?.status === 'ENDED' && next.status === 'ACTIVE') {
    throw new DevicesRuleError('REGISTRATION_ALREADY_ENDED',
      `The measure ${next.measureId} is registered as ended since ${stored.endedOn}: it cannot become active again`);
  }
}

function requireEndConsistent(registration: GrantRegistrationRecord): void {
  const { status, endedOn, endReason } = registration;
  const ended = status === 'ENDED';
  if (ended !== (endedOn !== null) || ended !== (endReason !== null)) {
    throw new TypeError(
      `A registration ${status} must ${ended ? 'have' : 'have no'} endedOn and endReason, not ${JSON.stringify(endedOn)} and ${JSON.stringify(endReason)}`,
    );
  }
}

const INSTANT =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The shape of a report (a TypeError that names the argument): ids that
 * fit their columns, instants with an offset, a battery level from 0 to
 * 100, and a last contact no later than the report's arrival. Answers a
 * copy with its instants in UTC, as the table keeps them.
 */
export function checkDailyReport(
  input: DeviceDailyReport,
): DeviceDailyReport {
  const receivedAt = requireInstant('receivedAt', input.receivedAt);
  const lastContactAt = requireInstant('lastContactAt', input.lastContactAt);
  if (lastContactAt > receivedAt) {
    throw new TypeError(
      `lastContactAt (${input.lastContactAt}) must not be after receivedAt (${input.receivedAt})`,
    );
  }
  const battery = input.batteryPercent;
  if (!Number.isInteger(battery) || battery < 0 || battery > 100) {
    throw new TypeError(
      `batteryPercent must be a whole number from 0 to 100, not ${JSON.stringify(battery)}`,
    );
  }
  if (typeof input.alarmPressed !== 'boolean') {
    throw new TypeError(
      `alarmPressed must be a boolean, not ${JSON.stringify(input.alarmPressed)}`,
    );
  }
  return {
    reportId: requireText('reportId', input.reportId, REPORT_ID_LENGTH),
    serial: requireText('serial', input.serial, SERIAL_LENGTH),
    receivedAt,
    batteryPercent: battery,
    lastContactAt,
    alarmPressed: input.alarmPressed,
  };
}

function requireInstant(name: string, value: unknown): string {
  const millis = typeof value === 'string' && INSTANT.test(value)
    ? Date.parse(value)
    : NaN;
  if (Number.isNaN(millis)) {
    throw new TypeError(
      `${name} must be an ISO 8601 instant with an offset, not ${JSON.stringify(value)}`,
    );
  }
  return new Date(millis).toISOString();
}
