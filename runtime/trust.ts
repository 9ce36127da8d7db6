/**
 * How the gateway vouches for a caller to a subgraph.
 *
 * The gateway verifies the client's token once, then sends each subgraph
 * a short-lived JWS in `x-gateway-identity`, signed with the gateway-trust
 * key (EdDSA). Its audience names one subgraph, so a header captured on
 * the way to one subgraph is refused by every other, and it lives 60
 * seconds, so a captured header is soon worthless. Subgraphs never trust a
 * bare header: they call `createTrustVerifier(...).verify` on every
 * request.
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import type { JWK } from 'jose';
import { ed25519Signer, JwsRefusal, verifyEd25519 } from './compact-jws';
import { unauthenticated, type TokenFailure } from './errors';
import { identityFromClaims, type Identity } from './identity';
import { publicJwkOf } from './keys';

export const GATEWAY_IDENTITY_HEADER = 'x-gateway-identity';
export const TRUST_ISSUER = 'gateway';
export const TRUST_LIFETIME_SECONDS = 60;

/** The JWS `typ`: an access token can never pass for one of these. */
const TRUST_TYPE = 'gateway-identity+jwt';

const MAX_HEADER_LENGTH = 4096;

/** The audience of the header meant for one subgraph. */
export function trustAudience(subgraph: string): string {
  return `subgraph:${subgraph}`;
}

export interface TrustTarget {
  readonly subgraph: string;
  readonly requestId: string;
}

export interface TrustSigner {
  sign(identity: Identity, target: TrustTarget): Promise<string>;
}

export interface TrustedCall {
  readonly identity: Identity;
  readonly requestId: string;
}

export interface TrustVerifier {
  /** Answers the caller, or throws a 401 GraphQLError. */
  verify(headerValue: string | undefined): Promise<TrustedCall>;
}

export interface TrustVerifierOptions {
  /** This subgraph's name, as in the supergraph (`victim-support`). */
  readonly subgraph: string;
  /** Leeway for clock drift between hosts; default 5 seconds. */
  readonly clockToleranceSeconds?: number;
}

/**
 * Private: imports the key at once, so a wrong key fails at start-up
 * rather than on the first request.
 */
function importKey(jwk: JWK, kind: 'private' | 'public'): KeyObject {
  const input = { key: { ...jwk }, format: 'jwk' as const };
  const key =
    kind === 'private' ? createPrivateKey(input) : createPublicKey(input);
  if (key.asymmetricKeyType !== 'ed25519') {
    const type = key.asymmetricKeyType ?? 'unknown';
    throw new TypeError(`The trust key must be Ed25519, got ${type}`);
  }
  return key;
}

/**
 * Signs a fresh header per call: nothing is cached across identities or
 * requests. The claims are those jose would write for the same header;
 * the signature is made synchronously (compact-jws.ts).
 */
export function createTrustSigner(privateJwk: JWK): TrustSigner {
  if (typeof privateJwk.d !== 'string') {
    const kid = privateJwk.kid ?? 'without kid';
    throw new TypeError(`The trust signer needs a private key (${kid})`);
  }
  const signPayload = ed25519Signer(importKey(privateJwk, 'private'), {
    kid: privateJwk.kid,
    typ: TRUST_TYPE,
  });

  async function sign(identity: Identity, target: TrustTarget) {
    const { subject, role, zone, arrondissement, province } = identity;
    const issuedAt = Math.floor(Date.now() / 1000);
    return signPayload({
      role,
      zone,
      arrondissement,
      province,
      rid: target.requestId,
      sub: subject,
      iss: TRUST_ISSUER,
      aud: trustAudience(target.subgraph),
      iat: issuedAt,
      exp: issuedAt + TRUST_LIFETIME_SECONDS,
    });
  }

  return { sign };
}

function refusal(failure: TokenFailure): GraphQLError {
  const name = 'The gateway identity header';
  switch (failure) {
    case 'malformed':
    case 'type':
    case 'missing-claim':
    case 'claim':
      return unauthenticated(`${name} is malformed`);
    case 'algorithm':
    case 'bad-signature':
    case 'unknown-key':
    case 'issuer':
      return unauthenticated(`${name} is not signed by the gateway`);
    case 'expired':
      return unauthenticated(`${name} has expired`);
    case 'not-yet-valid':
      return unauthenticated(`${name} is not valid yet`);
    case 'audience':
      return unauthenticated(`${name} is meant for another subgraph`);
    default: {
      const impossible: never = failure;
      throw new Error(`Unknown token failure ${String(impossible)}`);
    }
  }
}

/** What a header's claims are held to, besides its signature. */
interface ClaimRules {
  readonly audience: string;
  readonly toleranceSeconds: number;
}

const NUMERIC_DATES = ['exp', 'iat', 'nbf'] as const;

/**
 * Private: why a verified header's claims are refused, or null: the
 * checks of RFC 7519 §4.1 that jose made for this header, and a lifetime
 * no longer than the gateway gives (`iat` at most TRUST_LIFETIME_SECONDS
 * ago), so a header signed to live longer is refused too.
 */
function claimFailure(
  claims: Record<string, unknown>,
  rules: ClaimRules,
): TokenFailure | null {
  for (const name of ['exp', 'iat', 'rid'] as const) {
    if (claims[name] === undefined) return 'missing-claim';
  }
  for (const name of NUMERIC_DATES) {
    const value = claims[name];
    if (value !== undefined && typeof value !== 'number') return 'claim';
  }
  const { iss, aud } = claims;
  const { exp, iat, nbf } = claims as Record<string, number>;
  const now = Math.floor(Date.now() / 1000);
  const tolerance = rules.toleranceSeconds;
  if (iss !== TRUST_ISSUER) return 'issuer';
  const audiences: unknown[] = Array.isArray(aud) ? aud : [aud];
  if (!audiences.includes(rules.audience)) return 'audience';
  if (nbf !== undefined && nbf > now + tolerance) return 'not-yet-valid';
  if (exp <= now - tolerance) return 'expired';
  if (iat > now + tolerance) return 'claim';
  if (now - iat - tolerance > TRUST_LIFETIME_SECONDS) return 'expired';
  return null;
}

/** Private: the verifier's refusal for a compact-JWS one. */
function jwsFailureOf(error: unknown): TokenFailure {
  if (error instanceof JwsRefusal) return error.failure;
  return 'malformed';
}

export function createTrustVerifier(
  publicJwk: JWK,
  options: TrustVerifierOptions,
): TrustVerifier {
  // A private JWK given by mistake still verifies through its public half.
  const key = importKey(publicJwkOf(publicJwk), 'public');
  const rules: ClaimRules = {
    audience: trustAudience(options.subgraph),
    toleranceSeconds: options.clockToleranceSeconds ?? 5,
  };

  async function verify(headerValue: string | undefined) {
    if (!headerValue) {
      throw unauthenticated(`Missing ${GATEWAY_IDENTITY_HEADER} header`);
    }
    if (headerValue.length > MAX_HEADER_LENGTH) throw refusal('malformed');
    let payload: Record<string, unknown>;
    try {
      payload = verifyEd25519(headerValue, key, { typ: TRUST_TYPE });
    } catch (error) {
      throw refusal(jwsFailureOf(error));
    }
    const failure = claimFailure(payload, rules);
    if (failure !== null) throw refusal(failure);
    const { rid } = payload;
    const identity = identityFromClaims(payload);
    if (typeof rid !== 'string' || 'error' in identity) {
      throw refusal('malformed');
    }
    return { identity, requestId: rid };
  }

  return { verify };
}
