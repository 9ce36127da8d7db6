/**
 * Checks the bearer access token a client sends to the gateway and turns
 * it into an Identity. Every refusal is a 401 whose message says why in
 * plain words; none of them repeats the token.
 */
import type { GraphQLError } from 'graphql';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeProtectedHeader,
  jwtVerify,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';
import {
  classifyJoseError,
  serviceUnavailable,
  unauthenticated,
  type TokenFailure,
} from './errors';
import { identityFromAccessToken, type Identity } from './identity';
import { VerifiedTokens } from './verified-tokens';

export type JwksSource =
  | { readonly url: string }
  | { readonly keys: JSONWebKeySet };

export interface TokenVerifierOptions {
  /** The only accepted `iss`. */
  readonly issuer: string;
  /** The `aud` a token must carry. */
  readonly audience: string;
  /** Where the issuer's public keys are: fetched and cached, or given. */
  readonly jwks: JwksSource;
  /** Accepted `alg` values; default ES256, RS256, EdDSA. Never `none`. */
  readonly algorithms?: readonly string[];
  /** Leeway for clock drift on exp/nbf/iat; default 30 seconds. */
  readonly clockToleranceSeconds?: number;
  /**
   * Tokens kept once verified, by their own text, so that a caller's
   * next requests skip the signature check; default 10,000, 0 keeps
   * none. Only tokens that passed every check are kept, so no one can
   * fill it without the issuer's key.
   */
  readonly cacheSize?: number;
  /**
   * How long a kept token is trusted before it is checked again, so that
   * a key the issuer withdraws stops working soon; default 60 seconds.
   * Never past the token's own `exp`.
   */
  readonly cacheSeconds?: number;
}

export interface TokenVerifier {
  /** Answers who is calling, or throws a 401 GraphQLError. */
  verify(authorization: string | undefined): Promise<Identity>;
}

export const DEFAULT_ALGORITHMS = ['ES256', 'RS256', 'EdDSA'] as const;

/** No access token comes near this; a larger one is refused unread. */
const MAX_TOKEN_LENGTH = 8192;

/** RFC 6750 §2.1: the scheme, then a b64token. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

function keySource(jwks: JwksSource): JWTVerifyGetKey {
  // The remote set caches keys and refetches on an unknown kid, at most
  // once per cooldown, so a key rotation at the issuer needs no restart.
  if ('url' in jwks) return createRemoteJWKSet(new URL(jwks.url));
  return createLocalJWKSet(jwks.keys);
}

function refusal(failure: TokenFailure): GraphQLError {
  switch (failure) {
    case 'malformed':
      return unauthenticated('The bearer token is malformed');
    case 'algorithm':
      return unauthenticated("The token's signing algorithm is not accepted");
    case 'expired':
      return unauthenticated('The token has expired');
    case 'not-yet-valid':
      return unauthenticated('The token is not valid yet');
    case 'bad-signature':
      return unauthenticated("The token's signature is not valid");
    case 'unknown-key':
      return unauthenticated('The token is signed by an unknown key');
    case 'issuer':
      return unauthenticated('The token comes from an untrusted issuer');
    case 'audience':
      return unauthenticated('The token is meant for another audience');
    case 'type':
      return unauthenticated('The token is not an access token');
    case 'missing-claim':
      return unauthenticated('The token lacks a required claim (exp)');
    case 'claim':
      return unauthenticated('The token carries an invalid claim');
    default: {
      const impossible: never = failure;
      throw new Error(`Unknown token failure ${String(impossible)}`);
    }
  }
}

/** Private: the token out of the header, or why there is none. */
function bearerToken(authorization: string | undefined): string {
  if (authorization === undefined || authorization.trim() === '') {
    throw unauthenticated('Missing bearer token in the Authorization header');
  }
  if (authorization.length > MAX_TOKEN_LENGTH) {
    throw refusal('malformed');
  }
  const match = BEARER.exec(authorization);
  if (!match?.[1]) {
    throw unauthenticated('The Authorization header must be "Bearer <token>"');
  }
  return match[1];
}

/**
 * Private: refuses unsigned and unexpected algorithms before any key is
 * looked up, so `alg: none` gets its own message and never reaches the
 * JWKS endpoint.
 */
function checkHeader(token: string, algorithms: readonly string[]): void {
  let alg: unknown;
  try {
    alg = decodeProtectedHeader(token).alg;
  } catch {
    throw refusal('malformed');
  }
  if (typeof alg === 'string' && alg.toLowerCase() === 'none') {
    throw unauthenticated('Unsigned tokens (alg: none) are refused');
  }
  if (typeof alg !== 'string' || !algorithms.includes(alg)) {
    throw refusal('algorithm');
  }
}

export function createTokenVerifier(
  options: TokenVerifierOptions,
): TokenVerifier {
  const algorithms = [...(options.algorithms ?? DEFAULT_ALGORITHMS)];
  if (algorithms.some((alg) => alg.toLowerCase() === 'none')) {
    throw new TypeError(`algorithms must not include none: ${algorithms}`);
  }
  const keys = keySource(options.jwks);
  const verifyOptions = {
    issuer: options.issuer,
    audience: options.audience,
    algorithms,
    clockTolerance: options.clockToleranceSeconds ?? 30,
    // A token without exp would never expire.
    requiredClaims: ['exp'],
  };
  const verified = new VerifiedTokens(
    options.cacheSize ?? 10_000,
    options.cacheSeconds ?? 60,
  );

  async function verify(authorization: string | undefined) {
    const token = bearerToken(authorization);
    const known = verified.get(token);
    if (known !== undefined) return known;
    checkHeader(token, algorithms);
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, keys, verifyOptions));
    } catch (error) {
      const failure = classifyJoseError(error);
      if (failure) throw refusal(failure);
      // The JWKS endpoint is down or answered garbage: not the client's
      // fault, and retrying later may work.
      throw serviceUnavailable('Tokens cannot be checked right now', error);
    }
    const identity = identityFromAccessToken(payload);
    if ('error' in identity) {
      throw unauthenticated(`The token is refused: ${identity.error}`);
    }
    verified.keep(token, identity, payload.exp);
    return identity;
  }

  return { verify };
}
