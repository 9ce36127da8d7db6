/**
 * Handing devices out and taking them back (§7.8.7, §7.12.2) on the
 * SharePoint lists, where there is no transaction: every change is one
 * conditional write (PATCH with If-Match: the etag read).
 *
 * Two assignments at once never take the same device: both read it
 * AVAILABLE at the same version, the first write moves it to a new
 * version, and the second, still sending the old one, is refused with
 * 412. The loser reads the device again: taken by someone else, it tries
 * the next candidate; still AVAILABLE (an unrelated edit), it writes
 * again; taken for the same person under the same measure (its own
 * earlier write, or a twin call), it answers that device.
 *
 * Twin calls (the same person, measure and kind at once) answer one
 * device because the candidates are read before the device held: a
 * twin that took one since then shows as held, and one that takes it
 * later meets this call on the same device, since both try the devices
 * in the same order.
 */
import type { Assignment } from '../checks';
import type { AssignDeviceResult, DeviceRecord } from '../types';
import {
  DEVICE,
  SHORTAGE,
  SHORTAGE_COLUMNS,
  toFields,
  type DeviceItem,
} from './columns';
import { SharePointError } from './errors';
import type { Inventory } from './inventory';
import { WRITE_ATTEMPTS } from './items';

export async function assign(
  inventory: Inventory,
  assignment: Assignment,
): Promise<AssignDeviceResult> {
  // The candidates are read before the held device: see the module
  // comment for why that order keeps twin calls on one device.
  const available = await candidates(inventory, assignment);
  // A retry, a twin call, or a device handed over outside this adapter.
  const held = await heldDevice(inventory, assignment);
  if (held) return { device: await settle(inventory, assignment, held) };

  for (const candidate of available) {
    if (await take(inventory, assignment, candidate)) {
      return { device: await settle(inventory, assignment, candidate) };
    }
  }

  await reportShortage(inventory, assignment);
  return { shortage: true };
}

/** §7.12.2: the measure's assigned devices come back on `returnedOn`. */
export async function giveBack(
  inventory: Inventory,
  measureId: string,
  returnedOn: string,
): Promise<DeviceRecord[]> {
  const operation = 'returnDevices';
  const assigned = await inventory.devices(operation, {
    equal: { [DEVICE.measureId]: measureId, [DEVICE.status]: 'ASSIGNED' },
  });
  await Promise.all(assigned.map((item) =>
    returnOne(inventory, item, measureId, returnedOn)));

  const devices = await inventory.devicesWithReports(operation,
    { equal: { [DEVICE.measureId]: measureId } });
  return devices.filter((device) => device.status === 'RETURNED');
}

/**
 * §7.2.3: the measure's assigned devices answer to its new managing
 * zone; the keeper, and so the stock, stays. An item already there is
 * not written, so a retry sends no write and answers the same devices.
 */
export async function reassign(
  inventory: Inventory,
  measureId: string,
  zoneCode: string,
): Promise<DeviceRecord[]> {
  const operation = 'reassignZone';
  const assigned = await inventory.devices(operation, {
    equal: { [DEVICE.measureId]: measureId, [DEVICE.status]: 'ASSIGNED' },
  });
  await Promise.all(assigned
    .filter((item) => item.device.assignedZoneCode !== zoneCode)
    .map((item) => reassignOne(inventory, item, measureId, zoneCode)));

  const devices = await inventory.devicesWithReports(operation,
    { equal: { [DEVICE.measureId]: measureId } });
  return devices.filter((device) => device.status === 'ASSIGNED');
}

/**
 * The device of the kind the person holds under the measure, if any. The
 * national number is compared here, never sent in a URL.
 */
async function heldDevice(
  inventory: Inventory,
  assignment: Assignment,
): Promise<DeviceItem | undefined> {
  const devices = await inventory.devices('assignDevice', {
    equal: {
      [DEVICE.measureId]: assignment.measureId,
      [DEVICE.kind]: assignment.kind,
      [DEVICE.status]: 'ASSIGNED',
    },
  });
  return devices.find((item) =>
    item.device.assignedTo === assignment.nationalNumber);
}

/**
 * The AVAILABLE devices of the kind in the arrondissement: those the
 * managing zone keeps first, then the others, each by serial.
 */
async function candidates(
  inventory: Inventory,
  assignment: Assignment,
): Promise<DeviceItem[]> {
  const devices = await inventory.devices('assignDevice', {
    equal: {
      [DEVICE.arrondissementCode]: assignment.arrondissementCode,
      [DEVICE.kind]: assignment.kind,
      [DEVICE.status]: 'AVAILABLE',
    },
  });
  // A stable sort: serial order holds within each rank.
  const rank = (item: DeviceItem) =>
    item.device.zoneCode === assignment.zoneCode ? 0 : 1;
  return devices.sort((a, b) => rank(a) - rank(b));
}

