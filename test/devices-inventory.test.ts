/**
 * The device inventory through the gateway, on both databases (§7.8.7):
 * the stock of an arrondissement in all and per keeper, also as a field
 * of the arrondissement the protection subgraph owns, and the shortages
 * a grant runs into. The expected counts are counted by hand from the
 * demo data set (storage/demo/inventory.ts and the demo measures).
 */
import { makeNationalNumber } from '../runtime/national-number';
import { DEMO } from '../storage/demo-data';
import { describeEachDatabase } from './support/databases';
import { postGraphQL, startDemoGraph } from './support/graph';

type Stack = Awaited<ReturnType<typeof startDemoGraph>>;

const STOCK = /* GraphQL */ `
  query ($code: ID!) {
    deviceStock(arrondissementCode: $code) {
      arrondissementCode
      total { available assigned inRepair lost returned }
      keptByArrondissement { available assigned inRepair lost returned }
      zones {
        zone { code name }
        counts { available assigned inRepair lost returned }
      }
    }
  }
`;

const SHORTAGES = /* GraphQL */ `
  query ($code: ID!) {
    deviceShortages(arrondissementCode: $code) {
      measure { id status managingZone { code } }
      kind
      zone { code }
      reportedOn
      resolvedOn
    }
  }
`;

/** Counts by status; the statuses not named are zero. */
function counts(given: Partial<Record<
  'available' | 'assigned' | 'inRepair' | 'lost' | 'returned', number>>) {
  return { available: 0, assigned: 0, inRepair: 0, lost: 0, returned: 0,
    ...given };
}

/** Namur: its zone 5303 is deployed; no device is available there. */
const NAMUR_ZONE = '5303';
const NAMUR = DEMO.arrondissementWithoutStock;

