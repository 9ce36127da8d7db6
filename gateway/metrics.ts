/**
 * The gateway's metrics, beside those every server keeps
 * (runtime/metrics/server.ts): each subgraph fetch's duration and
 * failures, the live alert stream (open subscriptions, live subscribers,
 * alert events delivered and how long after their commit), and the audit
 * writer's queue (pending, dropped, refused).
 *
 * A fetch or a delivery touches one child made once per subgraph or
 * event kind; the stream's and the queue's figures are read only when
 * Prometheus scrapes.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Gauge, type Registry } from 'prom-client';
import {
  CellCounter,
  CellHistogram,
  type CounterCell,
} from '../runtime/metrics/cells';
import { ErrorCode } from '../runtime/errors';
import type { AlertNotice } from '../runtime/alerts/notice';
import type { HostOptions } from '../runtime/http';
import {
  DURATION_BUCKETS,
  createServerMetrics,
  runningTotal,
} from '../runtime/metrics/server';
import {
  GATEWAY_SERVICE,
  metricsAccessOf,
  type TelemetryConfig,
} from '../runtime/telemetry';
import { serverSpans } from '../runtime/tracing/http';
import type { Tracing } from '../runtime/tracing/setup';
import { REPORT_PATH } from './report/route';

/** Why a subgraph fetch failed, as a label. */
export type FetchFailureKind = 'timeout' | 'unreachable' | 'status' | 'invalid';

/** The fetches to one subgraph. */
export interface FetchObserver {
  /** One fetch answered (whatever its status), after `seconds`. */
  answered(seconds: number): void;
  /** One fetch failed (timeout, refused, non-2xx, not GraphQL). */
  failed(kind: FetchFailureKind): void;
}

/** What the scrape reads of the running gateway. */
export interface GatewayFigures {
  readonly alertStream: { readonly subscriptions: number;
    readonly live: number };
  /** Null without an audit subgraph. */
  auditQueue(): {
    readonly pending: number;
    readonly dropped: number;
    readonly refused: number;
  } | null;
}

/** The gateway's own metrics, on its server's registry. */
export interface GatewayMetrics {
  /** The observer of fetches to `subgraph`, made once per subgraph. */
  fetches(subgraph: string): FetchObserver;
  /** Told as an alert event's answer goes to one subscriber. */
  alertSent(notice: AlertNotice): void;
  /** Reads the stream's and the queue's figures at each scrape. */
  watch(figures: GatewayFigures): void;
}

/** Registers the gateway's metrics on a server's `registry`. */
export function createGatewayMetrics(registry: Registry): GatewayMetrics {
  const fetches = fetchMetrics(registry);
  const alertSent = deliveryMetrics(registry);
  return {
    fetches,
    alertSent,
    watch: (figures) => watchFigures(registry, figures),
  };
}

/** The failure kind of a fetch's error, from our codes or its status. */
export function failureKindOf(
  code: unknown,
  status: number | undefined,
): FetchFailureKind {
  if (code === ErrorCode.SUBGRAPH_TIMEOUT) return 'timeout';
  if (code === ErrorCode.SUBGRAPH_UNAVAILABLE) return 'unreachable';
  if (status !== undefined && (status < 200 || status > 299)) return 'status';
  return 'invalid';
}

function fetchMetrics(registry: Registry): (name: string) => FetchObserver {
  const duration = new CellHistogram({
    name: 'gateway_subgraph_fetch_duration_seconds',
    help: 'Subgraph fetches answered, by subgraph, in seconds.',
    labelNames: ['subgraph'],
    buckets: DURATION_BUCKETS,
    registry,
  });
  const failures = new CellCounter({
    name: 'gateway_subgraph_fetch_failures_total',
    help: 'Subgraph fetches that failed, by subgraph and reason: ' +
      'timeout, unreachable, status (not 2xx), invalid (not GraphQL).',
    labelNames: ['subgraph', 'reason'],
    registry,
  });
  return (subgraph) => {
    const answered = duration.cell(subgraph);
    const kinds = new Map<FetchFailureKind, CounterCell>();
    return {
      answered: (seconds) => answered.observe(seconds),
      failed: (kind) => {
        let child = kinds.get(kind);
        if (child === undefined) {
          child = failures.cell(subgraph, kind);
          kinds.set(kind, child);
        }
        child.inc();
      },
    };
  };
}

function deliveryMetrics(
  registry: Registry,
): (notice: AlertNotice) => void {
  const delivered = new CellCounter({
    name: 'gateway_alert_events_delivered_total',
    help: 'Alert events sent to subscribers, one per subscriber, by kind.',
    labelNames: ['kind'],
    registry,
  });
  const latency = new CellHistogram({
    name: 'gateway_alert_delivery_seconds',
    help: "From an alert event's commit in the log to its answer sent " +
      'to a subscriber, in seconds.',
    labelNames: [],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registry,
  }).cell();
  const kinds = new Map<string, CounterCell>();
  return (notice) => {
    let child = kinds.get(notice.kind);
    if (child === undefined) {
      child = delivered.cell(notice.kind);
      kinds.set(notice.kind, child);
    }
    child.inc();
    const seconds = (Date.now() - Date.parse(notice.at)) / 1000;
    // Clocks of two machines may disagree: no negative latency.
    latency.observe(Math.max(0, seconds));
  };
}

function watchFigures(registry: Registry, figures: GatewayFigures): void {
  new Gauge({
    name: 'gateway_alert_subscriptions',
    help: 'Subscriptions to the alert stream open now.',
    registers: [registry],
    collect() {
      this.set(figures.alertStream.subscriptions);
    },
  });
  new Gauge({
    name: 'gateway_alert_live_subscribers',
    help: 'Subscriptions caught up with the log, receiving live events.',
    registers: [registry],
    collect() {
      this.set(figures.alertStream.live);
    },
  });
  new Gauge({
    name: 'gateway_audit_queue_pending',
    help: 'Audit entries waiting in the writer\'s queue for the trail.',
    registers: [registry],
    collect() {
      this.set(figures.auditQueue()?.pending ?? 0);
    },
  });
  runningTotal(registry, 'gateway_audit_entries_dropped_total',
    'Audit entries turned away by the full queue: lost to the trail.',
    () => figures.auditQueue()?.dropped ?? 0);
  runningTotal(registry, 'gateway_audit_entries_refused_total',
    'Queued audit entries the trail refused as input, set aside.',
    () => figures.auditQueue()?.refused ?? 0);
}

/** What startGateway hands its host and its Apollo Server. */
export interface GatewayTelemetry {
  /** Null with METRICS_ENABLED=false. */
  readonly metrics: GatewayMetrics | null;
  readonly plugins: readonly ApolloServerPlugin<BaseContext>[];
  readonly host: Pick<HostOptions<BaseContext>, 'routes' | 'observe'
    | 'around'>;
}

/**
 * The gateway's metrics and request spans, as its configuration and the
 * process's tracing say: each part absent when it is off.
 */
export function gatewayTelemetry(
  config: TelemetryConfig,
  tracing: Tracing | undefined,
): GatewayTelemetry {
  const paths = ['/graphql', '/healthz', '/readyz', REPORT_PATH];
  const server = createServerMetrics({ access: metricsAccessOf(config),
    paths });
  const tracer = tracing?.tracer(GATEWAY_SERVICE);
  return {
    metrics: server && createGatewayMetrics(server.registry),
    plugins: server ? [server.plugin()] : [],
    host: {
      routes: server?.routes,
      observe: server?.observe,
      around: tracer && serverSpans(tracer, { paths, extract: false }),
    },
  };
}
