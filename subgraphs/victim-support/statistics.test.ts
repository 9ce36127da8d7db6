import type { ReferralRecord } from '../../adapters/victim-support/types';
import type { StatisticsRequest } from '../statistics/request';
import {
  computeVictimSupportStatistics,
  firstContactOn,
} from './statistics';

const Q1: StatisticsRequest = {
  key: 'v1|2028-01-01|2028-03-31|national|',
  period: { unit: 'QUARTER', label: '2028-Q1', from: '2028-01-01',
    to: '2028-03-31' },
  scope: { arrondissementCode: null, zoneCode: null },
  dimensions: [],
};

function referral(id: string, parts: Partial<ReferralRecord>): ReferralRecord {
  return {
    id, measureId: `m-${id}`, arrondissementCode: 'BRU',
    referredOn: '2028-01-10', pvReference: 'PV/1', status: 'CONTACTED',
    offers: [{ kind: 'INITIAL', offeredOn: '2028-01-12', accepted: null,
      answeredOn: null }],
    ...parts,
  };
}

describe('firstContactOn', () => {
  it('is the initial offer\'s day once the referral left RECEIVED', () => {
    expect(firstContactOn(referral('a', {}))).toBe('2028-01-12');
    expect(firstContactOn(referral('a', { status: 'RECEIVED' }))).toBeNull();
  });
});

describe('computeVictimSupportStatistics', () => {
  it('counts renewals made and taken up apart from the first offers', () => {
    const declined = { kind: 'INITIAL' as const, offeredOn: '2027-12-01',
      accepted: false, answeredOn: '2027-12-05' };
    const renewed = (id: string) => referral(id, {
      referredOn: '2027-11-30', status: 'SUPPORT_ONGOING',
      offers: [declined, { kind: 'RENEWAL', offeredOn: '2028-02-01',
        accepted: true, answeredOn: '2028-02-03' }],
    });
    const referrals = ['a', 'b', 'c', 'd', 'e'].map(renewed);
    const { total } = computeVictimSupportStatistics(Q1, referrals);

    expect(total).toEqual({
      referrals: { value: 0, suppressed: false },
      firstContacts: { value: 0, suppressed: false },
      offersMade: { initial: { value: 0, suppressed: false },
        renewal: { value: 5, suppressed: false } },
      offersTakenUp: { initial: { value: 0, suppressed: false },
        renewal: { value: 5, suppressed: false } },
    });
  });
});
