/**
 * The life of a benchmark script (scripts/bench-*.ts): its command line
 * read, `--help` answered, Ctrl-C turned into an abort that the bench
 * answers by stopping and removing what it started, and its exit code:
 * what the run answers (0, or 1 when it found a fault), 1 when the
 * bench could not run, 2 for a bad command line, 130 when interrupted.
 */
import { killLeftChildren } from './process/child';
import { BenchUsageError } from './usage';

export interface BenchScript<TCommand extends { readonly help: boolean }> {
  /** As the messages name it: "alert bench". */
  readonly name: string;
  readonly usage: string;
  /** Reads the command line; throws a BenchUsageError to refuse it. */
  parse(args: readonly string[]): TCommand;
  /** Runs the bench; answers the exit code. */
  run(
    command: TCommand,
    args: readonly string[],
    signal: AbortSignal,
  ): Promise<number>;
}

/** Runs `script` on this process's arguments and sets its exit code. */
export function runBenchScript<TCommand extends { readonly help: boolean }>(
  script: BenchScript<TCommand>,
): void {
  // Whatever path the bench leaves by, no process of its own outlives it.
  process.on('exit', killLeftChildren);
  main(script, process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`The ${script.name} could not run: ${message}\n`);
      process.exitCode = 1;
    },
  );
}

async function main<TCommand extends { readonly help: boolean }>(
  script: BenchScript<TCommand>,
  args: readonly string[],
): Promise<number> {
  let command: TCommand;
  try {
    command = script.parse(args);
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`${error.message}\n${script.usage}\n`);
    return 2;
  }
  if (command.help) {
    process.stdout.write(`${script.usage}\n`);
    return 0;
  }

  // Kept for the whole run: a second Ctrl-C (npm and tsx pass the
  // signal on too) must not end the process before it has cleaned up.
  const controller = new AbortController();
  const interrupt = () => {
    if (!controller.signal.aborted) {
      process.stderr.write('Stopping: cleaning up what the bench started…\n');
    }
    controller.abort(new Error('Interrupted'));
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  try {
    return await script.run(command, args, controller.signal);
  } catch (error) {
    if (!controller.signal.aborted) throw error;
    process.stderr.write('Interrupted: what the bench started was stopped.\n');
    return 130;
  }
}
