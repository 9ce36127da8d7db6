/**
 * A referral to the victim support service through the gateway, on both
 * databases (§7.8.3): the contact data the parquet sends, confidential
 * (§7.8.5), the service's first contact with the person and the
 * person's answers to its offers, which move the referral's status.
 */
import { DEMO } from '../storage/demo-data';
import { describeEachDatabase } from './support/databases';
import {
  postGraphQL,
  startDemoGraph,
  type GraphQLResponse,
} from './support/graph';

type Stack = Awaited<ReturnType<typeof startDemoGraph>>;

const CONTACT_OF_MEASURE = /* GraphQL */ `
  query ($id: ID!) {
    protectionMeasure(id: $id) {
      referral { id status contact { phone email } }
    }
  }
`;

const RECORD_CONTACT = /* GraphQL */ `
  mutation ($input: RecordReferralContactInput!) {
    recordReferralContact(input: $input) { id arrondissementCode }
  }
`;

const CONTACTED = /* GraphQL */ `
  mutation ($input: RecordPersonContactedInput!) {
    recordPersonContacted(input: $input) {
      id status offers { kind offeredOn accepted answeredOn }
    }
  }
`;

const ANSWER = /* GraphQL */ `
  mutation ($input: RecordOfferAnswerInput!) {
    recordOfferAnswer(input: $input) {
      id status offers { kind offeredOn accepted answeredOn }
    }
  }
`;

interface ReferralAnswer {
  id: string;
  status: string;
  offers: { kind: string; offeredOn: string; accepted: boolean | null;
    answeredOn: string | null }[];
}

/** Antwerpen's measure 001 and its referral (demo-referral-001). */
const MEASURE = DEMO.measureIds.activeWithEverything;
const REFERRAL = DEMO.referralIds.activeWithEverything;

/** Why a caller in no relation to the measure may not read it. */
function measureRefused(caller: string): string {
  return 'ProtectionMeasure is for police:managing-zone, magistrate:parquet, '
    + 'cic:province, police:briefed, cic:briefed, '
    + 'victim-support:arrondissement, police:own-change, '
    + 'magistrate:own-change, cic:own-change, app112:own-change; '
    + `this caller is ${caller}.`;
}

