/**
 * Notices of committed alert facts and the buses that carry them. A
 * process asks `createAlertBus` for the one its configuration names.
 */
import type { Logger } from '../logger';
import { LocalAlertBus, type AlertBus } from './bus';
import { RedisAlertBus } from './redis-bus';

export * from './bus';
export * from './notice';
export * from './redis-bus';

export interface AlertBusConfig {
  /** REDIS_URL; unset: an in-process bus, for the embedded default. */
  readonly url?: string;
  readonly logger: Logger;
}

/**
 * A bus over Redis Streams when a URL is given, shared by every gateway
 * and the protection subgraph; otherwise one that reaches only the
 * listeners of this process.
 */
export function createAlertBus(config: AlertBusConfig): AlertBus {
  if (config.url === undefined) return new LocalAlertBus();
  return new RedisAlertBus({ url: config.url, logger: config.logger });
}
