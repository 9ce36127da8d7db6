/**
 * The gateway's memory of the access tokens it verified (auth.ts): a
 * caller sends the same token with every request, and checking its
 * signature each time is most of what identifying it costs.
 */
import type { Identity } from './identity';

interface KeptIdentity {
  readonly identity: Identity;
  /** Epoch ms after which the token is verified again. */
  readonly until: number;
}

/**
 * Verified tokens by their text, each until its `exp` or `seconds` after
 * it was kept, whichever comes first; the oldest is dropped once `size`
 * are kept.
 */
export class VerifiedTokens {
  readonly #kept = new Map<string, KeptIdentity>();

  constructor(
    private readonly size: number,
    private readonly seconds: number,
  ) {}

  /** The identity of a kept token still trusted; undefined otherwise. */
  get(token: string): Identity | undefined {
    const kept = this.#kept.get(token);
    if (kept === undefined) return undefined;
    if (Date.now() < kept.until) return kept.identity;
    this.#kept.delete(token);
    return undefined;
  }

  /** Keeps a token that passed every check; `exp` is its claim. */
  keep(token: string, identity: Identity, exp: unknown): void {
    if (this.size === 0 || typeof exp !== 'number') return;
    const until = Math.min(Date.now() + this.seconds * 1000, exp * 1000);
    if (until <= Date.now()) return;
    if (this.#kept.size >= this.size) {
      const oldest = this.#kept.keys().next();
      if (!oldest.done) this.#kept.delete(oldest.value);
    }
    this.#kept.set(token, { identity, until });
  }
}
