/**
 * The service's own writes over SQL (§7.8.3, §7.8.5, §7.12.2), on the
 * demo referrals: demo-referral-023 (OVL) is RECEIVED without an offer,
 * 010 and 011 (BRU) await the answer to their INITIAL offer, 002 (BRU)
 * was declined and 001 (ANT) is SUPPORT_ONGOING.
 */
import type { DataSource } from 'typeorm';
import { openDataSource } from '../../../storage/data-source';
import { generateDemoData } from '../../../storage/demo-data';
import {
  StatementRecorder,
  describeEachDatabase,
  twentyKeys,
} from '../../../test/support/databases';
import { openSqlVictimSupportAdapter } from '../index';
import {
  VictimSupportRuleError,
  type OfferAnswerInput,
  type ReferralRecord,
  type VictimSupportAdapter,
} from '../types';
import {
  ReferralContact,
  VictimSupportInitial1764700000000,
  VictimSupportWrites1764800000000,
  VictimSupportWorkList1764900000000,
  victimSupportSchema,
} from './schema';

const demo = generateDemoData();

function answer(
  referralId: string,
  overrides: Partial<OfferAnswerInput> = {},
): OfferAnswerInput {
  return {
    referralId,
    offerKind: 'INITIAL',
    accepted: true,
    answeredOn: '2026-12-01',
    ...overrides,
  };
}

