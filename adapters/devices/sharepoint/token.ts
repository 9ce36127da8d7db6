/**
 * The bearer token of the OAuth2 client credentials grant, cached until
 * shortly before it expires. Requests made while a token is being fetched
 * wait for that one fetch instead of starting their own.
 */

/** What the token endpoint issued. */
export interface IssuedToken {
  readonly accessToken: string;
  /** Lifetime in seconds, as `expires_in` says. */
  readonly expiresInS: number;
}

/**
 * A token is replaced this long before it expires (or halfway through its
 * life, when that is sooner), so that none expires on its way to Graph.
 */
export const TOKEN_REFRESH_MARGIN_MS = 120_000;

interface Cached {
  readonly value: string;
  /** Epoch milliseconds from which the token is no longer handed out. */
  readonly replaceAt: number;
}

export class TokenCache {
  #cached: Cached | null = null;
  #pending: Promise<string> | null = null;

  constructor(
    private readonly issue: (operation: string) => Promise<IssuedToken>,
    private readonly now: () => number,
  ) {}

  /** A valid token: the cached one, or a new one. */
  get(operation: string): Promise<string> {
    const cached = this.#cached;
    if (cached && this.now() < cached.replaceAt) {
      return Promise.resolve(cached.value);
    }
    this.#pending ??= this.fetch(operation).finally(() => {
      this.#pending = null;
    });
    return this.#pending;
  }

  /**
   * Drops a token Graph refused (401); a token that has already been
   * replaced stays replaced, so concurrent refusals fetch one new token.
   */
  forget(token: string): void {
    if (this.#cached?.value === token) this.#cached = null;
  }

  private async fetch(operation: string): Promise<string> {
    const askedAt = this.now();
    const issued = await this.issue(operation);
    const lifetimeMs = issued.expiresInS * 1000;
    const marginMs = Math.min(TOKEN_REFRESH_MARGIN_MS, lifetimeMs / 2);
    this.#cached = {
      value: issued.accessToken,
      replaceAt: askedAt + lifetimeMs - marginMs,
    };
    return issued.accessToken;
  }
}
