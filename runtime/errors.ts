/**
 * Client-facing errors shared by the gateway and the subgraphs, and the
 * reading of jose's failures that both token checks rely on.
 */
import { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import { errors } from 'jose';

/** Stable `extensions.code` values this runtime emits. */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The caller is known, but its role or organisation may not do this. */
  FORBIDDEN: 'FORBIDDEN',
  /** A dependency needed to answer (a JWKS endpoint) is down. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** A subgraph did not answer within SUBGRAPH_TIMEOUT_MS. */
  SUBGRAPH_TIMEOUT: 'SUBGRAPH_TIMEOUT',
  /** A subgraph could not be reached or answered garbage. */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /**
   * The audit trail could not record a read of personal data, so the
   * data was withheld (issue 6); the read may be asked again.
   */
  AUDIT_UNAVAILABLE: 'AUDIT_UNAVAILABLE',
} as const;

/**
 * A 401 for the client. RFC 6750 §3 asks a 401 to name the scheme in
 * WWW-Authenticate; Apollo Server copies `extensions.http` into the
 * response head and drops it from the body.
 */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: ErrorCode.UNAUTHENTICATED,
      http: {
        status: 401,
        headers: new HeaderMap([['www-authenticate', 'Bearer']]),
      },
    },
  });
}

/**
 * The caller is who the token says, but may not ask this. The message is
 * for the client: it says which role or organisation may, and why.
 */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.FORBIDDEN },
  });
}

/** A 503: the request may succeed later; the cause stays server-side. */
export function serviceUnavailable(
  message: string,
  cause: unknown,
): GraphQLError {
  return new GraphQLError(message, {
    originalError: cause instanceof Error ? cause : undefined,
    extensions: {
      code: ErrorCode.SERVICE_UNAVAILABLE,
      http: { status: 503 },
    },
  });
}

/** Why jose refused a signed token, in the terms callers explain. */
export type TokenFailure =
  | 'malformed'
  | 'algorithm'
  | 'expired'
  | 'not-yet-valid'
  | 'bad-signature'
  | 'unknown-key'
  | 'issuer'
  | 'audience'
  | 'type'
  | 'missing-claim'
  | 'claim';

/**
 * Classifies a jose error; answers undefined for anything else (a JWKS
 * endpoint that is down, a bug), which is not the caller's fault.
 */
export function classifyJoseError(error: unknown): TokenFailure | undefined {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    return classifyClaim(error.claim, error.reason);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return 'bad-signature';
  }
  if (error instanceof errors.JWKSNoMatchingKey) return 'unknown-key';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'algorithm';
  if (error instanceof errors.JOSENotSupported) return 'algorithm';
  if (error instanceof errors.JWSInvalid) return 'malformed';
  if (error instanceof errors.JWTInvalid) return 'malformed';
  return undefined;
}

function classifyClaim(claim: string, reason: string): TokenFailure {
  if (reason === 'missing') return 'missing-claim';
  switch (claim) {
    case 'iss':
      return 'issuer';
    case 'aud':
      return 'audience';
    case 'nbf':
      return 'not-yet-valid';
    case 'typ':
      return 'type';
    default:
      return 'claim';
  }
}
