import type { IncomingMessage, ServerResponse } from 'node:http';
import { SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { createTracing, type Tracing } from './setup';
import { serverSpans, withTraceContext } from './http';

const exporter = new InMemorySpanExporter();
let tracing: Tracing;

beforeAll(() => {
  tracing = createTracing({ exporter, globalService: 'test-gateway',
    immediate: true });
});

afterAll(() => tracing.shutdown());

beforeEach(() => exporter.reset());

/** Private: the parts of a request and its answer a span reads. */
function exchange(url: string, headers: Record<string, string> = {}) {
  const request = { method: 'GET', url, headers } as unknown as
    IncomingMessage;
  const response = { statusCode: 200 } as unknown as ServerResponse;
  return { request, response };
}

describe('withTraceContext', () => {
  it('answers the same headers when no span is active', () => {
    const headers = { a: 'b' };
    expect(withTraceContext(headers)).toBe(headers);
    expect(withTraceContext(undefined)).toBeUndefined();
  });

  it('adds the active span\'s traceparent to a copy', () => {
    const headers = { a: 'b' };
    const tracer = tracing.tracer('test-gateway');
    tracer.startActiveSpan('fetch', (span) => {
      const { traceId, spanId } = span.spanContext();
      expect(withTraceContext(headers)).toEqual({
        a: 'b', traceparent: `00-${traceId}-${spanId}-01` });
      span.end();
    });
    expect(headers).toEqual({ a: 'b' });
  });
});

describe('serverSpans', () => {
  const tracer = () => tracing.tracer('test-subgraph');
  const parent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

  it('continues the trace of the traceparent, the span active meanwhile',
    async () => {
      const wrap = serverSpans(tracer(), { paths: ['/graphql'],
        extract: true });
      const { request, response } = exchange('/graphql?variables=secret',
        { traceparent: parent });
      let active: string | undefined;
      await wrap(request, response, async () => {
        active = trace.getActiveSpan()?.spanContext().spanId;
      });
      const [span] = exporter.getFinishedSpans();
      expect(span!.kind).toBe(SpanKind.SERVER);
      expect(span!.name).toBe('GET /graphql');
      expect(span!.spanContext().traceId)
        .toBe('0af7651916cd43dd8448eb211c80319c');
      expect(span!.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
      expect(active).toBe(span!.spanContext().spanId);
      expect(span!.attributes).toEqual({ 'http.request.method': 'GET',
        'url.path': '/graphql', 'http.response.status_code': 200 });
    });

  it('traces nothing in a subgraph without a traceparent, nor a probe',
    async () => {
      const wrap = serverSpans(tracer(), { paths: ['/graphql'],
        extract: true });
      let ran = 0;
      for (const [url, headers] of [['/graphql', {}],
        ['/healthz', { traceparent: parent }]] as const) {
        const { request, response } = exchange(url, headers);
        await wrap(request, response, async () => {
          ran += 1;
        });
      }
      expect(ran).toBe(2);
      expect(exporter.getFinishedSpans()).toEqual([]);
    });

  it('names an unknown path by its method only, and starts a new trace '
    + 'at the gateway', async () => {
    const wrap = serverSpans(tracer(), { paths: ['/graphql'],
      extract: false });
    const { request, response } = exchange('/02091800178',
      { traceparent: parent });
    await wrap(request, response, async () => undefined);
    const [span] = exporter.getFinishedSpans();
    expect(span!.name).toBe('GET');
    expect(span!.parentSpanContext).toBeUndefined();
    expect(JSON.stringify(span!.attributes)).not.toContain('02091800178');
  });
});
