/**
 * `npm run report` (issue 7): its command line, then the process against
 * the demo graph on SQLite, as an analyst runs it.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_URL,
  exitCodeOf,
  parseReportArgs,
  runReportCommand,
  UsageError,
} from '../../scripts/report';
import { terminalProgress } from '../../scripts/report-progress';
import { sqliteDatabase } from '../support/databases';
import { startDemoGraph } from '../support/graph';

const ROOT = join(__dirname, '..', '..');

describe('scripts/report: command line', () => {
  it('reads the period, breakdown, scope, format, file and address', () => {
    const command = parseReportArgs([
      '--period', '2026-Q3', '--by', 'arrondissement,gender',
      '--scope', 'zone:5345', '--format', 'json', '--out', 'r.json',
      '--url', 'https://gw.example/graphql', '--token', 'T',
    ], {});
    expect(command).toEqual({
      request: {
        periods: [{ unit: 'QUARTER', label: '2026-Q3' }],
        dimensions: [
          expect.objectContaining({ value: 'ARRONDISSEMENT' }),
          expect.objectContaining({ value: 'PROTECTED_GENDER' }),
        ],
        scope: { kind: 'zone', code: '5345' },
      },
      format: 'json',
      out: 'r.json',
      url: 'https://gw.example/graphql',
      token: 'T',
    });
  });

  it('defaults to CSV on stdout, the local gateway, the token\'s territory',
    () => {
      const command = parseReportArgs(['--period', '2026'],
        { ALARM_TOKEN: 'from-env' });
      expect(command).toMatchObject({
        format: 'csv', out: undefined, url: DEFAULT_URL, token: 'from-env',
        request: { scope: { kind: 'own' }, dimensions: [] },
      });
    });

  it('cuts the period with --each', () => {
    const command = parseReportArgs(
      ['--period', '2026', '--each', 'quarter', '--token', 'T'], {});
    expect(command.request.periods).toHaveLength(4);
  });

  it.each([
    [['--period', '2026'], /--token \(or ALARM_TOKEN\) is required/],
    [['--token', 'T'], /^--period must be 2026-07, .*got ""$/],
    [['--token', 'T', '--period', '2026-Q5'], /^--period must be .*"2026-Q5"$/],
    [['--token', 'T', '--period', '2026', '--by', 'colour'],
      /^--by must be one of .*got "colour"$/],
    [['--token', 'T', '--period', '2026', '--scope', 'zone'],
      /^--scope must be national, .*got "zone"$/],
    [['--token', 'T', '--period', '2026', '--format', 'xlsx'],
      /^--format must be csv or json, got "xlsx"$/],
    [['--token', 'T', '--period', '2026-07', '--each', 'month'],
      /^--each must be .*got "month of 2026-07"$/],
    [['--token', 'T', '--period', '2026', '--each', 'week'],
      /^--each must be month or quarter, got "week"$/],
    [['--token', 'T', '--period', '2026', '--url', 'ws://gw/graphql'],
      /^--url must be an http:\/\/ or https:\/\/ URL, got "ws:\/\/gw\/graphql"$/],
    [['--token', 'T', '--period', '2026', '--out', ''], /--out must name/],
    [['--token', 'T', '--colour', 'red'], /Unknown option '--colour'/],
  ])('refuses %j', (args, message) => {
    expect(() => parseReportArgs(args, {})).toThrow(UsageError);
    expect(() => parseReportArgs(args, {})).toThrow(message);
  });

  it('exits 0 written, 1 refused, 2 token refused, 3 gateway failed', () => {
    expect(exitCodeOf({ kind: 'written', rows: 1 })).toBe(0);
    expect(exitCodeOf({ kind: 'refused', message: '' })).toBe(1);
    expect(exitCodeOf({ kind: 'unauthenticated', message: '' })).toBe(2);
    expect(exitCodeOf({ kind: 'failed', message: '' })).toBe(3);
  });
});

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

async function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<Run> {
  const tsx = require.resolve('tsx/cli');
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!env.ALARM_TOKEN) delete childEnv.ALARM_TOKEN;
  delete childEnv.GATEWAY_URL;
  const child = spawn(process.execPath,
    [tsx, join('scripts', 'report.ts'), ...args],
    { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += String(chunk)));
  child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  const [code] = await once(child, 'exit');
  return { code: code as number | null, stdout, stderr };
}

describe('scripts/report: against the gateway', () => {
  const database = sqliteDatabase();
  let stack: Awaited<ReturnType<typeof startDemoGraph>>;
  let analyst: string;
  let directory: string;

  beforeAll(async () => {
    stack = await startDemoGraph(await database.create());
    analyst = await stack.token({ role: 'analyst' });
    directory = await mkdtemp(join(tmpdir(), 'sat-report-'));
  }, 120_000);

  afterAll(async () => {
    await stack?.cleanUp();
    await database.drop();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  const asked = (...args: string[]) =>
    ['--url', stack.gatewayUrl, '--token', analyst, ...args];

  it('writes the CSV on stdout, one row per cell and a total', async () => {
    const run = await runCli(asked('--period', '2026', '--by', 'zone'));
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^period;scope;row;zone;requests;grants;/);
    expect(lines[0]).toMatch(/;stock_available;.*;support_taken_up_renewal$/);
    expect(lines[1]).toMatch(/^2026;national;cell;\d{4};/);
    expect(lines.at(-1)).toMatch(/^2026;national;total;;/);
    // No terminal: no bar, nothing but the file.
    expect(run.stderr).toBe('');
  });

  it('writes JSON to --out, with ALARM_TOKEN, and says how many rows',
    async () => {
      const out = join(directory, 'q3.json');
      const run = await runCli([
        '--url', stack.gatewayUrl, '--period', '2026-Q3', '--by', 'gender',
        '--format', 'json', '--out', out,
      ], { ALARM_TOKEN: analyst });
      expect(run.code).toBe(0);
      expect(run.stdout).toBe('');
      const document = JSON.parse(await readFile(out, 'utf8')) as {
        scope: string; rows: unknown[];
      };
      expect(document.scope).toBe('national');
      expect(run.stderr).toBe(`${document.rows.length} rows written to ${out}\n`);
    });

  it('moves the bar once per period answered', async () => {
    const drawn: string[] = [];
    const command = parseReportArgs(
      asked('--period', '2026-Q3', '--each', 'month'), {});
    let file = '';
    const end = await runReportCommand({
      command,
      write: (text) => (file += text),
      progress: terminalProgress({
        write: (text) => drawn.push(text), isTTY: true, width: 3,
      }),
    });
    expect(end).toEqual({ kind: 'written', rows: 3 });
    expect(drawn.map((text) => text.replace('\r\x1b[2K', ''))).toEqual([
      '[---] 0/3 periods', '[#--] 1/3 periods', '[##-] 2/3 periods',
      '[###] 3/3 periods', '',
    ]);
    expect(file.split('\r\n').slice(1, 4).map((l) => l.slice(0, 7)))
      .toEqual(['2026-07', '2026-08', '2026-09']);
  });

  it('prints the usage and exits 1 on a bad option, naming it', async () => {
    const run = await runCli(asked('--period', '2026-13'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--period must be 2026-07, 2026-Q3, 2026 '
      + 'or 2026-01-01..2026-03-31, got "2026-13"');
    expect(run.stderr).toContain('Usage: npm run report');
    expect(run.stdout).toBe('');
  });

  it('exits 1 when the gateway refuses the territory, writing no file',
    async () => {
      const token = await stack.token(
        { role: 'magistrate', arrondissement: 'ANT' });
      const out = join(directory, 'refused.csv');
      const run = await runCli(['--url', stack.gatewayUrl, '--token', token,
        '--period', '2026', '--scope', 'arrondissement:BRU', '--out', out]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^The gateway refused the report: .*\[FORBIDDEN\]\n$/);
      await expect(readFile(out)).rejects.toThrow(/ENOENT/);
    });

  it('exits 1 for victim support, who reads no statistics', async () => {
    const token = await stack.token(
      { role: 'victim-support', arrondissement: 'ANT' });
    const run = await runCli(['--url', stack.gatewayUrl, '--token', token,
      '--period', '2026']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[FORBIDDEN]');
  });

  it('exits 2 when the token is refused, never printing it', async () => {
    const run = await runCli(['--url', stack.gatewayUrl, '--token',
      'forged-token', '--period', '2026']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('[UNAUTHENTICATED]');
    expect(run.stderr).not.toContain('forged-token');
  });

  it('exits 3 when no gateway answers', async () => {
    const run = await runCli(['--url', 'http://127.0.0.1:9/graphql',
      '--token', analyst, '--period', '2026']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      'The gateway at http://127.0.0.1:9/graphql cannot be reached');
  });
});
