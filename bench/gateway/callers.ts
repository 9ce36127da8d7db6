/**
 * What the bench signs for the operations' callers: the bearer token
 * gateway (a) verifies, and for (b) and (c), which cannot sign, the
 * identity header each subgraph verifies, signed in advance with the
 * trust key and the same claims as gateway (a)'s signer puts. Also the
 * safelist gateway (a) runs with: the three operations, as an Apollo
 * persisted query manifest.
 */
import type { JWK } from 'jose';
import { sha256Hex } from '../../gateway/trusted-documents';
import { identityFromAccessToken } from '../../runtime/identity';
import { mintToken } from '../../runtime/keys';
import { createTrustSigner, TRUST_LIFETIME_SECONDS } from '../../runtime/trust';
import { SUBGRAPH_NAMES } from '../../scripts/subgraph-names';
import type { BenchCaller, BenchOperation } from '../operations';
import type { PresignedHeaders } from './protocol';

/**
 * A subgraph refuses an identity header issued more than its lifetime
 * ago (TRUST_LIFETIME_SECONDS, 60 s), whatever its `exp`: the bench
 * signs a fresh set this often and sends it to the gateway serving.
 */
export const HEADER_REFRESH_MS = (TRUST_LIFETIME_SECONDS * 1000) / 3;

/** Longer than any run. */
const TOKEN_LIFETIME = '12h';

/** The caller's token `sub`, as the project's issuer would put it. */
function subjectOf(caller: BenchCaller): string {
  return caller.subject ?? `local-${caller.role}`;
}

/**
 * The `count` users of an operation's organisation: the same claims
 * but the subject, which tells them apart.
 */
function usersOf(operation: BenchOperation, count: number): BenchCaller[] {
  const subject = subjectOf(operation.caller);
  return Array.from({ length: count }, (_, index) =>
    ({ ...operation.caller, subject: `${subject}-${index + 1}` }));
}

/** What a request names its user by: operation, then the user's turn. */
export function callerKey(operation: string, index: number): string {
  return `${operation}#${index}`;
}

/** `count` bearer tokens per operation, one per user, by operation name. */
export async function callerTokens(
  issuerPrivateJwk: JWK,
  operations: readonly BenchOperation[],
  issuer: { readonly issuer: string; readonly audience: string },
  count: number,
): Promise<Readonly<Record<string, readonly string[]>>> {
  const entries = await Promise.all(operations.map(async (operation) => [
    operation.name,
    await Promise.all(usersOf(operation, count).map((user) =>
      mintToken(issuerPrivateJwk, {
        ...user,
        ...issuer,
        expiresIn: TOKEN_LIFETIME,
      }))),
  ]));
  return Object.fromEntries(entries);
}

/**
 * For each user of each operation (by `callerKey`) and each subgraph,
 * the header gateway (a) would send, under a request id naming the
 * user; valid from now for TRUST_LIFETIME_SECONDS.
 */
export async function presignHeaders(
  trustPrivateJwk: JWK,
  operations: readonly BenchOperation[],
  count: number,
): Promise<PresignedHeaders> {
  const signer = createTrustSigner(trustPrivateJwk);
  const headers: Record<string, Record<string, string>> = {};
  for (const operation of operations) {
    for (const [index, user] of usersOf(operation, count).entries()) {
      const identity = identityFromAccessToken(
        { ...user, sub: user.subject });
      if ('error' in identity) {
        throw new TypeError(`The ${operation.name} caller: ${identity.error}`);
      }
      const key = callerKey(operation.name, index);
      const bySubgraph: Record<string, string> = {};
      for (const subgraph of SUBGRAPH_NAMES) {
        bySubgraph[subgraph] = await signer.sign(identity,
          { subgraph, requestId: `bench-${key}` });
      }
      headers[key] = bySubgraph;
    }
  }
  return headers;
}

/** The operations as the manifest TRUSTED_DOCUMENTS names. */
export function trustedManifest(
  operations: readonly BenchOperation[],
): string {
  const listed = operations.map((operation) => ({
    id: sha256Hex(operation.query),
    name: operation.operationName,
    type: 'query',
    body: operation.query,
  }));
  return JSON.stringify({
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: listed,
  }, null, 2);
}
