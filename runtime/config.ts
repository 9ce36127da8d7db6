/**
 * Typed configuration from environment variables.
 *
 * A process declares its options once, as a spec whose keys are the
 * variable names and whose values say how to read each one and what its
 * default is. `readConfig` reads them all at start-up and fails with one
 * `ConfigError` naming every variable that is wrong and the value it had,
 * so an operator fixes a deployment in one round instead of one per
 * variable.
 *
 * An empty variable (`PORT=`) counts as unset: shells and compose files
 * produce empty strings far more often than anyone means one.
 */

/** A variable was missing or held a value its option does not accept. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

/** What parsing a raw value gives: the value, or what was expected. */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly expected: string };

/** What an option answers when its variable is unset. */
export type WhenUnset<T> =
  | { readonly kind: 'default'; readonly value: T }
  | { readonly kind: 'required' }
  | { readonly kind: 'optional' };

/** How to read one variable. Build these with the combinators below. */
export interface Option<T> {
  readonly parse: (raw: string) => Parsed<T>;
  /** What the option accepts, in words: errors and the docs say it. */
  readonly expected: string;
  readonly whenUnset: WhenUnset<T>;
  /** A secret's bad value is never repeated in an error (nor a log). */
  readonly secret?: boolean;
}

/** A set of options keyed by variable name. */
export type ConfigSpec = Readonly<Record<string, Option<unknown>>>;

/** The typed object `readConfig` returns for a spec. */
export type ConfigOf<S extends ConfigSpec> = {
  readonly [K in keyof S]: S[K] extends Option<infer T> ? T : never;
};

/**
 * What each option of a spec is for, in one or two sentences, for the
 * generated documentation (scripts/config-docs.ts). Keyed like the spec,
 * so an option added without its sentence fails the type check.
 */
export type ConfigDocs<S extends ConfigSpec> = {
  readonly [K in keyof S]: string;
};

interface DefaultOnly<T> {
  /** Used when the variable is unset; without it the variable is required. */
  readonly default?: T;
}

function valid<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

function invalid<T>(expected: string): Parsed<T> {
  return { ok: false, expected };
}

function unsetRule<T>(options: DefaultOnly<T> | undefined): WhenUnset<T> {
  return options?.default === undefined
    ? { kind: 'required' }
    : { kind: 'default', value: options.default };
}

/** Any non-empty string. */
export function string(options?: DefaultOnly<string>): Option<string> {
  const expected = 'any text';
  return { parse: valid, expected, whenUnset: unsetRule(options) };
}

export interface IntegerOptions extends DefaultOnly<number> {
  /** Smallest accepted value; default Number.MIN_SAFE_INTEGER. */
  readonly min?: number;
  /** Largest accepted value; default Number.MAX_SAFE_INTEGER. */
  readonly max?: number;
}

function describeRange(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) {
    return `an integer from ${min} to ${max}`;
  }
  if (min !== undefined) return `an integer of at least ${min}`;
  if (max !== undefined) return `an integer of at most ${max}`;
  return 'an integer';
}

/** A whole number in decimal, within [min, max]. */
export function integer(options: IntegerOptions = {}): Option<number> {
  const expected = describeRange(options.min, options.max);
  const min = options.min ?? Number.MIN_SAFE_INTEGER;
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  const inRange = (n: number) =>
    Number.isSafeInteger(n) && n >= min && n <= max;
  if (options.default !== undefined && !inRange(options.default)) {
    // A programmer's mistake in the spec itself, not an operator's.
    throw new TypeError(`Default ${options.default} is not ${expected}`);
  }
  const parse = (raw: string): Parsed<number> => {
    const value = Number(raw);
    const ok = /^-?\d+$/.test(raw) && inRange(value);
    return ok ? valid(value) : invalid(expected);
  };
  return { parse, expected, whenUnset: unsetRule(options) };
}

const TRUE_WORDS = ['true', '1', 'yes'];
const FALSE_WORDS = ['false', '0', 'no'];

