/**
 * The options of the SharePoint devices adapter, declared once with their
 * defaults, and their validation: every problem is reported at once, in
 * one TypeError that names the option and shows the bad value (never the
 * client secret's).
 */

/** Where each of the inventory's lists is: its id or its display name. */
export interface DevicesLists {
  readonly devices: string;
  readonly dailyReports: string;
  readonly grantRegistrations: string;
  readonly shortages: string;
}

/** Receives the retries' events; pino's Logger fits. */
export interface RetryLogger {
  warn(event: Record<string, unknown>, message: string): void;
}

export interface GraphDevicesOptions {
  /** Microsoft Graph's root; default `https://graph.microsoft.com/v1.0`. */
  readonly baseUrl?: string;
  /** The site holding the lists: its Graph id (`host,site-id,web-id`). */
  readonly siteId: string;
  readonly lists: DevicesLists;
  /**
   * The tenant's OAuth2 token endpoint, such as
   * `https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token`.
   */
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Default `https://graph.microsoft.com/.default`. */
  readonly scope?: string;
  /** One HTTP exchange, body included; default 10000 ms. */
  readonly timeoutMs?: number;
  /**
   * Retries of one request after a 429, a 5xx or a network failure;
   * default 3. A timeout is not retried: see README.md.
   */
  readonly maxRetries?: number;
  /**
   * The longest `Retry-After` honoured (and the cap of the backoff); a
   * longer one fails at once. Default 30000 ms.
   */
  readonly maxRetryAfterMs?: number;
  /**
   * Items per page, sent as `$top`; default 999. Graph serves 200 items
   * a page without it and at most 5000.
   */
  readonly pageSize?: number;
  /** Used for every exchange; default the global `fetch`. */
  readonly fetch?: typeof fetch;
  /** Told of every retry; default: nobody. */
  readonly logger?: RetryLogger;
  /**
   * Waits before a retry, rejecting when `signal` aborts; default a
   * timer. Tests pass one that records the waits instead.
   */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Milliseconds since the epoch, for the token's expiry; default Date.now. */
  readonly now?: () => number;
}

/** The options once checked, every default filled in. */
export interface GraphSettings {
  readonly baseUrl: string;
  readonly siteId: string;
  readonly lists: DevicesLists;
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scope: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly maxRetryAfterMs: number;
  readonly pageSize: number;
  readonly fetch: typeof fetch;
  readonly logger: RetryLogger | null;
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly now: () => number;
}

export const GRAPH_DEFAULTS = {
  baseUrl: 'https://graph.microsoft.com/v1.0',
  scope: 'https://graph.microsoft.com/.default',
  timeoutMs: 10_000,
  maxRetries: 3,
  maxRetryAfterMs: 30_000,
  pageSize: 999,
} as const;

/** Graph's own ceiling for `$top` on list items. */
const MAX_PAGE_SIZE = 5000;
const MAX_RETRIES = 10;
const LIST_NAMES = [
  'devices',
  'dailyReports',
  'grantRegistrations',
  'shortages',
] as const;

