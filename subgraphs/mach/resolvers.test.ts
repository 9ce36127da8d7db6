import { openSqlMachAdapter } from '../../adapters/mach';
import type { MachAdapter } from '../../adapters/mach/types';
import type { Identity } from '../../runtime/identity';
import { addDays, addMonths } from '../../storage/dates';
import { DEMO, generateDemoData } from '../../storage/demo-data';
import {
  StatementRecorder,
  describeEachDatabase,
} from '../../test/support/databases';
import {
  personEntities,
  personKeys,
  subgraphClient,
  type SubgraphClient,
} from '../../test/support/subgraph';
import { machSubgraph } from './index';

const demo = generateDemoData();
const heavy = DEMO.nationalNumbers.suspectOfActiveWithEverything;
const decidedOn = demo.protection.measures.find((m) =>
  m.id === DEMO.measureIds.activeWithEverything)!.decidedOn!;
const suspects = [...new Set(demo.protection.measures.map((m) =>
  m.suspectNationalNumber))];

const magistrate: Identity =
  { subject: 'mag-1', role: 'magistrate', arrondissement: 'ANT' };
const police: Identity = { subject: 'pol-1', role: 'police', zone: '5345' };

const REVIEW = personEntities(`
  antecedentReview(referenceDate: $date) {
    windowFrom windowTo
    files { number index status intraFamily openedOn }
    indicators { intraFamilyViolence drugs weapons sexualOffences suicide }
    counts { intraFamilyViolence drugs weapons sexualOffences suicide }
  }
`, '$date: Date');

interface ReviewAnswer {
  _entities: {
    antecedentReview: {
      windowFrom: string;
      windowTo: string;
      files: { number: string; index: string; openedOn: string }[];
      indicators: Record<string, boolean>;
      counts: Record<string, number>;
    } | null;
  }[];
}

describeEachDatabase('the MaCH subgraph', (getOptions) => {
  const recorder = new StatementRecorder();
  let adapter: MachAdapter;
  let mach: SubgraphClient;

  beforeAll(async () => {
    adapter = await openSqlMachAdapter(getOptions(),
      { seedDemo: demo, logger: recorder });
    mach = subgraphClient(machSubgraph(adapter,
      { clock: { today: () => DEMO.referenceDate } }));
  });

  afterAll(async () => {
    await mach.stop();
    await adapter.close();
  });

  async function review(nationalNumber: string, date?: string) {
    const result = await mach.run<ReviewAnswer>(magistrate, REVIEW,
      { ...personKeys([nationalNumber]), date });
    expect(result.errors).toBeUndefined();
    return result.data!._entities[0]!.antecedentReview!;
  }

  describe('Person.antecedentReview (§7.4.2, §7.6)', () => {
    it('weighs the heavy suspect\'s files of the 3 years before the decision',
      async () => {
        const answer = await review(heavy, decidedOn);
        expect(answer.windowFrom).toBe(addMonths(decidedOn, -36));
        expect(answer.windowTo).toBe(decidedOn);
        // The theft of 1600 days before is both too old and not weighed.
        expect(answer.files.map((f) => f.index))
          .toEqual(['43', '60', '32', '36', '37']);
        expect(answer.indicators).toEqual({
          intraFamilyViolence: true,
          drugs: true,
          weapons: true,
          sexualOffences: true,
          suicide: true,
        });
        expect(answer.counts).toEqual({
          intraFamilyViolence: 3,
          drugs: 1,
          weapons: 1,
          sexualOffences: 1,
          suicide: 1,
        });
      });

    it('keeps a file opened 3 years to the day before, not one day more',
      async () => {
        const oldest = demo.mach.files.find((f) =>
          f.nationalNumber === heavy && f.index === '37')!;
        const lastDayIn = addMonths(oldest.openedOn, 36);
        const onTheEdge = await review(heavy, lastDayIn);
        expect(onTheEdge.windowFrom).toBe(oldest.openedOn);
        expect(onTheEdge.files.map((f) => f.number)).toContain(oldest.number);
        const dayAfter = await review(heavy, addDays(lastDayIn, 1));
        expect(dayAfter.files.map((f) => f.number))
          .not.toContain(oldest.number);
      });

    it('ends on today from its clock when no reference date is given',
      async () => {
        const answer = await review(heavy);
        expect(answer.windowTo).toBe(DEMO.referenceDate);
        expect(answer.windowFrom).toBe('2023-12-01');
      });

    it('answers an empty review for a suspect without files', async () => {
      const answer = await review(DEMO.nationalNumbers
        .victimOfActiveWithEverything, decidedOn);
      expect(answer.files).toEqual([]);
      expect(Object.values(answer.indicators)).not.toContain(true);
    });

    it('reads MaCH once for many persons, both dates and the listing',
      async () => {
        const query = personEntities(`
          antecedents { number }
          atDecision: antecedentReview(referenceDate: "${decidedOn}") {
            files { number }
          }
          today: antecedentReview { files { number } }
        `);
        const statements = await recorder.during(async () => {
          const result = await mach.run(magistrate, query,
            personKeys(suspects));
          expect(result.errors).toBeUndefined();
        });
        expect(suspects.length).toBeGreaterThan(20);
        expect(statements).toHaveLength(1);
      });
  });

  describe('Person.registrationComments (§7.13.2)', () => {
    const QUERY = personEntities(
      'registrationComments { measureId text writtenOn replacedOn }');
    const measureId = 'test-measure-c1';

    beforeAll(async () => {
      const comment = { measureId, suspectNationalNumber: heavy };
      await adapter.setRegistrationComment({ ...comment,
        text: 'stalking alarm décidée le 02/10/2026',
        writtenOn: '2026-10-02' });
      await adapter.setRegistrationComment({ ...comment,
        text: 'stalking alarm ayant pris fin le 01/12/2026',
        writtenOn: '2026-12-01' });
    });

    it('shows a magistrate the suspect\'s current comment, even after the end',
      async () => {
        const result = await mach.run(magistrate, QUERY, personKeys([heavy]));
        expect(result.errors).toBeUndefined();
        expect(result.data).toEqual({ _entities: [{
          nationalNumber: heavy,
          registrationComments: [{
            measureId,
            text: 'stalking alarm ayant pris fin le 01/12/2026',
            writtenOn: '2026-12-01',
            replacedOn: null,
          }],
        }] });
      });

    it('refuses anyone else with FORBIDDEN: the suspect\'s side (§7.8.4)',
      async () => {
        const result = await mach.run(police, QUERY, personKeys([heavy]));
        expect(result.data).toEqual({ _entities: [
          { nationalNumber: heavy, registrationComments: null },
        ] });
        expect(result.errors).toEqual([expect.objectContaining({
          message: 'Person.registrationComments is for magistrate; '
            + 'this caller is police of 5345.',
          path: ['_entities', 0, 'registrationComments'],
          extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
        })]);
      });
  });
});
