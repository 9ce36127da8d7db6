/**
 * What the gateway bench and the processes it starts say to each other
 * over IPC (bench/process/protocol.ts): the requests each process
 * takes, and what it starts on.
 */
import type { LogLevel } from '../../runtime/logger';
import type { StorageOptions } from '../../storage/options';
import type { SubgraphName } from '../../scripts/subgraph-names';

/** The subgraphs' process (subgraphs-process.ts). */
export interface SubgraphsRequests {
  start(config: SubgraphsConfig): Promise<SubgraphUrls>;
  /** The process's CPU time so far, user and system, in ms. */
  cpu(): number;
}

/** A gateway's process (gateway-process.ts). */
export interface GatewayRequests {
  start(config: GatewayConfig): Promise<{ readonly url: string }>;
  /** Replaces the pre-signed headers of gateways (b) and (c). */
  headers(headers: PresignedHeaders): void;
  /** In ms, for the window of a CPU profile (profiles.ts). */
  uptime(): number;
  /** The process's CPU time so far, user and system, in ms. */
  cpu(): number;
}

/** What the subgraphs' process starts on. */
export interface SubgraphsConfig {
  readonly storage: StorageOptions;
  /** Holds the gateway-trust public key the subgraphs verify with. */
  readonly keysDirectory: string;
  /** Extra measures of the bench zone (bench/fixture.ts). */
  readonly measures: number;
  /** The day the subgraphs' clock starts on, at 09:00 UTC. */
  readonly referenceDate: string;
  readonly logLevel: LogLevel;
}

export type SubgraphUrls = Readonly<Record<SubgraphName, string>>;

/**
 * The identity header each caller's fetch to each subgraph carries, for
 * the gateways without a signer of their own: caller, then subgraph.
 */
export type PresignedHeaders =
  Readonly<Record<string, Readonly<Record<string, string>>>>;

/** The header naming the caller whose pre-signed header is forwarded. */
export const CALLER_HEADER = 'x-bench-caller';

/** Gateway (a): this project's, every layer on. */
export interface ProjectGatewayConfig {
  readonly kind: 'project';
  /**
   * The gateway's options, as the environment would give them: the
   * subgraphs' URLs and the trust key among them.
   */
  readonly env: Readonly<Record<string, string>>;
}

/** Gateways (b) and (c): the SDL names the real URLs. */
export interface PlainGatewayConfig {
  readonly kind: 'apollo' | 'hive';
  readonly supergraphSdl: string;
  readonly headers: PresignedHeaders;
}

export type GatewayConfig = ProjectGatewayConfig | PlainGatewayConfig;

export type GatewayKind = GatewayConfig['kind'];
