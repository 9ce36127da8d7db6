/**
 * Issue "operators": the Prometheus endpoint of the gateway and of the
 * subgraphs, scraped over real HTTP from the whole graph. Each operation
 * moves its own counters by exactly what it did; an alert raised through
 * the API counts as raised in the protection subgraph and as delivered
 * by the gateway to the one live subscriber; no scrape holds anything
 * of a person; and a scrape without the configured token is refused.
 */
import { randomBytes } from 'node:crypto';
import { DEMO, generateDemoData } from '../../storage/demo-data';
import {
  startProtectionGraph,
  type Caller,
  type ProtectionGraph,
} from '../protection/support';
import {
  DEMO_MANAGING_ZONE,
  DEMO_MEASURE,
  TODAY,
  at,
  send,
  subscribeLive,
  waitForFact,
} from '../alerts/support';
import { describeEachDatabase } from '../support/databases';
import { hasSeries, scrape, valueOf } from '../support/metrics';
import type { AlertSubscriber } from '../support/subscriber';

const TOKEN = randomBytes(16).toString('hex');

const MEASURE = /* GraphQL */ `
  query MeasureMetrics($id: ID!) {
    protectionMeasure(id: $id) {
      reference
      suspect { nationalNumber firstName bng { holdsWeapons } }
    }
  }
`;

const BROKEN = /* GraphQL */ `
  query BrokenMetrics { protectionMeasure(id: "x") { noSuchField } }
`;

/** Every value of the demo data that names or identifies a person. */
function personalValues(): string[] {
  const { persons } = generateDemoData().protection;
  return [
    ...Object.values(DEMO.nationalNumbers),
    ...persons.map((person) => person.nationalNumber),
    ...persons.map((person) => `${person.firstName} ${person.lastName}`),
  ];
}

