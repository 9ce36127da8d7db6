/**
 * The national device inventory, played in time order: each grant takes
 * an available button of its arrondissement for each protected person
 * (the managing zone's own first), and a lent phone now and then; each
 * end brings them back, to be restocked days later. When none is
 * available, the arrondissement buys one at once, unless the story has
 * it wait (`shortageDays`): then a shortage is recorded (§7.8.7) and
 * resolved when the device comes, which is when the alarm is activated
 * if the victim was the one waiting. Devices end the history as the
 * last use left them.
 */
import type {
  DeviceKind,
  DeviceRecord,
  GrantRegistrationRecord,
  ShortageRecord,
} from '../../adapters/devices/types';
import type { MeasureAggregate } from '../../adapters/protection/aggregate';
import { grantRegistration } from '../../subgraphs/protection/domain/effects';
import type { DemoDailyReport } from '../demo/inventory';
import { addDays, daysBetween } from '../dates';
import { pad } from '../demo/text';
import type { Prng } from '../prng';
import type { NationalCase } from './cases';

export const STOCK = {
  restockDays: [2, 10] as const,
  lentPhone: 0.2,
  /** Of the devices in stock at the end. */
  inRepair: 0.04,
  lost: 0.015,
  /** Devices back this recently are still "returned". */
  returnWindowDays: 45,
  /** Daily reports kept per assigned device: the last few days. */
  reportDays: 3,
} as const;

export interface NationalInventory {
  devices: DeviceRecord[];
  dailyReports: DemoDailyReport[];
  shortages: ShortageRecord[];
  /** The day each granted measure's alarm was activated. */
  activations: Map<string, string | null>;
}

interface Device {
  record: DeviceRecord;
  /** The first day it can be handed out again. */
  freeFrom: string;
}

interface Use {
  aggregate: MeasureAggregate;
  /** §7.8: a button for each protected person, the victim first. */
  persons: string[];
  /** A phone lent to the victim too. */
  phone: boolean;
  /**
   * Where the grant was made: its arrondissement's stock serves it. A
   * later move (§7.2.3) reassigns the devices to the new managing zone
   * (`assignedZoneCode`); their keeper stays.
   */
  grantZone: { code: string; arrondissementCode: string };
  shortageDays: number;
}

export function nationalInventory(
  cases: readonly NationalCase[],
  aggregates: readonly MeasureAggregate[],
  prng: Prng,
  today: string,
): NationalInventory {
  const stock = new Stockroom(prng, today);
  const uses: Use[] = aggregates
    .map((aggregate, i) => ({ aggregate,
      persons: aggregate.protectedPersons.map((p) => p.nationalNumber),
      phone: prng.chance(STOCK.lentPhone),
      grantZone: cases[i]!.requestZone,
      shortageDays: cases[i]!.story.shortageDays }))
    .filter(({ aggregate }) => aggregate.measure.startDate !== null);
  const byDecision = [...uses].sort((a, b) =>
    compare(a.aggregate.measure.decidedOn!, b.aggregate.measure.decidedOn!));
  for (const use of byDecision) stock.serve(use);
  return stock.close();
}

/** Private: the arrondissements' devices, as the grants use them. */
class Stockroom {
  private readonly devices: Device[] = [];
  private readonly shortages: ShortageRecord[] = [];
  private readonly activations = new Map<string, string | null>();
  private count = 0;

  constructor(
    private readonly prng: Prng,
    private readonly today: string,
  ) {}

  /** The alarm is activated the day the victim has a button. */
  serve(use: Use): void {
    const { measure } = use.aggregate;
    const [victim] = use.persons;
    const handouts: [string, DeviceKind][] = use.persons.map((person) =>
      [person, 'BUTTON']);
    if (use.phone) handouts.push([victim!, 'LENT_PHONE']);
    // §7.8.7: one shortage per measure and kind, resolved for all.
    const waits = new Map<DeviceKind, string>();
    for (const [person, kind] of handouts) {
      const on = this.assign(use, person, kind, waits);
      if (person === victim && kind === 'BUTTON') {
        this.activations.set(measure.id, on);
      }
    }
  }

  /** Answers the day the device was handed out, null if not yet. */
  private assign(
    { aggregate: { measure }, grantZone, shortageDays }: Use,
    person: string,
    kind: DeviceKind,
    waits: Map<DeviceKind, string>,
  ): string | null {
    const day = measure.decidedOn!;
    const { code: zoneCode, arrondissementCode } = grantZone;
    let device = this.available(arrondissementCode, zoneCode, kind, day);
    let on = day;
    if (!device) {
      if (kind === 'BUTTON' && shortageDays > 0) {
        on = waits.get(kind)
          ?? this.shortage(measure.id, kind, grantZone, day, shortageDays);
        waits.set(kind, on);
        if (on > this.today) return null;
      }
      device = this.buy(kind, arrondissementCode, zoneCode, on);
    }
    const returnedOn = measure.devicesReturnedOn;
    Object.assign(device.record, {
      status: returnedOn ? 'RETURNED' : 'ASSIGNED',
      measureId: measure.id, assignedTo: person,
      assignedZoneCode: measure.managingZoneCode, assignedOn: on,
      returnedOn,
    });
    device.freeFrom = returnedOn
      ? addDays(returnedOn, this.prng.int(...STOCK.restockDays))
      : '9999-12-31';
    return on;
  }

