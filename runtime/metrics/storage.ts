/**
 * The database pools of a subgraph's stores, read at each scrape: how
 * many connections are in use, idle, and how many requests wait for one.
 * A store without a pool (SQLite, an agency system over HTTP) is left
 * out rather than shown as a constant.
 */
import { Gauge, type Registry } from 'prom-client';
import type { AgencyAdapter } from '../../adapters/adapter';

/** Registers the pool gauges of `stores`, keyed by store name. */
export function collectPools(
  registry: Registry,
  stores: Readonly<Record<string, Pick<AgencyAdapter, 'pool'>>>,
): void {
  const entries = Object.entries(stores);
  new Gauge({
    name: 'db_pool_connections',
    help: 'Database connections of each store, by state: in_use or idle.',
    labelNames: ['store', 'state'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [store, adapter] of entries) {
        const state = adapter.pool?.() ?? null;
        if (state === null) continue;
        this.labels(store, 'in_use').set(state.inUse);
        this.labels(store, 'idle').set(state.idle);
      }
    },
  });
  new Gauge({
    name: 'db_pool_queued_requests',
    help: 'Requests of each store waiting for a free connection.',
    labelNames: ['store'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [store, adapter] of entries) {
        const state = adapter.pool?.() ?? null;
        if (state !== null) this.labels(store).set(state.queued);
      }
    },
  });
}
