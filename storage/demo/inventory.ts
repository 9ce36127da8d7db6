/**
 * The demo device inventory: a button (and sometimes a lent phone) with
 * each active measure's victim, devices just back from recently ended
 * measures, and stock per arrondissement, each device kept by a zone or
 * by the arrondissement itself. Namur has none available: the shortage
 * of §7.8.7. Assigned devices send a daily report each morning, the
 * reference day's included; one button's reports stopped days ago,
 * which its zone must notice.
 */
import type {
  DailyReportRecord,
  DeviceKind,
  DeviceRecord,
  DeviceStatus,
} from '../../adapters/devices/types';
import type { ZoneRecord } from '../../adapters/protection/types';
import { addDays, daysBetween } from '../dates';
import type { Prng } from '../prng';
import type { DemoCase } from './cases';
import { pad } from './text';

/** A daily report and the device it came from. */
export interface DemoDailyReport extends DailyReportRecord {
  serial: string;
}

export interface DemoInventory {
  devices: DeviceRecord[];
  dailyReports: DemoDailyReport[];
}

/** Who keeps a device: a deployed zone's code, or null for the
 *  arrondissement itself. */
type Keeper = string | null;

/** One keeper per device: buttons by status, then lent phones. */
type Stock = Partial<Record<'AVAILABLE' | 'IN_REPAIR' | 'LOST', Keeper[]>>
  & { phones?: Keeper[] };

/**
 * Devices not with anyone, per arrondissement, each with its keeper, so
 * that the stock of every zone can be counted by hand (§7.8.7).
 */
const STOCK: Readonly<Record<string, Stock>> = {
  BRU: {
    AVAILABLE: [null, '5340', null],
    phones: [null],
    IN_REPAIR: ['5339'],
    LOST: [null],
  },
  ANT: {
    AVAILABLE: ['5347', '5347', null, '5347'],
    phones: ['5345'],
    IN_REPAIR: ['5347'],
  },
  OVL: { AVAILABLE: [null, null], IN_REPAIR: ['5415'] },
  LIE: { AVAILABLE: [null, '5276'], LOST: [null] },
  NAM: { IN_REPAIR: ['5303'] },
};

/** Devices of measures ended this recently are still "returned". */
const RETURN_WINDOW_DAYS = 45;
/** Days of report history kept for each assigned device. */
const REPORT_DAYS = 3;
const STALE_REPORT_DAYS = 6;

class Serials {
  private counts: Record<DeviceKind, number> = { BUTTON: 0, LENT_PHONE: 0 };

  next(kind: DeviceKind): string {
    this.counts[kind] += 1;
    const tag = kind === 'BUTTON' ? 'BTN' : 'PHN';
    return `DEMO-${tag}-${pad(this.counts[kind], 4)}`;
  }
}

export function demoInventory(
  cases: readonly DemoCase[],
  zones: readonly ZoneRecord[],
  prng: Prng,
  referenceDate: string,
): DemoInventory {
  const serials = new Serials();
  const inventory: DemoInventory = { devices: [], dailyReports: [] };
  for (const demoCase of cases) {
    const { status, endedOn } = demoCase.measure;
    if (status === 'ACTIVE') {
      assign(demoCase, serials, prng, referenceDate, inventory);
    } else if (status === 'ENDED' && endedOn
      && daysBetween(endedOn, referenceDate) <= RETURN_WINDOW_DAYS) {
      inventory.devices.push(returned(demoCase, serials.next('BUTTON')));
    }
  }
  for (const [arrondissementCode, stock] of Object.entries(STOCK)) {
    const local = zones.filter((zone) =>
      zone.arrondissementCode === arrondissementCode && zone.deployedOn);
    inventory.devices.push(
      ...stockOf(arrondissementCode, stock, local, serials));
  }
  return inventory;
}

