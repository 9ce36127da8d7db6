/**
 * What the benchmark scripts share in reading their command lines: the
 * error for a command line they cannot run, and the readers of a value
 * that name the option and the bad value when they refuse it.
 */

/** A command line the bench cannot run; the message says why. */
export class BenchUsageError extends Error {
  override readonly name = 'BenchUsageError';
}

/** A whole number in [min, max], or `fallback` when the option is absent. */
export function wholeNumber(
  name: string,
  text: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (text === undefined) return fallback;
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new BenchUsageError(`${name} must be a whole number from ${min} ` +
      `to ${max}, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** One of `choices`, or `fallback` when the option is absent. */
export function oneOf<T extends string>(
  name: string,
  text: string | undefined,
  fallback: T,
  choices: readonly T[],
): T {
  if (text === undefined) return fallback;
  const found = choices.find((choice) => choice === text);
  if (found === undefined) {
    throw new BenchUsageError(`${name} must be one of ${choices.join(', ')}, ` +
      `got ${JSON.stringify(text)}`);
  }
  return found;
}
