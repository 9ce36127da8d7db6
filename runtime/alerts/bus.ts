/**
 * How notices of committed alert facts reach every gateway. The bus is
 * news, not the record: a publisher never waits on it and never fails
 * because of it, and a gateway that missed a notice reads the alert log
 * (see gateway/alerts). Two buses: `LocalAlertBus` when the subgraph and
 * the gateway share a process (the embedded default), and
 * `RedisAlertBus` (redis-bus.ts) over Redis Streams between instances.
 */
import type { AlertNotice } from './notice';

export interface AlertBusListener {
  /** A notice, in the order the bus received them. */
  notice(notice: AlertNotice): void;
  /**
   * The bus may have lost notices (it was down, it restarted, it trimmed
   * its stream): the listener reads the log to fill the gap.
   */
  gap(): void;
}

export interface AlertPublisher {
  /**
   * Sends notices on. Never rejects: a failure is logged by the bus and
   * the gateways fill the gap from the log.
   */
  publish(notices: readonly AlertNotice[]): Promise<void>;
}

export interface AlertBus extends AlertPublisher {
  /** Starts delivering to `listener`; the answer stops it. */
  listen(listener: AlertBusListener): () => void;
  /** The bus can deliver now; false while its server is unreachable. */
  readonly healthy: boolean;
  close(): Promise<void>;
}

/** One process, no server: a publish reaches every listener at once. */
export class LocalAlertBus implements AlertBus {
  readonly #listeners = new Set<AlertBusListener>();
  readonly healthy = true;

  async publish(notices: readonly AlertNotice[]): Promise<void> {
    for (const listener of [...this.#listeners]) {
      for (const notice of notices) listener.notice(notice);
    }
  }

  listen(listener: AlertBusListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  async close(): Promise<void> {
    this.#listeners.clear();
  }
}
