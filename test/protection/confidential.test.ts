/**
 * §7.8.5: a protected person's confidential address and contacts,
 * through the gateway. The police of the managing zone and the parquet
 * record them; those two and the victim support service of the
 * arrondissement read them; anyone else gets null and FORBIDDEN at that
 * path while the rest of the answer stands. Refused input changes
 * nothing, and the journal keeps the action alone.
 */
import { describeEachDatabase } from '../support/databases';
import {
  actionsOf,
  grantedMeasure,
  requestReadyForDecision,
  startProtectionGraph,
  type Caller,
  type MeasurePlace,
  type ProtectionGraph,
} from './support';

const ANTWERPEN: MeasurePlace = { zone: '5345', arrondissement: 'ANT' };
const BRUXELLES: MeasurePlace = { zone: '5339', arrondissement: 'BRU' };

const TODAY = '2026-12-01';

const CONTACT = /* GraphQL */ `
  query Contact($id: ID!) {
    protectionMeasure(id: $id) {
      reference
      protectedPersons {
        role
        person { nationalNumber }
        confidentialContact {
          address { street number box postalCode municipality country }
          phone email knownToSuspect recordedAt
        }
      }
    }
  }
`;

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordConfidentialContactInput!) {
    recordConfidentialContact(input: $input) { id }
  }
`;

const JOURNAL = /* GraphQL */ `
  query Journal($id: ID!) {
    protectionMeasure(id: $id) {
      journal { action actorRole actorOrganisation pvReference }
    }
  }
