import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { recordLogs } from '../../test/support/servers';
import { waitFor } from '../../test/support/wait';
import type { AuditEntryInput } from './entry';
import {
  AuditWriteError,
  AuditWriter,
  answerOf,
  type AuditWriterOptions,
} from './writer';

function entry(requestId: string): AuditEntryInput {
  return {
    at: '2027-01-04T09:00:00.000Z', subject: 'officer-1', role: 'police',
    organisation: 'zone:5345', operationType: 'MUTATION',
    operationName: 'Change', documentHash: 'ab'.repeat(32), requestId,
    persons: ['91072212345'], measures: ['measure-1'], purpose: null,
    outcome: 'COMPLETE',
  };
}

const entries = (count: number) =>
  Array.from({ length: count }, (_, i) => entry(`q-${i}`));

/** One call the fake trail received. */
interface Call {
  readonly mutation: 'appendAuditEntry' | 'appendAuditEntries';
  readonly requestIds: readonly string[];
}

/**
 * A trail that records every call and what it took. It is down while
 * `down` says so, answers every call with `code` when one is set, and
 * refuses as input (BAD_USER_INPUT) any call holding a request id of
 * `refuses`.
 */
function fakeTrail() {
  const calls: Call[] = [];
  const taken: string[] = [];
  const state = {
    down: false,
    code: null as string | null,
    refuses: new Set<string>(),
  };
  const answer = (status: number, body: unknown) =>
    ({ ok: status === 200, status, json: async () => body }) as
      unknown as FetcherResponse;
  const fetcher: Fetcher = async (_url, init) => {
    if (state.down) throw new Error('connect ECONNREFUSED');
    const { query, variables } = JSON.parse(String(init?.body));
    const batch = /appendAuditEntries/.test(query);
    const inputs: AuditEntryInput[] = batch
      ? variables.input : [variables.input];
    const requestIds = inputs.map((input) => input.requestId);
    const mutation = batch ? 'appendAuditEntries' : 'appendAuditEntry';
    calls.push({ mutation, requestIds });
    const refused = requestIds.some((id) => state.refuses.has(id));
    const code = state.code ?? (refused ? 'BAD_USER_INPUT' : null);
    if (code !== null) {
      return answer(200, { data: null, errors: [{
        message: `Refused ${requestIds.join(', ')}`, extensions: { code },
      }] });
    }
    const sequences = requestIds.map((id) => {
      taken.push(id);
      return { sequence: String(taken.length) };
    });
    const data = { [mutation]: batch ? sequences : sequences[0] };
    return answer(200, { data });
  };
  const sizes = () => calls.map((call) => call.requestIds.length);
  return { calls, taken, state, fetcher, sizes };
}

