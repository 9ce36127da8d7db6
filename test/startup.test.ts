/**
 * Each process checks its configuration before doing anything else, and
 * a bad one stops it with a non-zero exit code and a message naming the
 * variable and the value. The real entry points are run, as an operator
 * would run them.
 */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

interface Exit {
  readonly code: number | null;
  /** Standard output and error, one log line each. */
  readonly lines: Record<string, unknown>[];
}

/** A process killed by a signal has no exit code. */
function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

/**
 * Runs an entry point with only `env` (and PATH) set. A process that
 * starts instead of stopping is killed after a while, and fails the test.
 */
function run(args: readonly string[], env: NodeJS.ProcessEnv) {
  const path = dirname(process.execPath);
  return new Promise<Exit>((resolve) => {
    execFile(
      TSX,
      [...args],
      { cwd: ROOT, env: { PATH: path, ...env }, timeout: 20_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : numberOrNull(error.code);
        const text = `${stdout}\n${stderr}`.split('\n');
        const lines = text
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as Record<string, unknown>);
        resolve({ code, lines });
      },
    );
  });
}

function problemsOf(exit: Exit): unknown {
  return exit.lines.find((line) => line.msg === 'invalid configuration')
    ?.problems;
}

describe('start-up: the subgraph process', () => {
  it('stops on a bad port and an unknown driver, naming both', async () => {
    const exit = await run(['subgraphs/main.ts', 'bng'], {
      SUBGRAPH_PORT: 'abc',
      DB_DRIVER: 'oracle',
    });
    expect(exit.code).toBe(1);
    expect(problemsOf(exit)).toEqual([
      'SUBGRAPH_PORT must be an integer from 0 to 65535, got "abc"',
      'DB_DRIVER must be one of sqlite, mysql, got "oracle"',
    ]);
  });

  it('stops when the driver is mysql and MYSQL_URL is missing', async () => {
    const exit = await run(['subgraphs/main.ts', 'mach'], {
      DB_DRIVER: 'mysql',
    });
    expect(exit.code).toBe(1);
    expect(problemsOf(exit)).toEqual([
      'MYSQL_URL is required when DB_DRIVER is mysql',
    ]);
  });

  it('stops on an unknown subgraph name, naming it', async () => {
    const exit = await run(['subgraphs/main.ts', 'interpol'], {});
    expect(exit.code).toBe(2);
    expect(exit.lines).toEqual([
      expect.objectContaining({
        level: 'fatal',
        got: 'interpol',
        msg: expect.stringContaining('unknown subgraph "interpol"'),
      }),
    ]);
  });
});

describe('start-up: the gateway process', () => {
  it('stops on a negative port, naming it', async () => {
    const exit = await run(['gateway/main.ts'], { GATEWAY_PORT: '-1' });
    expect(exit.code).toBe(1);
    expect(problemsOf(exit)).toEqual([
      'GATEWAY_PORT must be an integer from 0 to 65535, got "-1"',
    ]);
  });

  it('stops in production without the identity provider', async () => {
    const exit = await run(['gateway/main.ts'], { NODE_ENV: 'production' });
    expect(exit.code).toBe(1);
    expect(problemsOf(exit)).toEqual(
      expect.arrayContaining([
        'AUTH_JWKS_URL is required when NODE_ENV is production',
      ]),
    );
  });
});
