/**
 * Issue 6, hostile tokens: a mutation sent with a forged, expired,
 * unsigned or ill-claimed token is refused with 401 UNAUTHENTICATED
 * before anything runs, and the protection store keeps every row.
 */
import { generateKeyPair, importJWK, SignJWT } from 'jose';
import { describeEachDatabase } from '../support/databases';
import { postGraphQL } from '../support/graph';
import { requestInput, startProtectionGraph } from '../protection/support';
import {
  expectStillServing,
  GOOD_READER_ZONE,
  openRawSocket,
  StoreWatcher,
} from './support';

const ISSUER = 'urn:stalking-alarm:local-issuer';
const AUDIENCE = 'urn:stalking-alarm:gateway';
const ZONE = '5345';

const REQUEST = /* GraphQL */ `
  mutation ($input: RequestProtectionInput!) {
    requestProtection(input: $input) { id }
  }
`;

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function claims(extra: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: 'intruder', role: 'police', zone: ZONE,
    iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 600, ...extra,
  };
}

describeEachDatabase('issue 6: hostile tokens', (storage) => {
  let stack: Awaited<ReturnType<typeof startProtectionGraph>>['stack'];
  let watcher: StoreWatcher;
  let police: string;

  beforeAll(async () => {
    ({ stack } = await startProtectionGraph(storage()));
    // The zone that manages the measure the good read asks for.
    police = await stack.token({ role: 'police', zone: GOOD_READER_ZONE });
    watcher = await StoreWatcher.open(storage());
  }, 60_000);

  afterAll(async () => {
    await watcher?.close();
    await stack?.cleanUp();
  });

  /** Signs `payload` with the issuer's key id but a key of our own. */
  async function forged(payload: object): Promise<string> {
    const { privateKey } = await generateKeyPair('ES256');
    return new SignJWT({ ...payload })
      .setProtectedHeader({
        alg: 'ES256',
        kid: stack.keys.issuer.privateJwk.kid,
      })
      .sign(privateKey);
  }

  /** Signs `payload` with the real issuer's key. */
  async function genuine(payload: object): Promise<string> {
    const { privateJwk } = stack.keys.issuer;
    const key = await importJWK(privateJwk, 'ES256');
    return new SignJWT({ ...payload })
      .setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid })
      .sign(key);
  }

  const CASES: Array<[string, () => Promise<string>, RegExp]> = [
    ['signed by another key', () => forged(claims()), /signature/i],
    ['expired', () => stack.token({
      role: 'police', zone: ZONE, expiresIn: '-5m',
    }), /expired/i],
    ['unsigned (alg: none)', async () => [
      base64url({ alg: 'none', typ: 'JWT' }), base64url(claims()), '',
    ].join('.'), /none|unsigned|algorithm|JWS/i],
    ['signed with a symmetric algorithm', async () => new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('guess')), /alg|algorithm/i],
    ['with an unknown role', () => genuine(claims({ role: 'admin' })),
      /role/i],
    ["with the gateway's own role", () => genuine(claims({ role: 'gateway' })),
      /role/i],
    ['without its zone', () => genuine(claims({ zone: undefined })),
      /zone/i],
    ['for another audience', () => genuine(claims({ aud: 'elsewhere' })),
      /aud/i],
    ['from another issuer', () => genuine(claims({ iss: 'elsewhere' })),
      /iss/i],
    ['that is no JWT', async () => 'not-a-token', /token|JWS|JWT/i],
  ];

  it.each(CASES)('refuses a token %s with 401, changing nothing',
    async (_, tokenOf, reason) => {
      const token = await tokenOf();
      const before = await watcher.snapshot();

      const { status, body } = await postGraphQL(stack.gatewayUrl, REQUEST, {
        token,
        variables: { input: requestInput(ZONE, '2026-12-02') },
      });

      expect(status).toBe(401);
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([expect.objectContaining({
        message: expect.stringMatching(reason),
        extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }),
      })]);
      expect(await watcher.snapshot()).toEqual(before);
      await expectStillServing(stack.gatewayUrl, police);
    });

  it('refuses the same tokens on the socket with 4403', async () => {
    for (const [, tokenOf] of CASES) {
      const socket = await openRawSocket(stack.gatewayUrl);
      socket.send({
        type: 'connection_init',
        payload: { authorization: `Bearer ${await tokenOf()}` },
      });

      expect((await socket.waitForClose()).code).toBe(4403);
    }
  });
});
