/**
 * Issue "operators": one query through the gateway is one trace, from
 * the gateway's request through each subgraph fetch to the SQL
 * statements, joined over HTTP by the W3C `traceparent` header, with
 * every server under its own service name, on both databases. No span
 * says anything of a person: no variable, no national number, no name.
 */
import { InMemorySpanExporter, type ReadableSpan } from
  '@opentelemetry/sdk-trace-base';
import { SpanKind } from '@opentelemetry/api';
import { GATEWAY_SERVICE, subgraphService } from '../../runtime/telemetry';
import { createTracing, type Tracing } from '../../runtime/tracing/setup';
import { DEMO, generateDemoData } from '../../storage/demo-data';
import { describeEachDatabase } from '../support/databases';
import { postGraphQL, startDemoGraph } from '../support/graph';
import { scrape, valueOf } from '../support/metrics';
import { waitFor } from '../support/wait';

const QUERY = /* GraphQL */ `
  query TracedMeasure($id: ID!, $n: ID!) {
    person(nationalNumber: $n) { lastName }
    protectionMeasure(id: $id) {
      reference
      suspect { nationalNumber bng { holdsWeapons } }
    }
  }
`;

const VARIABLES = {
  id: DEMO.measureIds.activeWithEverything,
  n: DEMO.nationalNumbers.victimOfActiveWithEverything,
};

const exporter = new InMemorySpanExporter();
let tracing: Tracing;

beforeAll(() => {
  tracing = createTracing({
    exporter,
    globalService: GATEWAY_SERVICE,
    immediate: true,
  });
});

afterAll(() => tracing.shutdown());

function serviceOf(span: ReadableSpan): string {
  return String(span.resource.attributes['service.name']);
}

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

/** Every value of the demo data that names or identifies a person. */
function personalValues(): string[] {
  const { persons } = generateDemoData().protection;
  return [
    ...Object.values(VARIABLES),
    ...persons.map((person) => person.nationalNumber),
    ...persons.map((person) => person.lastName),
  ];
}

describeEachDatabase('Traces of the graph', (getOptions) => {
  let stack: Awaited<ReturnType<typeof startDemoGraph>>;
  let spans: ReadableSpan[];

  beforeAll(async () => {
    // The gateway reads the alert log every 100 ms: work of its own.
    stack = await startDemoGraph(getOptions(), { tracing, alertPollMs: 100 });
    exporter.reset();
    const token = await stack.token({ role: 'police', zone: '5347' });
    const answer = await postGraphQL(stack.gatewayUrl, QUERY,
      { token, variables: VARIABLES });
    expect(answer.body.errors).toBeUndefined();
    // The gateway's own request span ends once its answer is out.
    await waitFor('the gateway request span', () => exporter
      .getFinishedSpans().some((span) => span.name === 'POST /graphql'
        && serviceOf(span) === GATEWAY_SERVICE));
    const root = exporter.getFinishedSpans().find((span) =>
      span.name === 'POST /graphql' && serviceOf(span) === GATEWAY_SERVICE);
    const traceId = root!.spanContext().traceId;
    spans = exporter.getFinishedSpans()
      .filter((span) => span.spanContext().traceId === traceId);
  }, 120_000);

  afterAll(async () => {
    await stack?.cleanUp();
  });

  it('joins the spans of the gateway and of the subgraphs in one trace',
    () => {
      const services = new Set(spans.map(serviceOf));
      expect(services).toContain(GATEWAY_SERVICE);
      expect(services).toContain(subgraphService('protection'));
      expect(services).toContain(subgraphService('bng'));
      const names = spans.filter((span) => serviceOf(span) === GATEWAY_SERVICE)
        .map((span) => span.name);
      expect(names).toEqual(expect.arrayContaining(
        ['POST /graphql', 'gateway.request', 'gateway.plan', 'gateway.fetch']));
      const operation = spans.find((span) => span.name === 'gateway.request');
      expect(operation?.attributes['graphql.operation.name'])
        .toBe('TracedMeasure');
    });

  it('makes each subgraph request span a child of the gateway fetch '
    + 'span that sent it', () => {
    for (const name of ['protection', 'bng']) {
      const fetches = spans.filter((span) => span.name === 'gateway.fetch'
        && span.attributes.service === name);
      const served = spans.filter((span) => span.kind === SpanKind.SERVER
        && serviceOf(span) === subgraphService(name));
      expect(fetches.length).toBeGreaterThan(0);
      expect(served.map(parentOf).sort())
        .toEqual(fetches.map((span) => span.spanContext().spanId).sort());
      for (const span of served) {
        expect(span.attributes['http.response.status_code']).toBe(200);
        expect(span.attributes['graphql.operation.type']).toBe('query');
      }
    }
  });

  it('makes each SQL statement a child of its subgraph request span, '
    + 'with its placeholders and without its parameters', () => {
    const statements = spans.filter((span) => span.kind === SpanKind.CLIENT
      && span.attributes['db.query.text'] !== undefined);
    const servedIds = new Map(spans
      .filter((span) => span.kind === SpanKind.SERVER)
      .map((span) => [span.spanContext().spanId, serviceOf(span)]));
    const owners = new Set(statements.map((span) =>
      servedIds.get(parentOf(span) ?? '')));
    expect(owners).toContain(subgraphService('protection'));
    expect(owners).toContain(subgraphService('bng'));
    for (const span of statements) {
      expect(servedIds.get(parentOf(span) ?? '')).toBe(serviceOf(span));
    }
    expect(statements.some((span) =>
      String(span.attributes['db.query.text']).includes('?'))).toBe(true);
  });

  it('traces no request a client did not make: the gateway\'s reads of '
    + 'the alert log, the outbox\'s statements', async () => {
    const polls = async () => valueOf(
      (await scrape(stack.subgraphUrls.protection)).text,
      'graphql_operations_total', { operation: /^AlertLog/ });
    const before = await polls();
    await waitFor('the gateway to read the alert log', async () =>
      await polls() > before);
    const all = exporter.getFinishedSpans();
    const rooted = new Set(all.filter((span) =>
      serviceOf(span) === GATEWAY_SERVICE && parentOf(span) === undefined)
      .map((span) => span.spanContext().traceId));
    for (const span of all) {
      expect(rooted).toContain(span.spanContext().traceId);
    }
  });

  it('holds no variable, national number or name in any span', () => {
    const everything = JSON.stringify(exporter.getFinishedSpans().map(
      (span) => [span.name, span.attributes, span.events, span.status]));
    for (const value of personalValues()) {
      expect(everything).not.toContain(value);
    }
  });
});
