import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import {
  DEFAULT_URL,
  exitCodeOf,
  parseAlertsArgs,
  UsageError,
} from '../../scripts/alerts';
import {
  alertEventOf,
  startAlertStream,
  type AlertStream,
} from '../support/alert-stream';
import { waitFor } from '../support/wait';

const ROOT = join(__dirname, '..', '..');
const TOKEN = 'token-of-a-cic';

describe('scripts/alerts: command line', () => {
  it('reads the token, the start and the address', () => {
    const url = 'wss://gw.example/graphql';
    const args = ['--token', 'T', '--since', '41', '--url', url];
    expect(parseAlertsArgs(args, {})).toEqual({
      token: 'T',
      since: '41',
      url,
    });
  });

  it('takes the token from ALARM_TOKEN and the address from GATEWAY_URL',
    () => {
      const env = {
        ALARM_TOKEN: 'from-env',
        GATEWAY_URL: 'https://gw.example/graphql',
      };
      expect(parseAlertsArgs([], env)).toEqual({
        token: 'from-env',
        since: undefined,
        url: 'wss://gw.example/graphql',
      });
    });

  it('defaults to the local gateway', () => {
    expect(parseAlertsArgs(['--token', 'T'], {}).url).toBe(DEFAULT_URL);
  });

  it.each([
    [[], /--token \(or ALARM_TOKEN\) is required/],
    [['--token', 'T', '--since', 'last'], /--since must be a sequence .*"last"/],
    [['--token', 'T', '--since=-3'], /--since must be a sequence .*"-3"/],
    [['--token', 'T', '--url', 'ftp://gw/graphql'], /--url must be a ws/],
    [['--token', 'T', '--url', 'gateway:4000'], /--url must be a ws/],
    [['--token', 'T', '--colour', 'red'], /Unknown option '--colour'/],
    [['--token', 'T', 'extra'], /Unexpected argument 'extra'/],
  ])('refuses %j', (args, message) => {
    expect(() => parseAlertsArgs(args, {})).toThrow(UsageError);
    expect(() => parseAlertsArgs(args, {})).toThrow(message);
  });

  it('exits 0 when stopped, 1 when failed, 2 when the token is refused',
    () => {
      expect(exitCodeOf({ kind: 'stopped' })).toBe(0);
      expect(exitCodeOf({ kind: 'failed', message: 'x' })).toBe(1);
      expect(exitCodeOf({ kind: 'refused', message: 'x' })).toBe(2);
    });
});

/** The CLI as `npm run alerts` runs it, with what it printed. */
interface Run {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** The exit code once the process has ended. */
  readonly exited: Promise<number | null>;
}

function runCli(args: readonly string[]): Run {
  const tsx = require.resolve('tsx/cli');
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.ALARM_TOKEN;
  delete env.GATEWAY_URL;
  const child = spawn(
    process.execPath,
    [tsx, join('scripts', 'alerts.ts'), ...args],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += String(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

describe('scripts/alerts: the process', () => {
  let stream: AlertStream;

  beforeAll(async () => {
    stream = await startAlertStream({ token: TOKEN });
    stream.commit(alertEventOf(1));
  });

  afterAll(() => stream.close());

  it('prints the usage and exits 1 on a bad command line', async () => {
    const run = runCli(['--since', 'soon']);
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain('--token (or ALARM_TOKEN) is required');
    expect(run.stderr()).toContain('Usage: npm run alerts -- --token <jwt>');
    expect(run.stdout()).toBe('');
  });

  it('exits 2 with a clear message when the token is refused', async () => {
    const url = stream.url;
    const run = runCli(['--token', 'forged', '--since', '0', '--url', url]);
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toContain('The gateway refused the token (4403');
    expect(run.stderr()).not.toContain('forged');
    expect(run.stdout()).toBe('');
  });

  it('follows until Ctrl-C, then exits 0', async () => {
    const run = runCli(['--token', TOKEN, '--since', '0', '--url', stream.url]);
    await waitFor('event 1 printed', () => run.stdout().startsWith('#1 '));
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.stderr()).toContain(`Connected to ${stream.url}, after 0`);
  });
});
