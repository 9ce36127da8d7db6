/**
 * Signing keys for the embedded default set-up, kept as JWK files.
 *
 * Two pairs live under one directory (KEYS_DIR, `data/keys` by default):
 *
 *   issuer.private.jwk.json   ES256, signs local access tokens (0600)
 *   issuer.jwks.json          its public half, as a JWKS the gateway reads
 *   trust.private.jwk.json    EdDSA Ed25519, signs the gateway's identity
 *                             header to the subgraphs (0600)
 *   trust.public.jwk.json     its public half, which every subgraph reads
 *
 * The first start creates them; later starts reuse them, so tokens minted
 * yesterday still verify. In production the access tokens come from the
 * real issuer (AUTH_JWKS_URL) and only the trust pair is local.
 */
import { randomUUID } from 'node:crypto';
import {
  chmod,
  link,
  mkdir,
  readFile,
  rename,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
  type JSONWebKeySet,
  type JWK,
} from 'jose';
import { identityFromAccessToken, type Role } from './identity';

export const ISSUER_ALGORITHM = 'ES256';
export const TRUST_ALGORITHM = 'EdDSA';

export const KEY_FILES = {
  issuerPrivate: 'issuer.private.jwk.json',
  issuerJwks: 'issuer.jwks.json',
  trustPrivate: 'trust.private.jwk.json',
  trustPublic: 'trust.public.jwk.json',
} as const;

export interface IssuerKeys {
  readonly privateJwk: JWK;
  readonly publicJwks: JSONWebKeySet;
}

export interface TrustKeys {
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

export interface LocalKeys {
  readonly issuer: IssuerKeys;
  readonly trust: TrustKeys;
}

/** True for a private Ed25519 JWK: the shape of the gateway-trust key. */
export function isPrivateEd25519Jwk(value: unknown): value is JWK {
  if (typeof value !== 'object' || value === null) return false;
  const jwk = value as Record<string, unknown>;
  return (
    jwk.kty === 'OKP' &&
    jwk.crv === 'Ed25519' &&
    typeof jwk.x === 'string' &&
    typeof jwk.d === 'string'
  );
}

/** True for a public Ed25519 JWK: what a subgraph holds to check trust. */
export function isPublicEd25519Jwk(value: unknown): value is JWK {
  if (typeof value !== 'object' || value === null) return false;
  const jwk = value as Record<string, unknown>;
  return (
    jwk.kty === 'OKP' &&
    jwk.crv === 'Ed25519' &&
    typeof jwk.x === 'string' &&
    jwk.d === undefined
  );
}

/** JWK members that hold private material, for every key type. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

/** The public half of a key pair's JWK. */
export function publicJwkOf(jwk: JWK): JWK {
  const entries = Object.entries(jwk).filter(
    ([member]) => !PRIVATE_MEMBERS.includes(member),
  );
  return Object.fromEntries(entries) as JWK;
}

/** Private: a fresh pair as a private JWK with its thumbprint as `kid`. */
async function generatePrivateJwk(alg: string): Promise<JWK> {
  const options = alg === 'EdDSA' ? { crv: 'Ed25519' } : {};
  const { privateKey } = await generateKeyPair(alg, {
    ...options,
    extractable: true,
  });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { ...jwk, kid, alg, use: 'sig' };
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

function isTaken(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'EEXIST';
}

/** Private: reads a private JWK, refusing one others can read. */
async function readPrivateJwk(path: string, alg: string): Promise<JWK> {
  const { mode } = await stat(path);
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    const octal = (mode & 0o777).toString(8);
    throw new Error(
      `${path} is readable by other users (mode ${octal}); chmod 600 it`,
    );
  }
  const jwk = JSON.parse(await readFile(path, 'utf8')) as JWK;
  if (typeof jwk.d !== 'string' || typeof jwk.kid !== 'string') {
    throw new Error(`${path} is not a private JWK with a kid`);
  }
  if (jwk.alg !== alg) {
    throw new Error(`${path} holds an ${jwk.alg} key, expected ${alg}`);
  }
  return jwk;
}

/**
 * Private: writes a file once. Two processes starting together (the
 * gateway and a subgraph) may both generate a key; `link` fails for the
 * second, which then uses the first one's file.
 */
async function writeOnce(path: string, text: string): Promise<void> {
  const temporary = `${path}.${randomUUID()}.tmp`;
  await writeFile(temporary, text, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, path);
  } catch (error) {
    if (!isTaken(error)) throw error;
  } finally {
    await unlink(temporary);
  }
}