/** Whether the candidate is now the person's (see the module comment). */
async function take(
  inventory: Inventory,
  assignment: Assignment,
  candidate: DeviceItem,
): Promise<boolean> {
  const fields = toFields(DEVICE, {
    status: 'ASSIGNED',
    measureId: assignment.measureId,
    assignedTo: assignment.nationalNumber,
    assignedZoneCode: assignment.zoneCode,
    assignedOn: assignment.assignedOn,
    returnedOn: null,
  });
  let current = candidate;
  for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt += 1) {
    const result = await inventory.lists.update('assignDevice', 'devices',
      current, fields);
    if (result.written) return true;

    const fresh = await inventory.device('assignDevice', current.id);
    if (fresh === null) return false;
    if (isHeldUnder(fresh, assignment)) return true;
    if (!isCandidate(fresh, assignment)) return false;
    current = fresh;
  }
  throw new SharePointError('assignDevice',
    { kind: 'conflict', attempts: WRITE_ATTEMPTS });
}

function isHeldUnder(item: DeviceItem, assignment: Assignment): boolean {
  const { device } = item;
  return device.status === 'ASSIGNED'
    && device.kind === assignment.kind
    && device.measureId === assignment.measureId
    && device.assignedTo === assignment.nationalNumber;
}

function isCandidate(item: DeviceItem, assignment: Assignment): boolean {
  const { device } = item;
  return device.status === 'AVAILABLE'
    && device.kind === assignment.kind
    && device.arrondissementCode === assignment.arrondissementCode;
}

/** The device now with the person: any open shortage is over. */
async function settle(
  inventory: Inventory,
  assignment: Assignment,
  taken: DeviceItem,
): Promise<DeviceRecord> {
  await resolveShortages(inventory, assignment);
  const [device] = await inventory.devicesBySerial('assignDevice',
    [taken.device.serial]);
  if (!device) {
    throw new Error(
      `Device ${taken.device.serial} vanished while being assigned`);
  }
  return device;
}

/** Writes `resolvedOn` on the open shortages of the measure and kind. */
async function resolveShortages(
  inventory: Inventory,
  assignment: Assignment,
): Promise<void> {
  const fields = toFields(SHORTAGE,
    { resolvedOn: assignment.assignedOn, openFor: null });
  for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt += 1) {
    const open = await openShortages(inventory, assignment);
    if (open.length === 0) return;
    const results = await Promise.all(open.map((item) =>
      inventory.lists.update('assignDevice', 'shortages', item, fields)));
    if (results.every((result) => result.written)) return;
  }
  throw new SharePointError('assignDevice',
    { kind: 'conflict', attempts: WRITE_ATTEMPTS });
}

/**
 * §7.8.7: records that the measure found no device of the kind, once
 * while the shortage stays open (see `createOnce` for calls at once).
 */
async function reportShortage(
  inventory: Inventory,
  assignment: Assignment,
): Promise<void> {
  if ((await openShortages(inventory, assignment)).length > 0) return;
  const openFor = openKey(assignment);
  await inventory.lists.createOnce('assignDevice', 'shortages',
    { equal: { [SHORTAGE.openFor]: openFor } },
    toFields(SHORTAGE, {
      measureId: assignment.measureId,
      kind: assignment.kind,
      arrondissementCode: assignment.arrondissementCode,
      zoneCode: assignment.zoneCode,
      reportedOn: assignment.assignedOn,
      resolvedOn: null,
      openFor,
    }),
    SHORTAGE_COLUMNS);
}

function openShortages(inventory: Inventory, assignment: Assignment) {
  return inventory.shortages('assignDevice',
    { equal: { [SHORTAGE.openFor]: openKey(assignment) } });
}

function openKey(assignment: Assignment): string {
  return `${assignment.kind}:${assignment.measureId}`;
}

/** Marks one device RETURNED, unless someone already changed it. */
async function returnOne(
  inventory: Inventory,
  item: DeviceItem,
  measureId: string,
  returnedOn: string,
): Promise<void> {
  const fields = toFields(DEVICE, { status: 'RETURNED', returnedOn });
  let current = item;
  for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt += 1) {
    const result = await inventory.lists.update('returnDevices', 'devices',
      current, fields);
    if (result.written) return;

    const fresh = await inventory.device('returnDevices', current.id);
    const stillOut = fresh?.device.status === 'ASSIGNED'
      && fresh.device.measureId === measureId;
    if (!fresh || !stillOut) return;
    current = fresh;
  }
  throw new SharePointError('returnDevices',
    { kind: 'conflict', attempts: WRITE_ATTEMPTS });
}

/**
 * Points one device at the zone, unless it left the measure meanwhile
 * (returned, say): a 412 reads it again and writes again while it is
 * still out under the measure.
 */
async function reassignOne(
  inventory: Inventory,
  item: DeviceItem,
  measureId: string,
  zoneCode: string,
): Promise<void> {
  const fields = toFields(DEVICE, { assignedZoneCode: zoneCode });
  let current = item;
  for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt += 1) {
    const result = await inventory.lists.update('reassignZone', 'devices',
      current, fields);
    if (result.written) return;

    const fresh = await inventory.device('reassignZone', current.id);
    const stillOut = fresh?.device.status === 'ASSIGNED'
      && fresh.device.measureId === measureId;
    if (!fresh || !stillOut) return;
    if (fresh.device.assignedZoneCode === zoneCode) return;
    current = fresh;
  }
  throw new SharePointError('reassignZone',
    { kind: 'conflict', attempts: WRITE_ATTEMPTS });
}
