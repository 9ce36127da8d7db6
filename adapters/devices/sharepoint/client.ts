/**
 * One HTTP exchange with Microsoft Graph, done right: the bearer token
 * (fetched with the client credentials grant, cached, replaced once when
 * Graph refuses it with 401), a timeout per attempt, bounded retries on
 * throttling and transient failures (see retry.ts), and one typed error
 * (`SharePointError`) for every way it can fail. `close()` aborts the
 * exchanges and waits in flight.
 */
import { SharePointError, type SharePointFailure } from './errors';
import type { GraphSettings } from './options';
import { isThrottle, nextStep, type Outcome, type RetryStep } from './retry';
import { TokenCache, type IssuedToken } from './token';

export interface GraphRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Absolute. */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON; a URLSearchParams is sent as a form. */
  readonly body?: unknown;
  /** Whether to send the bearer token; default true. */
  readonly auth?: boolean;
  /** Statuses answered to the caller, besides 2xx, instead of thrown. */
  readonly accept?: readonly number[];
}

export interface GraphAnswer {
  readonly status: number;
  /** The JSON body; null when empty. */
  readonly body: unknown;
}

/** What one attempt gave: an answer (of any status), or none. */
export type Exchanged =
  | { readonly kind: 'answer'; readonly status: number;
      readonly retryAfter: string | null; readonly text: string }
  | { readonly kind: 'network'; readonly cause: unknown };

/** The grant type and form of OAuth2's client credentials (RFC 6749 §4.4). */
const GRANT_TYPE = 'client_credentials';

export class GraphClient {
  readonly #closing = new AbortController();
  readonly #tokens: TokenCache;

  constructor(private readonly settings: GraphSettings) {
    this.#tokens = new TokenCache((operation) => this.issueToken(operation),
      settings.now);
  }

  /**
   * Sends the request until Graph answers it for good; answers a 2xx or
   * an accepted status, throws a SharePointError otherwise.
   */
  async send(operation: string, request: GraphRequest): Promise<GraphAnswer> {
    let retries = 0;
    let refreshed = false;
    for (;;) {
      const token = request.auth === false
        ? null : await this.#tokens.get(operation);
      const exchanged = await this.exchange(operation, request, token);

      if (exchanged.kind === 'answer' && isWanted(exchanged.status, request)) {
        return { status: exchanged.status,
          body: parseBody(operation, exchanged.text) };
      }
      // A token revoked or expired early: one new token, one new try.
      if (exchanged.kind === 'answer' && exchanged.status === 401
        && token !== null && !refreshed) {
        this.#tokens.forget(token);
        refreshed = true;
        continue;
      }

      const step = nextStep(outcomeOf(exchanged), {
        retries,
        maxRetries: this.settings.maxRetries,
        maxRetryAfterMs: this.settings.maxRetryAfterMs,
        now: this.settings.now(),
      });
      if (step.kind !== 'retry') {
        throw failure(operation, exchanged, step, retries);
      }
      this.report(operation, exchanged, step.waitMs, retries + 1);
      await this.pause(operation, step.waitMs);
      retries += 1;
    }
  }

  /** Aborts every exchange and wait in flight; later sends fail at once. */
  close(): void {
    this.#closing.abort();
  }

  /** One attempt, bounded by `timeoutMs`; the body is read within it. */
  private async exchange(
    operation: string,
    request: GraphRequest,
    token: string | null,
  ): Promise<Exchanged> {
    if (this.#closing.signal.aborted) {
      throw new SharePointError(operation, { kind: 'closed' });
    }
    const signal = AbortSignal.any([this.#closing.signal,
      AbortSignal.timeout(this.settings.timeoutMs)]);
    try {
      const response = await this.settings.fetch(request.url, {
        method: request.method,
        headers: headersOf(request, token),
        body: bodyOf(request.body),
        signal,
        // A redirect is answered as it is: the token never follows one.
        redirect: 'manual',
      });
      const text = await response.text();
      return { kind: 'answer', status: response.status,
        retryAfter: response.headers.get('retry-after'), text };
    } catch (cause) {
      if (this.#closing.signal.aborted) {
        throw new SharePointError(operation, { kind: 'closed' }, { cause });
      }
      if (signal.aborted) {
        throw new SharePointError(operation,
          { kind: 'timeout', timeoutMs: this.settings.timeoutMs }, { cause });
      }
      return { kind: 'network', cause };
    }
  }

  /** Waits before a retry; close() ends the wait with an error. */
  async pause(operation: string, ms: number): Promise<void> {
    try {
      await this.settings.sleep(ms, this.#closing.signal);
    } catch (cause) {
      throw new SharePointError(operation, { kind: 'closed' }, { cause });
    }
  }

  /** POSTs the client credentials to the token endpoint. */
  private async issueToken(operation: string): Promise<IssuedToken> {
    const { tokenUrl, clientId, clientSecret, scope } = this.settings;
    const answer = await this.send(operation, {
      method: 'POST',
      url: tokenUrl,
      auth: false,
      body: new URLSearchParams({
        grant_type: GRANT_TYPE,
        client_id: clientId,
        client_secret: clientSecret,
        scope,
      }),
    });
    return readToken(operation, answer.body);
  }

  /** Tells the logger of a retry about to be made. */
  report(
    operation: string,
    exchanged: Exchanged,
    waitMs: number,
    retry: number,
  ): void {
    const status = exchanged.kind === 'answer' ? exchanged.status : null;
    this.settings.logger?.warn(
      { system: 'devices', operation, status, retry, waitMs },
      status !== null && isThrottle(status)
        ? 'SharePoint throttled a request; retrying'
        : 'SharePoint request failed; retrying');
  }
}

