import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import {
  ensureIssuerKeys,
  ensureLocalKeys,
  KEY_FILES,
  mintToken,
  readTrustPublicKey,
} from './keys';

let root: string;
let count = 0;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'keys-test-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A fresh keys directory for each test. */
function freshDirectory(): string {
  count += 1;
  return join(root, `keys-${count}`, 'nested');
}

async function modeOf(path: string): Promise<number> {
  return (await stat(path)).mode & 0o777;
}

describe('ensureLocalKeys', () => {
  it('creates both pairs on first use, private files 0600', async () => {
    const directory = freshDirectory();
    const keys = await ensureLocalKeys(directory);
    expect(keys.issuer.privateJwk).toMatchObject({ kty: 'EC', alg: 'ES256' });
    expect(keys.trust.privateJwk).toMatchObject({
      kty: 'OKP',
      crv: 'Ed25519',
      alg: 'EdDSA',
    });
    expect(keys.issuer.privateJwk.kid).toEqual(expect.any(String));
    expect(keys.trust.privateJwk.kid).toEqual(expect.any(String));
    expect(await modeOf(join(directory, KEY_FILES.issuerPrivate))).toBe(0o600);
    expect(await modeOf(join(directory, KEY_FILES.trustPrivate))).toBe(0o600);
    expect(await modeOf(directory)).toBe(0o700);
  });

  it('publishes only public halves', async () => {
    const directory = freshDirectory();
    const keys = await ensureLocalKeys(directory);
    const path = join(directory, KEY_FILES.issuerJwks);
    const jwks = JSON.parse(await readFile(path, 'utf8')) as {
      keys: Array<Record<string, unknown>>;
    };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).not.toHaveProperty('d');
    expect(jwks.keys[0]?.kid).toBe(keys.issuer.privateJwk.kid);
    const trustPublic = await readTrustPublicKey(directory);
    expect(trustPublic).not.toHaveProperty('d');
    expect(trustPublic.kid).toBe(keys.trust.privateJwk.kid);
  });

  it('reuses the keys on later starts', async () => {
    const directory = freshDirectory();
    const first = await ensureLocalKeys(directory);
    const second = await ensureLocalKeys(directory);
    expect(second).toEqual(first);
  });

  it('agrees on one key when two processes start together', async () => {
    const directory = freshDirectory();
    const results = await Promise.all([
      ensureIssuerKeys(directory),
      ensureIssuerKeys(directory),
      ensureIssuerKeys(directory),
    ]);
    const kids = new Set(results.map((keys) => keys.privateJwk.kid));
    expect(kids.size).toBe(1);
  });

  it('refuses a private key file others can read', async () => {
    const directory = freshDirectory();
    await ensureIssuerKeys(directory);
    await chmod(join(directory, KEY_FILES.issuerPrivate), 0o644);
    await expect(ensureIssuerKeys(directory)).rejects.toThrow(
      /readable by other users \(mode 644\)/,
    );
  });

  it('tells a subgraph started first where its key comes from', async () => {
    await expect(readTrustPublicKey(freshDirectory())).rejects.toThrow(
      /does not exist: start the gateway/,
    );
  });
});

describe('mintToken', () => {
  const base = {
    issuer: 'urn:test:issuer',
    audience: 'urn:test:gateway',
    expiresIn: '8h',
  };

  it('signs the claims with the key id and the lifetime asked', async () => {
    const { issuer } = await ensureLocalKeys(freshDirectory());
    const token = await mintToken(issuer.privateJwk, {
      ...base,
      role: 'cic',
      province: 'WHT',
    });
    expect(decodeProtectedHeader(token)).toMatchObject({
      alg: 'ES256',
      kid: issuer.privateJwk.kid,
    });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      sub: 'local-cic',
      role: 'cic',
      province: 'WHT',
      iss: base.issuer,
      aud: base.audience,
    });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(8 * 3600);
  });

  it('refuses a role without its scope claim', async () => {
    const { issuer } = await ensureLocalKeys(freshDirectory());
    await expect(
      mintToken(issuer.privateJwk, { ...base, role: 'victim-support' }),
    ).rejects.toThrow('role victim-support needs a arrondissement claim');
  });

  it('refuses the gateway\'s own role, which no access token carries',
    async () => {
      const { issuer } = await ensureLocalKeys(freshDirectory());
      await expect(
        mintToken(issuer.privateJwk, { ...base, role: 'gateway' }),
      ).rejects.toThrow(
        "Cannot mint a token: role gateway is the gateway's own; no access token may carry it",
      );
    });

  it('refuses a lifetime it cannot read', async () => {
    const { issuer } = await ensureLocalKeys(freshDirectory());
    await expect(
      mintToken(issuer.privateJwk, {
        ...base,
        role: 'app112',
        expiresIn: 'soon',
      }),
    ).rejects.toThrow(
      'The token lifetime must be a duration such as "8h" or "30m", got "soon"',
    );
  });
});
