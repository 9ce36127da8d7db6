import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLError } from 'graphql';
import { base64url, importJWK, SignJWT, type JWK } from 'jose';
import { createTokenVerifier, type TokenVerifier } from './auth';
import { ensureIssuerKeys, mintToken, type IssuerKeys } from './keys';
import { serveJson } from '../test/support/servers';

const issuer = 'urn:test:issuer';
const audience = 'urn:test:gateway';

let directory: string;
let keys: IssuerKeys;
let otherKeys: IssuerKeys;
let verifier: TokenVerifier;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'auth-test-'));
  keys = await ensureIssuerKeys(join(directory, 'real'));
  otherKeys = await ensureIssuerKeys(join(directory, 'other'));
  verifier = createTokenVerifier({
    issuer,
    audience,
    jwks: { keys: keys.publicJwks },
  });
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

function police(overrides: { issuer?: string; audience?: string } = {}) {
  return {
    role: 'police' as const,
    zone: '5339',
    issuer,
    audience,
    expiresIn: '5m',
    ...overrides,
  };
}

/** Signs arbitrary claims with a key, bypassing mintToken's checks. */
async function signRaw(
  jwk: JWK,
  claims: Record<string, unknown>,
  options: { exp?: string | null } = {},
): Promise<string> {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: jwk.kid })
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt();
  if (options.exp !== null) jwt.setExpirationTime(options.exp ?? '5m');
  return jwt.sign(await importJWK(jwk, 'ES256'));
}

async function refusal(check: Promise<unknown>): Promise<GraphQLError> {
  try {
    await check;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return error;
  }
  throw new Error('expected the token to be refused');
}

async function expectUnauthenticated(
  authorization: string | undefined,
  message: RegExp,
): Promise<void> {
  const error = await refusal(verifier.verify(authorization));
  expect(error.message).toMatch(message);
  expect(error.extensions.code).toBe('UNAUTHENTICATED');
  expect(error.extensions.http).toMatchObject({ status: 401 });
  const token = authorization?.replace(/^Bearer /, '') ?? '';
  if (token.length > 10) expect(error.message).not.toContain(token);
}

describe('createTokenVerifier: accepted tokens', () => {
  it('turns a valid token into an identity', async () => {
    const token = await mintToken(keys.privateJwk, police());
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toEqual({
      subject: 'local-police',
      role: 'police',
      zone: '5339',
    });
  });

  it('accepts the scheme in any case', async () => {
    const token = await mintToken(keys.privateJwk, police());
    await expect(verifier.verify(`bearer ${token}`)).resolves.toMatchObject({
      role: 'police',
    });
  });
});