/** Private: replaces a public file atomically (readers never see half). */
async function writePublic(path: string, value: unknown): Promise<void> {
  const temporary = `${path}.${randomUUID()}.tmp`;
  await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`);
  await chmod(temporary, 0o644);
  await rename(temporary, path);
}

async function loadOrCreatePrivate(path: string, alg: string): Promise<JWK> {
  try {
    return await readPrivateJwk(path, alg);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  const jwk = await generatePrivateJwk(alg);
  await writeOnce(path, `${JSON.stringify(jwk, null, 2)}\n`);
  return readPrivateJwk(path, alg);
}

async function prepareDirectory(directory: string): Promise<void> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
}

/** Creates on first use, then reuses, the local issuer's ES256 pair. */
export async function ensureIssuerKeys(directory: string): Promise<IssuerKeys> {
  await prepareDirectory(directory);
  const privateJwk = await loadOrCreatePrivate(
    join(directory, KEY_FILES.issuerPrivate),
    ISSUER_ALGORITHM,
  );
  const publicJwks = { keys: [publicJwkOf(privateJwk)] };
  await writePublic(join(directory, KEY_FILES.issuerJwks), publicJwks);
  return { privateJwk, publicJwks };
}

/** Creates on first use, then reuses, the gateway-trust Ed25519 pair. */
export async function ensureTrustKeys(directory: string): Promise<TrustKeys> {
  await prepareDirectory(directory);
  const privateJwk = await loadOrCreatePrivate(
    join(directory, KEY_FILES.trustPrivate),
    TRUST_ALGORITHM,
  );
  const publicJwk = publicJwkOf(privateJwk);
  await writePublic(join(directory, KEY_FILES.trustPublic), publicJwk);
  return { privateJwk, publicJwk };
}

/** Both local pairs; see the file comment for the layout. */
export async function ensureLocalKeys(directory: string): Promise<LocalKeys> {
  const issuer = await ensureIssuerKeys(directory);
  const trust = await ensureTrustKeys(directory);
  return { issuer, trust };
}

/**
 * The gateway-trust public key, for a subgraph. It does not create one:
 * a subgraph that finds none was started before the gateway's keys exist.
 */
export async function readTrustPublicKey(directory: string): Promise<JWK> {
  const path = join(directory, KEY_FILES.trustPublic);
  try {
    return JSON.parse(await readFile(path, 'utf8')) as JWK;
  } catch (error) {
    if (!isMissing(error)) throw error;
    const hint = 'start the gateway (or `npm run token`) once to create it';
    throw new Error(`${path} does not exist: ${hint}`);
  }
}

export interface MintOptions {
  readonly role: Role;
  readonly zone?: string;
  readonly arrondissement?: string;
  readonly province?: string;
  /** The token's `sub`; default `local-<role>`. */
  readonly subject?: string;
  readonly issuer: string;
  readonly audience: string;
  /** A duration such as `8h` or `30m`; `-5m` makes an expired token. */
  readonly expiresIn: string;
}

/**
 * Signs an access token for the local issuer; refuses invalid callers
 * and the gateway's own role, which only the trust header carries.
 */
export async function mintToken(
  privateJwk: JWK,
  options: MintOptions,
): Promise<string> {
  const { role, zone, arrondissement, province } = options;
  const subject = options.subject ?? `local-${role}`;
  const claims = { role, zone, arrondissement, province };
  const checked = identityFromAccessToken({ ...claims, sub: subject });
  if ('error' in checked) {
    throw new TypeError(`Cannot mint a token: ${checked.error}`);
  }
  const alg = privateJwk.alg ?? ISSUER_ALGORITHM;
  const token = new SignJWT(claims)
    .setProtectedHeader({ alg, kid: privateJwk.kid, typ: 'JWT' })
    .setSubject(subject)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt()
    .setJti(randomUUID());
  try {
    token.setExpirationTime(options.expiresIn);
  } catch {
    const got = JSON.stringify(options.expiresIn);
    const expected = 'a duration such as "8h" or "30m"';
    throw new TypeError(`The token lifetime must be ${expected}, got ${got}`);
  }
  return token.sign(await importJWK(privateJwk, alg));
}
