/**
 * Which adapter and which schema make each subgraph. To point a subgraph
 * at a real agency system, add an implementation of its adapter interface
 * under `adapters/<system>/` and open it here instead of the SQL one.
 */
import { openSqlAuditAdapter } from '../adapters/audit';
import { openSqlBngAdapter } from '../adapters/bng';
import {
  openGraphDevicesAdapter,
  openSqlDevicesAdapter,
  type GraphDevicesOptions,
} from '../adapters/devices';
import type { DevicesAdapter } from '../adapters/devices/types';
import { openSqlMachAdapter } from '../adapters/mach';
import { openSqlProtectionAdapter } from '../adapters/protection';
import { openSqlVictimSupportAdapter } from '../adapters/victim-support';
import type { Registry } from 'prom-client';
import type { Logger as SqlLogger } from 'typeorm';
import type { AgencyAdapter } from '../adapters/adapter';
import { LocalAlertBus, type AlertPublisher } from '../runtime/alerts/bus';
import type { HostedGraphQL } from '../runtime/http';
import {
  startSubgraph,
  type SubgraphContext,
  type SubgraphDefinition,
  type SubgraphServerOptions,
} from '../runtime/subgraph';
import type { SubgraphName } from '../scripts/subgraph-names';
import { createLogger, type Logger } from '../runtime/logger';
import { collectPools } from '../runtime/metrics/storage';
import { subgraphService } from '../runtime/telemetry';
import { sqlSpans } from '../runtime/tracing/sql';
import type { Tracing } from '../runtime/tracing/setup';
import type { StatementWatcher } from '../storage/data-source';
import {
  SHIPPED_TERRITORY_FILE,
  loadTerritory,
  readTerritoryFile,
} from '../reference/load';
import {
  SHIPPED_ZONE_BOUNDARIES_FILE,
  loadZoneBoundaries,
} from '../reference/geo';
import { randomUUID } from 'node:crypto';
import type { ProtectionDependencies } from './protection/context';
import {
  DEFAULT_RULES,
  systemClock,
  territoryFromRecords,
  type Clock,
  type RulesConfig,
} from './protection/domain';
import { startBackgroundWork, type BackgroundWork } from './protection';
import type { EffectTargets } from './protection/effects';
import {
  collectProtectionMetrics,
  countingPublisher,
} from './protection/metrics';
import { MeasureService } from './protection/service';
import type { DemoData } from '../storage/demo-data';
import type { StorageOptions } from '../storage/options';
import { auditSubgraph } from './audit';
import { bngSubgraph } from './bng';
import { devicesSubgraph } from './devices';
import { machSubgraph } from './mach';
import { protectionSubgraph } from './protection';
import { victimSupportSubgraph } from './victim-support';

export interface OpenedSubgraph {
  /** The agency adapter the subgraph reads through. */
  readonly adapter: AgencyAdapter;
  /** Serves the subgraph over HTTP. */
  start(options: SubgraphServerOptions): Promise<HostedGraphQL>;
  /** Stops its background work and closes its adapters; after the server. */
  close(): Promise<void>;
  /** The protection subgraph's outbox and expiry sweep. */
  readonly background?: BackgroundWork;
}

function silentLogger(): Logger {
  return createLogger({ name: 'protection', level: 'silent' });
}

