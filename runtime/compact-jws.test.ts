import { generateKeyPairSync, sign } from 'node:crypto';
import { compactVerify, CompactSign } from 'jose';
import {
  ed25519Signer,
  JwsRefusal,
  verifyEd25519,
  type JwsFailure,
} from './compact-jws';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const expected = { typ: 'test+jwt' };
const signed = ed25519Signer(privateKey, { kid: 'k1', typ: 'test+jwt' });

function failureOf(compact: string, key = publicKey): JwsFailure {
  try {
    verifyEd25519(compact, key, expected);
  } catch (error) {
    if (error instanceof JwsRefusal) return error.failure;
    throw error;
  }
  throw new Error('expected a refusal');
}

function part(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Private: any header and payload part, signed by hand. */
function handSigned(header: Record<string, unknown>, payload: string): string {
  const input = `${part(header)}.${payload}`;
  const signature = sign(null, Buffer.from(input), privateKey);
  return `${input}.${signature.toString('base64url')}`;
}

/** A JWS signed by jose with any protected header. */
async function joseSigned(header: Record<string, unknown>): Promise<string> {
  return new CompactSign(Buffer.from(part({ sub: 'u1' }), 'base64url'))
    .setProtectedHeader({ alg: 'EdDSA', ...header })
    .sign(privateKey);
}

describe('compact JWS: round trip', () => {
  it('answers the payload signed', () => {
    const compact = signed({ sub: 'u1', n: 2 });
    expect(verifyEd25519(compact, publicKey, expected))
      .toEqual({ sub: 'u1', n: 2 });
  });

  it('signs what a JOSE library verifies, and verifies what it signs', async () => {
    const compact = signed({ sub: 'u1' });
    const { protectedHeader } = await compactVerify(compact, publicKey);
    expect(protectedHeader).toEqual({ alg: 'EdDSA', kid: 'k1', typ: 'test+jwt' });
    const theirs = await joseSigned({ typ: 'test+jwt' });
    expect(verifyEd25519(theirs, publicKey, expected)).toEqual({ sub: 'u1' });
  });
});

describe('compact JWS: refusals', () => {
  it('refuses another key’s signature', () => {
    expect(failureOf(signed({ sub: 'u1' }), other.publicKey))
      .toBe('bad-signature');
  });

  it('refuses a payload changed after signing', () => {
    const [header, , signature] = signed({ sub: 'u1' }).split('.');
    const changed = `${header}.${part({ sub: 'u2' })}.${signature}`;
    expect(failureOf(changed)).toBe('bad-signature');
  });

  it('refuses an unsigned header (alg none) and other algorithms', () => {
    const payload = part({ sub: 'u1' });
    expect(failureOf(`${part({ alg: 'none', typ: 'test+jwt' })}.${payload}.`))
      .toBe('malformed');
    const [, , signature] = signed({ sub: 'u1' }).split('.');
    for (const alg of ['none', 'HS256', 'ES256']) {
      const header = part({ alg, typ: 'test+jwt' });
      expect(failureOf(`${header}.${payload}.${signature}`)).toBe('algorithm');
    }
  });

  it('refuses extensions it does not understand (crit, b64)', () => {
    const payload = part({ sub: 'u1' });
    const header = { alg: 'EdDSA', typ: 'test+jwt' };
    expect(failureOf(handSigned({ ...header, crit: ['exp'], exp: 1 }, payload)))
      .toBe('malformed');
    expect(failureOf(handSigned({ ...header, b64: false }, payload)))
      .toBe('malformed');
  });

  it('refuses another type', async () => {
    expect(failureOf(await joseSigned({ typ: 'JWT' }))).toBe('type');
    expect(failureOf(await joseSigned({}))).toBe('type');
  });

  it('refuses what is not three base64url parts with a 64-byte signature', () => {
    const compact = signed({ sub: 'u1' });
    expect(failureOf(`${compact}.x`)).toBe('malformed');
    expect(failureOf(compact.slice(0, -2))).toBe('malformed');
    expect(failureOf(compact.replace('.', '+'))).toBe('malformed');
    expect(failureOf(`${part([1])}.${part({})}.${'A'.repeat(86)}`))
      .toBe('malformed');
  });

  it('refuses a payload that is not a JSON object', () => {
    const header = { alg: 'EdDSA', typ: 'test+jwt' };
    expect(failureOf(handSigned(header, part([1, 2])))).toBe('malformed');
    expect(failureOf(handSigned(header, part('text')))).toBe('malformed');
    const notJson = Buffer.from('{sub').toString('base64url');
    expect(failureOf(handSigned(header, notJson))).toBe('malformed');
  });
});