describe('createTokenVerifier: refused tokens', () => {
  it('refuses a request without a token', async () => {
    await expectUnauthenticated(undefined, /Missing bearer token/);
    await expectUnauthenticated('', /Missing bearer token/);
  });

  it('refuses another scheme', async () => {
    await expectUnauthenticated('Basic dXNlcjpwYXNz', /"Bearer <token>"/);
  });

  it('refuses an expired token', async () => {
    const token = await mintToken(
      keys.privateJwk,
      { ...police(), expiresIn: '-5m' },
    );
    await expectUnauthenticated(`Bearer ${token}`, /has expired/);
  });

  it('refuses a token from another issuer', async () => {
    const token = await mintToken(
      keys.privateJwk,
      police({ issuer: 'urn:someone-else' }),
    );
    await expectUnauthenticated(`Bearer ${token}`, /untrusted issuer/);
  });

  it('refuses a token for another audience', async () => {
    const token = await mintToken(
      keys.privateJwk,
      police({ audience: 'urn:another-api' }),
    );
    await expectUnauthenticated(`Bearer ${token}`, /another audience/);
  });

  it('refuses a token forged with another key under the real kid', async () => {
    const forger = { ...otherKeys.privateJwk, kid: keys.privateJwk.kid };
    const token = await mintToken(forger, police());
    await expectUnauthenticated(`Bearer ${token}`, /signature is not valid/);
  });

  it('refuses a token signed by a key the issuer never published', async () => {
    const token = await mintToken(otherKeys.privateJwk, police());
    await expectUnauthenticated(`Bearer ${token}`, /unknown key/);
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const header = base64url.encode(JSON.stringify({ alg: 'none' }));
    const payload = base64url.encode(
      JSON.stringify({
        sub: 'intruder',
        role: 'analyst',
        iss: issuer,
        aud: audience,
        iat: now,
        exp: now + 300,
      }),
    );
    const token = `${header}.${payload}.`;
    await expectUnauthenticated(`Bearer ${token}`, /alg: none/);
  });

  it('refuses an algorithm outside the accepted list (HS256)', async () => {
    const secret = new TextEncoder().encode('x'.repeat(32));
    const token = await new SignJWT({ role: 'analyst' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('intruder')
      .setIssuer(issuer)
      .setAudience(audience)
      .setExpirationTime('5m')
      .sign(secret);
    await expectUnauthenticated(`Bearer ${token}`, /algorithm/);
  });

  it('refuses a token with an unknown role', async () => {
    const token = await signRaw(keys.privateJwk, {
      sub: 'u1',
      role: 'admin',
    });
    await expectUnauthenticated(`Bearer ${token}`, /no known role/);
  });

  it('refuses a token with the gateway\'s own role, though well signed',
    async () => {
      const token = await signRaw(keys.privateJwk, {
        sub: 'u1',
        role: 'gateway',
      });
      await expectUnauthenticated(
        `Bearer ${token}`,
        /role gateway is the gateway's own; no access token may carry it/,
      );
    });

  it('refuses a role without its scope claim', async () => {
    const token = await signRaw(keys.privateJwk, {
      sub: 'u1',
      role: 'magistrate',
    });
    await expectUnauthenticated(
      `Bearer ${token}`,
      /role magistrate needs a arrondissement claim/,
    );
  });

  it('refuses a token that never expires', async () => {
    const token = await signRaw(
      keys.privateJwk,
      { sub: 'u1', role: 'analyst' },
      { exp: null },
    );
    await expectUnauthenticated(`Bearer ${token}`, /required claim \(exp\)/);
  });

  it('refuses garbage', async () => {
    await expectUnauthenticated('Bearer not.a.token', /malformed/);
    await expectUnauthenticated(`Bearer ${'a'.repeat(9000)}`, /malformed/);
  });
});

describe('createTokenVerifier: JWKS by URL', () => {
  it('fetches the keys once and verifies with them', async () => {
    const jwks = await serveJson(keys.publicJwks);
    try {
      const remote = createTokenVerifier({
        issuer,
        audience,
        jwks: { url: jwks.url },
      });
      const token = await mintToken(keys.privateJwk, police());
      await expect(remote.verify(`Bearer ${token}`)).resolves.toMatchObject({
        role: 'police',
      });
      await remote.verify(`Bearer ${token}`);
      expect(jwks.hits()).toBe(1);
    } finally {
      await jwks.close();
    }
  });

  it('answers 503, not 401, when the JWKS endpoint is down', async () => {
    const jwks = await serveJson(keys.publicJwks);
    await jwks.close();
    const remote = createTokenVerifier({
      issuer,
      audience,
      jwks: { url: jwks.url },
    });
    const token = await mintToken(keys.privateJwk, police());
    const error = await refusal(remote.verify(`Bearer ${token}`));
    expect(error.extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(error.extensions.http).toMatchObject({ status: 503 });
  });

  it('never lists none among the accepted algorithms', () => {
    expect(() =>
      createTokenVerifier({
        issuer,
        audience,
        jwks: { keys: keys.publicJwks },
        algorithms: ['ES256', 'none'],
      }),
    ).toThrow(TypeError);
  });
});
