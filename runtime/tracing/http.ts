/**
 * Traces across HTTP: the W3C `traceparent` header on the gateway's
 * fetches, and a server span per request that a subgraph (or the
 * gateway) receives, made the active span while the request is handled.
 *
 * A span says only what the code fixes: the method, a path the server
 * knows (no query string: a GET carries its variables there; no unknown
 * path: a client could write anything in it), the status, and the
 * operation's name and type. No variable, no token, no identity.
 */
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  trace,
  type Tracer,
} from '@opentelemetry/api';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { RequestWrapper } from '../http';

/**
 * The headers with the active span's trace context added; the same
 * object when no span is active, as always with tracing off.
 */
export function withTraceContext(
  headers: Record<string, string> | undefined,
): Record<string, string> | undefined {
  const active = context.active();
  if (trace.getSpanContext(active) === undefined) return headers;
  const carrier: Record<string, string> = { ...headers };
  propagation.inject(active, carrier);
  return carrier;
}

/** Which paths a server names in its spans, and whose trace it joins. */
export interface ServerSpanOptions {
  /** The paths the server answers; any other is named by method only. */
  readonly paths: readonly string[];
  /**
   * True (a subgraph): continues the trace a request's `traceparent`
   * names, and traces no request without one (the gateway's polls of
   * the alert log, its queued audit writes: work no client asked for).
   * False (the gateway): starts a new trace for every request, whose
   * clients' headers are not to be trusted.
   */
  readonly extract: boolean;
}

/**
 * Asked every few seconds by machines, and telling nothing of a
 * request's path through the graph: never traced.
 */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** For hostGraphQL's `around`: one SERVER span per request. */
export function serverSpans(
  tracer: Tracer,
  options: ServerSpanOptions,
): RequestWrapper {
  const known = new Set(options.paths);
  return async (request, response, handle) => {
    const path = pathOf(request.url);
    if (UNTRACED_PATHS.has(path)) return handle();
    const parent = options.extract
      ? propagation.extract(ROOT_CONTEXT, request.headers)
      : ROOT_CONTEXT;
    if (options.extract && trace.getSpanContext(parent) === undefined) {
      return handle();
    }
    const method = request.method ?? 'GET';
    const named = known.has(path);
    const span = tracer.startSpan(named ? `${method} ${path}` : method, {
      kind: SpanKind.SERVER,
      attributes: {
        'http.request.method': method,
        ...(named && { 'url.path': path }),
      },
    }, parent);
    try {
      await context.with(trace.setSpan(parent, span), handle);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.setAttribute('http.response.status_code', response.statusCode);
      if (response.statusCode >= 500) {
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end();
    }
  };
}

function pathOf(url: string | undefined): string {
  const raw = url ?? '/';
  const mark = raw.indexOf('?');
  return mark === -1 ? raw : raw.slice(0, mark);
}

/**
 * Names the operation on the request's span, once Apollo knows it: its
 * name and type, never its document or variables.
 */
export function operationSpanPlugin<
  TContext extends BaseContext,
>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext) {
          const span = trace.getActiveSpan();
          if (span === undefined) return;
          const { operationName, operation } = requestContext;
          if (operation) {
            span.setAttribute('graphql.operation.type', operation.operation);
          }
          if (operationName) {
            span.setAttribute('graphql.operation.name', operationName);
          }
        },
      };
    },
  };
}
