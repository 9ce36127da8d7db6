/**
 * What the gateway bench and the processes it starts say to each other
 * over Node's IPC channel: the bench asks, the process answers each
 * request once, under the request's id, with a value or a failure.
 */
import type { LogLevel } from '../../runtime/logger';
import type { StorageOptions } from '../../storage/options';
import type { SubgraphName } from '../../scripts/subgraph-names';

export interface RequestMessage {
  readonly id: number;
  readonly type: string;
  readonly payload?: unknown;
}

export type ReplyMessage =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly message: string };

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

/** A message from the bench, checked as far as a process needs. */
export function isRequestMessage(value: unknown): value is RequestMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { id, type } = value as Partial<RequestMessage>;
  return typeof id === 'number' && typeof type === 'string';
}

/** A message from a process, checked as far as the bench needs. */
export function isReplyMessage(value: unknown): value is ReplyMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { id, ok } = value as Partial<ReplyMessage>;
  return typeof id === 'number' && typeof ok === 'boolean';
}
