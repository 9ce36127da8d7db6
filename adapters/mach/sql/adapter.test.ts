import { DEMO, generateDemoData } from '../../../storage/demo-data';
import {
  StatementRecorder,
  describeEachDatabase,
  twentyKeys,
} from '../../../test/support/databases';
import { openSqlMachAdapter } from '../index';
import type { MachAdapter } from '../types';

const demo = generateDemoData();
const suspects = [...new Set(demo.protection.measures.map((m) =>
  m.suspectNationalNumber))];

describeEachDatabase('SqlMachAdapter', (getOptions) => {
  const recorder = new StatementRecorder();
  let adapter: MachAdapter;

  beforeAll(async () => {
    adapter = await openSqlMachAdapter(getOptions(), {
      seedDemo: demo,
      logger: recorder,
    });
  });

  afterAll(() => adapter.close());

  describe('antecedentsByNationalNumber', () => {
    it('answers each suspect\'s demo files, newest first', async () => {
      const expected = suspects.map((number) =>
        demo.mach.files.filter((file) => file.nationalNumber === number));
      expect(await adapter.antecedentsByNationalNumber(suspects))
        .toEqual(expected);
    });

    it('answers in key order, [] for a person without files', async () => {
      const heavy = DEMO.nationalNumbers.suspectOfActiveWithEverything;
      const [none, files, unknown] = await adapter
        .antecedentsByNationalNumber([
          DEMO.nationalNumbers.victimOfActiveWithEverything, heavy, '0']);
      expect(none).toEqual([]);
      expect(unknown).toEqual([]);
      expect(files!.map((f) => f.index)).toEqual(
        ['43', '60', '32', '36', '37', '51']);
      expect(files!.map((f) => f.openedOn))
        .toEqual([...files!.map((f) => f.openedOn)].sort().reverse());
    });

    it('joins the index label, booleans as booleans, dates as ISO',
      async () => {
        const [files] = await adapter.antecedentsByNationalNumber(
          [DEMO.nationalNumbers.suspectOfActiveWithEverything]);
        const drugs = files!.find((f) => f.index === '60');
        expect(drugs?.indexLabel).toBe('Stupéfiants');
        expect(drugs?.intraFamily).toBe(false);
        expect(files!.find((f) => f.index === '43')?.intraFamily).toBe(true);
        expect(drugs?.openedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      });
  });

  describe('batching', () => {
    it('issues one statement for 1 key as for 20', async () => {
      const read = (keys: string[]) =>
        recorder.during(() => adapter.antecedentsByNationalNumber(keys));
      expect(await read(suspects.slice(0, 1))).toHaveLength(1);
      expect(await read(twentyKeys(suspects))).toHaveLength(1);
    });
  });

  describe('lifecycle', () => {
    it('pings, and fails once closed', async () => {
      await expect(adapter.ping()).resolves.toBeUndefined();
      await adapter.close();
      await expect(adapter.ping()).rejects.toThrow(
        'The mach storage failed during ping');
    });
  });
});