/** true/false, 1/0 or yes/no, in any case. */
export function boolean(options?: DefaultOnly<boolean>): Option<boolean> {
  const expected = 'true or false (also 1/0, yes/no)';
  const parse = (raw: string): Parsed<boolean> => {
    const word = raw.toLowerCase();
    if (TRUE_WORDS.includes(word)) return valid(true);
    if (FALSE_WORDS.includes(word)) return valid(false);
    return invalid(expected);
  };
  return { parse, expected, whenUnset: unsetRule(options) };
}

/** One of a fixed list of words, matched exactly. */
export function oneOf<const V extends readonly string[]>(
  values: V,
  options?: DefaultOnly<V[number]>,
): Option<V[number]> {
  const expected = `one of ${values.join(', ')}`;
  const parse = (raw: string): Parsed<V[number]> =>
    values.includes(raw) ? valid(raw) : invalid(expected);
  return { parse, expected, whenUnset: unsetRule(options) };
}

export interface UrlOptions extends DefaultOnly<string> {
  /** Accepted schemes, with their colon; default http: and https:. */
  readonly protocols?: readonly string[];
}

/**
 * An absolute URL with a host; answers the string as given. The host is
 * checked because the WHATWG parser accepts `redis:6379` or `mysql:db`
 * (a scheme other than http's, then a path) as URLs with no host at all.
 */
export function url(options: UrlOptions = {}): Option<string> {
  const protocols = options.protocols ?? ['http:', 'https:'];
  const schemes = protocols.map((p) => p.replace(/:$/, '')).join(' or ');
  const expected = `an absolute ${schemes} URL`;
  const parse = (raw: string): Parsed<string> => {
    if (!URL.canParse(raw)) return invalid(expected);
    const { protocol, hostname } = new URL(raw);
    const ok = protocols.includes(protocol) && hostname !== '';
    return ok ? valid(raw) : invalid(expected);
  };
  return { parse, expected, whenUnset: unsetRule(options) };
}

/** A Redis server's URL: `redis://`, or `rediss://` for TLS. */
export function redisUrl(options: DefaultOnly<string> = {}): Option<string> {
  return url({ ...options, protocols: ['redis:', 'rediss:'] });
}

/** Makes an option answer `undefined` when its variable is unset. */
export function optional<T>(option: Option<T>): Option<T | undefined> {
  return { ...option, whenUnset: { kind: 'optional' } };
}

/** Marks an option as a secret: its errors do not show the value. */
export function secret<T>(option: Option<T>): Option<T> {
  return { ...option, secret: true };
}

/** A JSON document that `check` accepts, described by `expected`. */
export function json<T>(
  check: (value: unknown) => value is T,
  expected: string,
  options?: DefaultOnly<T>,
): Option<T> {
  const parse = (raw: string): Parsed<T> => {
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return invalid(expected);
    }
    return check(value) ? valid(value) : invalid(expected);
  };
  return { parse, expected, whenUnset: unsetRule(options) };
}

type Reading<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: string };

/** Reads one variable; answers the value or the problem with it. */
function readOption<T>(
  name: string,
  option: Option<T>,
  raw: string | undefined,
): Reading<T | undefined> {
  if (raw === undefined || raw === '') {
    const rule = option.whenUnset;
    switch (rule.kind) {
      case 'default':
        return { ok: true, value: rule.value };
      case 'optional':
        return { ok: true, value: undefined };
      case 'required':
        return { ok: false, problem: `${name} is required` };
      default: {
        const impossible: never = rule;
        throw new Error(`Unknown unset rule ${JSON.stringify(impossible)}`);
      }
    }
  }
  const parsed = option.parse(raw);
  if (parsed.ok) return parsed;
  const got = option.secret ? 'a value not shown here' : JSON.stringify(raw);
  const problem = `${name} must be ${parsed.expected}, got ${got}`;
  return { ok: false, problem };
}

/**
 * Reads every option of `spec` from `env`; throws one ConfigError listing
 * each bad or missing variable.
 */
export function readConfig<S extends ConfigSpec>(
  spec: S,
  env: NodeJS.ProcessEnv = process.env,
): ConfigOf<S> {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, option] of Object.entries(spec)) {
    const result = readOption(name, option, env[name]);
    if (result.ok) values[name] = result.value;
    else problems.push(result.problem);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return values as ConfigOf<S>;
}
