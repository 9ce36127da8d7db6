import { TEXT_LIMITS } from '../../../adapters/protection/aggregate';
import { recordRevisit, requestProtection } from './commands';
import { REQUEST, contextOn, granted } from './testing';

const ids = { measureId: 'measure-9', reference: 'SA/2026/0009' };

describe('text limits', () => {
  it('refuses a PV reference longer than the register keeps', () => {
    const tooLong = 'P'.repeat(TEXT_LIMITS.pvReference + 1);
    expect(() =>
      requestProtection(
        { ...REQUEST, pvReference: tooLong },
        contextOn('2026-05-20'),
        ids,
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        message: expect.stringContaining(
          `at most ${TEXT_LIMITS.pvReference}`,
        ),
      }),
    );
  });

  it('accepts one exactly as long as the register keeps', () => {
    const longest = 'P'.repeat(TEXT_LIMITS.pvReference);
    const change = recordRevisit(
      granted('2026-05-31'),
      { doneOn: '2026-06-30', pvReference: longest },
      contextOn('2026-06-30'),
    );
    expect(change.aggregate.revisits[0].pvReference).toBe(longest);
  });

  it('refuses a name longer than the register keeps', () => {
    const victim = {
      ...REQUEST.victim,
      lastName: 'N'.repeat(TEXT_LIMITS.name + 1),
    };
    expect(() =>
      requestProtection({ ...REQUEST, victim }, contextOn('2026-05-20'), ids),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
