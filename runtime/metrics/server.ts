/**
 * The metrics every server keeps, the gateway and each subgraph alike:
 * its own prom-client registry (never the global one: one process may
 * run seven servers, the tests many more), the duration of each HTTP
 * request, and the GraphQL operations by name and type; its /metrics
 * adds the process's default metrics (process.ts). The gateway's and
 * the subgraphs' metrics of their own are added to the same registry
 * (gateway/metrics.ts, runtime/metrics/storage.ts).
 *
 * Every label value is either fixed by the code or bounded
 * (labels.ts); none holds a variable, a token or a person.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { getOperationAST, type OperationDefinitionNode } from 'graphql';
import { Counter, Registry } from 'prom-client';
import {
  CellCounter,
  CellHistogram,
  type CounterCell,
  type HistogramCell,
} from './cells';
import type { MetricsAccess } from '../telemetry';
import { BoundedLabel, ChildCache, OTHER_LABEL } from './labels';
import { metricsRoute, METRICS_PATH } from './endpoint';
import { processRegistry } from './process';
import type { RouteHandler } from '../http';

/** Seconds: from a probe's millisecond to a slow report's half minute. */
export const DURATION_BUCKETS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
  30,
];

/** Told of each HTTP request once its response is over. */
export type RequestObserver = (
  request: IncomingMessage,
  response: ServerResponse,
  seconds: number,
) => void;

/** Whether and how a server serves metrics, and the paths it knows. */
export interface ServerMetricsOptions {
  readonly access: MetricsAccess;
  /**
   * The paths the host answers (GraphQL's, the probes', its routes');
   * any other path is counted as `(other)`. /metrics is always known.
   */
  readonly paths: readonly string[];
  /** Distinct operation names counted; default 100. */
  readonly maxOperationNames?: number;
}

/** One server's registry, and the parts its host and Apollo use. */
export interface ServerMetrics {
  readonly registry: Registry;
  /** For hostGraphQL's `routes`: GET /metrics. */
  readonly routes: Readonly<Record<string, RouteHandler>>;
  /** For hostGraphQL's `observe`. */
  readonly observe: RequestObserver;
  /** Counts and times each GraphQL operation. */
  plugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext>;
}

/** Private: the three series of one operation name and type. */
interface OperationSeries {
  readonly requests: CounterCell;
  readonly errors: CounterCell;
  readonly duration: HistogramCell;
}

/** A server's metrics, or null when METRICS_ENABLED is false. */
export function createServerMetrics(
  options: ServerMetricsOptions,
): ServerMetrics | null {
  if (!options.access.enabled) return null;
  const registry = new Registry();
  const observe = requestObserver(registry, [...options.paths, METRICS_PATH]);
  const operations = operationSeries(registry);
  const names = new BoundedLabel({ max: options.maxOperationNames });
  const record = (
    context: GraphQLRequestContextWillSendResponse<BaseContext>,
    started: number,
  ) => {
    const operation = context.operation ?? unresolvedOperation(context);
    const name = names.of(context.operationName
      ?? operation?.name?.value ?? context.request.operationName);
    const series = operations.get(operation?.operation ?? 'unknown', name);
    series.requests.inc();
    if (hasErrors(context)) series.errors.inc();
    series.duration.observe((performance.now() - started) / 1000);
  };
  return {
    registry,
    routes: {
      [METRICS_PATH]: metricsRoute([registry, processRegistry()],
        options.access),
    },
    observe,
    plugin: <TContext extends BaseContext>() => ({
      async requestDidStart() {
        const started = performance.now();
        return {
          async willSendResponse(context) {
            record(context, started);
          },
        };
      },
    } satisfies ApolloServerPlugin<TContext>),
  };
}

/**
 * Private: the operation of a document that parsed but failed
 * validation, which Apollo leaves unresolved; undefined when it did not
 * parse or does not say which of its operations to run.
 */
function unresolvedOperation(
  context: GraphQLRequestContextWillSendResponse<BaseContext>,
): OperationDefinitionNode | undefined {
  if (context.document === undefined) return undefined;
  return getOperationAST(context.document, context.request.operationName)
    ?? undefined;
}

function hasErrors(
  context: GraphQLRequestContextWillSendResponse<BaseContext>,
): boolean {
  if ((context.errors?.length ?? 0) > 0) return true;
  const { body } = context.response;
  return body.kind === 'single' && (body.singleResult.errors?.length ?? 0) > 0;
}

/** Private: the operation counters and histogram, by type and name. */
function operationSeries(registry: Registry): ChildCache<OperationSeries> {
  const labelNames = ['type', 'operation'];
  const requests = new CellCounter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations answered, by operation type and name.',
    labelNames,
    registry,
  });
  const errors = new CellCounter({
    name: 'graphql_operation_errors_total',
    help: 'GraphQL operations answered with at least one error.',
    labelNames,
    registry,
  });
  const duration = new CellHistogram({
    name: 'graphql_operation_duration_seconds',
    help: 'From the start of an operation to its answer, in seconds.',
    labelNames,
    buckets: DURATION_BUCKETS,
    registry,
  });
  return new ChildCache((type, operation) => ({
    requests: requests.cell(type, operation),
    errors: errors.cell(type, operation),
    duration: duration.cell(type, operation),
  }));
}

/** Private: the HTTP request histogram, by known path and status. */
function requestObserver(
  registry: Registry,
  paths: readonly string[],
): RequestObserver {
  const known = new Set(paths);
  const histogram = new CellHistogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by path and status, in seconds; aborted: the ' +
      'client left before the answer was sent.',
    labelNames: ['path', 'status'],
    buckets: DURATION_BUCKETS,
    registry,
  });
  const children = new ChildCache((path, status) =>
    histogram.cell(path, status));
  const statuses = new Map<number, string>();
  return (request, response, seconds) => {
    const path = knownPath(request.url, known);
    const status = response.writableFinished
      ? statusLabel(statuses, response.statusCode)
      : 'aborted';
    children.get(path, status).observe(seconds);
  };
}

function knownPath(url: string | undefined, known: Set<string>): string {
  const raw = url ?? '/';
  const mark = raw.indexOf('?');
  const path = mark === -1 ? raw : raw.slice(0, mark);
  return known.has(path) ? path : OTHER_LABEL;
}

/** Private: a status code as a label, its string made once. */
function statusLabel(cache: Map<number, string>, status: number): string {
  let label = cache.get(status);
  if (label === undefined) {
    label = String(status);
    cache.set(status, label);
  }
  return label;
}

/**
 * A counter that follows a running total kept elsewhere (a writer's
 * drops), read at each scrape; it only ever goes up.
 */
export function runningTotal(
  registry: Registry,
  name: string,
  help: string,
  read: () => number,
): void {
  let counted = 0;
  new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      const now = read();
      if (now > counted) this.inc(now - counted);
      counted = now;
    },
  });
}