describe('AuditWriter', () => {
  const trustSigner = { sign: async () => 'signed' };

  function writer(
    fetcher: Fetcher,
    options: Partial<AuditWriterOptions> = {},
  ) {
    const logs = recordLogs();
    const made = new AuditWriter({
      url: 'http://audit.invalid/graphql', fetcher, trustSigner,
      timeoutMs: 1000, logger: logs.logger, retryMs: 5, ...options,
    });
    return { made, logs };
  }

  it('appends at once, and says why an append was refused', async () => {
    const trail = fakeTrail();
    const { made } = writer(trail.fetcher);
    await made.append(entry('r-1'));
    expect(trail.taken).toEqual(['r-1']);
    expect(trail.calls[0].mutation).toBe('appendAuditEntry');

    trail.state.code = 'FORBIDDEN';
    await expect(made.append(entry('r-2'))).rejects.toEqual(
      new AuditWriteError('The audit trail refused an append: FORBIDDEN'));
  });

  it('writes the reads that come while one is written in one call',
    async () => {
      const trail = fakeTrail();
      const { made } = writer(trail.fetcher);
      const reads = ['r-1', 'r-2', 'r-3', 'r-4'].map((id) =>
        made.append(entry(id)));
      await Promise.all(reads);

      expect(trail.calls).toEqual([
        { mutation: 'appendAuditEntry', requestIds: ['r-1'] },
        { mutation: 'appendAuditEntries', requestIds: ['r-2', 'r-3', 'r-4'] },
      ]);
      expect(made.counts).toMatchObject({ appended: 4, appendCalls: 2 });
    });

  it('withholds only the read the trail refuses among those written together',
    async () => {
      const trail = fakeTrail();
      trail.state.refuses.add('r-3');
      const { made } = writer(trail.fetcher);
      const reads = ['r-1', 'r-2', 'r-3', 'r-4'].map((id) =>
        made.append(entry(id)));
      const settled = await Promise.allSettled(reads);

      expect(settled.map((one) => one.status))
        .toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
      expect(trail.taken).toEqual(['r-1', 'r-2', 'r-4']);
    });

  it('fails every read of a group when the trail is down', async () => {
    const trail = fakeTrail();
    trail.state.down = true;
    const { made } = writer(trail.fetcher);
    const reads = ['r-1', 'r-2', 'r-3'].map((id) => made.append(entry(id)));
    for (const read of reads) {
      await expect(read).rejects.toBeInstanceOf(AuditWriteError);
    }
    expect(made.counts).toMatchObject({ appended: 0, appendCalls: 2 });
    expect(made.pending).toBe(0);
  });

  it('retries queued entries, in order, until the trail takes them',
    async () => {
      const trail = fakeTrail();
      trail.state.down = true;
      const { made, logs } = writer(trail.fetcher);
      made.queue(entry('q-1'));
      made.queue(entry('q-2'));
      await waitFor('a failed try', () => logs.lines().length > 0);
      expect(made.pending).toBe(2);

      trail.state.down = false;
      await waitFor('the queue to drain', () => made.pending === 0);
      expect(trail.taken).toEqual(['q-1', 'q-2']);
      expect(made.counts).toMatchObject({
        queued: 2, dropped: 0, written: 2, peakPending: 2,
      });
      expect(made.drainedAt).not.toBeNull();
      await made.close();
    });

  it('writes many queued entries in one call each batch, in order',
    async () => {
      const trail = fakeTrail();
      const { made } = writer(trail.fetcher, { batchSize: 500 });
      const queued = entries(1200);
      for (const one of queued) made.queue(one);
      await waitFor('the queue to drain', () => made.pending === 0);

      expect(trail.sizes()).toEqual([500, 500, 200]);
      expect(trail.calls.every((call) =>
        call.mutation === 'appendAuditEntries')).toBe(true);
      expect(trail.taken).toEqual(queued.map((one) => one.requestId));
      expect(made.counts).toMatchObject({ written: 1200, calls: 3 });
      await made.close();
    });

  it('writes 100 entries a call unless told otherwise', async () => {
    const trail = fakeTrail();
    const { made } = writer(trail.fetcher);
    for (const one of entries(250)) made.queue(one);
    await waitFor('the queue to drain', () => made.pending === 0);

    expect(trail.sizes()).toEqual([100, 100, 50]);
    await made.close();
  });

  it('keeps to the batch size it is given', async () => {
    const trail = fakeTrail();
    const { made } = writer(trail.fetcher, { batchSize: 4 });
    for (const one of entries(10)) made.queue(one);
    await waitFor('the queue to drain', () => made.pending === 0);

    expect(trail.sizes()).toEqual([4, 4, 2]);
    await made.close();
  });

  it('retries a failed batch whole, writing each entry once', async () => {
    const trail = fakeTrail();
    trail.state.code = 'INTERNAL_SERVER_ERROR';
    const { made } = writer(trail.fetcher);
    for (const one of entries(3)) made.queue(one);
    await waitFor('a failed try', () => trail.calls.length > 0);

    trail.state.code = null;
    await waitFor('the queue to drain', () => made.pending === 0);
    expect(trail.calls.map((call) => call.requestIds)).toEqual([
      ['q-0', 'q-1', 'q-2'],
      ['q-0', 'q-1', 'q-2'],
    ]);
    expect(trail.taken).toEqual(['q-0', 'q-1', 'q-2']);
    await made.close();
  });

  it('sets aside an entry refused as input and writes the later ones',
    async () => {
      const trail = fakeTrail();
      trail.state.refuses.add('q-5');
      const { made, logs } = writer(trail.fetcher);
      for (const one of entries(8)) made.queue(one);
      await waitFor('the queue to drain', () => made.pending === 0);

      // Halved until q-5 is alone: 8 refused, 4 written, 4 and 2
      // refused, q-4 written, q-5 refused and set aside, the rest.
      expect(trail.sizes()).toEqual([8, 4, 4, 2, 1, 1, 2]);
      expect(trail.taken).toEqual(
        ['q-0', 'q-1', 'q-2', 'q-3', 'q-4', 'q-6', 'q-7']);
      expect(made.counts).toMatchObject({ refused: 1, written: 7 });

      made.queue(entry('later'));
      await waitFor('the later entry', () => made.pending === 0);
      expect(trail.taken.at(-1)).toBe('later');

      const text = logs.text().join('\n');
      expect(text).toContain('audit entry set aside');
      expect(text).toContain('q-5');
      for (const secret of ['91072212345', 'measure-1', 'officer-1']) {
        expect(text).not.toContain(secret);
      }
      await made.close();
    });

  it('keeps every entry when the trail refuses the gateway itself',
    async () => {
      const trail = fakeTrail();
      trail.state.code = 'FORBIDDEN';
      const { made, logs } = writer(trail.fetcher);
      for (const one of entries(3)) made.queue(one);
      await waitFor('two failed tries', () => trail.calls.length >= 2);

      expect(made.pending).toBe(3);
      expect(made.counts.refused).toBe(0);
      expect(logs.text().join('\n')).not.toContain('set aside');
      await made.close();
    });

  it('drops past its bound and logs the drop without the entry', async () => {
    const trail = fakeTrail();
    trail.state.down = true;
    const { made, logs } = writer(trail.fetcher, { maxQueue: 1 });
    made.queue(entry('kept'));
    made.queue(entry('dropped'));
    expect(made.pending).toBe(1);
    expect(made.counts).toMatchObject({ queued: 1, dropped: 1 });
    await made.close();
    const text = logs.text().join('\n');
    expect(text).toContain('audit entry dropped');
    expect(text).toContain('audit entries left unwritten at shutdown');
    for (const secret of ['91072212345', 'measure-1', 'officer-1']) {
      expect(text).not.toContain(secret);
    }
  });

  it.each([0, 501, 1.5])('refuses a batch size of %s', (batchSize) => {
    expect(() => writer(fakeTrail().fetcher, { batchSize }))
      .toThrow(`batchSize must be a whole number from 1 to 500, got ${batchSize}`);
  });
});

describe('answerOf', () => {
  const written = { data: { appendAuditEntries: [
    { sequence: '1' }, { sequence: '2' },
  ] } };
  const coded = (code: string) => ({
    data: null, errors: [{ message: 'x', extensions: { code } }],
  });

  it('takes a batch as written once each entry has its sequence', () => {
    expect(answerOf(200, written, 2)).toEqual({ kind: 'written' });
    expect(answerOf(200, written, 3).kind).toBe('failed');
  });

  it('takes BAD_USER_INPUT and a body too large for refusals', () => {
    expect(answerOf(400, coded('BAD_USER_INPUT'), 2)).toEqual({
      kind: 'refused',
      reason: 'The audit trail refused an append: BAD_USER_INPUT',
    });
    expect(answerOf(413, null, 2).kind).toBe('refused');
  });

  it('takes any other answer for a failure of the trail', () => {
    // An audit subgraph that does not know appendAuditEntries yet.
    expect(answerOf(400, coded('GRAPHQL_VALIDATION_FAILED'), 2).kind)
      .toBe('failed');
    expect(answerOf(503, null, 2)).toEqual({
      kind: 'failed',
      reason: 'The audit subgraph answered 503 to an append',
    });
  });
});
