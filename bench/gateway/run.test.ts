import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { BENCH_ZONE } from '../fixture';
import { liveChildren, startedChildPids } from './child';
import { DEFAULT_GATEWAY_BENCH_OPTIONS } from './options';
import {
  checkGatewayAnswers,
  compareAnswers,
  roundOrder,
  type GatewayAnswers,
} from './run';

/** Whether any process of the group `pid` leads is still running. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function benchDirectories(): string[] {
  return readdirSync(tmpdir())
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
  let directoriesBefore: string[];

  beforeAll(async () => {
    directoriesBefore = benchDirectories();
    answers = await checkGatewayAnswers({
      ...DEFAULT_GATEWAY_BENCH_OPTIONS,
      database: 'sqlite',
      measures,
      logLevel: 'silent',
    });
  }, 90_000);

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
    expect(pids.filter(groupAlive)).toEqual([]);
    expect(benchDirectories()).toEqual(directoriesBefore);
  });
});
