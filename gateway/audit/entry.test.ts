import { parse, type OperationDefinitionNode } from 'graphql';
import { rootFieldNames } from './plugin';
import {
  auditEntryOf,
  organisationOf,
  outcomeOf,
  parsePurpose,
} from './entry';

describe('the gateway audit entry', () => {
  const reads = { persons: ['91072212345'], measures: ['m-1'] };
  const facts = {
    identity: { subject: 'u-1', role: 'cic' as const, province: 'BE-VAN' },
    requestId: 'r-1',
    operationType: 'QUERY' as const,
    operationName: 'N'.repeat(300),
    documentHash: 'ab'.repeat(32),
    reads,
    purpose: null,
    result: { data: { a: 1 } },
    at: new Date('2027-01-04T09:00:00Z'),
  };

  it('names the organisation by the claim of the role', () => {
    expect(organisationOf(facts.identity)).toBe('province:BE-VAN');
    expect(organisationOf({ subject: 'x', role: 'auditor' })).toBeNull();
    expect(organisationOf({ subject: 'x', role: 'police', zone: '5345' }))
      .toBe('zone:5345');
  });

  it('writes no entry for an operation that read no personal data', () => {
    expect(auditEntryOf({ ...facts, reads: { persons: [], measures: [] } }))
      .toBeNull();
  });

  it('cuts a long operation name at 200 characters', () => {
    expect(auditEntryOf(facts)?.operationName).toHaveLength(200);
  });

  it('judges the outcome by the data and the errors', () => {
    expect(outcomeOf({ data: { a: 1 } })).toBe('COMPLETE');
    expect(outcomeOf({ data: { a: null }, errors: [{}] })).toBe('PARTIAL');
    expect(outcomeOf({ data: null, errors: [{}] })).toBe('FAILED');
  });

  it('reads a purpose trimmed, a blank one as none, refuses a long one',
    () => {
      expect(parsePurpose('  PV 1  ')).toBe('PV 1');
      expect(parsePurpose('   ')).toBeNull();
      expect(parsePurpose(undefined)).toBeNull();
      expect(() => parsePurpose('x'.repeat(501))).toThrow(TypeError);
      expect(() => parsePurpose(42)).toThrow(TypeError);
    });
});

describe('rootFieldNames', () => {
  it('follows fragments and inline fragments, each once', () => {
    const document = parse(`
      query { a ...F ... on Query { b } }
      fragment F on Query { c ...F }
    `);
    const operation = document.definitions[0] as OperationDefinitionNode;
    expect(rootFieldNames(operation.selectionSet, document))
      .toEqual(['a', 'c', 'b']);
  });
});