describeEachDatabase('SqlVictimSupportAdapter service writes',
  (getOptions) => {
    const recorder = new StatementRecorder();
    let adapter: VictimSupportAdapter;
    /** A second connection, to look at the contact table itself. */
    let tables: DataSource;

    beforeAll(async () => {
      adapter = await openSqlVictimSupportAdapter(getOptions(), {
        seedDemo: demo,
        logger: recorder,
      });
      tables = await openDataSource('victim-support', getOptions(),
        victimSupportSchema);
    });

    afterAll(async () => {
      await tables.destroy();
      await adapter.close();
    });

    async function referral(id: string): Promise<ReferralRecord> {
      const [found] = await adapter.referralsById([id]);
      if (!found) throw new Error(`No referral ${id}`);
      return found;
    }

    describe('recordContact (§7.8.3, §7.8.5)', () => {
      const contact = {
        referralId: 'demo-referral-001',
        phone: '+32470123456',
        email: 'jane@example.be',
      };

      it('keeps the contact data apart, readable by referral', async () => {
        expect(await adapter.recordContact(contact)).toEqual(contact);
        expect(await adapter.contactsByReferralId(
          ['demo-referral-002', 'demo-referral-001']))
          .toEqual([null, contact]);
        expect(await tables.manager.countBy(ReferralContact, {}))
          .toBe(1);
      });

      it('replaces what the parquet sent before', async () => {
        const newer = { ...contact, phone: null };
        await adapter.recordContact(newer);
        expect(await adapter.contactsByReferralId([contact.referralId]))
          .toEqual([newer]);
      });

      it('refuses a referral that does not exist', async () => {
        await expect(adapter.recordContact(
          { ...contact, referralId: 'demo-referral-999' }))
          .rejects.toMatchObject({ code: 'REFERRAL_MISSING' });
      });

      it.each([
        ['a phone in national form', { phone: '0470123456' }, 'phone'],
        ['an e-mail domain in capitals', { email: 'jane@EXAMPLE.be' },
          'email'],
        ['neither', { phone: null, email: null }, 'a phone, an e-mail'],
      ])('rejects %s as misuse, never showing the values',
        async (_, overrides, message) => {
          const writing = adapter.recordContact({ ...contact, ...overrides });
          await expect(writing).rejects.toThrow(TypeError);
          await expect(writing).rejects.toThrow(message);
          await expect(writing).rejects.not.toThrow(/0470|EXAMPLE/);
        });

      it('reads contacts in one statement for 1 key as for 20', async () => {
        const ids = demo['victim-support'].referrals.map((r) => r.id);
        const read = (keys: string[]) =>
          recorder.during(() => adapter.contactsByReferralId(keys));
        expect(await read(ids.slice(0, 1))).toHaveLength(1);
        expect(await read(twentyKeys(ids))).toHaveLength(1);
      });
    });

    describe('recordPersonContacted (§7.8.3)', () => {
      it('makes the first offer on the day of the contact: RECEIVED '
        + 'becomes CONTACTED', async () => {
        const contacted = await adapter.recordPersonContacted(
          { referralId: 'demo-referral-023', contactedOn: '2026-11-30' });
        expect(contacted).toMatchObject({
          status: 'CONTACTED',
          offers: [{ kind: 'INITIAL', offeredOn: '2026-11-30',
            accepted: null, answeredOn: null }],
        });
        expect(await referral('demo-referral-023')).toEqual(contacted);
      });

      it('answers the referral unchanged when told again the same day',
        async () => {
          const before = await referral('demo-referral-023');
          expect(await adapter.recordPersonContacted(
            { referralId: 'demo-referral-023', contactedOn: '2026-11-30' }))
            .toEqual(before);
        });

      it('refuses another day once the person was contacted', async () => {
        await expect(adapter.recordPersonContacted(
          { referralId: 'demo-referral-023', contactedOn: '2026-12-01' }))
          .rejects.toMatchObject({ code: 'CONTACT_CONFLICT' });
      });

      it('dates the offer the referral came with, adding none', async () => {
        const made = await adapter.refer({
          measureId: 'test-measure-c1',
          arrondissementCode: 'BRU',
          referredOn: '2026-11-20',
          pvReference: 'PV/5339/2026/000321',
          plannedEndDate: '2027-08-20',
        });
        expect(made.status).toBe('RECEIVED');
        const contacted = await adapter.recordPersonContacted(
          { referralId: made.id, contactedOn: '2026-11-22' });
        expect(contacted.offers).toEqual([{ kind: 'INITIAL',
          offeredOn: '2026-11-22', accepted: null, answeredOn: null }]);
      });

      it('refuses a contact before the referral', async () => {
        const writing = adapter.recordPersonContacted(
          { referralId: 'ref-test-measure-c1', contactedOn: '2026-11-19' });
        await expect(writing).rejects.toBeInstanceOf(VictimSupportRuleError);
        await expect(writing).rejects.toMatchObject(
          { code: 'CONTACT_BEFORE_REFERRAL' });
      });

      it('refuses a referral the person answered already', async () => {
        await expect(adapter.recordPersonContacted(
          { referralId: 'demo-referral-001', contactedOn: '2026-12-01' }))
          .rejects.toMatchObject({ code: 'ILLEGAL_REFERRAL_TRANSITION' });
        expect((await referral('demo-referral-001')).status)
          .toBe('SUPPORT_ONGOING');
      });
    });

    describe('recordOfferAnswer (§7.8.3, §7.12.2)', () => {
      it('records an acceptance: the referral becomes SUPPORT_ONGOING',
        async () => {
          const answered = await adapter.recordOfferAnswer(
            answer('demo-referral-010'));
          expect(answered).toMatchObject({
            status: 'SUPPORT_ONGOING',
            offers: [{ kind: 'INITIAL', offeredOn: '2026-11-28',
              accepted: true, answeredOn: '2026-12-01' }],
          });
          expect(await referral('demo-referral-010')).toEqual(answered);
        });

      it('answers unchanged when the same answer comes again', async () => {
        const before = await referral('demo-referral-010');
        expect(await adapter.recordOfferAnswer(answer('demo-referral-010')))
          .toEqual(before);
      });

      it.each([
        ['another answer', { accepted: false }],
        ['another day', { answeredOn: '2026-12-02' }],
      ])('refuses %s to an offer already answered', async (_, overrides) => {
        await expect(adapter.recordOfferAnswer(
          answer('demo-referral-010', overrides)))
          .rejects.toMatchObject({
            code: 'OFFER_ALREADY_ANSWERED',
            message: expect.stringContaining('already accepted on 2026-12-01'),
          });
      });

      it('records a refusal: the referral is CLOSED', async () => {
        expect(await adapter.recordOfferAnswer(
          answer('demo-referral-011', { accepted: false })))
          .toMatchObject({ status: 'CLOSED' });
      });

      it('keeps the referral CONTACTED when a refusal leaves the renewed '
        + 'offer open', async () => {
        const made = await adapter.refer({
          measureId: 'test-measure-a1',
          arrondissementCode: 'BRU',
          referredOn: '2026-11-01',
          pvReference: 'PV/5339/2026/000654',
          plannedEndDate: '2026-12-20',
        });
        await adapter.notify({ noticeId: 'renew-a1',
          measureId: 'test-measure-a1', kind: 'RENEWED_OFFER_REQUEST',
          date: '2026-11-25' });

        const first = await adapter.recordOfferAnswer(
          answer(made.id, { accepted: false, answeredOn: '2026-11-26' }));
        expect(first.status).toBe('CONTACTED');
        const second = await adapter.recordOfferAnswer(answer(made.id,
          { offerKind: 'RENEWAL', accepted: false,
            answeredOn: '2026-11-27' }));
        expect(second.status).toBe('CLOSED');
      });

      it('reopens a declined referral when the renewed offer is accepted',
        async () => {
          await adapter.notify({ noticeId: 'renew-002',
            measureId: 'demo-measure-002', kind: 'RENEWED_OFFER_REQUEST',
            date: '2026-11-28' });
          const renewed = await adapter.recordOfferAnswer(answer(
            'demo-referral-002', { offerKind: 'RENEWAL' }));
          expect(renewed.status).toBe('SUPPORT_ONGOING');
          expect(renewed.offers.map((o) => [o.kind, o.accepted])).toEqual([
            ['INITIAL', false],
            ['RENEWAL', true],
          ]);
        });

      it('refuses an answer to an offer not made', async () => {
        await expect(adapter.recordOfferAnswer(
          answer('demo-referral-011', { offerKind: 'RENEWAL' })))
          .rejects.toMatchObject({ code: 'OFFER_MISSING' });
      });

      it('refuses an answer before the offer', async () => {
        await expect(adapter.recordOfferAnswer(
          answer('demo-referral-023', { answeredOn: '2026-11-29' })))
          .rejects.toMatchObject({ code: 'ANSWER_BEFORE_OFFER' });
        expect((await referral('demo-referral-023')).status)
          .toBe('CONTACTED');
      });

      it('refuses a referral that does not exist', async () => {
        await expect(adapter.recordOfferAnswer(answer('demo-referral-999')))
          .rejects.toMatchObject({ code: 'REFERRAL_MISSING' });
      });

      it('keeps one of two different answers sent at once', async () => {
        const outcomes = await Promise.allSettled([
          adapter.recordOfferAnswer(answer('demo-referral-023')),
          adapter.recordOfferAnswer(
            answer('demo-referral-023', { accepted: false })),
        ]);
        const refused = outcomes.filter((o) => o.status === 'rejected');
        expect(refused).toEqual([expect.objectContaining({
          reason: expect.objectContaining({ code: 'OFFER_ALREADY_ANSWERED' }),
        })]);
      });
    });
  });

