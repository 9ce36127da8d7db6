import {
  VictimSupportRuleError,
  type ReferralContactRecord,
  type ReferralRecord,
} from '../../adapters/victim-support/types';
import type { Identity } from '../../runtime/identity';
import {
  checkContact,
  loadContact,
  recordOfferAnswer,
  recordReferralContact,
} from './referrals';
import { scriptedVictimSupportAdapter, victimSupportContextOf } from './testing';

const referral: ReferralRecord = {
  id: 'ref-1',
  measureId: 'measure-1',
  arrondissementCode: 'ANT',
  referredOn: '2026-11-02',
  pvReference: 'PV/5345/2026/000001',
  status: 'CONTACTED',
  offers: [{ offeredOn: '2026-11-03', kind: 'INITIAL', accepted: null,
    answeredOn: null }],
};

const contact: ReferralContactRecord = {
  referralId: 'ref-1',
  phone: '+32470123456',
  email: 'jane@example.be',
};

const sav: Identity = { subject: 's-1', role: 'victim-support',
  arrondissement: 'ANT' };
const magistrate: Identity = { subject: 'm-1', role: 'magistrate',
  arrondissement: 'ANT' };

describe('checkContact (§7.8.3)', () => {
  it('keeps a phone in E.164 form and the address with its domain in '
    + 'lower case', () => {
    expect(checkContact({ phone: '+32 470 12.34.56',
      email: 'Jane@Example.be' }))
      .toEqual({ phone: '+32470123456', email: 'Jane@example.be' });
    expect(checkContact({ email: 'jane@example.be' }))
      .toEqual({ phone: null, email: 'jane@example.be' });
  });

  it.each([
    ['a national number', { phone: '0470 12 34 56' }, 'phone'],
    ['a malformed address', { email: 'jane@example' }, 'email'],
    ['neither', {}, 'phone'],
    ['both null', { phone: null, email: null }, 'phone'],
  ])('refuses %s with BAD_USER_INPUT, never repeating the value',
    (_, input, argument) => {
      let error: unknown;
      try {
        checkContact(input);
      } catch (caught) {
        error = caught;
      }
      expect(error).toMatchObject(
        { extensions: { code: 'BAD_USER_INPUT', argument } });
      expect(String((error as Error).message)).not.toMatch(/0470|jane/);
    });
});

describe('Referral.contact (§7.8.5)', () => {
  const reads: string[][] = [];
  const adapter = scriptedVictimSupportAdapter({
    contactsByReferralId: async (ids) => {
      reads.push([...ids]);
      return ids.map(() => contact);
    },
  });

  it.each([sav, magistrate])('answers the $role of the referral\'s '
    + 'arrondissement', async (who) => {
    await expect(loadContact(referral, victimSupportContextOf(adapter, who)))
      .resolves.toEqual({ phone: contact.phone, email: contact.email });
  });

  it.each([
    { subject: 'police of the zone', role: 'police', zone: '5345' },
    { subject: 'an analyst', role: 'analyst' },
    { subject: 'the CIC', role: 'cic', province: 'BE-VAN' },
    { subject: 'the service of BRU', role: 'victim-support',
      arrondissement: 'BRU' },
    { subject: 'a magistrate of BRU', role: 'magistrate',
      arrondissement: 'BRU' },
  ] as Identity[])('refuses $subject without reading the data',
    async (who) => {
      const before = reads.length;
      const context = victimSupportContextOf(adapter, who);
      await expect(loadContact(referral, context)).rejects.toMatchObject({
        message: expect.stringContaining('confidential (§7.8.5)'),
        extensions: { code: 'FORBIDDEN' },
      });
      expect(reads).toHaveLength(before);
    });
});

describe('recordReferralContact', () => {
  const written: ReferralContactRecord[] = [];
  const adapter = scriptedVictimSupportAdapter({
    referralsByMeasureId: async (ids) =>
      ids.map((id) => (id === referral.measureId ? referral : null)),
    recordContact: async (input) => {
      written.push(input);
      return input;
    },
  });
  const input = { measureId: 'measure-1', phone: '+32 470 12 34 56',
    email: null };

  it('stores the normalised data for the magistrate of the arrondissement',
    async () => {
      const answer = await recordReferralContact(input,
        victimSupportContextOf(adapter, magistrate));
      expect(answer).toBe(referral);
      expect(written).toEqual([
        { referralId: 'ref-1', phone: '+32470123456', email: null },
      ]);
    });

  it.each([
    ['the service', sav, 'FORBIDDEN'],
    ['another parquet', { ...magistrate, arrondissement: 'BRU' },
      'FORBIDDEN'],
  ] as const)('refuses %s', async (_, who, code) => {
    const before = written.length;
    await expect(recordReferralContact(input,
      victimSupportContextOf(adapter, who)))
      .rejects.toMatchObject({ extensions: { code } });
    expect(written).toHaveLength(before);
  });

  it('answers NOT_FOUND before the measure is referred', async () => {
    await expect(recordReferralContact({ ...input, measureId: 'measure-9' },
      victimSupportContextOf(adapter, magistrate)))
      .rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });
});

describe('recordOfferAnswer', () => {
  const answer = { referralId: 'ref-1', offerKind: 'INITIAL' as const,
    accepted: true, answeredOn: '2026-11-05' };

  function adapterRefusing(code: VictimSupportRuleError['code']) {
    return scriptedVictimSupportAdapter({
      referralsById: async (ids) =>
        ids.map((id) => (id === referral.id ? referral : null)),
      recordOfferAnswer: async () => {
        throw new VictimSupportRuleError(code, 'Refused by the service');
      },
    });
  }

  it.each([
    ['OFFER_ALREADY_ANSWERED', 'CONFLICT'],
    ['OFFER_MISSING', 'NOT_FOUND'],
    ['ANSWER_BEFORE_OFFER', 'BAD_USER_INPUT'],
  ] as const)('reports the store\'s %s as %s', async (rule, code) => {
    await expect(recordOfferAnswer(answer,
      victimSupportContextOf(adapterRefusing(rule), sav)))
      .rejects.toMatchObject({ extensions: { code, reason: rule } });
  });

  it.each([
    ['the magistrate', magistrate],
    ['the service of another arrondissement',
      { ...sav, arrondissement: 'BRU' }],
  ] as const)('refuses %s with FORBIDDEN', async (_, who) => {
    await expect(recordOfferAnswer(answer, victimSupportContextOf(
      adapterRefusing('OFFER_MISSING'), who)))
      .rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  it('answers NOT_FOUND for an unknown referral', async () => {
    await expect(recordOfferAnswer({ ...answer, referralId: 'ref-9' },
      victimSupportContextOf(adapterRefusing('OFFER_MISSING'), sav)))
      .rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });
});
