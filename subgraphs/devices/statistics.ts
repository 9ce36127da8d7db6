/**
 * The inventory's figures on a statistics report (§7.8.7, §9; issue 7):
 * the stock on the period's last day, the assignments made in it and
 * the shortages opened and resolved in it, by arrondissement and zone.
 *
 * The inventory keeps each device's present status and the dates of its
 * last assignment, not a history: a device assigned on or before the
 * last day and not returned by then counts as assigned, one returned by
 * then and not restocked as returned, one assigned only after it as
 * available; the others by the status held now (docs/DOMAIN.md,
 * "Statistics").
 */
import {
  answeringZoneOf,
  type InventoryDevice,
  type ShortageRecord,
} from '../../adapters/devices/types';
import type { ProtectedCount } from '../protection/domain/disclosure';
import type { StatisticsRequest } from '../statistics/request';
import {
  arrondissementsOf,
  inScope,
  territorialLayout,
  territorialReport,
  TerritorialTally,
  type Place,
  type TerritorialCell,
  type TerritorialLayout,
  type TerritorialReport,
} from '../statistics/territorial';
import type { DevicesContext } from './context';

export interface DeviceFigures {
  readonly stockAtEnd: Readonly<Record<StockField, ProtectedCount>>;
  readonly assignments: ProtectedCount;
  readonly shortages: Readonly<Record<'opened' | 'resolved',
    ProtectedCount>>;
}

export type DeviceReport = TerritorialReport<DeviceFigures>;
export type DeviceReportCell = TerritorialCell<DeviceFigures>;

type StockField = 'available' | 'assigned' | 'inRepair' | 'lost' |
  'returned';

type Figure = StockField | 'assignments' | 'opened' | 'resolved';

const inPeriod = (day: string | null, from: string, to: string) =>
  day !== null && day >= from && day <= to;

/** The device's status on `day`, as far as the inventory tells. */
export function stockStatusOn(
  device: InventoryDevice,
  day: string,
): StockField {
  const { status, assignedOn, returnedOn } = device;
  const everOut = status === 'ASSIGNED' || status === 'RETURNED';
  if (everOut && assignedOn !== null && assignedOn <= day &&
    (returnedOn === null || returnedOn > day)) return 'assigned';
  if (status === 'RETURNED' && returnedOn !== null && returnedOn <= day) {
    return 'returned';
  }
  // Assigned only after the day: it was on the shelf then.
  if (everOut) return 'available';
  return status === 'IN_REPAIR' ? 'inRepair'
    : status === 'LOST' ? 'lost' : 'available';
}

/** The arrondissement of a zone, from the territory; null if unknown. */
export type ArrondissementOfZone = (zoneCode: string) => string | null;

/**
 * Private: a device on a shelf counts with its keeper; one held or
 * handed back with the zone that answers for it, the people's zone, in
 * that zone's arrondissement, which differs from the stock's when the
 * measure moved (§7.2.3).
 */
function placeOfDevice(
  device: InventoryDevice,
  field: StockField | 'assignments',
  arrondissementOf: ArrondissementOfZone,
): Place {
  const held = field !== 'available' && field !== 'inRepair' &&
    field !== 'lost';
  const zoneCode = held ? answeringZoneOf(device) : device.zoneCode;
  const arrondissementCode = held && zoneCode !== null
    ? arrondissementOf(zoneCode) ?? device.arrondissementCode
    : device.arrondissementCode;
  return { arrondissementCode, zoneCode };
}

function tallies(layout: TerritorialLayout) {
  const people = () => ({
    tally: new TerritorialTally(layout), counts: 'people' as const });
  const things = () => ({
    tally: new TerritorialTally(layout), counts: 'things' as const });
  return {
    available: things(), inRepair: things(), lost: things(),
    assigned: people(), returned: people(), assignments: people(),
    opened: people(), resolved: people(),
  } satisfies Record<Figure, unknown>;
}

function shape(counts: Readonly<Record<Figure, ProtectedCount>>):
  DeviceFigures {
  return {
    stockAtEnd: {
      available: counts.available, assigned: counts.assigned,
      inRepair: counts.inRepair, lost: counts.lost,
      returned: counts.returned,
    },
    assignments: counts.assignments,
    shortages: { opened: counts.opened, resolved: counts.resolved },
  };
}

/** The figures of the devices and shortages read; pure. */
export function computeDeviceStatistics(
  request: StatisticsRequest,
  devices: readonly InventoryDevice[],
  shortages: readonly ShortageRecord[],
  arrondissementOf: ArrondissementOfZone = () => null,
): DeviceReport {
  const { period: { from, to }, scope } = request;
  const layout = territorialLayout(request.dimensions,
    ['ARRONDISSEMENT', 'ZONE']);
  const counted = tallies(layout);
  for (const device of devices) {
    const field = stockStatusOn(device, to);
    const place = placeOfDevice(device, field, arrondissementOf);
    const holder = device.assignedTo ?? `device:${device.serial}`;
    if (inScope(place, scope)) {
      counted[field].tally.add(place,
        counted[field].counts === 'people' ? holder : null);
    }
    const assignedIn = (device.status === 'ASSIGNED' ||
      device.status === 'RETURNED') && inPeriod(device.assignedOn, from, to);
    const assignedAt = placeOfDevice(device, 'assignments',
      arrondissementOf);
    if (assignedIn && inScope(assignedAt, scope)) {
      counted.assignments.tally.add(assignedAt, holder);
    }
  }
  for (const shortage of shortages) {
    if (!inScope(shortage, scope)) continue;
    const person = `measure:${shortage.measureId}`;
    if (inPeriod(shortage.reportedOn, from, to)) {
      counted.opened.tally.add(shortage, person);
    }
    if (inPeriod(shortage.resolvedOn, from, to)) {
      counted.resolved.tally.add(shortage, person);
    }
  }
  return territorialReport(layout, counted, shape);
}

/**
 * The inventory's figures of a report: one read of each list. Every
 * stock is read, whatever the scope: a device lent under a measure that
 * moved counts in its zone's arrondissement, not its stock's.
 */
export async function deviceStatistics(
  request: StatisticsRequest,
  { loaders, territory }: DevicesContext,
): Promise<DeviceReport> {
  const every = arrondissementsOf(NATIONAL, territory.zones());
  const [devices, shortages] = await Promise.all([
    loaders.devicesOfArrondissement.loadMany(every),
    loaders.shortages.loadMany(
      arrondissementsOf(request.scope, territory.zones())),
  ]);
  return computeDeviceStatistics(request, flat(devices), flat(shortages),
    (zoneCode) => territory.zone(zoneCode)?.arrondissementCode ?? null);
}

const NATIONAL = { arrondissementCode: null, zoneCode: null } as const;

/** Private: a failed load rejects, as `load` would. */
function flat<T>(lists: readonly (readonly T[] | Error)[]): T[] {
  return lists.flatMap((list) => {
    if (list instanceof Error) throw list;
    return [...list];
  });
}
