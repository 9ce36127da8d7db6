/**
 * §3: the 112 app sends a daily report about each device; a missing
 * report or a low battery is something the managing zone of the
 * device's measure must see (§7.2.2), whichever zone's stock the device
 * came from. The thresholds live here, in the subgraph, so that every
 * store behind the inventory port is judged alike.
 */
import type { DeviceRecord } from '../../adapters/devices/types';
import type { MeasureKey } from '../../runtime/subgraph';
import { instantMillis } from '../protection/domain/clock';
import { requireZone } from './access';
import type { DevicesContext } from './context';
import type { DeviceIssueKind } from './generated/graphql';

/**
 * §3: the app reports once a day, so a device whose last contact is
 * more than a day old has missed a report. Exactly 24 hours is on time.
 */
export const CONTACT_LOST_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Decision: under a fifth of its charge, a device may not last until
 * the next daily report a day later; the zone has the person charge or
 * swap it before it goes dark. Exactly 20% is not yet low.
 */
export const LOW_BATTERY_PERCENT = 20;

/** Contact problems first: a silent alarm protects nobody. */
const KIND_ORDER: readonly DeviceIssueKind[] = [
  'NEVER_REPORTED',
  'NO_RECENT_CONTACT',
  'LOW_BATTERY',
];

/** An issue as the resolvers answer it; the gateway joins the measure. */
export interface DeviceIssueView {
  device: DeviceRecord;
  kind: DeviceIssueKind;
  measure: MeasureKey;
}

/** What is wrong with one device's last report at the instant `now`. */
export function issueKindsOf(
  device: DeviceRecord,
  nowMillis: number,
): DeviceIssueKind[] {
  const report = device.lastReport;
  if (!report) return ['NEVER_REPORTED'];
  const kinds: DeviceIssueKind[] = [];
  const silence = nowMillis - instantMillis(report.lastContactAt);
  if (silence > CONTACT_LOST_AFTER_MS) kinds.push('NO_RECENT_CONTACT');
  if (report.batteryPercent < LOW_BATTERY_PERCENT) kinds.push('LOW_BATTERY');
  return kinds;
}

/**
 * The issues of the ASSIGNED devices among `devices` at `now` (an ISO
 * instant): one per device and kind, in KIND_ORDER, then by serial.
 */
export function deviceIssues(
  devices: readonly DeviceRecord[],
  now: string,
): DeviceIssueView[] {
  const nowMillis = instantMillis(now);
  const issues = devices
    .filter((device) => device.status === 'ASSIGNED')
    .flatMap((device) => issueKindsOf(device, nowMillis).map((kind) => ({
      device,
      kind,
      measure: { id: measureIdOf(device) },
    })));
  return issues.sort((first, second) =>
    KIND_ORDER.indexOf(first.kind) - KIND_ORDER.indexOf(second.kind)
    || (first.device.serial < second.device.serial ? -1 : 1));
}

/**
 * The issues of the devices assigned under the measures the caller's
 * police zone manages (see `assignedDevicesByZone` in the port).
 */
export async function loadDeviceIssues(
  context: DevicesContext,
): Promise<DeviceIssueView[]> {
  const zone = requireZone(context.identity);
  const devices = await context.loaders.assignedDevicesOfZone.load(zone);
  return deviceIssues(devices, context.clock.now());
}

/**
 * The devices' part of the caller's work list (the protection
 * subgraph's WorkList): the zone's issues for the police, nothing for
 * the roles that keep no devices. The list is always the caller's own,
 * so the identity, not the list's key, says whose devices to read.
 */
export function workListDeviceIssues(
  context: DevicesContext,
): Promise<DeviceIssueView[]> {
  if (context.identity.role !== 'police') return Promise.resolve([]);
  return loadDeviceIssues(context);
}

/** Private: an ASSIGNED device always says under which measure. */
function measureIdOf(device: DeviceRecord): string {
  if (device.measureId === null) {
    throw new Error(`The assigned device ${device.serial} has no measure`);
  }
  return device.measureId;
}
