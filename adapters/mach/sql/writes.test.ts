import { DEMO, generateDemoData } from '../../../storage/demo-data';
import {
  StatementRecorder,
  describeEachDatabase,
  twentyKeys,
} from '../../../test/support/databases';
import { registrationCommentText as text } from '../comments';
import { openSqlMachAdapter } from '../index';
import { MachRuleError, type MachAdapter } from '../types';

const demo = generateDemoData();
const SUSPECT = DEMO.nationalNumbers.suspectOfActiveWithEverything;

describeEachDatabase('SqlMachAdapter writes', (getOptions) => {
  const recorder = new StatementRecorder();
  let adapter: MachAdapter;

  beforeAll(async () => {
    adapter = await openSqlMachAdapter(getOptions(), {
      seedDemo: demo,
      logger: recorder,
    });
  });

  afterAll(() => adapter.close());

  async function historyOf(measureId: string) {
    const [history] = await adapter.registrationCommentsByMeasureId(
      [measureId]);
    return history!;
  }

  describe('setRegistrationComment (§7.13.2)', () => {
    it('adds the first comment of a measure as its current one', async () => {
      const grant = {
        measureId: 'test-measure-c1',
        suspectNationalNumber: SUSPECT,
        text: text('GRANT', '2026-12-01'),
        writtenOn: '2026-12-01',
      };
      const expected = {
        measureId: 'test-measure-c1',
        nationalNumber: SUSPECT,
        text: 'stalking alarm décidée le 01/12/2026',
        writtenOn: '2026-12-01',
        replacedOn: null,
      };
      expect(await adapter.setRegistrationComment(grant)).toEqual(expected);
      expect(await historyOf('test-measure-c1')).toEqual([expected]);
    });

    it('replaces the current comment and keeps the replaced one',
      async () => {
        const measureId = 'test-measure-c2';
        const comment = (kind: 'GRANT' | 'PROLONGATION' | 'END',
          date: string) => ({
          measureId,
          suspectNationalNumber: SUSPECT,
          text: text(kind, date),
          writtenOn: date,
        });
        await adapter.setRegistrationComment(comment('GRANT', '2026-01-10'));
        await adapter.setRegistrationComment(
          comment('PROLONGATION', '2026-09-15'));
        await adapter.setRegistrationComment(comment('END', '2027-06-15'));

        expect(await historyOf(measureId)).toEqual([
          {
            measureId,
            nationalNumber: SUSPECT,
            text: 'stalking alarm ayant pris fin le 15/06/2027',
            writtenOn: '2027-06-15',
            replacedOn: null,
          },
          {
            measureId,
            nationalNumber: SUSPECT,
            text: 'prolongation stalking alarm décidée le 15/09/2026',
            writtenOn: '2026-09-15',
            replacedOn: '2027-06-15',
          },
          {
            measureId,
            nationalNumber: SUSPECT,
            text: 'stalking alarm décidée le 10/01/2026',
            writtenOn: '2026-01-10',
            replacedOn: '2026-09-15',
          },
        ]);
      });

    it('changes nothing when the same text is set again for the same day',
      async () => {
        const measureId = 'test-measure-c3';
        const grant = {
          measureId,
          suspectNationalNumber: SUSPECT,
          text: text('GRANT', '2026-02-01'),
          writtenOn: '2026-02-01',
        };
        const first = await adapter.setRegistrationComment(grant);
        expect(await adapter.setRegistrationComment(grant)).toEqual(first);
        expect(await historyOf(measureId)).toEqual([first]);

        // A late retry of the grant, after the prolongation replaced it.
        await adapter.setRegistrationComment({
          ...grant,
          text: text('PROLONGATION', '2026-10-01'),
          writtenOn: '2026-10-01',
        });
        const history = await historyOf(measureId);
        expect(await adapter.setRegistrationComment(grant))
          .toEqual({ ...first, replacedOn: '2026-10-01' });
        expect(await historyOf(measureId)).toEqual(history);
      });

    it('orders two comments of one day by when they were written',
      async () => {
        const measureId = 'test-measure-c4';
        const base = { measureId, suspectNationalNumber: SUSPECT,
          writtenOn: '2026-03-01' };
        await adapter.setRegistrationComment(
          { ...base, text: text('PROLONGATION', '2026-03-01') });
        await adapter.setRegistrationComment(
          { ...base, text: text('END', '2026-03-01') });
        expect((await historyOf(measureId)).map((c) => c.replacedOn))
          .toEqual([null, '2026-03-01']);
      });

    it('refuses a comment older than the current one', async () => {
      const measureId = 'test-measure-c5';
      await adapter.setRegistrationComment({ measureId,
        suspectNationalNumber: SUSPECT, text: text('GRANT', '2026-05-01'),
        writtenOn: '2026-05-01' });
      const writing = adapter.setRegistrationComment({ measureId,
        suspectNationalNumber: SUSPECT, text: text('END', '2026-04-01'),
        writtenOn: '2026-04-01' });
      await expect(writing).rejects.toBeInstanceOf(MachRuleError);
      await expect(writing).rejects.toMatchObject({
        code: 'COMMENT_OUT_OF_ORDER',
        message: expect.stringContaining('2026-04-01'),
      });
      expect(await historyOf(measureId)).toHaveLength(1);
    });

    it('refuses a comment of the measure against another suspect',
      async () => {
        await expect(adapter.setRegistrationComment({
          measureId: 'test-measure-c1',
          suspectNationalNumber: DEMO.nationalNumbers.victimOfTwoMeasures,
          text: text('END', '2027-01-01'),
          writtenOn: '2027-01-01',
        })).rejects.toMatchObject({ code: 'COMMENT_SUSPECT_MISMATCH' });
      });

    it('rejects a blank text or a malformed date as misuse', async () => {
      const base = { measureId: 'test-measure-c6',
        suspectNationalNumber: SUSPECT, writtenOn: '2026-01-01', text: ' ' };
      await expect(adapter.setRegistrationComment(base))
        .rejects.toThrow('text must be a non-blank string, not " "');
      await expect(adapter.setRegistrationComment(
        { ...base, text: 'x', writtenOn: '1/1/2026' }))
        .rejects.toThrow(TypeError);
    });

    it('keeps one current comment when two writers race', async () => {
      const measureId = 'test-measure-c7';
      const base = { measureId, suspectNationalNumber: SUSPECT,
        writtenOn: '2026-07-01' };
      await adapter.setRegistrationComment(
        { ...base, text: text('GRANT', '2026-07-01') });
      await Promise.all([
        adapter.setRegistrationComment(
          { ...base, text: text('PROLONGATION', '2026-07-01') }),
        adapter.setRegistrationComment(
          { ...base, text: text('END', '2026-07-01') }),
      ]);
      const history = await historyOf(measureId);
      expect(history).toHaveLength(3);
      expect(history.filter((c) => c.replacedOn === null)).toHaveLength(1);
    });
  });

  describe('currentRegistrationCommentsByNationalNumber', () => {
    it('answers the current comment of each of the suspect\'s measures, '
      + 'newest first', async () => {
      const suspect = DEMO.nationalNumbers.victimOfTwoMeasures;
      const set = (measureId: string, kind: 'GRANT' | 'END', date: string) =>
        adapter.setRegistrationComment({ measureId,
          suspectNationalNumber: suspect, text: text(kind, date),
          writtenOn: date });
      await set('test-measure-p1', 'GRANT', '2025-01-01');
      await set('test-measure-p1', 'END', '2025-10-01');
      await set('test-measure-p2', 'GRANT', '2026-02-01');

      const [current, none] = await adapter
        .currentRegistrationCommentsByNationalNumber([suspect, '00000000000']);
      expect(current!.map((c) => [c.measureId, c.text])).toEqual([
        ['test-measure-p2', 'stalking alarm décidée le 01/02/2026'],
        ['test-measure-p1', 'stalking alarm ayant pris fin le 01/10/2025'],
      ]);
      expect(none).toEqual([]);
    });
  });

  describe('batching', () => {
    it.each([
      ['registrationCommentsByMeasureId',
        () => demo.protection.measures.map((m) => m.id)],
      ['currentRegistrationCommentsByNationalNumber',
        () => demo.protection.persons.map((p) => p.nationalNumber)],
    ] as const)('%s issues one statement for 1 key as for 20',
      async (name, keys) => {
        const read = (k: string[]) =>
          recorder.during(() => adapter[name](k));
        expect(await read(keys().slice(0, 1))).toHaveLength(1);
        expect(await read(twentyKeys(keys()))).toHaveLength(1);
      });
  });
});