describeEachDatabase('Metrics of the graph', (getOptions, kind) => {
  let graph: ProtectionGraph;
  let police: Caller;
  const scrapes: string[] = [];

  beforeAll(async () => {
    graph = await startProtectionGraph(getOptions(),
      { gatewayEnv: { METRICS_TOKEN: TOKEN } });
    graph.clock.setDay(TODAY);
    police = graph.police(DEMO_MANAGING_ZONE);
  }, 120_000);

  afterAll(async () => {
    await graph?.stack.cleanUp();
  });

  /** Scrapes one server, keeping the text for the personal data test. */
  async function metricsOf(url: string): Promise<string> {
    const answer = await scrape(url, TOKEN);
    expect(answer.status).toBe(200);
    scrapes.push(answer.text);
    return answer.text;
  }

  const gateway = () => metricsOf(graph.stack.gatewayUrl);
  const subgraph = (name: 'protection' | 'bng') =>
    metricsOf(graph.stack.subgraphUrls[name]);

  it('refuses a scrape without the token, or with another one', async () => {
    for (const url of [graph.stack.gatewayUrl,
      graph.stack.subgraphUrls.bng]) {
      expect((await scrape(url)).status).toBe(401);
      expect((await scrape(url, `${TOKEN}x`)).status).toBe(401);
      const granted = await scrape(url, TOKEN);
      expect(granted.status).toBe(200);
      expect(granted.type).toMatch(/^text\/plain; version=0\.0\.4/);
    }
  });

  it('counts each operation by name and type, its errors, its duration '
    + 'and its subgraph fetches, by exactly what was sent', async () => {
    const before = await gateway();
    const protectionBefore = await subgraph('protection');
    for (let run = 0; run < 2; run += 1) {
      await police.data(MEASURE, { id: DEMO_MEASURE });
    }
    const broken = await police.answer(BROKEN);
    expect(broken.errors?.[0]?.extensions?.code)
      .toBe('GRAPHQL_VALIDATION_FAILED');
    const after = await gateway();
    const protectionAfter = await subgraph('protection');

    const moved = (name: string, labels: Record<string, string | RegExp>,
      from = before, to = after) =>
      valueOf(to, name, labels) - valueOf(from, name, labels);
    const named = { type: 'query', operation: 'MeasureMetrics' };
    const failed = { type: 'query', operation: 'BrokenMetrics' };
    expect(moved('graphql_operations_total', named)).toBe(2);
    expect(moved('graphql_operation_errors_total', named)).toBe(0);
    expect(moved('graphql_operation_duration_seconds_count', named)).toBe(2);
    expect(moved('graphql_operations_total', failed)).toBe(1);
    expect(moved('graphql_operation_errors_total', failed)).toBe(1);
    expect(moved('http_request_duration_seconds_count',
      { path: '/graphql', status: '200' })).toBe(2);
    expect(moved('http_request_duration_seconds_count',
      { path: '/graphql', status: '400' })).toBe(1);
    for (const name of ['protection', 'bng']) {
      expect(moved('gateway_subgraph_fetch_duration_seconds_count',
        { subgraph: name })).toBe(2);
    }
    expect(moved('gateway_subgraph_fetch_failures_total', {})).toBe(0);
    // The gateway names the query it sends each subgraph after the
    // client's operation.
    expect(moved('graphql_operations_total',
      { type: 'query', operation: /^MeasureMetrics__protection__\d+$/ },
      protectionBefore, protectionAfter)).toBe(2);
  });

  it('counts an alert raised in the protection subgraph and delivered '
    + 'by the gateway to its live subscriber', async () => {
    const token = await graph.stack.token(
      { role: 'police', zone: DEMO_MANAGING_ZONE });
    let board: AlertSubscriber | undefined;
    try {
      board = await subscribeLive(graph.stack.gateway, token);
      const before = await gateway();
      const raisedBefore = await subgraph('protection');
      await send(graph.caller({ role: 'app112' }), 'raiseAlertFromDevice', {
        serial: DEMO.serials.buttonOfActiveWithEverything,
        alertId: `metrics-${kind}`,
        raisedAt: at(TODAY, '08:40:00'),
      });
      await waitForFact(board, `metrics-${kind} RAISED`);
      const after = await gateway();
      const raisedAfter = await subgraph('protection');

      expect(valueOf(after, 'gateway_alert_subscriptions')).toBe(1);
      expect(valueOf(after, 'gateway_alert_live_subscribers')).toBe(1);
      expect(valueOf(after, 'gateway_alert_events_delivered_total',
        { kind: 'RAISED' }) - valueOf(before,
        'gateway_alert_events_delivered_total', { kind: 'RAISED' }))
        .toBe(1);
      expect(valueOf(after, 'gateway_alert_delivery_seconds_count')
        - valueOf(before, 'gateway_alert_delivery_seconds_count')).toBe(1);
      expect(valueOf(raisedAfter, 'protection_alerts_raised_total')
        - valueOf(raisedBefore, 'protection_alerts_raised_total')).toBe(1);
    } finally {
      await board?.dispose();
    }
  });

  it('shows the backlogs, the pools and the process', async () => {
    const gatewayText = await gateway();
    const protection = await subgraph('protection');
    expect(hasSeries(gatewayText, 'gateway_audit_queue_pending')).toBe(true);
    expect(hasSeries(gatewayText, 'gateway_audit_entries_dropped_total'))
      .toBe(true);
    expect(valueOf(protection, 'protection_effects_pending'))
      .toBeGreaterThanOrEqual(0);
    expect(hasSeries(protection, 'protection_effects_pending')).toBe(true);
    expect(hasSeries(protection, 'process_cpu_seconds_total')).toBe(true);
    expect(hasSeries(gatewayText, 'nodejs_eventloop_lag_seconds'))
      .toBe(true);
    if (kind === 'mariadb') {
      expect(valueOf(protection, 'db_pool_connections',
        { store: 'protection' })).toBeGreaterThanOrEqual(1);
      expect(hasSeries(protection, 'db_pool_queued_requests')).toBe(true);
    } else {
      // SQLite keeps one connection and no pool: nothing to show.
      expect(hasSeries(protection, 'db_pool_connections')).toBe(false);
    }
  });

  it('counts a failed fetch by subgraph and reason', async () => {
    const before = await gateway();
    // Last: the bng subgraph stays off the network for good.
    await graph.stack.subgraphs.bng.hosted.close();
    const answer = await police.answer(MEASURE, { id: DEMO_MEASURE });
    expect(answer.errors?.[0]?.extensions?.code)
      .toBe('SUBGRAPH_UNAVAILABLE');
    const after = await gateway();
    const failures = (text: string) => valueOf(text,
      'gateway_subgraph_fetch_failures_total',
      { subgraph: 'bng', reason: 'unreachable' });
    expect(failures(after) - failures(before)).toBe(1);
  });

  it('holds no national number and no name in any scrape', () => {
    expect(scrapes.length).toBeGreaterThan(10);
    const everything = scrapes.join('\n');
    for (const value of personalValues()) {
      expect(everything).not.toContain(value);
    }
  });
});
