/**
 * Who may talk to what: the gateway takes only verified bearer tokens,
 * and a subgraph takes only requests the gateway signed for it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { mintToken } from '../runtime/keys';
import { createTrustSigner } from '../runtime/trust';
import { DEMO } from '../storage/demo-data';
import { postGraphQL, startDemoGraph } from './support/graph';

type Stack = Awaited<ReturnType<typeof startDemoGraph>>;

const QUERY = `query ($id: ID!) {
  protectionMeasure(id: $id) { id suspect { bng { wanted } } }
}`;
const variables = { id: DEMO.measureIds.activeWithEverything };
const ISSUER = 'urn:stalking-alarm:local-issuer';
const AUDIENCE = 'urn:stalking-alarm:gateway';

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

async function otherEd25519Key(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('EdDSA', {
    crv: 'Ed25519',
    extractable: true,
  });
  return exportJWK(privateKey);
}

describe('the trust boundary', () => {
  let stack: Stack;
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'sat-trust-'));
    stack = await startDemoGraph({ driver: 'sqlite', directory });
  }, 60_000);

  afterAll(async () => {
    await stack?.cleanUp();
    await rm(directory, { recursive: true, force: true });
  });

  async function expectRefused(token: string | undefined, reason: RegExp) {
    const { status, body } = await postGraphQL(stack.gatewayUrl, QUERY, {
      token,
      variables,
    });
    expect(status).toBe(401);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(reason),
        extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }),
      }),
    ]);
  }

  describe('at the gateway', () => {
    it('answers a caller with a valid token', async () => {
      const token = await stack.token({ role: 'magistrate', arrondissement: 'ANT' });
      const { status, body } = await postGraphQL(stack.gatewayUrl, QUERY, {
        token,
        variables,
      });
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual({
        protectionMeasure: {
          id: variables.id,
          suspect: { bng: { wanted: expect.any(Boolean) } },
        },
      });
    });

    it('refuses a request without a token', async () => {
      await expectRefused(undefined, /bearer token/i);
    });

    it('refuses an expired token', async () => {
      const token = await stack.token({ role: 'analyst', expiresIn: '-5m' });
      await expectRefused(token, /expired/i);
    });

    it('refuses a token signed by another key', async () => {
      const { privateKey } = await generateKeyPair('ES256', {
        extractable: true,
      });
      const forgedKey = {
        ...(await exportJWK(privateKey)),
        kid: stack.keys.issuer.privateJwk.kid,
      };
      const token = await mintToken(forgedKey, {
        role: 'analyst',
        issuer: ISSUER,
        audience: AUDIENCE,
        expiresIn: '1h',
      });
      await expectRefused(token, /signature/i);
    });

    it('refuses an unsigned token (alg: none)', async () => {
      const now = Math.floor(Date.now() / 1000);
      const token = [
        base64url({ alg: 'none', typ: 'JWT' }),
        base64url({
          sub: 'intruder',
          role: 'magistrate',
          arrondissement: 'ANT',
          iss: ISSUER,
          aud: AUDIENCE,
          iat: now,
          exp: now + 600,
        }),
        '',
      ].join('.');
      await expectRefused(token, /none|unsigned|algorithm/i);
    });
  });

  describe('at a subgraph', () => {
    const subgraphQuery = `query ($id: ID!) {
      protectionMeasure(id: $id) { id reference }
    }`;

    it('refuses a direct call without the gateway signature', async () => {
      const token = await stack.token({ role: 'analyst' });
      const { status, body } = await postGraphQL(
        stack.subgraphUrls.protection,
        subgraphQuery,
        // A bearer token, however valid, is not the gateway's signature.
        { token, variables },
      );
      expect(status).toBe(401);
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a bare identity header', async () => {
      const bare = base64url({ role: 'magistrate', sub: 'someone' });
      const { status } = await postGraphQL(
        stack.subgraphUrls.protection,
        subgraphQuery,
        { variables, headers: { 'x-gateway-identity': bare } },
      );
      expect(status).toBe(401);
    });

    it('refuses a signature made for another subgraph', async () => {
      const signer = createTrustSigner(stack.keys.trust.privateJwk);
      const forBng = await signer.sign(
        { subject: 'u1', role: 'analyst' },
        { subgraph: 'bng', requestId: 'r1' },
      );
      const { status } = await postGraphQL(
        stack.subgraphUrls.protection,
        subgraphQuery,
        { variables, headers: { 'x-gateway-identity': forBng } },
      );
      expect(status).toBe(401);
    });

    it('refuses a signature by a key other than the gateway’s', async () => {
      const signer = createTrustSigner(await otherEd25519Key());
      const forged = await signer.sign(
        { subject: 'u1', role: 'analyst' },
        { subgraph: 'protection', requestId: 'r1' },
      );
      const { status } = await postGraphQL(
        stack.subgraphUrls.protection,
        subgraphQuery,
        { variables, headers: { 'x-gateway-identity': forged } },
      );
      expect(status).toBe(401);
    });

    it('answers a call the gateway signed for it', async () => {
      const signer = createTrustSigner(stack.keys.trust.privateJwk);
      // Rupel's police, who manage the measure asked for.
      const signed = await signer.sign(
        { subject: 'u1', role: 'police', zone: '5347' },
        { subgraph: 'protection', requestId: 'r1' },
      );
      const { status, body } = await postGraphQL(
        stack.subgraphUrls.protection,
        subgraphQuery,
        { variables, headers: { 'x-gateway-identity': signed } },
      );
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual({
        protectionMeasure: { id: variables.id, reference: expect.any(String) },
      });
    });

    it('judges a signed call by its own rules, whatever the gateway let '
      + 'through', async () => {
      const signer = createTrustSigner(stack.keys.trust.privateJwk);
      const signed = await signer.sign(
        { subject: 'u1', role: 'analyst' },
        { subgraph: 'protection', requestId: 'r1' },
      );
      const { status, body } = await postGraphQL(
        stack.subgraphUrls.protection,
        subgraphQuery,
        { variables, headers: { 'x-gateway-identity': signed } },
      );
      expect(status).toBe(200);
      expect(body.data).toEqual({ protectionMeasure: null });
      expect(body.errors).toEqual([expect.objectContaining({
        message: 'Query.protectionMeasure is for police, cic, magistrate, '
          + 'victim-support; this caller is analyst.',
        path: ['protectionMeasure'],
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      })]);
    });
  });
});

