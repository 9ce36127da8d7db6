/**
 * The victim support service's work list through the gateway, on both
 * databases (§7.8.3, §7.12.2): the people it has still to contact and the
 * renewed offers the magistrate asked for, in its own arrondissement.
 * Grants and requests are made through the graph, and reach the service
 * through the protection subgraph's outbox.
 */
import { makeNationalNumber } from '../runtime/national-number';
import { DEMO } from '../storage/demo-data';
import { describeEachDatabase } from './support/databases';
import { postGraphQL, startDemoGraph } from './support/graph';

type Stack = Awaited<ReturnType<typeof startDemoGraph>>;

const WORK_LIST = /* GraphQL */ `
  query {
    victimSupportWorkList {
      referralsToContact { id arrondissementCode status referredOn }
      renewedOffersToMake {
        id
        status
        offers { kind offeredOn accepted }
        notices { kind date }
      }
    }
  }
`;

interface WorkListAnswer {
  victimSupportWorkList: {
    referralsToContact: {
      id: string;
      arrondissementCode: string;
      status: string;
      referredOn: string;
    }[];
    renewedOffersToMake: {
      id: string;
      status: string;
      offers: { kind: string; offeredOn: string; accepted: boolean | null }[];
      notices: { kind: string; date: string }[];
    }[];
  };
}

/** Antwerpen: its zone 5345 is deployed, its parquet is ANT. */
const ZONE = '5345';
const ARRONDISSEMENT = 'ANT';

