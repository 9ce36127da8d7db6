/**
 * Graceful shutdown: on SIGTERM (the orchestrator) or SIGINT (Ctrl-C),
 * run the process's closing steps in order, once, and exit.
 *
 * Order matters: the HTTP server stops taking requests before the things
 * those requests need (subgraph connections, databases) are closed.
 */
import type { Logger } from './logger';

export interface ShutdownStep {
  /** Names the step in the log. */
  readonly name: string;
  readonly run: () => Promise<void>;
}

export interface ShutdownOptions {
  readonly logger: Logger;
  /** Run one after the other; a failing step does not stop the next. */
  readonly steps: readonly ShutdownStep[];
  /** All steps together must end within this, else exit code 1. */
  readonly timeoutMs: number;
}

export type ExitCode = 0 | 1;

async function runStep(step: ShutdownStep, logger: Logger): Promise<boolean> {
  const started = performance.now();
  try {
    await step.run();
    const durationMs = Math.round(performance.now() - started);
    logger.info({ step: step.name, durationMs }, 'shutdown step done');
    return true;
  } catch (error) {
    logger.error({ step: step.name, err: error }, 'shutdown step failed');
    return false;
  }
}

/**
 * Runs the steps in order and answers the exit code: 0 when all succeed
 * within the timeout, 1 otherwise. Steps still running at the timeout are
 * left behind; the caller exits anyway.
 */
export async function runShutdownSteps(
  options: ShutdownOptions,
): Promise<ExitCode> {
  const { logger, steps, timeoutMs } = options;
  let current = '';
  const runAll = async (): Promise<ExitCode> => {
    let code: ExitCode = 0;
    for (const step of steps) {
      current = step.name;
      if (!(await runStep(step, logger))) code = 1;
    }
    return code;
  };

  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<ExitCode>((resolve) => {
    timer = setTimeout(() => {
      logger.error({ step: current, timeoutMs }, 'shutdown timed out');
      resolve(1);
    }, timeoutMs);
  });
  try {
    return await Promise.race([runAll(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export interface InstallShutdownOptions extends ShutdownOptions {
  /** Default SIGTERM and SIGINT. */
  readonly signals?: readonly NodeJS.Signals[];
  /** Default process.exit; tests pass a recorder. */
  readonly exit?: (code: ExitCode) => void;
}

/**
 * Runs the steps on the first signal and exits. A second signal while
 * they run exits at once with 1: someone pressing Ctrl-C twice means it.
 * Answers a function that removes the handlers.
 */
export function installShutdown(options: InstallShutdownOptions): () => void {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const exit = options.exit ?? ((code: ExitCode) => process.exit(code));
  const { logger } = options;
  let started = false;

  const onSignal = (signal: NodeJS.Signals) => {
    if (started) {
      logger.warn({ signal }, 'second signal during shutdown; exiting now');
      exit(1);
      return;
    }
    started = true;
    logger.info({ signal }, 'shutting down');
    void runShutdownSteps(options).then((code) => {
      logger.info({ code }, 'shutdown complete');
      exit(code);
    });
  };

  for (const signal of signals) process.on(signal, onSignal);
  return () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
}
