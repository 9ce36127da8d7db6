/**
 * The demo device inventory: a button (and sometimes a lent phone) with
 * each active measure's victim, devices just back from recently ended
 * measures, and stock per arrondissement. Namur has none available: the
 * shortage of §7.8.7. Assigned devices send a daily report each morning;
 * one button's reports stopped days ago, which its zone must notice.
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

type Stock = Partial<Record<DeviceStatus, number>> & { phones?: number };

/** Devices not with anyone, per arrondissement. */
const STOCK: Readonly<Record<string, Stock>> = {
  BRU: { AVAILABLE: 3, phones: 1, IN_REPAIR: 1, LOST: 1 },
  ANT: { AVAILABLE: 4, phones: 1, IN_REPAIR: 1 },
  OVL: { AVAILABLE: 2, IN_REPAIR: 1 },
  LIE: { AVAILABLE: 2, LOST: 1 },
  NAM: { IN_REPAIR: 1 },
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
      ...stockOf(arrondissementCode, stock, local, serials, prng));
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
      assignedOn: demoCase.measure.startDate,
      returnedOn: null,
      lastReport: last ? withoutSerial(last) : null,
    });
  }
}

/** One report a morning since activation, oldest first. */
function dailyReports(
  serial: string,
  demoCase: DemoCase,
  prng: Prng,
  referenceDate: string,
): DemoDailyReport[] {
  const days = demoCase.plan.staleReport
    ? [addDays(referenceDate, -STALE_REPORT_DAYS)]
    : Array.from({ length: REPORT_DAYS }, (_, i) =>
      addDays(referenceDate, i - REPORT_DAYS));
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
  prng: Prng,
): DeviceRecord[] {
  const lines: [DeviceKind, DeviceStatus, number][] = [
    ['BUTTON', 'AVAILABLE', stock.AVAILABLE ?? 0],
    ['LENT_PHONE', 'AVAILABLE', stock.phones ?? 0],
    ['BUTTON', 'IN_REPAIR', stock.IN_REPAIR ?? 0],
    ['BUTTON', 'LOST', stock.LOST ?? 0],
  ];
  return lines.flatMap(([kind, status, count]) =>
    Array.from({ length: count }, (): DeviceRecord => ({
      serial: serials.next(kind),
      kind,
      status,
      arrondissementCode,
      // Some stock is kept by a zone, the rest at the arrondissement.
      zoneCode: prng.chance(0.6) ? prng.pick(zones).code : null,
      measureId: null,
      assignedTo: null,
      assignedOn: null,
      returnedOn: null,
      lastReport: null,
    })));
}