  private available(
    arrondissementCode: string,
    zoneCode: string,
    kind: DeviceKind,
    day: string,
  ): Device | undefined {
    const free = this.devices.filter((d) => d.record.kind === kind
      && d.record.arrondissementCode === arrondissementCode
      && d.freeFrom <= day);
    return free.find((d) => d.record.zoneCode === zoneCode) ?? free[0];
  }

  /** §7.8.7: answers the day it is resolved (maybe after today). */
  private shortage(
    measureId: string,
    kind: DeviceKind,
    zone: Use['grantZone'],
    day: string,
    days: number,
  ): string {
    const resolvedOn = addDays(day, days);
    this.shortages.push({
      id: String(this.shortages.length + 1), measureId, kind,
      arrondissementCode: zone.arrondissementCode,
      zoneCode: zone.code, reportedOn: day,
      resolvedOn: resolvedOn <= this.today ? resolvedOn : null,
    });
    return resolvedOn;
  }

  private buy(
    kind: DeviceKind,
    arrondissementCode: string,
    zoneCode: string,
    day: string,
  ): Device {
    this.count += 1;
    const tag = kind === 'BUTTON' ? 'BTN' : 'PHN';
    const device: Device = {
      freeFrom: day,
      record: {
        serial: `NAT-${tag}-${pad(this.count, 6)}`, kind,
        status: 'AVAILABLE', arrondissementCode,
        // Most are kept by the zone that first needed them.
        zoneCode: this.prng.chance(0.8) ? zoneCode : null,
        measureId: null, assignedTo: null, assignedZoneCode: null,
        assignedOn: null, returnedOn: null, lastReport: null,
      },
    };
    this.devices.push(device);
    return device;
  }

  /** The devices as the end of the history leaves them. */
  close(): NationalInventory {
    const dailyReports: DemoDailyReport[] = [];
    const devices = this.devices.map(({ record }) => {
      const settled = this.settle(record);
      if (settled.status === 'ASSIGNED') {
        const reports = this.reports(settled);
        dailyReports.push(...reports);
        const last = reports.at(-1);
        if (last) {
          const { serial: _serial, ...report } = last;
          settled.lastReport = report;
        }
      }
      return settled;
    });
    return { devices, dailyReports, shortages: this.shortages,
      activations: this.activations };
  }

  /** Restocked once back long enough; a few in repair or lost. */
  private settle(record: DeviceRecord): DeviceRecord {
    if (record.status !== 'RETURNED' && record.status !== 'AVAILABLE') {
      return record;
    }
    if (record.status === 'RETURNED' && daysBetween(record.returnedOn!,
      this.today) <= STOCK.returnWindowDays) {
      return record;
    }
    const draw = this.prng.next();
    const status = draw < STOCK.lost ? 'LOST'
      : draw < STOCK.lost + STOCK.inRepair ? 'IN_REPAIR' : 'AVAILABLE';
    return { ...record, status, measureId: null, assignedTo: null,
      assignedZoneCode: null, assignedOn: null, returnedOn: null };
  }

  /** About 06:00 in Brussels each morning, the last few days. */
  private reports(device: DeviceRecord): DemoDailyReport[] {
    const days = Array.from({ length: STOCK.reportDays }, (_, i) =>
      addDays(this.today, i + 1 - STOCK.reportDays))
      .filter((day) => day >= device.assignedOn!);
    return days.map((day) => {
      const received = Date.parse(`${day}T05:00:00.000Z`)
        + this.prng.int(0, 3599) * 1000;
      const contact = received - this.prng.int(0, 90) * 60_000;
      return {
        serial: device.serial,
        receivedAt: new Date(received).toISOString(),
        batteryPercent: this.prng.int(15, 100),
        lastContactAt: new Date(contact).toISOString(),
        alarmPressed: false,
      };
    });
  }
}

/**
 * §7.13.1: the police registration of every grant, as it ends up: the
 * domain's own (prolongations that moved the end date count).
 */
export function grantRegistrations(
  aggregates: readonly MeasureAggregate[],
): GrantRegistrationRecord[] {
  return aggregates
    .filter(({ measure }) => measure.startDate !== null)
    .map((aggregate) => {
      const { decidedOn, startDate, endDate } = aggregate.measure;
      return grantRegistration(aggregate, { decidedOn: decidedOn!,
        startDate: startDate!, endDate: endDate! });
    });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
