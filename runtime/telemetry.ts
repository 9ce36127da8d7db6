/**
 * The options the gateway and every subgraph process share for what
 * operators watch: the Prometheus endpoint and the OpenTelemetry traces.
 * Declared once here and spread into gateway/config.ts and
 * subgraphs/config.ts, so both processes read the same variables. The
 * trace variables keep OpenTelemetry's own names.
 */
import {
  boolean,
  oneOf,
  optional,
  secret,
  string,
  url,
  type ConfigDocs,
  type ConfigOf,
} from './config';

/** Where finished spans go; `none` registers nothing at all. */
export const TRACES_EXPORTERS = ['none', 'otlp', 'console'] as const;

/** One of TRACES_EXPORTERS. */
export type TracesExporter = (typeof TRACES_EXPORTERS)[number];

/** OpenTelemetry's default for OTLP over HTTP. */
export const DEFAULT_OTLP_ENDPOINT = 'http://localhost:4318';

/** The options themselves, each with its default. */
export const TELEMETRY_OPTIONS = {
  /** Serves GET /metrics; default true. */
  METRICS_ENABLED: boolean({ default: true }),
  /** A bearer token a scrape must present; unset = none asked. */
  METRICS_TOKEN: optional(secret(string())),
  /** none (default), otlp or console. */
  OTEL_TRACES_EXPORTER: oneOf(TRACES_EXPORTERS, { default: 'none' }),
  /** The OTLP/HTTP collector; default http://localhost:4318. */
  OTEL_EXPORTER_OTLP_ENDPOINT: url({ default: DEFAULT_OTLP_ENDPOINT }),
};

/** What the options read to, in either process's configuration. */
export type TelemetryConfig = ConfigOf<typeof TELEMETRY_OPTIONS>;

/** What each option is for, in the README's tables. */
export const TELEMETRY_OPTION_DOCS: ConfigDocs<typeof TELEMETRY_OPTIONS> = {
  METRICS_ENABLED:
    'Serves `GET /metrics` (Prometheus text format) beside `/graphql`. ' +
    'It holds no personal data, only counts and timings, but tells the ' +
    'load; it is never rate limited nor audited.',
  METRICS_TOKEN:
    'Set, a scrape must send `Authorization: Bearer <token>`, else 401. ' +
    'Unset, `/metrics` answers anyone who reaches the port, in ' +
    'production too: on the closed network the port is meant for the ' +
    'scraper alone. Never shown in an error.',
  OTEL_TRACES_EXPORTER:
    'Where trace spans go: `none` (nothing is registered, no cost), ' +
    '`otlp` (OTLP over HTTP to `OTEL_EXPORTER_OTLP_ENDPOINT`) or ' +
    '`console` (stdout, for a look during development).',
  OTEL_EXPORTER_OTLP_ENDPOINT:
    'With otlp: the collector\'s base URL; spans are posted to its ' +
    '`/v1/traces`.',
};

/** The metrics endpoint as a server serves it. */
export interface MetricsAccess {
  readonly enabled: boolean;
  /** The bearer token a scrape must present; undefined for none. */
  readonly token?: string;
}

/** The metrics endpoint the options ask for. */
export function metricsAccessOf(config: TelemetryConfig): MetricsAccess {
  return { enabled: config.METRICS_ENABLED, token: config.METRICS_TOKEN };
}

/** The service name of the gateway's spans. */
export const GATEWAY_SERVICE = 'stalking-alarm-gateway';

/** The service name of one subgraph's spans. */
export function subgraphService(name: string): string {
  return `stalking-alarm-${name}`;
}
