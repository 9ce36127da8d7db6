import { loadTerritory } from '../../reference/load';
import type {
  NoticeKind,
  NoticeRecord,
  ReferralRecord,
  ServiceOfferRecord,
  VictimSupportAdapter,
} from '../../adapters/victim-support/types';
import type { Identity } from '../../runtime/identity';
import { AuditRecorder } from '../../runtime/audit';
import { createLogger } from '../../runtime/logger';
import { createVictimSupportContext } from './context';
import {
  loadReferralsToContact,
  loadRenewedOffersToMake,
  referralsToContact,
  renewedOffersToMake,
  workListScope,
} from './work-list';

function referral(
  number: number,
  status: ReferralRecord['status'],
  offers: ServiceOfferRecord[] = [],
): ReferralRecord {
  return {
    id: `ref-${number}`,
    measureId: `measure-${number}`,
    arrondissementCode: 'ANT',
    referredOn: `2026-0${number}-01`,
    pvReference: `PV/5345/2026/00000${number}`,
    status,
    offers,
  };
}

function notice(measureId: string, kind: NoticeKind): NoticeRecord {
  return { id: `${kind}-${measureId}`, measureId, kind, date: '2026-11-01',
    details: null };
}

const initial = (accepted: boolean | null): ServiceOfferRecord => ({
  offeredOn: '2026-01-05',
  kind: 'INITIAL',
  accepted,
  answeredOn: accepted === null ? null : '2026-01-09',
});
const renewal = (
  offeredOn: string,
  accepted: boolean | null,
): ServiceOfferRecord => ({
  offeredOn,
  kind: 'RENEWAL',
  accepted,
  answeredOn: accepted === null ? null : offeredOn,
});

const savIdentity: Identity = {
  subject: 'sav-1',
  role: 'victim-support',
  arrondissement: 'ANT',
};

describe('workListScope', () => {
  it('scopes a victim support service to its arrondissement', () => {
    expect(workListScope(savIdentity)).toEqual({ arrondissementCode: 'ANT' });
  });

  it('takes another role reaching it for an internal fault, the schema refusing it first', () => {
    const police: Identity = { subject: 'p-1', role: 'police', zone: '5345' };
    expect(() => workListScope(police)).toThrow(
      'A police identity reached the victim support work list');
  });
});

describe('referralsToContact', () => {
  it('keeps the referrals the service has not acted on, in order', () => {
    const referrals = [
      referral(1, 'RECEIVED'),
      referral(2, 'CONTACTED', [initial(null)]),
      referral(3, 'RECEIVED', [initial(null)]),
      referral(4, 'CLOSED', [initial(false)]),
    ];
    expect(referralsToContact(referrals).map((r) => r.id))
      .toEqual(['ref-1', 'ref-3']);
  });
});

describe('renewedOffersToMake', () => {
  const asked = referral(1, 'CLOSED',
    [initial(false), renewal('2026-11-20', null)]);
  const askedEarlier = referral(2, 'CLOSED',
    [initial(false), renewal('2026-11-02', null)]);
  const answered = referral(3, 'SUPPORT_ONGOING',
    [initial(false), renewal('2026-11-03', true)]);
  const notAsked = referral(4, 'CONTACTED',
    [initial(true), renewal('2026-11-04', null)]);
  const noRenewal = referral(5, 'CLOSED', [initial(false)]);
  const notices = (measureId: string) => measureId === notAsked.measureId
    ? [notice(measureId, 'END_DATE')]
    : [notice(measureId, 'END_DATE'),
      notice(measureId, 'RENEWED_OFFER_REQUEST')];

  it('keeps an unanswered renewal the magistrate asked for, oldest first',
    () => {
      const listed = renewedOffersToMake(
        [asked, askedEarlier, answered, notAsked, noRenewal], notices);
      expect(listed.map((r) => r.id)).toEqual(['ref-2', 'ref-1']);
    });
});

describe('loading the work list', () => {
  it('reads the referrals once and the notices of the candidates only, '
    + 'in one batch each', async () => {
    const calls: { read: string; keys: readonly string[] }[] = [];
    const referrals = [
      referral(1, 'RECEIVED'),
      referral(2, 'CLOSED', [initial(false), renewal('2026-11-20', null)]),
      referral(3, 'CLOSED', [initial(false), renewal('2026-11-02', null)]),
      referral(4, 'SUPPORT_ONGOING', [initial(true)]),
    ];
    const unused = (name: string) => async () => {
      throw new Error(`The work list should not call ${name}`);
    };
    const adapter: VictimSupportAdapter = {
      referralsByArrondissement: async (keys) => {
        calls.push({ read: 'referralsByArrondissement', keys });
        return keys.map(() => referrals);
      },
      noticesByMeasureId: async (keys) => {
        calls.push({ read: 'noticesByMeasureId', keys });
        return keys.map((id) => [notice(id, 'RENEWED_OFFER_REQUEST')]);
      },
      referralsByMeasureId: unused('referralsByMeasureId'),
      referralsById: unused('referralsById'),
      contactsByReferralId: unused('contactsByReferralId'),
      refer: unused('refer'),
      notify: unused('notify'),
      transferReferral: unused('transferReferral'),
      recordContact: unused('recordContact'),
      recordPersonContacted: unused('recordPersonContacted'),
      recordOfferAnswer: unused('recordOfferAnswer'),
      ping: unused('ping'),
      close: unused('close'),
    };
    const context = createVictimSupportContext(adapter, loadTerritory(), {
      identity: savIdentity,
      requestId: 'request-1',
      logger: createLogger({ name: 'test', level: 'silent' }),
      audit: new AuditRecorder(),
    });
    const scope = workListScope(savIdentity);

    const [toContact, toRenew] = await Promise.all([
      loadReferralsToContact(scope, context),
      loadRenewedOffersToMake(scope, context),
    ]);

    expect(toContact.map((r) => r.id)).toEqual(['ref-1']);
    expect(toRenew.map((r) => r.id)).toEqual(['ref-3', 'ref-2']);
    expect(calls).toEqual([
      { read: 'referralsByArrondissement', keys: ['ANT'] },
      { read: 'noticesByMeasureId', keys: ['measure-2', 'measure-3'] },
    ]);
  });
});
