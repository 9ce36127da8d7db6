/**
 * When to ask Graph again, and after how long. Kept free of I/O so that
 * each rule is tested on its own (retry.test.ts).
 *
 * Graph's throttling guidance: on 429, and on 503 which SharePoint also
 * sends when it sheds load, wait the `Retry-After` the answer gives
 * (seconds, or an HTTP date) before retrying. Other 5xx answers and
 * network failures are retried with an exponential backoff. Every wait is
 * bounded by `maxRetryAfterMs` and every request by `maxRetries`.
 */

/** The first backoff; each retry doubles it, up to `maxRetryAfterMs`. */
export const BACKOFF_BASE_MS = 250;

/** What one exchange gave, as the retry rules see it. */
export type Outcome =
  | {
      readonly kind: 'answer';
      readonly status: number;
      readonly retryAfter: string | null;
    }
  | { readonly kind: 'network' };

export interface RetryBudget {
  /** Retries already made for this request. */
  readonly retries: number;
  readonly maxRetries: number;
  readonly maxRetryAfterMs: number;
  /** For a Retry-After given as a date. */
  readonly now: number;
}

export type RetryStep =
  | { readonly kind: 'retry'; readonly waitMs: number }
  /** Throttled, but asked to wait longer than allowed. */
  | {
      readonly kind: 'wait-too-long';
      readonly waitMs: number;
      readonly limitMs: number;
    }
  | { readonly kind: 'give-up' }
  /** Not a transient failure: no retry would change the answer. */
  | { readonly kind: 'final' };

export function nextStep(outcome: Outcome, budget: RetryBudget): RetryStep {
  if (outcome.kind === 'answer' && isThrottle(outcome.status)) {
    const asked = retryAfterMs(outcome.retryAfter, budget.now);
    const waitMs = asked ?? backoffMs(budget.retries, budget.maxRetryAfterMs);
    if (waitMs > budget.maxRetryAfterMs) {
      return { kind: 'wait-too-long', waitMs,
        limitMs: budget.maxRetryAfterMs };
    }
    return budget.retries < budget.maxRetries
      ? { kind: 'retry', waitMs } : { kind: 'give-up' };
  }

  if (outcome.kind === 'network' || isServerFailure(outcome.status)) {
    return budget.retries < budget.maxRetries
      ? { kind: 'retry', waitMs: backoffMs(budget.retries,
          budget.maxRetryAfterMs) }
      : { kind: 'give-up' };
  }
  return { kind: 'final' };
}

export function isThrottle(status: number): boolean {
  return status === 429 || status === 503;
}

/** A 5xx that may pass; 501, an operation the server lacks, never does. */
function isServerFailure(status: number): boolean {
  return status >= 500 && status !== 501;
}

/**
 * The wait a `Retry-After` header asks for: whole seconds, or an HTTP
 * date (a date in the past means now). null when absent or unreadable,
 * so that the backoff applies instead.
 */
export function retryAfterMs(
  header: string | null,
  now: number,
): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;

  // Only the forms HTTP dates take (RFC 9110 §5.6.7), not any text that
  // Date.parse happens to accept, such as "1.5".
  if (!/^[A-Za-z]{3},? /.test(value)) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** 250, 500, 1000, ... ms, never more than `capMs`. */
export function backoffMs(retries: number, capMs: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** retries, capMs);
}
