import { installShutdown, runShutdownSteps, type ExitCode } from './shutdown';
import { recordLogs } from '../test/support/servers';

function step(name: string, calls: string[], outcome: 'ok' | 'fail' = 'ok') {
  return {
    name,
    run: async () => {
      calls.push(name);
      if (outcome === 'fail') throw new Error(`${name} broke`);
    },
  };
}

describe('runShutdownSteps', () => {
  it('runs the steps in order and answers 0', async () => {
    const calls: string[] = [];
    const { logger, lines } = recordLogs();
    const code = await runShutdownSteps({
      logger,
      steps: [step('http', calls), step('database', calls)],
      timeoutMs: 1000,
    });
    expect(code).toBe(0);
    expect(calls).toEqual(['http', 'database']);
    const done = lines().filter((line) => line.msg === 'shutdown step done');
    expect(done.map((line) => line.step)).toEqual(['http', 'database']);
  });

  it('goes on after a failing step and answers 1', async () => {
    const calls: string[] = [];
    const { logger, lines } = recordLogs();
    const code = await runShutdownSteps({
      logger,
      steps: [step('http', calls, 'fail'), step('database', calls)],
      timeoutMs: 1000,
    });
    expect(code).toBe(1);
    expect(calls).toEqual(['http', 'database']);
    expect(lines().some((line) => line.msg === 'shutdown step failed')).toBe(
      true,
    );
  });

  it('answers 1 when the steps outlast the timeout', async () => {
    const { logger, lines } = recordLogs();
    const code = await runShutdownSteps({
      logger,
      steps: [{ name: 'stuck', run: () => new Promise(() => undefined) }],
      timeoutMs: 30,
    });
    expect(code).toBe(1);
    const timedOut = lines().find((line) => line.msg === 'shutdown timed out');
    expect(timedOut).toMatchObject({ step: 'stuck', timeoutMs: 30 });
  });
});

describe('installShutdown', () => {
  it('runs the steps once on the signal, then exits', async () => {
    const calls: string[] = [];
    const codes: ExitCode[] = [];
    const exited = new Promise<void>((resolve) => {
      const uninstall = installShutdown({
        logger: recordLogs().logger,
        steps: [step('http', calls)],
        timeoutMs: 1000,
        signals: ['SIGUSR2'],
        exit: (code) => {
          codes.push(code);
          uninstall();
          resolve();
        },
      });
    });
    process.emit('SIGUSR2', 'SIGUSR2');
    await exited;
    expect(calls).toEqual(['http']);
    expect(codes).toEqual([0]);
  });

  it('exits at once with 1 on a second signal', async () => {
    const codes: ExitCode[] = [];
    const uninstall = installShutdown({
      logger: recordLogs().logger,
      steps: [{ name: 'slow', run: () => new Promise(() => undefined) }],
      timeoutMs: 50,
      signals: ['SIGUSR2'],
      exit: (code) => codes.push(code),
    });
    process.emit('SIGUSR2', 'SIGUSR2');
    process.emit('SIGUSR2', 'SIGUSR2');
    uninstall();
    expect(codes).toEqual([1]);
  });
});