describeEachDatabase('the device inventory', (storage) => {
  let stack: Stack;
  let tokens: Record<'police' | 'magistrate' | 'cic' | 'namurPolice'
    | 'namurMagistrate', string>;

  beforeAll(async () => {
    stack = await startDemoGraph(storage());
    tokens = {
      police: await stack.token({ role: 'police', zone: '5345' }),
      magistrate: await stack.token(
        { role: 'magistrate', arrondissement: 'ANT' }),
      cic: await stack.token({ role: 'cic', province: 'BE-VAN' }),
      namurPolice: await stack.token({ role: 'police', zone: NAMUR_ZONE }),
      namurMagistrate: await stack.token(
        { role: 'magistrate', arrondissement: NAMUR }),
    };
  }, 120_000);

  afterAll(() => stack?.cleanUp());

  async function ask<T>(
    token: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const { status, body } = await postGraphQL<T>(stack.gatewayUrl, query,
      { token, variables });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    if (!body.data) throw new Error(`No answer to ${query}`);
    return body.data;
  }

  describe('deviceStock (§7.8.7)', () => {
    it('counts Antwerpen\'s devices in all, kept by the arrondissement and '
      + 'per zone', async () => {
      const { deviceStock } = await ask<{ deviceStock: unknown }>(
        tokens.police, STOCK, { code: 'ANT' });
      expect(deviceStock).toEqual({
        arrondissementCode: 'ANT',
        total: counts({ available: 5, assigned: 3, inRepair: 1 }),
        keptByArrondissement: counts({ available: 1 }),
        zones: [
          { zone: { code: '5345', name: 'Antwerpen' },
            counts: counts({ available: 1, assigned: 1 }) },
          { zone: { code: '5347', name: 'Rupel' },
            counts: counts({ available: 3, assigned: 2, inRepair: 1 }) },
        ],
      });
    });

    it('counts Bruxelles, where a device is lost', async () => {
      const { deviceStock } = await ask<{ deviceStock: unknown }>(
        tokens.cic, STOCK, { code: 'BRU' });
      expect(deviceStock).toMatchObject({
        total: counts({ available: 4, assigned: 7, inRepair: 1, lost: 1 }),
        keptByArrondissement: counts({ available: 3, lost: 1 }),
        zones: [
          { zone: { code: '5339' },
            counts: counts({ assigned: 4, inRepair: 1 }) },
          { zone: { code: '5340' },
            counts: counts({ available: 1, assigned: 3 }) },
        ],
      });
    });

    it('shows the stock on the arrondissement the protection subgraph '
      + 'owns', async () => {
      const { protectionMeasure } = await ask<{
        protectionMeasure: { arrondissement: unknown };
      }>(tokens.magistrate, `query ($id: ID!) {
        protectionMeasure(id: $id) {
          arrondissement {
            code
            name
            deviceStock { total { available assigned } }
          }
        }
      }`, { id: DEMO.measureIds.activeWithEverything });
      expect(protectionMeasure.arrondissement).toEqual({
        code: 'ANT',
        name: 'Antwerpen',
        deviceStock: { total: { available: 5, assigned: 3 } },
      });
    });

    it.each([
      ['analyst', { role: 'analyst' }, 'analyst'],
      ['victim-support', { role: 'victim-support', arrondissement: 'ANT' },
        'victim-support of ANT'],
      ['app112', { role: 'app112' }, 'app112'],
    ] as const)('refuses the role %s with FORBIDDEN', async (_, claims, who) => {
      const token = await stack.token(claims);
      const { body } = await postGraphQL(stack.gatewayUrl, STOCK,
        { token, variables: { code: 'ANT' } });
      expect(body.data).toBeNull();
      expect(body.errors).toEqual([expect.objectContaining({
        message: 'Query.deviceStock is for police, magistrate, cic; '
          + `this caller is ${who}.`,
        path: ['deviceStock'],
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      })]);
    });

    it('refuses the arrondissement\'s stock field too, the rest answered',
      async () => {
        // The service of the arrondissement reads the measure, not its stock.
        const token = await stack.token(
          { role: 'victim-support', arrondissement: 'ANT' });
        const { body } = await postGraphQL(stack.gatewayUrl, `query ($id: ID!) {
          protectionMeasure(id: $id) {
            arrondissement { name deviceStock { total { available } } }
          }
        }`, { token, variables: { id: DEMO.measureIds.activeWithEverything } });
        expect(body.data).toEqual({ protectionMeasure:
          { arrondissement: { name: 'Antwerpen', deviceStock: null } } });
        expect(body.errors).toEqual([expect.objectContaining({
          message: 'Arrondissement.deviceStock is for police, magistrate, cic; '
            + 'this caller is victim-support of ANT.',
          path: ['protectionMeasure', 'arrondissement', 'deviceStock'],
          extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
        })]);
      });
  });

  describe('deviceShortages (§7.8.7)', () => {
    it('has none in Namur before a grant finds no device', async () => {
      const { deviceShortages } = await ask<{ deviceShortages: unknown[] }>(
        tokens.namurMagistrate, SHORTAGES, { code: NAMUR });
      expect(deviceShortages).toEqual([]);
    });

    it('lists the open shortage of a measure granted in Namur, with the '
      + 'measure', async () => {
      const measureId = await grantIn(namur());
      await settleEffects(measureId, tokens.namurMagistrate);

      // The measure's own zone reads it with the shortage.
      const { deviceShortages } = await ask<{ deviceShortages: unknown[] }>(
        tokens.namurPolice, SHORTAGES, { code: NAMUR });
      expect(deviceShortages).toEqual([{
        measure: { id: measureId, status: 'ACTIVE',
          managingZone: { code: NAMUR_ZONE } },
        kind: 'BUTTON',
        zone: { code: NAMUR_ZONE },
        reportedOn: '2026-11-30',
        resolvedOn: null,
      }]);
      const { deviceStock } = await ask<{
        deviceStock: { total: { available: number } };
      }>(tokens.namurPolice, STOCK, { code: NAMUR });
      expect(deviceStock.total.available).toBe(0);
    });

    it('refuses an analyst with FORBIDDEN', async () => {
      const token = await stack.token({ role: 'analyst' });
      const { body } = await postGraphQL(stack.gatewayUrl, SHORTAGES,
        { token, variables: { code: NAMUR } });
      expect(body.data).toBeNull();
      expect(body.errors).toEqual([expect.objectContaining({
        message: 'Query.deviceShortages is for police, magistrate, cic; '
          + 'this caller is analyst.',
        path: ['deviceShortages'],
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      })]);
    });
  });

  describe('a device taken from another zone\'s stock (§3, §7.2.2)', () => {
    const ISSUES = /* GraphQL */ `
      query {
        deviceIssues { device { serial } kind measure { id } }
      }
    `;

    async function issuesOf(token: string, serial: string) {
      const { deviceIssues } = await ask<{
        deviceIssues: { device: { serial: string } }[];
      }>(token, ISSUES);
      return deviceIssues.filter((issue) => issue.device.serial === serial);
    }

    it('is watched by the measure\'s managing zone, not by its keeper',
      async () => {
        // Zone 5345 keeps no button: its measure takes one of Rupel's.
        const measureId = await grantIn({ zone: '5345',
          police: tokens.police, magistrate: tokens.magistrate,
          pvSeries: 810000, victimSerial: 404, suspectSerial: 119 });
        await settleEffects(measureId, tokens.magistrate);

        const { protectionMeasure } = await ask<{
          protectionMeasure: {
            devices: { serial: string; zone: { code: string } }[];
          };
        }>(tokens.police, `query ($id: ID!) {
          protectionMeasure(id: $id) { devices { serial zone { code } } }
        }`, { id: measureId });
        const [button] = protectionMeasure.devices;
        expect(button?.zone).toEqual({ code: '5347' });

        expect(await issuesOf(tokens.police, button!.serial)).toEqual([{
          device: { serial: button!.serial },
          kind: 'NEVER_REPORTED',
          measure: { id: measureId },
        }]);
        const rupel = await stack.token({ role: 'police', zone: '5347' });
        expect(await issuesOf(rupel, button!.serial)).toEqual([]);
      });
  });

  /** Where `grantIn` files the measure, and how its people are named. */
  interface Place {
    zone: string;
    police: string;
    magistrate: string;
    /** The PVs are numbered from it. */
    pvSeries: number;
    victimSerial: number;
    suspectSerial: number;
  }

  function namur(): Place {
    return { zone: NAMUR_ZONE, police: tokens.namurPolice,
      magistrate: tokens.namurMagistrate, pvSeries: 800000,
      victimSerial: 402, suspectSerial: 117 };
  }

  /** A request heard, checked and granted in the zone, through the graph. */
  async function grantIn(place: Place): Promise<string> {
    const mutate = (token: string, query: string, input: object) =>
      ask<Record<string, { id: string }>>(token, query, { input });
    const pv = (n: number) => `PV/${place.zone}/2026/${place.pvSeries + n}`;
    const { requestProtection } = await mutate(place.police, `
      mutation ($input: RequestProtectionInput!) {
        requestProtection(input: $input) { id }
      }`, {
      origin: 'PERSON',
      pvReference: pv(1),
      requestedOn: '2026-11-27',
      residenceZoneCode: place.zone,
      victim: person('1991-03-08', place.victimSerial, 'Victim', 'FEMALE'),
      suspect: person('1989-07-21', place.suspectSerial, 'Suspect', 'MALE'),
      relationship: 'EX_PARTNER',
    });
    const measureId = requestProtection!.id;

    await mutate(place.police, `
      mutation ($input: RecordEvaluationInput!) {
        recordEvaluation(input: $input) { id }
      }`, {
      measureId,
      heardOn: '2026-11-28',
      pvReference: pv(2),
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
    await mutate(place.police, `
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
    await mutate(place.magistrate, `
      mutation ($input: GrantProtectionInput!) {
        grantProtection(input: $input) { id }
      }`, {
      measureId,
      decidedOn: '2026-11-30',
      pvReference: pv(3),
      victimAgreementSigned: true,
    });
    return measureId;
  }

  /**
   * Runs outbox rounds until the measure's effects are all recorded, as
   * `magistrate` (of the measure's arrondissement) reads them.
   */
  async function settleEffects(
    measureId: string,
    magistrate: string,
  ): Promise<void> {
    const dispatcher = stack.subgraphs.protection.background?.dispatcher;
    if (!dispatcher) throw new Error('the protection subgraph has no outbox');
    for (let round = 0; round < 5; round += 1) {
      await dispatcher.runOnce();
      const { protectionMeasure } = await ask<{
        protectionMeasure: { effects: { status: string }[] };
      }>(magistrate, `query ($id: ID!) {
        protectionMeasure(id: $id) { effects { status } }
      }`, { id: measureId });
      const { effects } = protectionMeasure;
      if (effects.length > 0 && effects.every((e) => e.status === 'DONE')) {
        return;
      }
    }
    throw new Error(`The effects of ${measureId} are still pending`);
  }
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
