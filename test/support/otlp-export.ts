/**
 * A process that traces as the gateway would, for
 * runtime/tracing/setup.test.ts: reads the gateway's options, makes one
 * span through the global API (as Apollo Gateway does) and one of a
 * subgraph's service, then shuts tracing down, which sends them. Run
 * with tsx: OTLP's exporter loads its transport by a dynamic import,
 * which jest's module system does not run.
 */
import { trace } from '@opentelemetry/api';
import { readGatewayConfig } from '../../gateway/config';
import { GATEWAY_SERVICE, subgraphService } from '../../runtime/telemetry';
import { tracingFromConfig } from '../../runtime/tracing/setup';

async function main(): Promise<void> {
  const tracing = tracingFromConfig(readGatewayConfig(), GATEWAY_SERVICE);
  if (tracing === null) throw new Error('OTEL_TRACES_EXPORTER is none');
  trace.getTracer('apollo').startSpan('gateway.request').end();
  tracing.tracer(subgraphService('bng')).startSpan('POST /graphql').end();
  await tracing.shutdown();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
