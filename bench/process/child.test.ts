import { join } from 'node:path';
import { liveChildren, startChild, type Child } from './child';
import type { FixtureRequests } from './fixture-process';

const ENTRY = join(__dirname, 'fixture-process.ts');

function startFixture(
  env: Readonly<Record<string, string>> = {},
): Child<FixtureRequests> {
  return startChild<FixtureRequests>({
    name: 'fixture',
    entry: ENTRY,
    env,
    requestTimeoutMs: 10_000,
    stopGraceMs: 500,
  });
}

/** Whether the process `pid` still runs (a zombie runs no more). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('bench process channel', () => {
  let child: Child<FixtureRequests>;

  beforeAll(() => {
    child = startFixture();
  });

  afterAll(() => child.stop());

  it('matches each reply to its request by id', async () => {
    const slow = child.ask('echo', { text: 'slow', ms: 300 });
    const fast = child.ask('echo', { text: 'fast', ms: 0 });
    await expect(fast).resolves.toBe('fast');
    await expect(slow).resolves.toBe('slow');
  });

  it('rejects a failed request with its message, naming the request',
    async () => {
      await expect(child.ask('fail', 'no store'))
        .rejects.toThrow('The fixture process failed at fail: no store');
    });

  it('rejects a request not answered in time, and goes on', async () => {
    await expect(child.ask('hang', undefined, 200)).rejects.toThrow(
      'The fixture process did not answer hang within 200 ms');
    await expect(child.ask('echo', { text: 'still', ms: 0 }))
      .resolves.toBe('still');
  });
});

describe('bench process life', () => {
  it('rejects what is pending when the process exits, and what follows',
    async () => {
      const child = startFixture();
      const pending = child.ask('hang');
      await expect(child.ask('exit', 3))
        .rejects.toThrow('The fixture process exited (code 3)');
      await expect(pending)
        .rejects.toThrow('The fixture process exited (code 3)');
      await expect(child.ask('echo', { text: 'late', ms: 0 }))
        .rejects.toThrow('The fixture process exited (code 3)');
      await child.stop();
    });

  it('stops a process that answers stop', async () => {
    const child = startFixture();
    await child.ask('echo', { text: 'up', ms: 0 });
    await child.stop();
    expect(running(child.pid)).toBe(false);
  });

  it('kills a process that does not stop within its grace period',
    async () => {
      const child = startFixture({ FIXTURE_STOP: 'hang' });
      await child.ask('echo', { text: 'up', ms: 0 });
      const begun = Date.now();
      await child.stop();
      expect(Date.now() - begun).toBeGreaterThanOrEqual(450);
      expect(running(child.pid)).toBe(false);
    });

  it('leaves no process behind', () => {
    expect(liveChildren()).toBe(0);
  });
});
