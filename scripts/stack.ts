/**
 * The whole graph in one process: the six subgraphs and the gateway, each
 * on its own HTTP server. `npm start` runs it on the embedded SQLite
 * default; the integration tests run it on ephemeral ports against SQLite
 * and MariaDB.
 */
import { resolve } from 'node:path';
import type { Logger as SqlLogger } from 'typeorm';
import type { AgencyAdapter } from '../adapters/adapter';
import { LocalAlertBus, type AlertBus } from '../runtime/alerts/bus';
import type { HostedGraphQL } from '../runtime/http';
import type { Clock } from '../subgraphs/protection/domain/clock';
import type { BackgroundWork } from '../subgraphs/protection';
import { createTokenVerifier } from '../runtime/auth';
import { ensureLocalKeys, mintToken, type LocalKeys } from '../runtime/keys';
import type { Logger } from '../runtime/logger';
import { metricsAccessOf } from '../runtime/telemetry';
import type { Tracing } from '../runtime/tracing/setup';
import { createTrustSigner, createTrustVerifier } from '../runtime/trust';
import { readGatewayConfig, type GatewayConfig } from '../gateway/config';
import { startGateway, type RunningGateway } from '../gateway/server';
import { DEFAULT_PORTS } from '../subgraphs/config';
import {
  openSubgraph,
  type OpenOptions,
  type OpenedSubgraph,
} from '../subgraphs/registry';
import type { DemoData } from '../storage/demo-data';
import type { StorageOptions } from '../storage/options';
import { SUBGRAPH_NAMES, type SubgraphName } from './subgraph-names';
import type { MintOptions } from '../runtime/keys';

export interface StackOptions {
  readonly storage: StorageOptions;
  readonly keysDirectory: string;
  readonly logger: Logger;
  /** Seeds this data set into empty stores. */
  readonly seedDemo?: DemoData;
  /** Every server on a free port (tests) or on the default ports. */
  readonly ephemeralPorts: boolean;
  /** Gateway options; default: the environment's. */
  readonly gatewayConfig?: GatewayConfig;
  /** Default: the system clock. Tests fix the day the rules see. */
  readonly clock?: Clock;
  /** A SQL statement logger per subgraph, for tests that count them. */
  readonly sqlLoggers?: Partial<Record<SubgraphName, SqlLogger>>;
  /** The protection subgraph's territory file, rules and outbox pace. */
  readonly protection?: Pick<
    OpenOptions,
    'territoryFile' | 'rules' | 'effectsIntervalMs'
  >;
  /** Where the device inventory lives; default the SQL tables. */
  readonly devicesSource?: OpenOptions['devicesSource'];
  /**
   * Carries the notices of committed alert facts from the protection
   * subgraph to the gateway; default one in this process. The caller
   * closes the bus it gives.
   */
  readonly alertBus?: AlertBus;
  /** How often the gateway reads the alert log unprompted; default 2000. */
  readonly alertPollMs?: number;
  /**
   * Where every server's spans go, each under its own service name;
   * default: no tracing. The caller shuts it down after stop().
   */
  readonly tracing?: Tracing;
}

/** One subgraph of a running stack, for tests that break it on purpose. */
export interface StackSubgraph {
  /** Its agency adapter: closing it makes the subgraph's reads fail. */
  readonly adapter: AgencyAdapter;
  /** Its HTTP server: closing it takes the subgraph off the network. */
  readonly hosted: HostedGraphQL;
  /** The protection subgraph's effects outbox and expiry sweep. */
  readonly background?: BackgroundWork;
}

/** What a second gateway over the same subgraphs may change. */
export interface ExtraGatewayOptions {
  /** Default: the stack's bus. */
  readonly alertBus?: AlertBus;
}

export interface RunningStack {
  readonly gatewayUrl: string;
  readonly gateway: RunningGateway;
  readonly subgraphUrls: Readonly<Record<SubgraphName, string>>;
  readonly subgraphs: Readonly<Record<SubgraphName, StackSubgraph>>;
  readonly keys: LocalKeys;
  /** A token from the local issuer, accepted by this stack's gateway. */
  token(
    claims: Omit<MintOptions, 'issuer' | 'audience' | 'expiresIn'> & {
      expiresIn?: string;
    },
  ): Promise<string>;
  /**
   * Starts another gateway over the same subgraphs and keys, on a free
   * port, as a second instance or a restarted one; the caller stops it.
   */
  startGateway(options?: ExtraGatewayOptions): Promise<RunningGateway>;
  stop(): Promise<void>;
}

