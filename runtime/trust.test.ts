import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLError } from 'graphql';
import { importJWK, SignJWT } from 'jose';
import type { Identity } from './identity';
import { ensureTrustKeys, type TrustKeys } from './keys';
import {
  createTrustSigner,
  createTrustVerifier,
  trustAudience,
  TRUST_ISSUER,
} from './trust';

const magistrate: Identity = {
  subject: 'u-42',
  role: 'magistrate',
  arrondissement: 'BRU',
};

let directory: string;
let keys: TrustKeys;
let otherKeys: TrustKeys;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'trust-test-'));
  keys = await ensureTrustKeys(join(directory, 'real'));
  otherKeys = await ensureTrustKeys(join(directory, 'other'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function refusal(check: Promise<unknown>): Promise<GraphQLError> {
  try {
    await check;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    expect(error.extensions.code).toBe('UNAUTHENTICATED');
    expect(error.extensions.http).toMatchObject({ status: 401 });
    return error;
  }
  throw new Error('expected the header to be refused');
}

const target = { subgraph: 'mach', requestId: 'req-1' };

describe('trust: round trip', () => {
  it('a subgraph reads back the identity and request id', async () => {
    const header = await createTrustSigner(keys.privateJwk).sign(
      magistrate,
      target,
    );
    const verifier = createTrustVerifier(keys.publicJwk, { subgraph: 'mach' });
    await expect(verifier.verify(header)).resolves.toEqual({
      identity: magistrate,
      requestId: 'req-1',
    });
  });

  it('signs a fresh header for each identity', async () => {
    const signer = createTrustSigner(keys.privateJwk);
    const police: Identity = { subject: 'p1', role: 'police', zone: '5339' };
    const verifier = createTrustVerifier(keys.publicJwk, { subgraph: 'mach' });
    const first = await signer.sign(magistrate, target);
    const second = await signer.sign(police, target);
    expect((await verifier.verify(first)).identity).toEqual(magistrate);
    expect((await verifier.verify(second)).identity).toEqual(police);
  });
});

describe('trust: refusals', () => {
  const verifier = () =>
    createTrustVerifier(keys.publicJwk, { subgraph: 'mach' });

  it('refuses a missing header', async () => {
    const error = await refusal(verifier().verify(undefined));
    expect(error.message).toMatch(/Missing x-gateway-identity/);
  });

  it('refuses a header signed by another key', async () => {
    const forged = await createTrustSigner(otherKeys.privateJwk).sign(
      magistrate,
      target,
    );
    const error = await refusal(verifier().verify(forged));
    expect(error.message).toMatch(/not signed by the gateway/);
  });

  it('refuses a header meant for another subgraph', async () => {
    const header = await createTrustSigner(keys.privateJwk).sign(magistrate, {
      subgraph: 'bng',
      requestId: 'req-1',
    });
    const error = await refusal(verifier().verify(header));
    expect(error.message).toMatch(/another subgraph/);
  });

  it('refuses an expired header', async () => {
    const past = Math.floor(Date.now() / 1000) - 600;
    const expired = await new SignJWT({ role: 'analyst', rid: 'req-1' })
      .setProtectedHeader({
        alg: 'EdDSA',
        kid: keys.privateJwk.kid,
        typ: 'gateway-identity+jwt',
      })
      .setSubject('u1')
      .setIssuer(TRUST_ISSUER)
      .setAudience(trustAudience('mach'))
      .setIssuedAt(past)
      .setExpirationTime(past + 60)
      .sign(await importJWK(keys.privateJwk, 'EdDSA'));
    const error = await refusal(verifier().verify(expired));
    expect(error.message).toMatch(/has expired/);
  });

  it('refuses a header that lives longer than the gateway allows', async () => {
    const longLived = await new SignJWT({ role: 'analyst', rid: 'req-1' })
      .setProtectedHeader({
        alg: 'EdDSA',
        kid: keys.privateJwk.kid,
        typ: 'gateway-identity+jwt',
      })
      .setSubject('u1')
      .setIssuer(TRUST_ISSUER)
      .setAudience(trustAudience('mach'))
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime('1d')
      .sign(await importJWK(keys.privateJwk, 'EdDSA'));
    await refusal(verifier().verify(longLived));
  });

  it('refuses a malformed header', async () => {
    const error = await refusal(verifier().verify('Bearer abc'));
    expect(error.message).toMatch(/malformed/);
  });
});

describe('trust: misuse', () => {
  it('the signer needs the private key', () => {
    expect(() => createTrustSigner(keys.publicJwk)).toThrow(TypeError);
  });
});