/** Checks the options; throws one TypeError listing every problem. */
export function checkOptions(options: GraphDevicesOptions): GraphSettings {
  const given: Partial<GraphDevicesOptions> = options ?? {};
  const check = new Checker();
  const baseUrl = given.baseUrl ?? GRAPH_DEFAULTS.baseUrl;
  const scope = given.scope ?? GRAPH_DEFAULTS.scope;

  const settings: GraphSettings = {
    baseUrl: trimSlash(check.take('baseUrl', baseUrl, urlProblem(baseUrl))),
    siteId: check.take('siteId', given.siteId, siteProblem(given.siteId))!,
    lists: check.take('lists', given.lists, listsProblem(given.lists))!,
    tokenUrl: check.take('tokenUrl', given.tokenUrl,
      urlProblem(given.tokenUrl))!,
    clientId: check.take('clientId', given.clientId,
      textProblem(given.clientId))!,
    clientSecret: check.take('clientSecret', given.clientSecret,
      secretProblem(given.clientSecret))!,
    scope: check.take('scope', scope, textProblem(scope)),
    timeoutMs: check.integer('timeoutMs', given.timeoutMs,
      GRAPH_DEFAULTS.timeoutMs, 1),
    maxRetries: check.integer('maxRetries', given.maxRetries,
      GRAPH_DEFAULTS.maxRetries, 0, MAX_RETRIES),
    maxRetryAfterMs: check.integer('maxRetryAfterMs', given.maxRetryAfterMs,
      GRAPH_DEFAULTS.maxRetryAfterMs, 0),
    pageSize: check.integer('pageSize', given.pageSize,
      GRAPH_DEFAULTS.pageSize, 1, MAX_PAGE_SIZE),
    fetch: check.callable('fetch', given.fetch ?? globalThis.fetch),
    logger: given.logger ?? null,
    sleep: check.callable('sleep', given.sleep ?? sleep),
    now: check.callable('now', given.now ?? Date.now),
  };

  if (check.problems.length > 0) {
    throw new TypeError(
      `Invalid SharePoint devices options: ${check.problems.join('; ')}`);
  }
  return settings;
}

/** Private: collects the problems of the options, in order. */
class Checker {
  readonly problems: string[] = [];

  /** Answers `value`, noting `problem` against `name` when there is one. */
  take<T>(name: string, value: T, problem: string | null): T {
    if (problem !== null) this.problems.push(`${name} ${problem}`);
    return value;
  }

  integer(
    name: string,
    value: number | undefined,
    fallback: number,
    min: number,
    max = Number.MAX_SAFE_INTEGER,
  ): number {
    const chosen = value ?? fallback;
    const ok = Number.isSafeInteger(chosen) && chosen >= min && chosen <= max;
    const range = max === Number.MAX_SAFE_INTEGER
      ? `of at least ${min}` : `from ${min} to ${max}`;
    return this.take(name, chosen,
      ok ? null : `must be an integer ${range}, not ${show(value)}`);
  }

  callable<T>(name: string, value: T): T {
    return this.take(name, value, typeof value === 'function'
      ? null : `must be a function, not ${show(value)}`);
  }
}

/**
 * An absolute https URL; http only towards this machine (the tests'
 * server), so that a secret or a token never crosses a network in clear.
 */
function urlProblem(value: unknown): string | null {
  const expected =
    'must be an absolute https URL (http only on a loopback host)';
  if (typeof value !== 'string' || !URL.canParse(value)) {
    return `${expected}, not ${show(value)}`;
  }
  const url = new URL(value);
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  const secure = url.protocol === 'https:'
    || (url.protocol === 'http:' && loopback);
  const plain = url.search === '' && url.hash === '' && url.username === '';
  return secure && plain ? null : `${expected}, not ${show(value)}`;
}

/** Goes into the path as it is: `?` or `#` would end it. */
function siteProblem(value: unknown): string | null {
  const problem = textProblem(value);
  if (problem !== null) return problem;
  return /[?#\s]/.test(value as string)
    ? `must hold no '?', '#' or space, not ${show(value)}` : null;
}

function listsProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) {
    return `must name the lists ${LIST_NAMES.join(', ')}, not ${show(value)}`;
  }
  const lists = value as Record<string, unknown>;
  const bad = LIST_NAMES.filter((name) => textProblem(lists[name]) !== null)
    .map((name) => `${name} ${show(lists[name])}`);
  return bad.length === 0 ? null
    : `must give each list a non-blank id or name; wrong: ${bad.join(', ')}`;
}

/** The secret's value is never shown, not even a wrong one. */
function secretProblem(value: unknown): string | null {
  return typeof value === 'string' && value !== ''
    ? null : 'must be a non-empty string (value not shown)';
}

function textProblem(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== ''
    ? null : `must be a non-blank string, not ${show(value)}`;
}

function trimSlash(url: string): string {
  return typeof url === 'string' ? url.replace(/\/+$/, '') : url;
}

function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  return JSON.stringify(value);
}

/** Private: waits `ms`, or rejects as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', stop, { once: true });
  });
}
