/**
 * Which adapter and which schema make each subgraph. To point a subgraph
 * at a real agency system, add an implementation of its adapter interface
 * under `adapters/<system>/` and open it here instead of the SQL one.
 */
import { openSqlBngAdapter } from '../adapters/bng';
import { openSqlDevicesAdapter } from '../adapters/devices';
import { openSqlMachAdapter } from '../adapters/mach';
import { openSqlProtectionAdapter } from '../adapters/protection';
import { openSqlVictimSupportAdapter } from '../adapters/victim-support';
import type { AgencyAdapter } from '../adapters/adapter';
import type { HostedGraphQL } from '../runtime/http';
import {
  startSubgraph,
  type SubgraphContext,
  type SubgraphDefinition,
  type SubgraphServerOptions,
} from '../runtime/subgraph';
import type { SubgraphName } from '../scripts/subgraph-names';
import type { DemoData } from '../storage/demo-data';
import type { StorageOptions } from '../storage/options';
import { bngSubgraph } from './bng';
import { devicesSubgraph } from './devices';
import { machSubgraph } from './mach';
import { protectionSubgraph } from './protection';
import { victimSupportSubgraph } from './victim-support';

export interface OpenedSubgraph {
  readonly adapter: AgencyAdapter;
  /** Serves the subgraph over HTTP; close the adapter after the server. */
  start(options: SubgraphServerOptions): Promise<HostedGraphQL>;
}

export interface OpenOptions {
  /** Seeds this data set into an empty store. */
  readonly seedDemo?: DemoData;
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
  const definition = define(adapter);
  return { adapter, start: (options) => startSubgraph(definition, options) };
}

const OPENERS: Readonly<Record<SubgraphName, Opener>> = {
  protection: async (storage, options) =>
    opened(await openSqlProtectionAdapter(storage, options), protectionSubgraph),
  bng: async (storage, options) =>
    opened(await openSqlBngAdapter(storage, options), bngSubgraph),
  mach: async (storage, options) =>
    opened(await openSqlMachAdapter(storage, options), machSubgraph),
  devices: async (storage, options) =>
    opened(await openSqlDevicesAdapter(storage, options), devicesSubgraph),
  'victim-support': async (storage, options) =>
    opened(
      await openSqlVictimSupportAdapter(storage, options),
      victimSupportSubgraph,
    ),
};

/** Opens a subgraph's adapter (running its migrations) and its schema. */
export function openSubgraph(
  name: SubgraphName,
  storage: StorageOptions,
  options: OpenOptions = {},
): Promise<OpenedSubgraph> {
  return OPENERS[name](storage, options);
}
