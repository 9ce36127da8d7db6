/**
 * How many operations one caller may send: a token bucket per caller,
 * kept in this gateway's memory.
 *
 * A caller is the verified token's subject; a request whose token is
 * missing or refused counts against the remote address of its
 * connection instead (behind a proxy, the proxy's: X-Forwarded-For is
 * not believed). The bucket holds up to `burst` operations and refills
 * at `perMinute`; an operation finding it empty is refused with
 * RATE_LIMITED before anything is parsed or fetched: HTTP 429 with
 * Retry-After, or an error message over graphql-ws.
 *
 * What it never limits: the events of subscriptions already open (the
 * live alert stream's deliveries are the gateway's own reads, not the
 * caller's operations), and the 112 system (role `app112`), whose
 * raising of alerts must never wait (§3).
 *
 * Each gateway keeps its own buckets: behind a load balancer spreading
 * callers over n gateways, a caller may send up to n times the rate.
 */
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Identity, Role } from '../runtime/identity';

export const RATE_LIMITED = 'RATE_LIMITED';

/** Roles never limited: the 112 system raises alerts (§3). */
export const UNLIMITED_ROLES: ReadonlySet<Role> = new Set(['app112']);

export interface RateLimitOptions {
  /** Operations a caller may send per minute, sustained; 0: no limit. */
  readonly perMinute: number;
  /** Operations a caller may send at once, on a full bucket. */
  readonly burst: number;
  /** The clock, in milliseconds; default Date.now. */
  readonly now?: () => number;
}

/** What the bucket says of one operation. */
export type Admission =
  | { readonly admitted: true }
  | {
      readonly admitted: false;
      /** When one operation's worth will be back in the bucket. */
      readonly retryAfterMs: number;
      /** True for the first refusal since the caller was last admitted. */
      readonly first: boolean;
    };

/** Private: one caller's bucket. */
interface Bucket {
  tokens: number;
  updatedAt: number;
  refusing: boolean;
}

const ADMITTED: Admission = { admitted: true };

/** Full buckets are dropped every this many takes: they hold nothing. */
const SWEEP_EVERY = 1000;

export class RateLimiter {
  readonly #perMs: number;
  readonly #burst: number;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();
  #takes = 0;

  constructor(options: RateLimitOptions) {
    if (options.perMinute < 0 || options.burst < 1) {
      throw new TypeError(
        `A rate limit needs perMinute >= 0 and burst >= 1, got ${JSON.stringify(options)}`);
    }
    this.#perMs = options.perMinute / 60_000;
    this.#burst = options.burst;
    this.#now = options.now ?? Date.now;
  }

  /** Callers whose bucket is not full, as the gateway keeps them. */
  get callers(): number {
    return this.#buckets.size;
  }

  /** Takes one operation from the bucket of `key`, if it holds one. */
  take(key: string): Admission {
    if (this.#perMs === 0) return ADMITTED;
    const now = this.#now();
    this.#sweepNowAndThen(now);
    const bucket = this.#refilled(key, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      bucket.refusing = false;
      return ADMITTED;
    }
    const first = !bucket.refusing;
    bucket.refusing = true;
    const retryAfterMs = Math.ceil((1 - bucket.tokens) / this.#perMs);
    return { admitted: false, retryAfterMs, first };
  }

  #refilled(key: string, now: number): Bucket {
    const bucket = this.#buckets.get(key);
    if (bucket === undefined) {
      const fresh = { tokens: this.#burst, updatedAt: now, refusing: false };
      this.#buckets.set(key, fresh);
      return fresh;
    }
    const elapsed = Math.max(0, now - bucket.updatedAt);
    const refilled = bucket.tokens + elapsed * this.#perMs;
    bucket.tokens = Math.min(this.#burst, refilled);
    bucket.updatedAt = now;
    return bucket;
  }

  /** Private: forgets the callers whose bucket has refilled. */
  #sweepNowAndThen(now: number): void {
    this.#takes += 1;
    if (this.#takes % SWEEP_EVERY !== 0) return;
    for (const [key, bucket] of this.#buckets) {
      const elapsed = now - bucket.updatedAt;
      if (bucket.tokens + elapsed * this.#perMs >= this.#burst) {
        this.#buckets.delete(key);
      }
    }
  }
}

/** The bucket of a verified caller, or null for one never limited. */
export function callerKeyOf(identity: Identity): string | null {
  if (UNLIMITED_ROLES.has(identity.role)) return null;
  return `subject:${identity.subject}`;
}

/** The bucket of a caller without a valid token. */
export function addressKeyOf(address: string | undefined): string {
  return `address:${address ?? 'unknown'}`;
}

/**
 * The refusal, `retryAfterSeconds` in its extensions; over HTTP also a
 * 429 with Retry-After, in whole seconds.
 */
export function rateLimitedError(
  retryAfterMs: number,
  overHttp = true,
): GraphQLError {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const http = {
    status: 429,
    headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]),
  };
  return new GraphQLError(
    `Too many operations; try again in ${retryAfterSeconds} s.`,
    {
      extensions: {
        code: RATE_LIMITED,
        retryAfterSeconds,
        ...(overHttp && { http }),
      },
    },
  );
}