describeEachDatabase('the victim support work list', (storage) => {
  let stack: Stack;
  let tokens: Record<'sav' | 'otherSav' | 'police' | 'magistrate', string>;

  beforeAll(async () => {
    stack = await startDemoGraph(storage());
    tokens = {
      sav: await stack.token({
        role: 'victim-support',
        arrondissement: ARRONDISSEMENT,
      }),
      otherSav: await stack.token({
        role: 'victim-support',
        arrondissement: 'OVL',
      }),
      police: await stack.token({ role: 'police', zone: ZONE }),
      magistrate: await stack.token({
        role: 'magistrate',
        arrondissement: ARRONDISSEMENT,
      }),
    };
  }, 120_000);

  afterAll(() => stack?.cleanUp());

  async function workList(token: string) {
    const { status, body } = await postGraphQL<WorkListAnswer>(
      stack.gatewayUrl,
      WORK_LIST,
      { token },
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    if (!body.data) throw new Error('no work list came back');
    return body.data.victimSupportWorkList;
  }

  /** Sends one mutation; fails the test with the graph's errors. */
  async function mutate(
    token: string,
    query: string,
    input: Record<string, unknown>,
  ): Promise<Record<string, { id: string }>> {
    const { body } = await postGraphQL<Record<string, { id: string }>>(
      stack.gatewayUrl,
      query,
      { token, variables: { input } },
    );
    expect(body.errors).toBeUndefined();
    if (!body.data) throw new Error(`no answer to ${query}`);
    return body.data;
  }

  /**
   * Runs outbox rounds until every effect of the measure is recorded, as
   * the measure's `effects` show; fails with the pending ones otherwise.
   */
  async function settleEffects(measureId: string): Promise<void> {
    const dispatcher = stack.subgraphs.protection.background?.dispatcher;
    if (!dispatcher) throw new Error('the protection subgraph has no outbox');
    let pending: unknown[] = [];
    for (let round = 0; round < 5; round += 1) {
      await dispatcher.runOnce();
      const { body } = await postGraphQL<{
        protectionMeasure: { effects: { kind: string; status: string }[] };
      }>(
        stack.gatewayUrl,
        `query ($id: ID!) {
          protectionMeasure(id: $id) { effects { kind status lastError } }
        }`,
        { token: tokens.magistrate, variables: { id: measureId } },
      );
      const effects = body.data?.protectionMeasure.effects ?? [];
      pending = effects.filter((effect) => effect.status !== 'DONE');
      if (effects.length > 0 && pending.length === 0) return;
    }
    throw new Error(`Effects still pending: ${JSON.stringify(pending)}`);
  }

  /** The measure's referral, as the graph joins it to the measure. */
  async function referralIdOf(measureId: string): Promise<string> {
    const { body } = await postGraphQL<{
      protectionMeasure: { referral: { id: string } | null };
    }>(
      stack.gatewayUrl,
      'query ($id: ID!) { protectionMeasure(id: $id) { referral { id } } }',
      { token: tokens.sav, variables: { id: measureId } },
    );
    const id = body.data?.protectionMeasure.referral?.id;
    if (!id) throw new Error(`The measure ${measureId} has no referral`);
    return id;
  }

  /** A request heard, checked and granted in Antwerpen, through the graph. */
  async function grantNewMeasure(): Promise<string> {
    const requested = await mutate(tokens.police, `
      mutation ($input: RequestProtectionInput!) {
        requestProtection(input: $input) { id }
      }`, {
      origin: 'PERSON',
      pvReference: 'PV/5345/2026/900001',
      requestedOn: '2026-11-27',
      residenceZoneCode: ZONE,
      victim: person('1988-05-17', 402, 'Victim', 'FEMALE'),
      suspect: person('1986-02-09', 117, 'Suspect', 'MALE'),
      relationship: 'EX_PARTNER',
    });
    const measureId = requested.requestProtection!.id;

    await mutate(tokens.police, `
      mutation ($input: RecordEvaluationInput!) {
        recordEvaluation(input: $input) { id }
      }`, {
      measureId,
      heardOn: '2026-11-28',
      pvReference: 'PV/5345/2026/900002',
      relationship: 'EX_PARTNER',
      answers: {
        fearForLife: true, rejectedBreakUp: true,
        threatsToKillOrSuicide: true, pastViolence: true,
        weaponAffinity: false, heavyStalkingInvestment: true,
        uncontrolledAnger: true, destroyedBelongings: false,
      },
      bombFactors: ['THREATS_TO_KILL'],
      breakUpIntentionsDiverge: true,
      inShelter: false,
    });

    await mutate(tokens.police, `
      mutation ($input: RecordConditionsInput!) {
        recordConditions(input: $input) { id }
      }`, {
      measureId,
      recordedOn: '2026-11-28',
      withinMaterialScope: true,
      wantsAlarm: true,
      noVoluntaryContact: true,
      filesComplaints: true,
      acceptsUserAgreement: true,
    });

    await mutate(tokens.magistrate, `
      mutation ($input: GrantProtectionInput!) {
        grantProtection(input: $input) { id }
      }`, {
      measureId,
      decidedOn: '2026-11-30',
      pvReference: 'PV/5345/2026/900003',
      victimAgreementSigned: true,
    });
    return measureId;
  }

  describe('referralsToContact', () => {
    it('lists the referrals received in the caller\'s arrondissement only',
      async () => {
        const other = await workList(tokens.otherSav);
        // The demo data set has one referral not contacted yet, in OVL.
        expect(other.referralsToContact).toEqual([
          expect.objectContaining({
            arrondissementCode: 'OVL',
            status: 'RECEIVED',
          }),
        ]);
        const own = await workList(tokens.sav);
        expect(own.referralsToContact).toEqual([]);
      });

    it('lists a grant\'s referral once the outbox has made it', async () => {
      const measureId = await grantNewMeasure();
      await settleEffects(measureId);
      const referralId = await referralIdOf(measureId);

      const { referralsToContact } = await workList(tokens.sav);
      expect(referralsToContact).toEqual([{
        id: referralId,
        arrondissementCode: ARRONDISSEMENT,
        status: 'RECEIVED',
        referredOn: '2026-11-30',
      }]);
      const other = await workList(tokens.otherSav);
      expect(other.referralsToContact.map((r) => r.id))
        .not.toContain(referralId);
    });
  });

  describe('renewedOffersToMake', () => {
    it('lists a renewed offer once the magistrate asks for it', async () => {
      // §7.12.2: the person declined the first offer.
      const measureId = DEMO.measureIds.activeWithFalseAlert;
      const before = await workList(tokens.sav);
      expect(before.renewedOffersToMake).toEqual([]);

      await mutate(tokens.magistrate, `
        mutation ($input: RequestRenewedOfferInput!) {
          requestRenewedOffer(input: $input) { id }
        }`, { measureId, requestedOn: DEMO.referenceDate });
      await settleEffects(measureId);

      const { renewedOffersToMake } = await workList(tokens.sav);
      expect(renewedOffersToMake.map((r) => r.id))
        .toEqual([await referralIdOf(measureId)]);
      const [referral] = renewedOffersToMake;
      expect(referral?.offers.at(-1)).toEqual({
        kind: 'RENEWAL',
        offeredOn: DEMO.referenceDate,
        accepted: null,
      });
      expect(referral?.notices).toContainEqual({
        kind: 'RENEWED_OFFER_REQUEST',
        date: DEMO.referenceDate,
      });
      const other = await workList(tokens.otherSav);
      expect(other.renewedOffersToMake).toEqual([]);
    });
  });

  describe('who may ask', () => {
    it.each([
      ['police', { role: 'police', zone: ZONE }, `police of ${ZONE}`],
      ['magistrate', { role: 'magistrate', arrondissement: ARRONDISSEMENT },
        `magistrate of ${ARRONDISSEMENT}`],
      ['cic', { role: 'cic', province: 'BE-VAN' }, 'cic of BE-VAN'],
      ['analyst', { role: 'analyst' }, 'analyst'],
      ['app112', { role: 'app112' }, 'app112'],
    ] as const)('refuses the role %s with FORBIDDEN', async (_, claims, who) => {
      const token = await stack.token(claims);
      const { body } = await postGraphQL(stack.gatewayUrl, WORK_LIST,
        { token });
      expect(body.data).toBeNull();
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: 'Query.victimSupportWorkList is for victim-support; '
            + `this caller is ${who}.`,
          path: ['victimSupportWorkList'],
          extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
        }),
      ]);
    });
  });
});

/** A made-up person for the PV; the number is valid but nobody's. */
function person(
  birthDate: string,
  serial: number,
  role: string,
  gender: 'FEMALE' | 'MALE',
) {
  return {
    nationalNumber: makeNationalNumber(birthDate, serial),
    firstName: 'Test',
    lastName: `TEST-${role}`,
    birthDate,
    gender,
  };
}
