import {
  ChainVerifier,
  GENESIS_HASH,
  chainEntry,
  verifyChain,
} from './chain';
import type { AuditEntryInput, AuditEntryRecord, AuditHead } from './types';

function input(n: number): AuditEntryInput {
  return {
    at: `2027-01-0${n}T09:00:00.000Z`,
    subject: `user-${n}`,
    role: 'police',
    organisation: 'zone:5345',
    operationType: 'query',
    operationName: 'Measure',
    documentHash: 'ab'.repeat(32),
    requestId: `req-${n}`,
    persons: ['87020912345'],
    measures: [`measure-${n}`],
    purpose: n % 2 ? 'case 1' : null,
    outcome: 'COMPLETE',
  };
}

function chainOf(count: number): AuditEntryRecord[] {
  const entries: AuditEntryRecord[] = [];
  let head: AuditHead = { sequence: 0, hash: GENESIS_HASH };
  for (let n = 1; n <= count; n += 1) {
    const entry = chainEntry(head, input(n));
    entries.push(entry);
    head = { sequence: entry.sequence, hash: entry.hash };
  }
  return entries;
}

function headOf(entries: readonly AuditEntryRecord[]): AuditHead {
  const last = entries[entries.length - 1];
  return last
    ? { sequence: last.sequence, hash: last.hash }
    : { sequence: 0, hash: GENESIS_HASH };
}

describe('the audit chain', () => {
  const entries = chainOf(5);
  const head = headOf(entries);

  it('verifies an untouched chain and counts its entries', () => {
    expect(verifyChain(entries, head)).toEqual({ ok: true, checked: 5, head });
  });

  it('verifies an empty trail', () => {
    expect(verifyChain([], headOf([]))).toMatchObject({ ok: true, checked: 0 });
  });

  it('starts from the genesis hash', () => {
    expect(entries[0]).toMatchObject({
      sequence: 1, previousHash: GENESIS_HASH,
    });
    expect(entries[1].previousHash).toBe(entries[0].hash);
  });

  const changes: [string, Partial<AuditEntryRecord>][] = [
    ['at', { at: '2027-02-01T09:00:00.000Z' }],
    ['subject', { subject: 'someone-else' }],
    ['role', { role: 'magistrate' }],
    ['organisation', { organisation: null }],
    ['operationType', { operationType: 'mutation' }],
    ['operationName', { operationName: 'Other' }],
    ['documentHash', { documentHash: 'cd'.repeat(32) }],
    ['requestId', { requestId: 'req-x' }],
    ['persons', { persons: [] }],
    ['measures', { measures: ['measure-9'] }],
    ['purpose', { purpose: 'another purpose' }],
    ['outcome', { outcome: 'FAILED' }],
  ];

  it.each(changes)('breaks at an entry whose %s was altered', (_, change) => {
    const altered = entries.map((entry, i) =>
      i === 2 ? { ...entry, ...change } : entry);
    expect(verifyChain(altered, head)).toMatchObject({
      ok: false, sequence: 3, reason: 'hash', checked: 2,
    });
  });

  it('breaks at an entry whose hash was recomputed to fit its change', () => {
    const altered = [...entries];
    altered[2] = chainEntry(
      { sequence: 2, hash: entries[1].hash },
      { ...input(3), purpose: 'rewritten' },
    );
    expect(verifyChain(altered, head)).toMatchObject({
      ok: false, sequence: 4, reason: 'previous-hash',
    });
  });

  it('breaks where an entry was deleted', () => {
    const cut = entries.filter((entry) => entry.sequence !== 3);
    expect(verifyChain(cut, head)).toMatchObject({
      ok: false, sequence: 3, reason: 'sequence',
    });
  });

  it('breaks where two entries were swapped', () => {
    const swapped = [entries[0], entries[2], entries[1], ...entries.slice(3)];
    expect(verifyChain(swapped, head)).toMatchObject({
      ok: false, sequence: 2, reason: 'sequence',
    });
  });

  it('breaks where an entry was inserted', () => {
    const forged = { ...entries[1], requestId: 'forged' };
    const inserted = [...entries.slice(0, 2), forged, ...entries.slice(2)];
    expect(verifyChain(inserted, head)).toMatchObject({
      ok: false, sequence: 3, reason: 'sequence',
    });
  });

  it('breaks when the last entries were cut off, by the head row', () => {
    expect(verifyChain(entries.slice(0, 3), head)).toMatchObject({
      ok: false, sequence: 4, reason: 'head',
    });
  });

  it('checks page by page as it does whole', () => {
    const verifier = new ChainVerifier();
    expect(verifier.add(entries.slice(0, 2))).toBe(true);
    expect(verifier.add(entries.slice(2))).toBe(true);
    expect(verifier.result(head)).toEqual({ ok: true, checked: 5, head });
  });
});
