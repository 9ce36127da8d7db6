/**
 * prom-client's default metrics (CPU, memory, event loop lag, GC) are the
 * process's, not a server's: `npm start` and the tests run seven servers
 * in one process, and each server's collectors would measure the same
 * process seven times. They are collected once, on a registry of their
 * own (never prom-client's global one), which every server's /metrics
 * adds to its own.
 *
 * Their collectors live as long as the process and can never be
 * stopped; on a registry of their own they hold nothing of a server, so
 * a stopped server is left free to go.
 */
import { Registry, collectDefaultMetrics } from 'prom-client';

let shared: Registry | null = null;

/** The registry of the process's default metrics, made at first use. */
export function processRegistry(): Registry {
  if (shared === null) {
    shared = new Registry();
    collectDefaultMetrics({ register: shared });
  }
  return shared;
}
