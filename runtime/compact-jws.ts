/**
 * Compact JWS (RFC 7515) signed with Ed25519 (RFC 8037), for the
 * gateway's identity header alone (trust.ts). One algorithm, one key,
 * synchronous node:crypto calls: signing and checking a header costs a
 * few tens of microseconds, where a general JOSE library's asynchronous
 * path costs several times more on every subgraph fetch.
 *
 * The checks are those of RFC 7515 §5.2 and RFC 7519 §7.2 that apply to
 * a header with known contents: three base64url parts, a protected
 * header naming `EdDSA` and the expected `typ` and no `crit`, a 64-byte
 * signature valid for the key, and a payload that is a JSON object. The
 * claims are judged by the caller.
 */
import { sign, verify, type KeyObject } from 'node:crypto';

/** What the protected header of a header must say. */
export interface JwsHeaderExpectation {
  readonly typ: string;
}

/** Why a compact JWS was refused. */
export type JwsFailure = 'malformed' | 'algorithm' | 'type' | 'bad-signature';

export class JwsRefusal extends Error {
  constructor(readonly failure: JwsFailure) {
    super(`The JWS is refused (${failure})`);
    this.name = 'JwsRefusal';
  }
}

/** An Ed25519 signature is 64 bytes: 86 base64url characters. */
const COMPACT = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{86})$/;

export const ED25519_ALGORITHM = 'EdDSA';

function encodeJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Private: a JSON object out of a base64url part, or a refusal. */
function decodeObject(part: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new JwsRefusal('malformed');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new JwsRefusal('malformed');
  }
  return value as Record<string, unknown>;
}

/**
 * A signer for one protected header: the header is encoded once, each
 * call encodes the payload and signs.
 */
export function ed25519Signer(
  key: KeyObject,
  header: Readonly<Record<string, unknown>>,
): (payload: Readonly<Record<string, unknown>>) => string {
  const encodedHeader = encodeJson({ ...header, alg: ED25519_ALGORITHM });
  return (payload) => {
    const signingInput = `${encodedHeader}.${encodeJson(payload)}`;
    const signature = sign(null, Buffer.from(signingInput), key);
    return `${signingInput}.${signature.toString('base64url')}`;
  };
}

/**
 * Checks a compact JWS against the public key and answers its payload;
 * throws a JwsRefusal saying why not.
 */
export function verifyEd25519(
  compact: string,
  key: KeyObject,
  expected: JwsHeaderExpectation,
): Record<string, unknown> {
  const parts = COMPACT.exec(compact);
  if (parts === null) throw new JwsRefusal('malformed');
  const [, encodedHeader, encodedPayload, encodedSignature] = parts as
    unknown as [string, string, string, string];

  const header = decodeObject(encodedHeader);
  if (header.alg !== ED25519_ALGORITHM) throw new JwsRefusal('algorithm');
  if (header.crit !== undefined || header.b64 !== undefined) {
    throw new JwsRefusal('malformed');
  }
  if (header.typ !== expected.typ) throw new JwsRefusal('type');

  const signingInput = Buffer.from(`${encodedHeader}.${encodedPayload}`);
  const signature = Buffer.from(encodedSignature, 'base64url');
  if (signature.length !== 64 || !verify(null, signingInput, key, signature)) {
    throw new JwsRefusal('bad-signature');
  }
  return decodeObject(encodedPayload);
}