export function isWanted(
  status: number,
  request: Pick<GraphRequest, 'accept'>,
): boolean {
  return (status >= 200 && status < 300)
    || (request.accept ?? []).includes(status);
}

function headersOf(
  request: GraphRequest,
  token: string | null,
): Record<string, string> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    ...request.headers,
  };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (request.body instanceof URLSearchParams) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
  } else if (request.body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  return headers;
}

function bodyOf(body: unknown): string | undefined {
  if (body === undefined) return undefined;
  return body instanceof URLSearchParams
    ? body.toString() : JSON.stringify(body);
}

export function outcomeOf(exchanged: Exchanged): Outcome {
  return exchanged.kind === 'answer'
    ? { kind: 'answer', status: exchanged.status,
        retryAfter: exchanged.retryAfter }
    : { kind: 'network' };
}

/** The error for an exchange that will not be retried. */
export function failure(
  operation: string,
  exchanged: Exchanged,
  step: Exclude<RetryStep, { kind: 'retry' }>,
  retries: number,
): SharePointError {
  if (exchanged.kind === 'network') {
    return new SharePointError(operation,
      { kind: 'unavailable', status: null, code: null, retries },
      { cause: exchanged.cause });
  }
  const { status } = exchanged;
  const code = errorCode(exchanged.text);
  return new SharePointError(operation,
    describeFailure(step, status, code, retries));
}

function describeFailure(
  step: Exclude<RetryStep, { kind: 'retry' }>,
  status: number,
  code: string | null,
  retries: number,
): SharePointFailure {
  switch (step.kind) {
    case 'final':
      return { kind: 'http', status, code };
    case 'wait-too-long':
      return { kind: 'throttled-too-long', status, code,
        waitMs: step.waitMs, limitMs: step.limitMs };
    case 'give-up':
      return isThrottle(status)
        ? { kind: 'throttled', status, code, retries }
        : { kind: 'unavailable', status, code, retries };
    default: {
      const impossible: never = step;
      throw new Error(`Unknown retry step ${JSON.stringify(impossible)}`);
    }
  }
}

/**
 * Graph's `error.code`, or OAuth2's `error`. Only a word-like code is
 * kept: the rest of an error body is never read, let alone repeated.
 */
export function errorCode(text: string): string | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  const error = isObject(body) ? body.error : null;
  const code = isObject(error) ? error.code : error;
  return typeof code === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(code)
    ? code : null;
}

function parseBody(operation: string, text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new SharePointError(operation,
      { kind: 'malformed', detail: 'a body that is not JSON' }, { cause });
  }
}

/** RFC 6749 §5.1; Entra's v1 endpoint sends `expires_in` as a string. */
function readToken(operation: string, body: unknown): IssuedToken {
  const token = isObject(body) ? body.access_token : null;
  const expiresIn = Number(isObject(body) ? body.expires_in : NaN);
  if (typeof token !== 'string' || token === ''
    || !Number.isFinite(expiresIn) || expiresIn <= 0) {
    throw new SharePointError(operation, { kind: 'malformed',
      detail: 'the token endpoint gave no access_token and expires_in' });
  }
  return { accessToken: token, expiresInS: expiresIn };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