export interface OpenOptions {
  /** Seeds this data set into an empty store. */
  readonly seedDemo?: DemoData;
  /**
   * Receives the protection subgraph's own logs: its background work, and
   * an alert publisher's failures.
   */
  readonly logger?: Logger;
  /** Default: the system clock. Tests fix the day. */
  readonly clock?: Clock;
  /**
   * Default: the shipped reference/territory.json (§5.2); devices and
   * victim support judge a statistics report's scope by it.
   */
  readonly territoryFile?: string;
  /**
   * The police zones' shapes, checked against the territory at start
   * (§7.2.2); default the shipped reference/zones.geojson, demo shapes.
   */
  readonly zoneBoundariesFile?: string;
  /** Default: the circular's figures (DEFAULT_RULES). */
  readonly rules?: RulesConfig;
  /** Default 1000 ms between rounds of the effects outbox. */
  readonly effectsIntervalMs?: number;
  /** Receives every SQL statement of the subgraph's reads; default none. */
  readonly sqlLogger?: SqlLogger;
  /** Where the device inventory lives; default the SQL tables. */
  readonly devicesSource?: DevicesSource;
  /**
   * Receives the protection subgraph's notices of committed alert facts
   * (§3), for the gateways' live alert stream; default a new
   * LocalAlertBus, for a gateway in the same process.
   */
  readonly alertPublisher?: AlertPublisher;
  /** A span per SQL statement goes there; default: no tracing. */
  readonly tracing?: Tracing;
}

/**
 * The device inventory and grant registrations: the SQL tables (the
 * embedded default), or the police SharePoint lists over Microsoft Graph.
 */
export type DevicesSource =
  | { readonly kind: 'sql' }
  | { readonly kind: 'sharepoint'; readonly options: GraphDevicesOptions };

/**
 * Opens the devices adapter the source names; only SQL is ever seeded.
 * Its statements are traced as the devices subgraph's, unless the caller
 * (the protection subgraph) says whose they are.
 */
function openDevices(
  storage: StorageOptions,
  options: OpenOptions,
  statements = statementsOf('devices', options),
): Promise<DevicesAdapter> {
  const source = options.devicesSource ?? { kind: 'sql' };
  switch (source.kind) {
    case 'sql':
      return openSqlDevicesAdapter(storage, {
        seedDemo: options.seedDemo,
        logger: options.sqlLogger,
        statements,
      });
    case 'sharepoint':
      return openGraphDevicesAdapter(source.options);
    default: {
      const impossible: never = source;
      throw new Error(`Unknown devices source ${JSON.stringify(impossible)}`);
    }
  }
}

type Opener = (
  storage: StorageOptions,
  options: OpenOptions,
) => Promise<OpenedSubgraph>;

/** Pairs an adapter with the subgraph that reads through it. */
function opened<
  TAdapter extends AgencyAdapter,
  TContext extends SubgraphContext,
>(
  adapter: TAdapter,
  define: (adapter: TAdapter) => SubgraphDefinition<TContext>,
): OpenedSubgraph {
  const defined = define(adapter);
  const definition: SubgraphDefinition<TContext> = {
    ...defined,
    collectMetrics: (registry) => {
      defined.collectMetrics?.(registry);
      collectPools(registry, { [defined.name]: adapter });
    },
  };
  return {
    adapter,
    start: (options) => startSubgraph(definition, options),
    close: () => adapter.close(),
  };
}

/** Private: a span per statement of the subgraph's stores, if traced. */
function statementsOf(
  name: SubgraphName,
  options: OpenOptions,
): StatementWatcher | undefined {
  const { tracing } = options;
  if (tracing === undefined) return undefined;
  const tracer = tracing.tracer(subgraphService(name));
  return (system) => sqlSpans(tracer, system);
}

/**
 * The protection subgraph also writes to the four other agency systems
 * (the effects of §7.8 and §7.13), so it opens their adapters too.
 */
