import { nextStatus, type ReferralEvent } from './status';
import type { ReferralStatus } from './types';

const contacted: ReferralEvent = { kind: 'CONTACTED' };
const answer = (accepted: boolean, otherOfferOpen = false): ReferralEvent =>
  ({ kind: 'ANSWERED', accepted, otherOfferOpen });

describe('nextStatus', () => {
  it.each([
    ['RECEIVED', contacted, 'CONTACTED'],
    ['CONTACTED', contacted, 'CONTACTED'],
    ['RECEIVED', answer(true), 'SUPPORT_ONGOING'],
    ['CONTACTED', answer(true), 'SUPPORT_ONGOING'],
    ['CLOSED', answer(true), 'SUPPORT_ONGOING'],
    ['SUPPORT_ONGOING', answer(true), 'SUPPORT_ONGOING'],
    ['RECEIVED', answer(false), 'CLOSED'],
    ['CONTACTED', answer(false), 'CLOSED'],
    ['CONTACTED', answer(false, true), 'CONTACTED'],
    ['RECEIVED', answer(false, true), 'CONTACTED'],
    ['CLOSED', answer(false), 'CLOSED'],
    ['CLOSED', answer(false, true), 'CLOSED'],
    ['SUPPORT_ONGOING', answer(false), 'SUPPORT_ONGOING'],
  ] as [ReferralStatus, ReferralEvent, ReferralStatus][])(
    'moves %s on %j to %s', (from, event, to) => {
      expect(nextStatus('ref-1', from, event)).toBe(to);
    });

  it.each(['SUPPORT_ONGOING', 'CLOSED'] as const)(
    'refuses a first contact once the person answered (%s)', (status) => {
      expect(() => nextStatus('ref-1', status, contacted)).toThrow(
        expect.objectContaining({
          code: 'ILLEGAL_REFERRAL_TRANSITION',
          message: expect.stringContaining(`The referral ref-1 is ${status}`),
        }));
    });
});