interface StartedSubgraph {
  readonly name: SubgraphName;
  readonly opened: OpenedSubgraph;
  readonly hosted: HostedGraphQL;
}

async function startSubgraphs(
  options: StackOptions,
  config: GatewayConfig,
  keys: LocalKeys,
  alertBus: AlertBus,
  started: StartedSubgraph[],
): Promise<void> {
  for (const name of SUBGRAPH_NAMES) {
    const opened = await openSubgraph(name, options.storage, {
      ...options.protection,
      alertPublisher: alertBus,
      seedDemo: options.seedDemo,
      logger: options.logger,
      clock: options.clock,
      sqlLogger: options.sqlLoggers?.[name],
      devicesSource: options.devicesSource,
      tracing: options.tracing,
    });
    try {
      const hosted = await opened.start({
        host: '127.0.0.1',
        port: options.ephemeralPorts ? 0 : DEFAULT_PORTS[name],
        logger: options.logger,
        trustVerifier: createTrustVerifier(keys.trust.publicJwk, {
          subgraph: name,
        }),
        production: false,
        // One process, one set of options: the gateway's.
        metrics: metricsAccessOf(config),
        tracing: options.tracing,
      });
      started.push({ name, opened, hosted });
    } catch (error) {
      await opened.close();
      throw error;
    }
  }
}

async function stopSubgraphs(started: StartedSubgraph[]): Promise<void> {
  for (const { opened, hosted } of started) {
    await hosted.close();
    await opened.close();
  }
}

/** Private: the started subgraphs by name, once all six are up. */
function byName<T>(
  started: readonly StartedSubgraph[],
  pick: (subgraph: StartedSubgraph) => T,
): Record<SubgraphName, T> {
  const entries = started.map((subgraph) => [subgraph.name, pick(subgraph)]);
  return Object.fromEntries(entries) as Record<SubgraphName, T>;
}

/** Starts the six subgraphs, then the gateway in front of them. */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const keys = await ensureLocalKeys(resolve(options.keysDirectory));
  const base = options.gatewayConfig ?? readGatewayConfig();
  const config: GatewayConfig = {
    ...base,
    GATEWAY_PORT: options.ephemeralPorts ? 0 : base.GATEWAY_PORT,
  };
  const ownBus = options.alertBus === undefined ? new LocalAlertBus() : null;
  const alertBus = options.alertBus ?? ownBus!;
  const started: StartedSubgraph[] = [];
  const stopAll = async () => {
    await stopSubgraphs(started);
    await ownBus?.close();
  };
  try {
    await startSubgraphs(options, config, keys, alertBus, started);
    const subgraphUrls = byName(started, ({ hosted }) => hosted.url);
    const launch = (port: number, bus: AlertBus) => startGateway({
      config: { ...config, GATEWAY_PORT: port },
      logger: options.logger,
      tokenVerifier: createTokenVerifier({
        issuer: config.AUTH_ISSUER,
        audience: config.AUTH_AUDIENCE,
        jwks: { keys: keys.issuer.publicJwks },
      }),
      trustSigner: createTrustSigner(keys.trust.privateJwk),
      subgraphUrls,
      alertBus: bus,
      alertPollMs: options.alertPollMs,
      tracing: options.tracing,
    });
    const gateway = await launch(config.GATEWAY_PORT, alertBus);
    return {
      gatewayUrl: gateway.url,
      gateway,
      subgraphUrls,
      subgraphs: byName(started, ({ opened, hosted }) => ({
        adapter: opened.adapter,
        hosted,
        background: opened.background,
      })),
      keys,
      token: (claims) =>
        mintToken(keys.issuer.privateJwk, {
          expiresIn: '1h',
          ...claims,
          issuer: config.AUTH_ISSUER,
          audience: config.AUTH_AUDIENCE,
        }),
      startGateway: (extra) => launch(0, extra?.alertBus ?? alertBus),
      stop: async () => {
        await gateway.stop();
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
