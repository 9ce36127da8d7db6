/**
 * The process's OpenTelemetry tracing, when it is on: one tracer
 * provider per service, all writing to one exporter.
 *
 * The provider of `globalService` is registered as the process's global
 * one, with the W3C trace context propagator and the AsyncLocalStorage
 * context manager: Apollo Gateway writes its spans (gateway.request,
 * gateway.plan, gateway.fetch, ...) through the global API, and the
 * active span follows a request across its awaits. The other services of
 * the process (the subgraphs, when `npm start` or the tests run the
 * whole graph in one) get providers of their own, so that each span names
 * the service that made it.
 *
 * With OTEL_TRACES_EXPORTER=none nothing here is created: no provider,
 * no global, and the spans Apollo asks for are the API's no-op ones.
 */
import {
  context,
  propagation,
  trace,
  type Tracer,
} from '@opentelemetry/api';
import type { ExportResult } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  ConsoleSpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { TelemetryConfig } from '../telemetry';

/** The instrumentation scope of the spans this project writes. */
export const TRACER_NAME = 'stalking-alarm-graph';

/** The tracing of one process, made by createTracing. */
export interface Tracing {
  /** The tracer of one service; its spans carry that service.name. */
  tracer(service: string): Tracer;
  /** Ends every provider, sending what they hold, then the exporter. */
  shutdown(): Promise<void>;
}

/** Where spans go, and which service owns the global provider. */
export interface TracingOptions {
  readonly exporter: SpanExporter;
  /** The service whose provider is registered as the global one. */
  readonly globalService: string;
  /**
   * Exports each span as it ends instead of in batches: for tests and
   * the console; default false.
   */
  readonly immediate?: boolean;
}

/**
 * Private: the exporter every provider shares. A provider shutting down
 * shuts its exporter down too; the shared one is shut once, last.
 */
function shared(exporter: SpanExporter): SpanExporter {
  return {
    export: (spans: ReadableSpan[], done: (result: ExportResult) => void) =>
      exporter.export(spans, done),
    shutdown: async () => undefined,
    forceFlush: async () => exporter.forceFlush?.(),
  };
}

/** Tracing over `exporter`; registers the global provider at once. */
export function createTracing(options: TracingOptions): Tracing {
  const exporter = shared(options.exporter);
  const processor = (): SpanProcessor => options.immediate
    ? new SimpleSpanProcessor(exporter)
    : new BatchSpanProcessor(exporter);
  const resource = (service: string) =>
    resourceFromAttributes({ [ATTR_SERVICE_NAME]: service });
  const global = new NodeTracerProvider({
    resource: resource(options.globalService),
    spanProcessors: [processor()],
  });
  global.register();
  const providers = new Map<string, BasicTracerProvider>([
    [options.globalService, global],
  ]);
  let stopped: Promise<void> | null = null;

  function tracer(service: string): Tracer {
    let provider = providers.get(service);
    if (provider === undefined) {
      provider = new BasicTracerProvider({
        resource: resource(service),
        spanProcessors: [processor()],
      });
      providers.set(service, provider);
    }
    return provider.getTracer(TRACER_NAME);
  }

  async function stop(): Promise<void> {
    for (const provider of providers.values()) await provider.shutdown();
    await options.exporter.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  }

  return {
    tracer,
    shutdown: () => (stopped ??= stop()),
  };
}

/**
 * The tracing OTEL_TRACES_EXPORTER asks for, or null for `none`: then
 * nothing is registered, and tracing costs nothing.
 */
export function tracingFromConfig(
  config: Pick<
    TelemetryConfig,
    'OTEL_TRACES_EXPORTER' | 'OTEL_EXPORTER_OTLP_ENDPOINT'
  >,
  globalService: string,
): Tracing | null {
  switch (config.OTEL_TRACES_EXPORTER) {
    case 'none':
      return null;
    case 'console':
      return createTracing({
        exporter: new ConsoleSpanExporter(),
        globalService,
        immediate: true,
      });
    case 'otlp':
      return createTracing({
        exporter: new OTLPTraceExporter({
          url: tracesUrl(config.OTEL_EXPORTER_OTLP_ENDPOINT),
        }),
        globalService,
      });
    default: {
      const impossible: never = config.OTEL_TRACES_EXPORTER;
      throw new Error(`Unknown traces exporter ${String(impossible)}`);
    }
  }
}

/** OTLP/HTTP's traces path under the collector's base URL. */
export function tracesUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/v1/traces`;
}