/** The victim's button, maybe a lent phone, and their reports. */
function assign(
  demoCase: DemoCase,
  serials: Serials,
  prng: Prng,
  referenceDate: string,
  inventory: DemoInventory,
): void {
  const lentPhone = demoCase.plan.lentPhone ?? prng.chance(0.25);
  const kinds: DeviceKind[] = lentPhone ? ['BUTTON', 'LENT_PHONE']
    : ['BUTTON'];
  for (const kind of kinds) {
    const serial = serials.next(kind);
    const reports = dailyReports(serial, demoCase, prng, referenceDate);
    inventory.dailyReports.push(...reports);
    const last = reports[reports.length - 1];
    inventory.devices.push({
      serial,
      kind,
      status: 'ASSIGNED',
      arrondissementCode: demoCase.measure.arrondissementCode,
      zoneCode: demoCase.measure.managingZoneCode,
      measureId: demoCase.measure.id,
      assignedTo: demoCase.victim.nationalNumber,
      assignedZoneCode: demoCase.measure.managingZoneCode,
      assignedOn: demoCase.measure.startDate,
      returnedOn: null,
      lastReport: last ? withoutSerial(last) : null,
    });
  }
}

/** One report a morning since activation, up to today's, oldest first. */
function dailyReports(
  serial: string,
  demoCase: DemoCase,
  prng: Prng,
  referenceDate: string,
): DemoDailyReport[] {
  const days = demoCase.plan.staleReport
    ? [addDays(referenceDate, -STALE_REPORT_DAYS)]
    : Array.from({ length: REPORT_DAYS }, (_, i) =>
      addDays(referenceDate, i + 1 - REPORT_DAYS));
  const startDate = demoCase.measure.startDate ?? referenceDate;
  return days
    .filter((day) => day >= startDate)
    .map((day) => {
      // About 06:00 in Brussels; instants are kept in UTC.
      const received = Date.parse(`${day}T05:00:00.000Z`)
        + prng.int(0, 3599) * 1000;
      const contact = received - prng.int(0, 90) * 60_000;
      return {
        serial,
        receivedAt: new Date(received).toISOString(),
        batteryPercent: prng.int(18, 100),
        lastContactAt: new Date(contact).toISOString(),
        alarmPressed: prng.chance(0.03),
      };
    });
}

function withoutSerial(report: DemoDailyReport): DailyReportRecord {
  const { serial: _serial, ...record } = report;
  return record;
}

/**
 * Back from an ended measure, waiting to be checked and restocked; it
 * keeps the record of whom it was with, as `returnDevices` does.
 */
function returned(demoCase: DemoCase, serial: string): DeviceRecord {
  return {
    serial,
    kind: 'BUTTON',
    status: 'RETURNED',
    arrondissementCode: demoCase.measure.arrondissementCode,
    zoneCode: demoCase.measure.managingZoneCode,
    measureId: demoCase.measure.id,
    assignedTo: demoCase.victim.nationalNumber,
    assignedZoneCode: demoCase.measure.managingZoneCode,
    assignedOn: demoCase.measure.startDate,
    returnedOn: demoCase.measure.endedOn,
    lastReport: null,
  };
}

function stockOf(
  arrondissementCode: string,
  stock: Stock,
  zones: readonly ZoneRecord[],
  serials: Serials,
): DeviceRecord[] {
  const lines: [DeviceKind, DeviceStatus, Keeper[]][] = [
    ['BUTTON', 'AVAILABLE', stock.AVAILABLE ?? []],
    ['LENT_PHONE', 'AVAILABLE', stock.phones ?? []],
    ['BUTTON', 'IN_REPAIR', stock.IN_REPAIR ?? []],
    ['BUTTON', 'LOST', stock.LOST ?? []],
  ];
  return lines.flatMap(([kind, status, keepers]) =>
    keepers.map((zoneCode): DeviceRecord => ({
      serial: serials.next(kind),
      kind,
      status,
      arrondissementCode,
      zoneCode: keeperOf(zoneCode, arrondissementCode, zones),
      measureId: null,
      assignedTo: null,
      assignedZoneCode: null,
      assignedOn: null,
      returnedOn: null,
      lastReport: null,
    })));
}

/** Private: a keeper must be a deployed zone of the arrondissement. */
function keeperOf(
  zoneCode: Keeper,
  arrondissementCode: string,
  zones: readonly ZoneRecord[],
): Keeper {
  if (zoneCode !== null && !zones.some((zone) => zone.code === zoneCode)) {
    throw new TypeError(
      `The demo stock of ${arrondissementCode} is kept by ${zoneCode}, which is not one of its deployed zones`,
    );
  }
  return zoneCode;
}