describeEachDatabase('VictimSupportContacts1765000000000', (getOptions) => {
  it('keeps the answers given before their day was recorded', async () => {
    const before = await openDataSource('victim-support', getOptions(), {
      entities: [],
      migrations: [
        VictimSupportInitial1764700000000,
        VictimSupportWrites1764800000000,
        VictimSupportWorkList1764900000000,
      ],
    });
    try {
      await before.query(
        `INSERT INTO vs_referral (id, measure_id, arrondissement_code,
           referred_on, pv_reference, status)
         VALUES ('ref-old', 'm-old', 'BRU', '2026-01-05', 'PV/OLD', 'CLOSED')`);
      await before.query(
        `INSERT INTO vs_service_offer (referral_id, offered_on, kind,
           accepted)
         VALUES ('ref-old', '2026-01-06', 'INITIAL', 0)`);
    } finally {
      await before.destroy();
    }

    const adapter = await openSqlVictimSupportAdapter(getOptions());
    try {
      const [old] = await adapter.referralsById(['ref-old']);
      expect(old?.offers).toEqual([{ kind: 'INITIAL',
        offeredOn: '2026-01-06', accepted: false, answeredOn: null }]);
      await expect(adapter.recordOfferAnswer(answer('ref-old',
        { accepted: false }))).rejects.toMatchObject({
        message: expect.stringContaining('on an unrecorded day'),
      });
    } finally {
      await adapter.close();
    }
  });
});
