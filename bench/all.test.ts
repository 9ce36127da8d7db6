import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BenchAllUsageError,
  parseBenchAllArgs,
  reportOf,
  runBench,
} from './all';

describe('parseBenchAllArgs', () => {
  it('runs every bench in order by default', () => {
    expect(parseBenchAllArgs([])).toEqual({
      only: ['gateway', 'scale', 'alerts', 'stats'],
      quick: false, json: false, markdown: null, help: false,
    });
  });

  it('reads --only in the run order whatever the order given', () => {
    const command = parseBenchAllArgs(['--only', 'stats,gateway', '--quick',
      '--json', '--markdown', 'bench/RESULTS.md']);

    expect(command).toEqual({
      only: ['gateway', 'stats'], quick: true, json: true,
      markdown: 'bench/RESULTS.md', help: false,
    });
  });

  it.each([
    [['--only', 'scale,speed'], /--only .* got "scale,speed"/],
    [['--markdown', ''], /--markdown needs a file/],
    [['--fast'], /fast/],
  ])('refuses %j', (args, message) => {
    expect(() => parseBenchAllArgs(args)).toThrow(BenchAllUsageError);
    expect(() => parseBenchAllArgs(args)).toThrow(message);
  });
});

describe('reportOf', () => {
  const report = {
    bench: 'stats', command: 'tsx scripts/bench-stats.ts --json',
    startedAt: '2026-12-04T10:00:00.000Z', durationMs: 1, machine: {},
    cases: [], aims: [],
  };

  it('takes a report of the bench that ran', () => {
    expect(reportOf(JSON.stringify(report), 'stats')).toEqual(report);
  });

  it('answers null for no JSON, another bench or another shape', () => {
    expect(reportOf('Interrupted', 'stats')).toBeNull();
    expect(reportOf(JSON.stringify(report), 'scale')).toBeNull();
    expect(reportOf(JSON.stringify({ ...report, cases: 3 }), 'stats'))
      .toBeNull();
  });
});

describe('runBench', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'sat-bench-all-'));
    await mkdir(join(root, 'scripts'));
  });

  afterAll(() => rm(root, { recursive: true, force: true }));

  const quiet = { quick: true, stderr: () => undefined };

  it('reports a bench whose script is missing', async () => {
    expect(await runBench('gateway', { root, ...quiet })).toEqual({
      report: null,
      failure: { bench: 'gateway', reason: 'scripts/bench-gateway.ts is not on this branch' },
    });
  });

  it('passes --json and --quick, and keeps the report it prints', async () => {
    await writeFile(join(root, 'scripts', 'bench-stats.ts'), `
      process.stdout.write(JSON.stringify({ bench: 'stats',
        command: process.argv.slice(2).join(' '), startedAt: '', durationMs: 0,
        machine: {}, cases: [], aims: [] }));
    `);
    const outcome = await runBench('stats', { root, ...quiet });

    expect(outcome.failure).toBeNull();
    expect(outcome.report?.command).toBe('--json --quick');
  });

  it('records a bench that exits 1 with its report, and one without', async () => {
    await writeFile(join(root, 'scripts', 'bench-alerts.ts'), `
      process.stdout.write(JSON.stringify({ bench: 'alerts', command: '',
        startedAt: '', durationMs: 0, machine: {}, cases: [],
        aims: [{ aim: 'a', target: 't', measured: 'm', met: false }] }));
      process.exitCode = 1;
    `);
    await writeFile(join(root, 'scripts', 'bench-scale.ts'),
      'process.stderr.write("boom"); process.exit(3);');

    const alerts = await runBench('alerts', { root, ...quiet });
    const scale = await runBench('scale', { root, ...quiet });

    expect(alerts.report?.bench).toBe('alerts');
    expect(alerts.failure?.reason).toBe('exited 1 (1 aims not met)');
    expect(scale).toEqual({
      report: null,
      failure: { bench: 'scale', reason: 'exited 3 and printed no report' },
    });
  });
});
