/**
 * What the protection subgraph's alert tests share: the shipped places,
 * the callers, a measure managed by Antwerpen in a SQL store, and the
 * subgraph over that store with its clock stopped.
 */
import { randomUUID } from 'node:crypto';
import type { MeasureAggregate } from '../../adapters/protection/aggregate';
import type { SqlProtectionAdapter } from '../../adapters/protection';
import {
  SHIPPED_ZONE_BOUNDARIES_FILE,
  loadZoneBoundaries,
} from '../../reference/geo';
import { SHIPPED_TERRITORY } from '../../reference/shipped';
import { LocalAlertBus } from '../../runtime/alerts/bus';
import type { Identity } from '../../runtime/identity';
import { createLogger } from '../../runtime/logger';
import { fixedClock } from '../../subgraphs/protection/domain/clock';
import { DEFAULT_RULES } from '../../subgraphs/protection/domain/rules';
import {
  territoryFromRecords,
} from '../../subgraphs/protection/domain/territory';
import { protectionSubgraph } from '../../subgraphs/protection/index';
import { MeasureService } from '../../subgraphs/protection/service';
import { fullAggregate } from './protection';
import { subgraphClient, type SubgraphClient } from './subgraph';

/** When the alerts of these tests are raised, before their clocks' now. */
export const RAISED_AT = '2026-12-01T08:40:00Z';
export const TERRITORY = territoryFromRecords(SHIPPED_TERRITORY);
export const BOUNDARIES = loadZoneBoundaries(SHIPPED_ZONE_BOUNDARIES_FILE,
  TERRITORY);

export const APP112: Identity = { subject: 'app-112', role: 'app112' };
export const GATEWAY: Identity = { subject: 'gateway', role: 'gateway' };
/** The police of the zone that manages `antwerpenMeasure`. */
export const ANTWERPEN: Identity =
  { subject: 'police-5345', role: 'police', zone: '5345' };
/** The police of a zone that does not manage `antwerpenMeasure`. */
export const IXELLES: Identity =
  { subject: 'police-5339', role: 'police', zone: '5339' };

/** Inside the shipped shape of zone 5339, Bruxelles-Capitale/Ixelles. */
export const IN_IXELLES = {
  latitude: 50.833, longitude: 4.367, accuracyMeters: 12,
  confidencePercent: 68, method: 'GNSS' as const,
  fixedAt: '2026-12-01T08:40:30Z',
};

/**
 * An ACTIVE measure managed by Antwerpen (zone 5345, arrondissement
 * ANT, province BE-VAN), with no move, trip or alert: its alerts go to
 * that zone, that province's CIC and that parquet only.
 */
export function antwerpenMeasure(id: string, reference: string) {
  const { aggregate, persons } = fullAggregate(id, reference);
  const measure: MeasureAggregate = {
    ...aggregate,
    measure: { ...aggregate.measure, managingZoneCode: '5345',
      arrondissementCode: 'ANT', pendingTransfer: null },
    travelNotices: [],
    alerts: [],
  };
  return { measure, persons };
}

/** Inserts `antwerpenMeasure(id, reference)` in `store`; answers its id. */
export async function insertAntwerpenMeasure(
  store: SqlProtectionAdapter,
  id: string,
  reference: string,
): Promise<string> {
  const { measure, persons } = antwerpenMeasure(id, reference);
  await store.transaction(async (tx) => {
    await tx.upsertPersons(persons);
    await tx.insert(measure);
  });
  return measure.measure.id;
}

/** The protection subgraph over `adapter`, its clock stopped at `now`. */
export function protectionClient(
  adapter: SqlProtectionAdapter,
  now: string,
): SubgraphClient {
  const clock = fixedClock(now);
  const places = { territory: TERRITORY, boundaries: BOUNDARIES };
  const service = new MeasureService({
    store: adapter, ...places, clock, rules: DEFAULT_RULES,
    newId: randomUUID, alertPublisher: new LocalAlertBus(),
    logger: createLogger({ name: 'test', level: 'silent' }),
  });
  return subgraphClient(protectionSubgraph({
    adapter, ...places, clock, rules: DEFAULT_RULES, service,
    devices: { devicesBySerial: async (serials) => serials.map(() => null) },
  }));
}

/** The data of an operation that must succeed; throws its errors if not. */
export async function dataOf<T>(
  client: SubgraphClient,
  identity: Identity,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const result = await client.run<T>(identity, query, variables);
  if (result.errors || !result.data) {
    throw new Error(`Refused: ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}
