import { contextOn, granted, readyForDecision, requested } from '../testing';
import { reconsiderRequest, refuseProtection } from './decision';

const refusal = {
  decidedOn: '2026-05-22',
  reasons: 'No intra-family context.',
  pvReference: 'PV-R',
};

describe('refuseProtection', () => {
  it('§7.7: records the negative decision; the measure is REFUSED', () => {
    const change = refuseProtection(
      requested(),
      refusal,
      contextOn('2026-05-22'),
    );
    expect(change.aggregate.measure.status).toBe('REFUSED');
    expect(change.aggregate.measure.refusal).toEqual({
      ...refusal,
      thirdPartyInformed: null,
    });
    expect(change.action).toBe('REFUSAL');
    expect(change.effects).toEqual([]);
  });

  it.each(['TRUSTED_THIRD_PARTY', 'OTHER_THIRD_PARTY'] as const)(
    '§7.7: after a request from %s the choice to tell it is required',
    (origin) => {
      const aggregate = requested({
        origin,
        requesterDescription: 'A neighbour',
      });
      const context = contextOn('2026-05-22');
      expect(() => refuseProtection(aggregate, refusal, context)).toThrow(
        expect.objectContaining({
          code: 'INVALID_INPUT',
          details: { field: 'thirdPartyInformed' },
        }),
      );
      const told = refuseProtection(
        aggregate,
        { ...refusal, thirdPartyInformed: false },
        context,
      );
      expect(told.aggregate.measure.refusal?.thirdPartyInformed).toBe(false);
    },
  );

  it('§7.7: thirdPartyInformed is refused when no third party asked', () => {
    expect(() =>
      refuseProtection(
        requested(),
        { ...refusal, thirdPartyInformed: true },
        contextOn('2026-05-22'),
      ),
    ).toThrow(
      'thirdPartyInformed applies only to a request from a third party, not from PERSON (§7.7).',
    );
  });

  it('§7.7: a granted measure cannot be refused', () => {
    expect(() =>
      refuseProtection(
        granted(),
        { ...refusal, decidedOn: '2026-06-01' },
        contextOn('2026-06-01'),
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'ILLEGAL_TRANSITION',
        message: expect.stringContaining(
          'refuseProtection does not apply to measure SA/2026/0001, which is ACTIVE',
        ),
      }),
    );
  });

  it('refuses a decision before the request', () => {
    expect(() =>
      refuseProtection(
        requested(),
        { ...refusal, decidedOn: '2026-05-19' },
        contextOn('2026-05-22'),
      ),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('reconsiderRequest', () => {
  const refused = refuseProtection(
    readyForDecision(),
    { ...refusal, decidedOn: '2026-05-26' },
    contextOn('2026-05-26'),
  ).aggregate;

  it('§7.7: new facts reopen a refused request, the refusal kept on record', () => {
    const change = reconsiderRequest(
      refused,
      { reportedOn: '2026-06-10', pvReference: 'PV-N' },
      contextOn('2026-06-10'),
    );
    expect(change.aggregate.measure.status).toBe('REQUESTED');
    expect(change.aggregate.measure.refusal?.decidedOn).toBe('2026-05-26');
    expect(change.action).toBe('RECONSIDERATION');
    expect(change.pvReference).toBe('PV-N');
  });

  it('§7.7: new facts come after the refusal', () => {
    expect(() =>
      reconsiderRequest(
        refused,
        { reportedOn: '2026-05-25', pvReference: 'PV-N' },
        contextOn('2026-06-10'),
      ),
    ).toThrow(
      'reportedOn 2026-05-25 is before the refusal of 2026-05-26 (§7.7).',
    );
  });

  it('§7.7: only a refused request is reconsidered', () => {
    expect(() =>
      reconsiderRequest(
        requested(),
        { reportedOn: '2026-05-25', pvReference: 'PV-N' },
        contextOn('2026-06-10'),
      ),
    ).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
  });
});
