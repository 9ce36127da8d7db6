/**
 * A failure of the SharePoint site behind the device inventory, wrapped
 * once, where it happens, with the operation of the port that met it.
 *
 * The message is safe to log: it names the operation, the HTTP status
 * and Graph's error code, never a URL's query, a response body (Graph's
 * messages may echo the values sent, such as a national number) nor a
 * token. The cause, when there is one, stays in `cause`.
 */

/** What went wrong, as callers and tests branch on it. */
export type SharePointFailure =
  /** An answer outside 2xx that is not worth retrying. */
  | {
      readonly kind: 'http';
      readonly status: number;
      readonly code: string | null;
    }
  /** 429 or 503 that lasted beyond the retries. */
  | {
      readonly kind: 'throttled';
      readonly status: number;
      readonly code: string | null;
      readonly retries: number;
    }
  /** 429 or 503 asking for a longer wait than `maxRetryAfterMs`. */
  | {
      readonly kind: 'throttled-too-long';
      readonly status: number;
      readonly code: string | null;
      readonly waitMs: number;
      readonly limitMs: number;
    }
  /** A 5xx or a network failure that lasted beyond the retries. */
  | {
      readonly kind: 'unavailable';
      readonly status: number | null;
      readonly code: string | null;
      readonly retries: number;
    }
  | { readonly kind: 'timeout'; readonly timeoutMs: number }
  | { readonly kind: 'closed' }
  /** A conditional write kept meeting newer versions of the item. */
  | { readonly kind: 'conflict'; readonly attempts: number }
  /** A 2xx answer that is not what the protocol or the lists promise. */
  | { readonly kind: 'malformed'; readonly detail: string };

export class SharePointError extends Error {
  override readonly name = 'SharePointError';
  /** The HTTP status of the last answer, when there was one. */
  readonly status: number | null;
  /** Graph's `error.code` (or OAuth2's `error`), when there was one. */
  readonly code: string | null;

  constructor(
    readonly operation: string,
    readonly failure: SharePointFailure,
    options?: { cause?: unknown },
  ) {
    super(
      `The devices SharePoint site failed during ${operation}: ${describe(failure)}`,
      options,
    );
    this.status = 'status' in failure ? failure.status : null;
    this.code = 'code' in failure ? failure.code : null;
  }
}

function describe(failure: SharePointFailure): string {
  switch (failure.kind) {
    case 'http':
      return `HTTP ${failure.status}${codeOf(failure.code)}`;
    case 'throttled':
      return `HTTP ${failure.status}${codeOf(failure.code)}, still throttled after ${retries(failure.retries)} (maxRetries)`;
    case 'throttled-too-long':
      return `HTTP ${failure.status}${codeOf(failure.code)} asked to wait ${failure.waitMs} ms, more than maxRetryAfterMs (${failure.limitMs} ms)`;
    case 'unavailable':
      return failure.status === null
        ? `the network failed, still after ${retries(failure.retries)} (maxRetries)`
        : `HTTP ${failure.status}${codeOf(failure.code)}, still after ${retries(failure.retries)} (maxRetries)`;
    case 'timeout':
      return `no answer within ${failure.timeoutMs} ms (timeoutMs)`;
    case 'closed':
      return 'the adapter is closed';
    case 'conflict':
      return `the item kept changing under ${failure.attempts} conditional writes`;
    case 'malformed':
      return `unexpected answer: ${failure.detail}`;
    default: {
      const impossible: never = failure;
      throw new Error(`Unknown failure ${JSON.stringify(impossible)}`);
    }
  }
}

function retries(count: number): string {
  return count === 1 ? '1 retry' : `${count} retries`;
}

function codeOf(code: string | null): string {
  return code === null ? '' : ` (${code})`;
}
