import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_ZONE } from '../fixture';
import { liveChildren, startedChildPids } from '../process/child';
import { DEFAULT_GATEWAY_BENCH_OPTIONS } from './options';
import {
  checkGatewayAnswers,
  compareAnswers,
  roundOrder,
  type GatewayAnswers,
} from './run';

/**
 * Whether a process of the group `pid` leads still runs. A zombie (the
 * esbuild service tsx starts, killed with its group, not yet reaped by
 * PID 1) runs no more.
 */
function groupRunning(pid: number): boolean {
  const table = execFileSync('ps', ['-eo', 'pgid=,stat='],
    { encoding: 'utf8' });
  return table.split('\n').some((line) => {
    const [group, state] = line.trim().split(/\s+/);
    return Number(group) === pid && state !== undefined &&
      !state.startsWith('Z');
  });
}

function benchDirectories(under: string): string[] {
  return readdirSync(under)
    .filter((name) => name.startsWith('sat-bench-gateway-'));
}

const OPERATIONS = [{ name: 'briefing' }, { name: 'zone-list' }] as const;

describe('gateway bench answers check', () => {
  it('passes equal data', () => {
    const same = [{ measure: { id: '1' } }, { list: [1, 2] }];
    const copy = () => JSON.parse(JSON.stringify(same)) as unknown[];
    const answers: GatewayAnswers = new Map([
      ['a', same], ['b', copy()], ['c', copy()],
    ]);
    expect(() => compareAnswers(OPERATIONS, answers)).not.toThrow();
  });

  it('names the gateway and the operation whose data differs', () => {
    const same = [{ measure: { id: '1' } }, { list: [1, 2] }];
    const answers: GatewayAnswers = new Map([
      ['a', same], ['b', same], ['c', [same[0], { list: [2, 1] }]],
    ]);
    expect(() => compareAnswers(OPERATIONS, answers))
      .toThrow('Gateway (c) gives other data than (a) for the zone-list');
  });

  it('alternates the gateway order from round to round', () => {
    const letters = (round: number) =>
      roundOrder(round).map(({ letter }) => letter).join('');
    expect([0, 1, 2].map(letters)).toEqual(['abc', 'cba', 'abc']);
  });
});

describe('gateway bench on SQLite', () => {
  const measures = 12;
  let answers: GatewayAnswers;
  // A temporary directory of the test's own, where the bench makes its
  // own: another run on the machine cannot be mistaken for this one.
  const temporary = mkdtempSync(join(tmpdir(), 'sat-bench-test-'));
  const outerTmpdir = process.env.TMPDIR;

  beforeAll(async () => {
    process.env.TMPDIR = temporary;
    answers = await checkGatewayAnswers({
      ...DEFAULT_GATEWAY_BENCH_OPTIONS,
      database: 'sqlite',
      measures,
      logLevel: 'silent',
    }).finally(() => {
      if (outerTmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = outerTmpdir;
    });
  }, 90_000);

  afterAll(() => rmSync(temporary, { recursive: true, force: true }));

  it('gets the same data from the three gateways for each operation', () => {
    const [briefing, zoneList, evaluation] = answers.get('a') ?? [];
    expect(answers.get('b')).toEqual([briefing, zoneList, evaluation]);
    expect(answers.get('c')).toEqual([briefing, zoneList, evaluation]);
    expect(briefing).toMatchObject({
      protectionMeasure: { suspect: { bng: expect.any(Object) } },
    });
    expect(evaluation).toMatchObject({
      protectionMeasure: { status: 'ACTIVE' },
    });
    const list = (zoneList as { protectionMeasures: unknown[] })
      .protectionMeasures;
    // The bench zone's measures, and the demo's own active one there.
    expect(list).toHaveLength(measures + 1);
    expect(BENCH_ZONE).toBe('5347');
  });

  it('leaves no process and no directory behind', () => {
    expect(liveChildren()).toBe(0);
    const pids = startedChildPids();
    expect(pids).toHaveLength(4);
    expect(pids.filter(groupRunning)).toEqual([]);
    expect(benchDirectories(temporary)).toEqual([]);
  });
});
