/**
 * Issue 6: the gateway's audit writer against the real audit subgraph,
 * over HTTP, on both databases: a burst of queued entries goes in a few
 * batches, an entry the trail refuses is set aside without holding the
 * others back, and the trail verifies entry by entry however it was
 * written.
 */
import type { Fetcher } from '@apollo/utils.fetcher';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SqlAuditAdapter } from '../adapters/audit';
import { verifyAuditTrail } from '../adapters/audit/verify';
import type { AuditEntryInput } from '../gateway/audit/entry';
import { AuditWriter } from '../gateway/audit/writer';
import { createHttpFetcher, type HttpFetcher } from '../runtime/fetcher';
import type { HostedGraphQL } from '../runtime/http';
import { ensureTrustKeys } from '../runtime/keys';
import { createTrustSigner, createTrustVerifier } from '../runtime/trust';
import { openSubgraph, type OpenedSubgraph } from '../subgraphs/registry';
import { describeEachDatabase } from './support/databases';
import { recordLogs } from './support/servers';
import { waitFor } from './support/wait';

function entry(requestId: string): AuditEntryInput {
  return {
    at: '2027-01-04T09:00:00.000Z', subject: 'officer-1', role: 'police',
    organisation: 'zone:5345', operationType: 'SUBSCRIPTION',
    operationName: 'Alerts', documentHash: 'ab'.repeat(32), requestId,
    persons: ['91072212345'], measures: ['measure-1'], purpose: null,
    outcome: 'COMPLETE',
  };
}

const entries = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => entry(`${prefix}-${i}`));

/** Small enough that 500 entries do not fit in one request. */
const MAX_BODY_BYTES = 64 * 1024;

describeEachDatabase('issue 6: the audit writer in batches', (storage) => {
  let keys: string;
  let opened: OpenedSubgraph;
  let hosted: HostedGraphQL;
  let http: HttpFetcher;
  /** The size of each batch sent, by the request body's entries. */
  const sent: number[] = [];

  beforeAll(async () => {
    keys = await mkdtemp(join(tmpdir(), 'sat-audit-keys-'));
    const trust = await ensureTrustKeys(keys);
    opened = await openSubgraph('audit', storage());
    hosted = await opened.start({
      host: '127.0.0.1', port: 0, production: false,
      logger: recordLogs().logger,
      trustVerifier: createTrustVerifier(trust.publicJwk,
        { subgraph: 'audit' }),
      maxBodyBytes: MAX_BODY_BYTES,
    });
    http = createHttpFetcher();
  });

  afterAll(async () => {
    http?.close();
    await hosted?.close();
    await opened?.close();
    await rm(keys, { recursive: true, force: true });
  });

  async function writer(batchSize = 500) {
    const trust = await ensureTrustKeys(keys);
    const recording: Fetcher = (url, init) => {
      const { variables } = JSON.parse(String(init?.body));
      sent.push([variables.input].flat().length);
      return http.fetch(url, init);
    };
    const logs = recordLogs();
    const made = new AuditWriter({
      url: hosted.url, fetcher: recording,
      trustSigner: createTrustSigner(trust.privateJwk),
      timeoutMs: 10_000, logger: logs.logger, retryMs: 5, batchSize,
    });
    return { made, logs };
  }

  const store = () => opened.adapter as SqlAuditAdapter;

  it('writes a burst in a few calls, in order, and the trail verifies',
    async () => {
      sent.length = 0;
      const { made } = await writer();
      const burst = entries('burst', 1200);
      for (const one of burst) made.queue(one);
      await waitFor('the queue to drain', () => made.pending === 0, 30_000);
      await made.close();

      // 500 and 250 entries are over the body bound (413): halved
      // twice, then every call takes 125, none is set aside.
      expect(sent).toEqual([500, 250, ...Array(9).fill(125), 75]);
      expect(made.counts).toMatchObject({ refused: 0, written: 1200 });
      const stored = await store().entriesAfter(0, 2000);
      expect(stored.map((one) => one.requestId))
        .toEqual(burst.map((one) => one.requestId));
      expect(await verifyAuditTrail(store())).toMatchObject({
        ok: true, checked: 1200,
      });
    }, 60_000);

  it('sets aside an entry the trail refuses and writes the later ones',
    async () => {
      const before = (await store().head()).sequence;
      const { made, logs } = await writer();
      const queued = entries('mixed', 20);
      queued[7] = { ...queued[7], requestId: 'x'.repeat(65) };
      for (const one of queued) made.queue(one);
      await waitFor('the queue to drain', () => made.pending === 0, 30_000);
      made.queue(entry('after'));
      await waitFor('the later entry', () => made.pending === 0, 30_000);
      await made.close();

      expect(made.counts).toMatchObject({ refused: 1, written: 20 });
      const stored = await store().entriesAfter(before, 100);
      expect(stored.map((one) => one.requestId)).toEqual([
        ...queued.filter((_, i) => i !== 7).map((one) => one.requestId),
        'after',
      ]);
      expect(await verifyAuditTrail(store())).toMatchObject({ ok: true });
      const text = logs.text().join('\n');
      expect(text).toContain('audit entry set aside');
      expect(text).not.toContain('91072212345');
    }, 60_000);
});