async function openProtection(
  storage: StorageOptions,
  options: OpenOptions,
): Promise<OpenedSubgraph> {
  const territory = readTerritoryFile(
    options.territoryFile ?? SHIPPED_TERRITORY_FILE,
  );
  // Checked before any store opens: a bad file stops the start at once.
  const boundaries = loadZoneBoundaries(
    options.zoneBoundariesFile ?? SHIPPED_ZONE_BOUNDARIES_FILE,
    territoryFromRecords(territory),
  );
  const statements = statementsOf('protection', options);
  const adapter = await openSqlProtectionAdapter(storage, {
    seedDemo: options.seedDemo,
    territory,
    logger: options.sqlLogger,
    statements,
  });
  const agencies = {
    bng: await openSqlBngAdapter(storage, { statements }),
    mach: await openSqlMachAdapter(storage, { statements }),
    devices: await openDevices(storage,
      { devicesSource: options.devicesSource }, statements),
    victimSupport: await openSqlVictimSupportAdapter(storage, { statements }),
  };
  // The outbox's own record of them (BackgroundWork.targets), which a
  // test may change; the adapters closed below stay the ones opened here.
  const targets: EffectTargets = { ...agencies };
  const clock = options.clock ?? systemClock;
  const rules = options.rules ?? DEFAULT_RULES;
  const logger = options.logger ?? silentLogger();
  const alertPublisher =
    countingPublisher(options.alertPublisher ?? new LocalAlertBus());
  const dependencies: ProtectionDependencies = {
    adapter,
    // The inventory itself, not the outbox's target a test may replace.
    devices: agencies.devices,
    territory: territoryFromRecords(territory),
    boundaries,
    clock,
    rules,
    service: new MeasureService({
      store: adapter,
      territory: territoryFromRecords(territory),
      boundaries,
      clock,
      rules,
      newId: randomUUID,
      alertPublisher,
      logger: logger.child({ subgraph: 'protection' }),
    }),
  };
  const background = startBackgroundWork(dependencies, {
    targets,
    logger,
    effectsIntervalMs: options.effectsIntervalMs,
  });
  const definition = {
    ...protectionSubgraph(dependencies),
    collectMetrics: (registry: Registry) => {
      collectProtectionMetrics(registry, {
        publisher: alertPublisher,
        pendingEffects: () => adapter.pendingEffects(),
      });
      collectPools(registry, {
        protection: adapter,
        bng: agencies.bng,
        mach: agencies.mach,
        devices: agencies.devices,
        'victim-support': agencies.victimSupport,
      });
    },
  };
  return {
    adapter,
    background,
    start: (serverOptions) => startSubgraph(definition, serverOptions),
    close: async () => {
      await background.stop();
      for (const agency of Object.values(agencies)) await agency.close();
      await adapter.close();
    },
  };
}

const OPENERS: Readonly<Record<SubgraphName, Opener>> = {
  protection: openProtection,
  bng: async (storage, options) =>
    opened(await openSqlBngAdapter(storage, {
        seedDemo: options.seedDemo,
        logger: options.sqlLogger,
        statements: statementsOf('bng', options),
      }), bngSubgraph),
  mach: async (storage, options) =>
    opened(await openSqlMachAdapter(storage, {
        seedDemo: options.seedDemo,
        logger: options.sqlLogger,
        statements: statementsOf('mach', options),
      }), (adapter) => machSubgraph(adapter, { clock: options.clock })),
  devices: async (storage, options) =>
    opened(await openDevices(storage, options), (adapter) =>
      devicesSubgraph(adapter, {
        clock: options.clock,
        territory: loadTerritory(options.territoryFile),
      })),
  'victim-support': async (storage, options) =>
    opened(
      await openSqlVictimSupportAdapter(storage, {
        seedDemo: options.seedDemo,
        logger: options.sqlLogger,
        statements: statementsOf('victim-support', options),
      }),
      (adapter) => victimSupportSubgraph(adapter,
        { territory: loadTerritory(options.territoryFile) }),
    ),
  // The trail is never seeded: it starts empty and only grows.
  audit: async (storage, options) =>
    opened(await openSqlAuditAdapter(storage, {
        logger: options.sqlLogger,
        statements: statementsOf('audit', options),
      }), auditSubgraph),
};

/** Opens a subgraph's adapter (running its migrations) and its schema. */
export function openSubgraph(
  name: SubgraphName,
  storage: StorageOptions,
  options: OpenOptions = {},
): Promise<OpenedSubgraph> {
  return OPENERS[name](storage, options);
}
