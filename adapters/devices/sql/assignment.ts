/**
 * Handing devices out and taking them back (§7.8.7, §7.12.2), inside the
 * transaction the adapter opens for each write.
 *
 * Two assignments at once must never take the same device. Each takes a
 * device with a conditional UPDATE (`... WHERE serial = ? AND status =
 * 'AVAILABLE'`): on MySQL/MariaDB the UPDATE waits for a competitor that
 * holds the row and then finds it ASSIGNED, so it changes no row. On
 * SQLite the writes run one at a time.
 *
 * Twin calls (the same person, measure and kind at once, as a retried
 * effect may make) must answer one device. The candidates are read
 * before the device held: a twin that took one since then shows as
 * held, or is met on the device it took, since both try the devices in
 * the same order. A call that loses a device reads it again with a
 * lock, which sees the committed row: taken by someone else, the next
 * candidate is tried; taken by a twin, the transaction runs again
 * (`WriteConflict`) and answers the twin's device as held.
 */
import { In, type EntityManager } from 'typeorm';
import { WriteConflict, findOneForUpdate } from '../../../storage/write';
import type { Assignment } from '../checks';
import type { AssignDeviceResult, DeviceRecord } from '../types';
import { findDevices } from './devices';
import { Device, Shortage, type ShortageRow } from './schema';

export async function assign(
  manager: EntityManager,
  assignment: Assignment,
): Promise<AssignDeviceResult> {
  // The candidates are read before the held device: see the module
  // comment for why that order keeps twin calls on one device.
  const serials = await candidates(manager, assignment);
  // A retry, a twin call, or a device handed over outside this adapter.
  const held = await heldSerial(manager, assignment);
  if (held) return { device: await settle(manager, assignment, held) };

  for (const serial of serials) {
    if (await take(manager, assignment, serial)) {
      return { device: await settle(manager, assignment, serial) };
    }
    if (await takenByTwin(manager, assignment, serial)) {
      // This transaction's reads still show the device AVAILABLE: the
      // next run sees the twin's device held, and answers it.
      throw new WriteConflict(
        `Device ${serial} went to a twin call of measure ${assignment.measureId}`);
    }
  }

  await reportShortage(manager, assignment);
  return { shortage: true };
}

/** §7.12.2: the measure's assigned devices come back on `returnedOn`. */
export async function giveBack(
  manager: EntityManager,
  measureId: string,
  returnedOn: string,
): Promise<DeviceRecord[]> {
  await manager.update(Device,
    { measureId, status: 'ASSIGNED' },
    { status: 'RETURNED', returnedOn });
  const devices = await findDevices(manager,
    { column: 'measureId', keys: [measureId] });
  return devices.filter((device) =>
    device.measureId === measureId && device.status === 'RETURNED');
}

/**
 * §7.2.3: the measure's assigned devices answer to its new managing
 * zone; the keeper, and so the stock, stays. Writing the zone again
 * changes nothing, so a retry answers the same devices.
 */
export async function reassign(
  manager: EntityManager,
  measureId: string,
  zoneCode: string,
): Promise<DeviceRecord[]> {
  const rows = await manager.findBy(Device,
    { measureId, status: 'ASSIGNED' });
  // MySQL compares without case: only the exact id is this measure.
  const serials = rows
    .filter((row) => row.measureId === measureId)
    .map((row) => row.serial);
  if (serials.length > 0) {
    await manager.update(Device, { serial: In(serials) },
      { assignedZoneCode: zoneCode });
  }
  const devices = await findDevices(manager,
    { column: 'measureId', keys: [measureId] });
  return devices.filter((device) =>
    device.measureId === measureId && device.status === 'ASSIGNED');
}

/** Whether the conditional UPDATE took the device (it was AVAILABLE). */
async function take(
  manager: EntityManager,
  assignment: Assignment,
  serial: string,
): Promise<boolean> {
  const taken = await manager.update(Device,
    { serial, status: 'AVAILABLE' },
    {
      status: 'ASSIGNED',
      measureId: assignment.measureId,
      assignedTo: assignment.nationalNumber,
      assignedZoneCode: assignment.zoneCode,
      assignedOn: assignment.assignedOn,
      returnedOn: null,
    });
  return taken.affected === 1;
}

/**
 * Whether a device this call failed to take went to the same person,
 * measure and kind. A locking read: it sees the committed row, where a
 * plain read would show this transaction's snapshot.
 */
async function takenByTwin(
  manager: EntityManager,
  assignment: Assignment,
  serial: string,
): Promise<boolean> {
  const row = await findOneForUpdate(manager, Device, { serial });
  return row?.status === 'ASSIGNED'
    && row.kind === assignment.kind
    && row.measureId === assignment.measureId
    && row.assignedTo === assignment.nationalNumber;
}

/** The device of the kind the person holds under the measure, if any. */
async function heldSerial(
  manager: EntityManager,
  assignment: Assignment,
): Promise<string | undefined> {
  const rows = await manager.find(Device, {
    where: {
      measureId: assignment.measureId,
      assignedTo: assignment.nationalNumber,
      kind: assignment.kind,
      status: 'ASSIGNED',
    },
    order: { serial: 'ASC' },
  });
  return rows.find((row) => row.measureId === assignment.measureId)?.serial;
}

/**
 * The serials of the AVAILABLE devices of the kind in the arrondissement:
 * those the managing zone keeps first, then the others, each by serial.
 */
async function candidates(
  manager: EntityManager,
  assignment: Assignment,
): Promise<string[]> {
  const rows = await manager.find(Device, {
    where: {
      arrondissementCode: assignment.arrondissementCode,
      kind: assignment.kind,
      status: 'AVAILABLE',
    },
    order: { serial: 'ASC' },
  });
  // A stable sort: serial order holds within each rank.
  const rank = (zoneCode: string | null) =>
    zoneCode === assignment.zoneCode ? 0 : 1;
  return rows
    .filter((row) => row.arrondissementCode === assignment.arrondissementCode)
    .sort((a, b) => rank(a.zoneCode) - rank(b.zoneCode))
    .map((row) => row.serial);
}

/** The device now with the person; any open shortage is over. */
async function settle(
  manager: EntityManager,
  assignment: Assignment,
  serial: string,
): Promise<DeviceRecord> {
  const open = await openShortage(manager, assignment);
  if (open) {
    await manager.update(Shortage, { id: open.id },
      { resolvedOn: assignment.assignedOn, openFor: null });
  }
  const [device] = await findDevices(manager,
    { column: 'serial', keys: [serial] });
  if (!device) {
    throw new Error(`Device ${serial} vanished while being assigned`);
  }
  return device;
}

/**
 * §7.8.7: records that the measure found no device of the kind, once
 * while the shortage stays open. The unique `open_for` makes a second,
 * concurrent report fail; the write then runs again and finds the first.
 */
async function reportShortage(
  manager: EntityManager,
  assignment: Assignment,
): Promise<void> {
  if (await openShortage(manager, assignment)) return;
  await manager.insert(Shortage, {
    measureId: assignment.measureId,
    kind: assignment.kind,
    arrondissementCode: assignment.arrondissementCode,
    zoneCode: assignment.zoneCode,
    reportedOn: assignment.assignedOn,
    resolvedOn: null,
    openFor: openKey(assignment),
  });
}

async function openShortage(
  manager: EntityManager,
  assignment: Assignment,
): Promise<ShortageRow | null> {
  return manager.findOneBy(Shortage, { openFor: openKey(assignment) });
}

function openKey(assignment: Assignment): string {
  return `${assignment.kind}:${assignment.measureId}`;
}
