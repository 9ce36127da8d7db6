/**
 * §7.8.7: the stock of an arrondissement, in all and per keeper, and its
 * shortages, as the graph shows them from the inventory's records.
 */
import type {
  ShortageRecord,
  StockRecord,
  ZoneStockRecord,
} from '../../adapters/devices/types';
import type { MeasureKey } from '../../runtime/subgraph';
import type { DevicesContext } from './context';
import type {
  DeviceCounts,
  DeviceShortage,
  DeviceStock,
  ZoneDeviceStock,
} from './generated/graphql';

/** A shortage as the resolvers answer it; the gateway joins the measure. */
export type ShortageView = Omit<DeviceShortage, 'measure'> & {
  measure: MeasureKey;
};

type Counted = Omit<StockRecord, 'arrondissementCode'>;

const NONE: Counted = {
  available: 0,
  assigned: 0,
  inRepair: 0,
  lost: 0,
  returned: 0,
};

/** The stock of one arrondissement from the parts its keepers hold. */
export function deviceStockOf(
  arrondissementCode: string,
  parts: readonly ZoneStockRecord[],
): DeviceStock {
  const own = parts.find((part) => part.zoneCode === null);
  return {
    arrondissementCode,
    total: parts.reduce(add, countsOf(NONE)),
    keptByArrondissement: countsOf(own ?? NONE),
    zones: parts.flatMap(zoneStockOf),
  };
}

export async function loadDeviceStock(
  arrondissementCode: string,
  { loaders }: DevicesContext,
): Promise<DeviceStock> {
  const parts = await loaders.zoneStocks.load(arrondissementCode);
  return deviceStockOf(arrondissementCode, parts);
}

/** Open shortages first, then newest first, as the inventory answers. */
export async function loadShortages(
  arrondissementCode: string,
  { loaders }: DevicesContext,
): Promise<ShortageView[]> {
  const shortages = await loaders.shortages.load(arrondissementCode);
  return shortages.map(toShortage);
}

function toShortage(shortage: ShortageRecord): ShortageView {
  return {
    id: shortage.id,
    measure: { id: shortage.measureId },
    kind: shortage.kind,
    zone: { code: shortage.zoneCode },
    reportedOn: shortage.reportedOn,
    resolvedOn: shortage.resolvedOn,
  };
}

/** Private: a zone's part, or nothing for the arrondissement's own. */
function zoneStockOf(part: ZoneStockRecord): ZoneDeviceStock[] {
  return part.zoneCode === null
    ? []
    : [{ zone: { code: part.zoneCode }, counts: countsOf(part) }];
}

function countsOf(stock: Counted): DeviceCounts {
  return {
    available: stock.available,
    assigned: stock.assigned,
    inRepair: stock.inRepair,
    lost: stock.lost,
    returned: stock.returned,
  };
}

function add(sum: DeviceCounts, part: Counted): DeviceCounts {
  return {
    available: sum.available + part.available,
    assigned: sum.assigned + part.assigned,
    inRepair: sum.inRepair + part.inRepair,
    lost: sum.lost + part.lost,
    returned: sum.returned + part.returned,
  };
}
