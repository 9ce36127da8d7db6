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
import { jwtVerify, SignJWT, type JWK } from 'jose';
import {
  classifyJoseError,
  unauthenticated,
  type TokenFailure,
} from './errors';
import { identityFromClaims, type Identity } from './identity';
import { publicJwkOf, TRUST_ALGORITHM } from './keys';

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

/** Signs a fresh header per call: nothing is cached across identities. */
export function createTrustSigner(privateJwk: JWK): TrustSigner {
  if (typeof privateJwk.d !== 'string') {
    const kid = privateJwk.kid ?? 'without kid';
    throw new TypeError(`The trust signer needs a private key (${kid})`);
  }
  const key = importKey(privateJwk, 'private');

  async function sign(identity: Identity, target: TrustTarget) {
    const { subject, role, zone, arrondissement, province } = identity;
    const claims = { role, zone, arrondissement, province };
    return new SignJWT({ ...claims, rid: target.requestId })
      .setProtectedHeader({
        alg: TRUST_ALGORITHM,
        kid: privateJwk.kid,
        typ: TRUST_TYPE,
      })
      .setSubject(subject)
      .setIssuer(TRUST_ISSUER)
      .setAudience(trustAudience(target.subgraph))
      .setIssuedAt()
      .setExpirationTime(`${TRUST_LIFETIME_SECONDS}s`)
      .sign(key);
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

export function createTrustVerifier(
  publicJwk: JWK,
  options: TrustVerifierOptions,
): TrustVerifier {
  // A private JWK given by mistake still verifies through its public half.
  const key = importKey(publicJwkOf(publicJwk), 'public');
  const verifyOptions = {
    issuer: TRUST_ISSUER,
    audience: trustAudience(options.subgraph),
    algorithms: [TRUST_ALGORITHM],
    typ: TRUST_TYPE,
    clockTolerance: options.clockToleranceSeconds ?? 5,
    // Refuses a header the signer made to live longer than it should.
    maxTokenAge: TRUST_LIFETIME_SECONDS,
    requiredClaims: ['exp', 'iat', 'rid'],
  };

  async function verify(headerValue: string | undefined) {
    if (!headerValue) {
      throw unauthenticated(`Missing ${GATEWAY_IDENTITY_HEADER} header`);
    }
    if (headerValue.length > MAX_HEADER_LENGTH) throw refusal('malformed');
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(headerValue, key, verifyOptions));
    } catch (error) {
      throw refusal(classifyJoseError(error) ?? 'malformed');
    }
    const { rid } = payload;
    const identity = identityFromClaims(payload);
    if (typeof rid !== 'string' || 'error' in identity) {
      throw refusal('malformed');
    }
    return { identity, requestId: rid };
  }

  return { verify };
}
