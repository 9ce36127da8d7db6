/**
 * The lists half of the scale bench on SQLite, short: it counts the same
 * statements and fetches at every length and checks every answer's
 * length. Times are not asserted: they are the bench's to report.
 */
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { listAims } from './aims';
import { runListBench } from './lists';
import { DEFAULT_MYSQL_URL } from './options';

const sqliteDirectories = async () =>
  (await readdir(tmpdir())).filter((name) => name.startsWith('sat-bench-'));

describe('the lists bench', () => {
  it('costs the same work for 1 and 5 measures, each answer whole', async () => {
    const before = await sqliteDirectories();
    const result = await runListBench({
      database: 'sqlite', mysqlUrl: DEFAULT_MYSQL_URL, lengths: [1, 5],
      measures: 10, requests: 3, warmups: 1,
    });
    const [one, five] = result.lengths;

    expect(result.zoneMeasures).toBe(11);
    expect(result.lengths.map(({ length, requests, faults }) =>
      [length, requests, faults])).toEqual([[1, 3, 0], [5, 3, 0]]);
    expect(five.statements).toEqual(one.statements);
    expect(five.fetches).toEqual(one.fetches);
    expect(one.statementsSteady && five.statementsSteady).toBe(true);
    expect(one.statements.protection).toBeGreaterThan(0);
    expect(one.statements.audit).toBeGreaterThan(0);
    expect(one.fetches).toMatchObject({ protection: 1, bng: 1, mach: 1 });
    expect(five.bytes).toBeGreaterThan(one.bytes);

    const aims = listAims(result.lengths)
      .filter((aim) => !aim.aim.startsWith('time a measure'));
    expect(aims.map(({ met }) => met)).toEqual([true, true, true]);
    // The store and the keys are gone.
    expect(await sqliteDirectories()).toEqual(before);
  }, 60_000);
});