`;

interface ContactAnswer {
  protectionMeasure: {
    reference: string;
    protectedPersons: {
      role: string;
      person: { nationalNumber: string };
      confidentialContact: Record<string, unknown> | null;
    }[];
  } | null;
}

/** What a police officer types: spaces in the number, a lax e-mail. */
function typed(measureId: string, nationalNumber: string) {
  return {
    measureId,
    nationalNumber,
    address: {
      street: ' Rue des Tilleuls ', number: '14', box: 'B2',
      postalCode: '2018', municipality: 'Antwerpen',
    },
    phone: '+32 470 12 34 56',
    email: 'person@Example.BE',
    knownToSuspect: false,
  };
}

/** The same, as the register keeps it. */
const RECORDED = {
  address: {
    street: 'Rue des Tilleuls', number: '14', box: 'B2',
    postalCode: '2018', municipality: 'Antwerpen', country: 'BE',
  },
  phone: '+32470123456',
  email: 'person@example.be',
  knownToSuspect: false,
  recordedAt: expect.stringMatching(/^2026-12-01T/),
};

describeEachDatabase('§7.8.5 confidential contacts', (storage) => {
  let graph: ProtectionGraph;
  let police: Caller;
  let magistrate: Caller;
  let measureId: string;
  let victim: string;

  beforeAll(async () => {
    graph = await startProtectionGraph(storage());
    graph.clock.set(`${TODAY}T09:00:00Z`);
    police = graph.police(ANTWERPEN.zone);
    magistrate = graph.magistrate(ANTWERPEN.arrondissement);
    measureId = await grantedMeasure(graph, ANTWERPEN, TODAY);
    const measure = await police.measure(measureId);
    victim = measure.protectedPersons[0].person.nationalNumber;
  }, 120_000);

  afterAll(() => graph?.stack.cleanUp());

  async function contactAs(caller: Caller) {
    return caller.answer<ContactAnswer>(CONTACT, { id: measureId });
  }

  async function recorded(): Promise<unknown> {
    const body = await contactAs(police);
    expect(body.errors).toBeUndefined();
    return body.data?.protectionMeasure?.protectedPersons[0]
      ?.confidentialContact;
  }

  async function journalOf(id: string) {
    const data = await police.data<{
      protectionMeasure: { journal: Record<string, unknown>[] };
    }>(JOURNAL, { id });
    return data.protectionMeasure.journal;
  }

  describe('recording', () => {
    it('the managing zone records the contact, as the register keeps it',
      async () => {
        await police.data(RECORD, { input: typed(measureId, victim) });
        expect(await recorded()).toEqual(RECORDED);
      });

    it('the journal keeps the action alone: no PV, no contact', async () => {
      const journal = await journalOf(measureId);
      expect(journal.at(-1)).toEqual({
        action: 'CONFIDENTIAL_CONTACT', actorRole: 'police',
        actorOrganisation: ANTWERPEN.zone, pvReference: null,
      });
      // Whole values, so that an id or an instant that happens to hold
      // the same digits is no false alarm.
      const text = JSON.stringify(journal);
      for (const word of ['Tilleuls', '"2018"', '470123456', 'person@']) {
        expect(text).not.toContain(word);
      }
    });

    it('the parquet replaces it whole; what it leaves out is gone',
      async () => {
        await magistrate.data(RECORD, { input: {
          measureId, nationalNumber: victim,
          phone: '0032 3 555 12 12', knownToSuspect: true,
        } });
        expect(await recorded()).toEqual({
          address: null, phone: '+3235551212', email: null,
          knownToSuspect: true, recordedAt: expect.any(String),
        });
        expect(actionsOf(await police.measure(measureId)).slice(-2))
          .toEqual(['CONFIDENTIAL_CONTACT', 'CONFIDENTIAL_CONTACT']);
        await police.data(RECORD, { input: typed(measureId, victim) });
      });

    it('may be recorded while the request awaits its decision', async () => {
      const id = await requestReadyForDecision(graph, ANTWERPEN, TODAY);
      const person = (await police.measure(id)).protectedPersons[0];
      await police.data(RECORD, {
        input: typed(id, person.person.nationalNumber) });
      expect(actionsOf(await police.measure(id)).at(-1))
        .toBe('CONFIDENTIAL_CONTACT');
    });

    it('leaves the measure itself as it was', async () => {
      const before = await police.measure(measureId);
      await police.data(RECORD, { input: typed(measureId, victim) });
      const after = await police.measure(measureId);
      expect({ ...after, journal: [] }).toEqual({ ...before, journal: [] });
    });
  });

  describe('reading', () => {
    const readers: [string, (graph: ProtectionGraph) => Caller][] = [
      ['the police of the managing zone', (g) => g.police(ANTWERPEN.zone)],
      ['a magistrate of the arrondissement',
        (g) => g.magistrate(ANTWERPEN.arrondissement)],
      ['the victim support service of the arrondissement',
        (g) => g.victimSupport(ANTWERPEN.arrondissement)],
    ];

    it.each(readers)('%s reads it', async (_, who) => {
      const body = await contactAs(who(graph));
      expect(body.errors).toBeUndefined();
      expect(body.data?.protectionMeasure?.protectedPersons[0])
        .toMatchObject({ role: 'VICTIM', confidentialContact: RECORDED });
    });

    // They read the measure's briefing, never the person's address.
    const briefed: [string, (graph: ProtectionGraph) => Caller][] = [
      ['the CIC of the province', (g) => g.cic('BE-VAN')],
    ];

    it.each(briefed)(
      '%s gets null and FORBIDDEN there, and the rest of the answer',
      async (_, who) => {
        const body = await contactAs(who(graph));
        expect(body.data?.protectionMeasure).toEqual({
          reference: expect.stringMatching(/^SA\//),
          protectedPersons: [{
            role: 'VICTIM', person: { nationalNumber: victim },
            confidentialContact: null,
          }],
        });
        expect(body.errors).toEqual([expect.objectContaining({
          path: ['protectionMeasure', 'protectedPersons', 0,
            'confidentialContact'],
          extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
        })]);
        expect(JSON.stringify(body)).not.toContain('Tilleuls');
      });

    // They may not read the measure at all (docs/ACCESS.md).
    const strangers: [string, (graph: ProtectionGraph) => Caller][] = [
      ['the CIC of another province', (g) => g.cic('BE-BRU')],
      ['another police zone', (g) => g.police(BRUXELLES.zone)],
      ['a magistrate of another arrondissement',
        (g) => g.magistrate(BRUXELLES.arrondissement)],
      ['the victim support service of another arrondissement',
        (g) => g.victimSupport(BRUXELLES.arrondissement)],
      ['an analyst', (g) => g.caller({ role: 'analyst' })],
      ['the 112 system', (g) => g.caller({ role: 'app112' })],
    ];

    it.each(strangers)(
      '%s gets null and FORBIDDEN for the whole measure, and no contact',
      async (_, who) => {
        const body = await contactAs(who(graph));
        expect(body.data?.protectionMeasure).toBeNull();
        expect(body.errors).toEqual([expect.objectContaining({
          path: ['protectionMeasure'],
          extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
        })]);
        expect(JSON.stringify(body)).not.toContain('Tilleuls');
      });

    it('the zone of an open trip reads the briefing, never the contact',
      async () => {
        await police.mutate('announceTravel', {
          measureId, kind: 'USUAL_PLACE', zoneCode: BRUXELLES.zone,
          announcedOn: TODAY, fromDate: TODAY,
        });
        const body = await contactAs(graph.police(BRUXELLES.zone));
        expect(body.data?.protectionMeasure?.protectedPersons[0])
          .toMatchObject({ role: 'VICTIM', confidentialContact: null });
        expect(body.errors?.map((error) => error.path))
          .toEqual([['protectionMeasure', 'protectedPersons', 0,
            'confidentialContact']]);
        expect(JSON.stringify(body)).not.toContain('Tilleuls');
      });
  });

  describe('refusals change nothing', () => {
    let before: unknown;
    let journalLength: number;

    beforeEach(async () => {
      before = await recorded();
      journalLength = (await journalOf(measureId)).length;
    });

    afterEach(async () => {
      expect(await recorded()).toEqual(before);
      expect(await journalOf(measureId)).toHaveLength(journalLength);
    });

    async function refusal(caller: Caller, input: Record<string, unknown>) {
      return caller.error(RECORD, { input: { ...typed(measureId, victim),
        ...input } });
    }

    it.each([
      ['victim support, a reader only,',
        (g: ProtectionGraph) => g.victimSupport(ANTWERPEN.arrondissement)],
      ['the CIC', (g: ProtectionGraph) => g.cic('BE-VAN')],
      ['another zone', (g: ProtectionGraph) => g.police(BRUXELLES.zone)],
      ['another parquet',
        (g: ProtectionGraph) => g.magistrate(BRUXELLES.arrondissement)],
    ])('%s may not record it: FORBIDDEN', async (_, who) => {
      const error = await refusal(who(graph), {});
      expect(error.code).toBe('FORBIDDEN');
    });

    it('a role that may not record it learns nothing of its input',
      async () => {
        const error = await refusal(graph.cic('BE-VAN'),
          { phone: 'not a phone' });
        expect(error.code).toBe('FORBIDDEN');
      });

    it.each([
      ['a national phone number', { phone: '0470 12 34 56' }, 'phone'],
      ['an e-mail without domain', { email: 'person@' }, 'email'],
      ['nothing to reach the person by',
        { address: null, phone: null, email: null }, 'address'],
      ['a blank street', { address: { ...typed('', '').address,
        street: '  ' } }, 'address.street'],
      ['a street longer than the register keeps', { address: {
        ...typed('', '').address, street: 'S'.repeat(101) } },
      'address.street'],
      ['a Belgian postal code of 3 digits', { address: {
        ...typed('', '').address, postalCode: '201' } },
      'address.postalCode'],
      ['a country that is no ISO code', { address: {
        ...typed('', '').address, country: 'Belgium' } },
      'address.country'],
      ['an invalid national number', { nationalNumber: '85073003329' },
        'nationalNumber'],
    ])('refuses %s: BAD_USER_INPUT, never echoing it',
      async (_, input, argument) => {
        const error = await refusal(police, input);
        expect(error).toMatchObject({ code: 'BAD_USER_INPUT',
          extensions: expect.objectContaining({ argument }) });
        expect(error.message).not.toMatch(/0470|person@|SSSS|201\b/);
      });

    it('refuses the suspect, whom the measure does not protect: NOT_FOUND',
      async () => {
        const { suspect } = await police.measure(measureId);
        const error = await refusal(police,
          { nationalNumber: suspect.nationalNumber });
        expect(error.code).toBe('NOT_FOUND');
        expect(error.message).not.toContain(suspect.nationalNumber);
      });

    it('refuses a measure that does not exist: NOT_FOUND', async () => {
      const error = await refusal(police, { measureId: 'no-such-measure' });
      expect(error.code).toBe('NOT_FOUND');
    });
  });
});
