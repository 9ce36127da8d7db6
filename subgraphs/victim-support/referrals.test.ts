import {
  VictimSupportRuleError,
  type ReferralContactRecord,
  type ReferralRecord,
} from '../../adapters/victim-support/types';
import type { Identity } from '../../runtime/identity';
import { subgraphClient } from '../../test/support/subgraph';
import { victimSupportSubgraph } from './index';
import {
  checkContact,
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
    referralsByMeasureId: async (ids) =>
      ids.map((id) => (id === referral.measureId ? referral : null)),
    contactsByReferralId: async (ids) => {
      reads.push([...ids]);
      return ids.map(() => contact);
    },
  });
  const victimSupport = subgraphClient(victimSupportSubgraph(adapter));

  afterAll(() => victimSupport.stop());

  /** The gateway's fetch of the measure's referral and its contact. */
  function contactAs(who: Identity) {
    return victimSupport.run(who, `query ($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on ProtectionMeasure { referral { id contact { phone email } } }
      }
    }`, { representations: [
      { __typename: 'ProtectionMeasure', id: referral.measureId },
    ] });
  }

  it.each([sav, magistrate])('answers the $role of the referral\'s '
    + 'arrondissement', async (who) => {
    const before = reads.length;

    const result = await contactAs(who);

    expect(reads).toHaveLength(before + 1);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ _entities: [{ referral: {
      id: 'ref-1', contact: { phone: contact.phone, email: contact.email },
    } }] });
  });

  const CONTACT_RULE = 'magistrate:parquet, victim-support:arrondissement';
  const REFERRAL_RULE = 'police, magistrate, victim-support:arrondissement';
  const MEASURE_RULE = 'police, magistrate, victim-support';

  // Each is refused where the schema's rules first stop it: the contact
  // alone, the whole referral, or the measure the gateway asks for.
  it.each([
    { who: { subject: 'police of the zone', role: 'police', zone: '5345' },
      message: `Referral.contact is for ${CONTACT_RULE}; `
        + 'this caller is police of 5345.',
      path: ['_entities', 0, 'referral', 'contact'],
      entity: { referral: { id: 'ref-1', contact: null } } },
    { who: { subject: 'an analyst', role: 'analyst' },
      message: `ProtectionMeasure is for ${MEASURE_RULE}; `
        + 'this caller is analyst.',
      path: ['_entities', 0],
      entity: null },
    { who: { subject: 'the CIC', role: 'cic', province: 'BE-VAN' },
      message: `ProtectionMeasure is for ${MEASURE_RULE}; `
        + 'this caller is cic of BE-VAN.',
      path: ['_entities', 0],
      entity: null },
    { who: { subject: 'the service of BRU', role: 'victim-support',
      arrondissement: 'BRU' },
    message: `Referral is for ${REFERRAL_RULE}; `
      + 'this caller is victim-support of BRU.',
    path: ['_entities', 0, 'referral'],
    entity: { referral: null } },
    { who: { subject: 'a magistrate of BRU', role: 'magistrate',
      arrondissement: 'BRU' },
    message: `Referral.contact is for ${CONTACT_RULE}; `
      + 'this caller is magistrate of BRU.',
    path: ['_entities', 0, 'referral', 'contact'],
    entity: { referral: { id: 'ref-1', contact: null } } },
  ] as Array<{
    who: Identity;
    message: string;
    path: Array<string | number>;
    entity: unknown;
  }>)('refuses $who.subject without reading the data',
    async ({ who, message, path, entity }) => {
      const before = reads.length;

      const result = await contactAs(who);

      expect(result.data).toEqual({ _entities: [entity] });
      expect(result.errors).toEqual([expect.objectContaining({
        message,
        path,
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      })]);
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
