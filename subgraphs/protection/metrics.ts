/**
 * The protection subgraph's own metrics: the alerts raised (each RAISED
 * fact committed to the alert log, counted as its notice is published)
 * and the effects outbox's backlog (effects still PENDING, counted at
 * each scrape).
 */
import { Gauge, type Registry } from 'prom-client';
import { runningTotal } from '../../runtime/metrics/server';
import type { AlertPublisher } from '../../runtime/alerts/bus';
import type { AlertNotice } from '../../runtime/alerts/notice';

/** A publisher that counts the alerts raised among its notices. */
export interface CountingPublisher extends AlertPublisher {
  /** RAISED notices published since it was made. */
  readonly raised: number;
}

/** Wraps `publisher`, counting the RAISED notices it is handed. */
export function countingPublisher(
  publisher: AlertPublisher,
): CountingPublisher {
  let raised = 0;
  return {
    get raised() {
      return raised;
    },
    publish(notices: readonly AlertNotice[]) {
      for (const notice of notices) {
        if (notice.kind === 'RAISED') raised += 1;
      }
      return publisher.publish(notices);
    },
  };
}

/** What the protection subgraph's metrics read. */
export interface ProtectionObserved {
  readonly publisher: Pick<CountingPublisher, 'raised'>;
  /** The outbox's backlog; a failed count keeps the last one. */
  pendingEffects(): Promise<number>;
}

/** Registers the protection subgraph's metrics on `registry`. */
export function collectProtectionMetrics(
  registry: Registry,
  observed: ProtectionObserved,
): void {
  runningTotal(registry, 'protection_alerts_raised_total',
    'Alerts raised and committed to the alert log.',
    () => observed.publisher.raised);
  new Gauge({
    name: 'protection_effects_pending',
    help: 'Effects of changes still waiting in the outbox to be applied ' +
      'to the BNG, MaCH, SharePoint or victim support.',
    registers: [registry],
    async collect() {
      try {
        this.set(await observed.pendingEffects());
      } catch {
        // The store is down: readiness says so; the last count stands.
      }
    },
  });
}