describeEachDatabase('a referral to victim support', (storage) => {
  let stack: Stack;
  let tokens: Record<'sav' | 'magistrate' | 'brusselsSav' | 'ghentSav'
    | 'brusselsMagistrate', string>;

  beforeAll(async () => {
    stack = await startDemoGraph(storage());
    tokens = {
      sav: await stack.token(
        { role: 'victim-support', arrondissement: 'ANT' }),
      magistrate: await stack.token(
        { role: 'magistrate', arrondissement: 'ANT' }),
      brusselsSav: await stack.token(
        { role: 'victim-support', arrondissement: 'BRU' }),
      ghentSav: await stack.token(
        { role: 'victim-support', arrondissement: 'OVL' }),
      brusselsMagistrate: await stack.token(
        { role: 'magistrate', arrondissement: 'BRU' }),
    };
  }, 120_000);

  afterAll(() => stack?.cleanUp());

  function send<T = Record<string, unknown>>(
    token: string,
    query: string,
    input: object,
  ): Promise<GraphQLResponse<T>> {
    return postGraphQL<T>(stack.gatewayUrl, query,
      { token, variables: { input } });
  }

  async function contactAs(token: string) {
    return postGraphQL<{
      protectionMeasure: {
        referral: { id: string; contact: unknown } | null;
      } | null;
    }>(stack.gatewayUrl, CONTACT_OF_MEASURE,
      { token, variables: { id: MEASURE } });
  }

  describe('the contact data (§7.8.3, §7.8.5)', () => {
    it('is null until the parquet sends it', async () => {
      const { body } = await contactAs(tokens.sav);
      expect(body.errors).toBeUndefined();
      expect(body.data?.protectionMeasure?.referral)
        .toEqual({ id: REFERRAL, status: 'SUPPORT_ONGOING', contact: null });
    });

    it('is sent by the magistrate of the arrondissement, in E.164 form',
      async () => {
        const { body } = await send(tokens.magistrate, RECORD_CONTACT, {
          measureId: MEASURE,
          phone: '+32 (0)470 12 34 56',
          email: 'Jane.Doe@Example.be',
        });
        expect(body.errors).toBeUndefined();
        expect(body.data).toEqual({ recordReferralContact:
          { id: REFERRAL, arrondissementCode: 'ANT' } });
      });

    it.each(['sav', 'magistrate'] as const)(
      'is read by the %s of the arrondissement', async (who) => {
        const { body } = await contactAs(tokens[who]);
        expect(body.errors).toBeUndefined();
        expect(body.data?.protectionMeasure?.referral?.contact).toEqual(
          { phone: '+32470123456', email: 'Jane.Doe@example.be' });
      });

    it('is null with FORBIDDEN for the police of the managing zone, the '
      + 'rest answered', async () => {
      const token = await stack.token({ role: 'police', zone: '5347' });
      const { body } = await contactAs(token);
      expect(body.data?.protectionMeasure?.referral)
        .toEqual({ id: REFERRAL, status: 'SUPPORT_ONGOING', contact: null });
      expect(body.errors).toEqual([expect.objectContaining({
        message: 'Referral.contact is for magistrate:parquet, '
          + 'victim-support:arrondissement; this caller is police of 5347.',
        path: ['protectionMeasure', 'referral', 'contact'],
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      })]);
    });

    it.each([
      ['the police of another zone', { role: 'police', zone: '5345' },
        measureRefused('police of 5345')],
      ['an analyst', { role: 'analyst' },
        'Query.protectionMeasure is for police, cic, magistrate, '
          + 'victim-support; this caller is analyst.'],
      ['the service of another arrondissement',
        { role: 'victim-support', arrondissement: 'OVL' },
        measureRefused('victim-support of OVL')],
      ['a magistrate of another arrondissement',
        { role: 'magistrate', arrondissement: 'BRU' },
        measureRefused('magistrate of BRU')],
    ] as const)('is out of reach of %s, refused the measure with FORBIDDEN',
      async (_, claims, message) => {
        const { body } = await contactAs(await stack.token(claims));
        expect(body.data).toEqual({ protectionMeasure: null });
        expect(body.errors).toEqual([expect.objectContaining({
          message,
          path: ['protectionMeasure'],
          extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
        })]);
      });

    it('replaces what was sent before', async () => {
      const { body } = await send(tokens.magistrate, RECORD_CONTACT,
        { measureId: MEASURE, phone: null, email: 'jane@example.be' });
      expect(body.errors).toBeUndefined();
      const read = await contactAs(tokens.sav);
      expect(read.body.data?.protectionMeasure?.referral?.contact)
        .toEqual({ phone: null, email: 'jane@example.be' });
    });

    it.each([
      ['the service', 'sav', {}, 'FORBIDDEN'],
      ['another parquet', 'brusselsMagistrate', {}, 'FORBIDDEN'],
      ['a national phone number', 'magistrate',
        { phone: '0470 12 34 56' }, 'BAD_USER_INPUT'],
      ['an address without domain', 'magistrate',
        { email: 'jane@' }, 'BAD_USER_INPUT'],
      ['a measure not referred', 'magistrate',
        { measureId: DEMO.measureIds.requested }, 'NOT_FOUND'],
    ] as const)('refuses %s, changing nothing',
      async (_, who, overrides, code) => {
        const { body } = await send(tokens[who], RECORD_CONTACT, {
          measureId: MEASURE, phone: '+32470999999', email: null,
          ...overrides });
        expect(body.errors).toEqual([expect.objectContaining({
          extensions: expect.objectContaining({ code }),
        })]);
        const read = await contactAs(tokens.sav);
        expect(read.body.data?.protectionMeasure?.referral?.contact)
          .toEqual({ phone: null, email: 'jane@example.be' });
      });
  });

  describe('the service\'s contact and the answers (§7.8.3, §7.12.2)', () => {
    it('records the first contact: RECEIVED becomes CONTACTED, and the '
      + 'referral leaves the work list', async () => {
      // The demo's only referral not contacted yet, in Oost-Vlaanderen.
      const { body } = await send<{ recordPersonContacted: ReferralAnswer }>(
        tokens.ghentSav, CONTACTED,
        { referralId: 'demo-referral-023', contactedOn: '2026-11-30' });
      expect(body.errors).toBeUndefined();
      expect(body.data?.recordPersonContacted).toEqual({
        id: 'demo-referral-023',
        status: 'CONTACTED',
        offers: [{ kind: 'INITIAL', offeredOn: '2026-11-30',
          accepted: null, answeredOn: null }],
      });
      const list = await postGraphQL<{
        victimSupportWorkList: { referralsToContact: unknown[] };
      }>(stack.gatewayUrl,
        'query { victimSupportWorkList { referralsToContact { id } } }',
        { token: tokens.ghentSav });
      expect(list.body.data?.victimSupportWorkList.referralsToContact)
        .toEqual([]);
    });

    it('records an acceptance: SUPPORT_ONGOING, the day kept', async () => {
      const answer = { referralId: 'demo-referral-010', offerKind: 'INITIAL',
        accepted: true, answeredOn: '2026-12-01' };
      const { body } = await send<{ recordOfferAnswer: ReferralAnswer }>(
        tokens.brusselsSav, ANSWER, answer);
      expect(body.errors).toBeUndefined();
      expect(body.data?.recordOfferAnswer).toEqual({
        id: 'demo-referral-010',
        status: 'SUPPORT_ONGOING',
        offers: [{ kind: 'INITIAL', offeredOn: '2026-11-28',
          accepted: true, answeredOn: '2026-12-01' }],
      });

      const again = await send(tokens.brusselsSav, ANSWER, answer);
      expect(again.body.errors).toBeUndefined();
      expect(again.body.data).toEqual(body.data);
    });

    it('refuses another answer to the same offer with CONFLICT', async () => {
      const { body } = await send(tokens.brusselsSav, ANSWER, {
        referralId: 'demo-referral-010', offerKind: 'INITIAL',
        accepted: false, answeredOn: '2026-12-01' });
      expect(body.errors).toEqual([expect.objectContaining({
        message: expect.stringContaining(
          'was already accepted on 2026-12-01'),
        extensions: expect.objectContaining(
          { code: 'CONFLICT', reason: 'OFFER_ALREADY_ANSWERED' }),
      })]);
    });

    it('records a refusal: CLOSED', async () => {
      const { body } = await send<{ recordOfferAnswer: ReferralAnswer }>(
        tokens.brusselsSav, ANSWER, { referralId: 'demo-referral-011',
          offerKind: 'INITIAL', accepted: false, answeredOn: '2026-11-30' });
      expect(body.errors).toBeUndefined();
      expect(body.data?.recordOfferAnswer.status).toBe('CLOSED');
    });

    it('reopens the referral when the renewed offer the magistrate asked '
      + 'for is accepted', async () => {
      // §7.12.2: the person declined the first offer (demo-referral-032).
      const measureId = DEMO.measureIds.activeWithFalseAlert;
      const asked = await send(tokens.magistrate, `
        mutation ($input: RequestRenewedOfferInput!) {
          requestRenewedOffer(input: $input) { id }
        }`, { measureId, requestedOn: DEMO.referenceDate });
      expect(asked.body.errors).toBeUndefined();
      await settleEffects(measureId);

      const { body } = await send<{ recordOfferAnswer: ReferralAnswer }>(
        tokens.sav, ANSWER, { referralId: 'demo-referral-032',
          offerKind: 'RENEWAL', accepted: true,
          answeredOn: DEMO.referenceDate });
      expect(body.errors).toBeUndefined();
      expect(body.data?.recordOfferAnswer).toMatchObject({
        status: 'SUPPORT_ONGOING',
        offers: [
          { kind: 'INITIAL', accepted: false },
          { kind: 'RENEWAL', offeredOn: DEMO.referenceDate, accepted: true,
            answeredOn: DEMO.referenceDate },
        ],
      });
    });

    it.each([
      ['an answer before the offer', 'demo-referral-023', 'INITIAL',
        '2026-11-29', 'BAD_USER_INPUT'],
      ['an offer not made', 'demo-referral-023', 'RENEWAL', '2026-12-01',
        'NOT_FOUND'],
      ['an unknown referral', 'demo-referral-999', 'INITIAL', '2026-12-01',
        'NOT_FOUND'],
    ])('refuses %s', async (_, referralId, offerKind, answeredOn, code) => {
      const { body } = await send(tokens.ghentSav, ANSWER,
        { referralId, offerKind, accepted: true, answeredOn });
      expect(body.errors).toEqual([expect.objectContaining({
        extensions: expect.objectContaining({ code }),
      })]);
    });

    it.each([
      ['the service of another arrondissement', 'sav'],
      ['the magistrate', 'magistrate'],
    ] as const)('refuses %s with FORBIDDEN', async (_, who) => {
      const answer = { referralId: 'demo-referral-023', offerKind: 'INITIAL',
        accepted: true, answeredOn: '2026-12-01' };
      const contacted = { referralId: 'demo-referral-023',
        contactedOn: '2026-11-30' };
      for (const [query, input] of [[ANSWER, answer],
        [CONTACTED, contacted]] as const) {
        const { body } = await send(tokens[who], query, input);
        expect(body.errors).toEqual([expect.objectContaining({
          extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
        })]);
      }
    });
  });

  /** Runs outbox rounds until the measure's effects are all recorded. */
  async function settleEffects(measureId: string): Promise<void> {
    const dispatcher = stack.subgraphs.protection.background?.dispatcher;
    if (!dispatcher) throw new Error('the protection subgraph has no outbox');
    for (let round = 0; round < 5; round += 1) {
      await dispatcher.runOnce();
      const { body } = await postGraphQL<{
        protectionMeasure: { effects: { status: string }[] };
      }>(stack.gatewayUrl, `query ($id: ID!) {
        protectionMeasure(id: $id) { effects { status } }
      }`, { token: tokens.magistrate, variables: { id: measureId } });
      const effects = body.data?.protectionMeasure.effects ?? [];
      if (effects.length > 0 && effects.every((e) => e.status === 'DONE')) {
        return;
      }
    }
    throw new Error(`The effects of ${measureId} are still pending`);
  }
});
