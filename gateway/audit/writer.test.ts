import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { recordLogs } from '../../test/support/servers';
import { waitFor } from '../../test/support/wait';
import type { AuditEntryInput } from './entry';
import { AuditWriteError, AuditWriter } from './writer';

function entry(requestId: string): AuditEntryInput {
  return {
    at: '2027-01-04T09:00:00.000Z', subject: 'officer-1', role: 'police',
    organisation: 'zone:5345', operationType: 'MUTATION',
    operationName: 'Change', documentHash: 'ab'.repeat(32), requestId,
    persons: ['91072212345'], measures: ['measure-1'], purpose: null,
    outcome: 'COMPLETE',
  };
}

/** A trail that is down while `down` says so, recording what it took. */
function fakeTrail() {
  const taken: string[] = [];
  const state = { down: false, answer: 'ok' as 'ok' | 'refused' };
  const fetcher: Fetcher = async (_url, init) => {
    if (state.down) throw new Error('connect ECONNREFUSED');
    const { variables } = JSON.parse(String(init?.body));
    const body = state.answer === 'ok'
      ? { data: { appendAuditEntry: { sequence: String(taken.length + 1) } } }
      : { data: null, errors: [{ extensions: { code: 'FORBIDDEN' } }] };
    if (state.answer === 'ok') taken.push(variables.input.requestId);
    return { ok: true, status: 200, json: async () => body } as
      unknown as FetcherResponse;
  };
  return { taken, state, fetcher };
}

describe('AuditWriter', () => {
  const trustSigner = { sign: async () => 'signed' };

  function writer(fetcher: Fetcher, maxQueue?: number) {
    const logs = recordLogs();
    const made = new AuditWriter({
      url: 'http://audit.invalid/graphql', fetcher, trustSigner,
      timeoutMs: 1000, logger: logs.logger, retryMs: 5, maxQueue,
    });
    return { made, logs };
  }

  it('appends at once, and says why an append was refused', async () => {
    const trail = fakeTrail();
    const { made } = writer(trail.fetcher);
    await made.append(entry('r-1'));
    expect(trail.taken).toEqual(['r-1']);

    trail.state.answer = 'refused';
    await expect(made.append(entry('r-2'))).rejects.toEqual(
      new AuditWriteError('The audit trail refused an append: FORBIDDEN'));
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

  it('drops past its bound and logs the drop without the entry', async () => {
    const trail = fakeTrail();
    trail.state.down = true;
    const { made, logs } = writer(trail.fetcher, 1);
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
});
