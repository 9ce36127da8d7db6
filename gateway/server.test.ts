/**
 * The gateway against two tiny real subgraphs on ephemeral ports: `fast`
 * answers at once, `slow` takes longer than the gateway's fetch timeout.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse } from 'graphql';
import { base64url } from 'jose';
import { createTokenVerifier } from '../runtime/auth';
import { hostGraphQL, type HostedGraphQL } from '../runtime/http';
import type { Identity } from '../runtime/identity';
import type { Logger } from '../runtime/logger';
import { ensureLocalKeys, mintToken, type LocalKeys } from '../runtime/keys';
import {
  createTrustSigner,
  createTrustVerifier,
  GATEWAY_IDENTITY_HEADER,
} from '../runtime/trust';
import { closeServer, recordLogs } from '../test/support/servers';
import { readGatewayConfig, type GatewayConfig } from './config';
import {
  formatGatewayError,
  startGateway,
  type RunningGateway,
} from './server';

const ISSUER = 'urn:test:issuer';
const AUDIENCE = 'urn:test:gateway';
const TIMEOUT_MS = 300;

const FAST_SDL = `#graphql
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  type Query {
    fastField: String
    whoami: Caller
    boom: String
  }

  type Caller {
    subject: String!
    role: String!
    requestId: String!
  }
`;

const SLOW_SDL = `#graphql
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  type Query {
    slowField: String
  }
`;

interface SubgraphContext {
  readonly identity: Identity;
  readonly requestId: string;
}

/** A subgraph that records what reached it, HTTP request by request. */
interface RecordingSubgraph {
  readonly name: string;
  readonly hosted: HostedGraphQL;
  readonly requests: IncomingHttpHeaders[];
  /** TCP connections opened to it, to prove keep-alive reuse. */
  connections(): number;
  stop(): Promise<void>;
}

async function startSubgraph(
  name: string,
  sdl: string,
  resolvers: GraphQLResolverMap<SubgraphContext>,
  keys: LocalKeys,
): Promise<RecordingSubgraph> {
  const schema = buildSubgraphSchema([
    { typeDefs: parse(sdl), resolvers },
  ]);
  const { logger } = recordLogs(name);
  const server = new ApolloServer<SubgraphContext>({
    schema,
    logger,
    stopOnTerminationSignals: false,
  });
  await server.start();
  const trust = createTrustVerifier(keys.trust.publicJwk, { subgraph: name });
  const hosted = await hostGraphQL<SubgraphContext>({
    server,
    port: 0,
    logger,
    closeTimeoutMs: 100,
    context: async (request) => {
      const header = request.headers[GATEWAY_IDENTITY_HEADER];
      return trust.verify(typeof header === 'string' ? header : undefined);
    },
  });
  const requests: IncomingHttpHeaders[] = [];
  let connections = 0;
  hosted.httpServer.on('request', (request) => requests.push(request.headers));
  hosted.httpServer.on('connection', () => (connections += 1));
  return {
    name,
    hosted,
    requests,
    connections: () => connections,
    stop: async () => {
      await hosted.close();
      await server.stop();
    },
  };
}

function composeTestSupergraph(): string {
  const service = (name: string, sdl: string) => ({
    name,
    url: `http://${name}.invalid/graphql`,
    typeDefs: parse(sdl),
  });
  const result = composeServices([
    service('fast', FAST_SDL),
    service('slow', SLOW_SDL),
  ]);
  if (result.errors) {
    throw new Error(result.errors.map((e) => e.message).join('\n'));
  }
  return result.supergraphSdl;
}

let directory: string;
let keys: LocalKeys;
let fast: RecordingSubgraph;
let slow: RecordingSubgraph;
let supergraphSdl: string;
const timers = new Set<NodeJS.Timeout>();

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'gateway-test-'));
  keys = await ensureLocalKeys(directory);
  supergraphSdl = composeTestSupergraph();
  fast = await startSubgraph(
    'fast',
    FAST_SDL,
    {
      Query: {
        fastField: () => 'fast',
        whoami: (_: unknown, __: unknown, context: SubgraphContext) => ({
          subject: context.identity.subject,
          role: context.identity.role,
          requestId: context.requestId,
        }),
        boom: () => {
          throw new Error('SELECT * FROM persons WHERE nn = 85073003328');
        },
      },
    },
    keys,
  );
  slow = await startSubgraph(
    'slow',
    SLOW_SDL,
    {
      Query: {
        slowField: () =>
          new Promise((resolve) => {
            const timer = setTimeout(() => resolve('late'), TIMEOUT_MS * 3);
            timers.add(timer);
          }),
      },
    },
    keys,
  );
});

afterAll(async () => {
  for (const timer of timers) clearTimeout(timer);
  await Promise.all([fast.stop(), slow.stop()]);
  await rm(directory, { recursive: true, force: true });
});

function testConfig(env: NodeJS.ProcessEnv = {}): GatewayConfig {
  return readGatewayConfig({
    GATEWAY_PORT: '0',
    SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS),
    AUTH_ISSUER: ISSUER,
    AUTH_AUDIENCE: AUDIENCE,
    NODE_ENV: 'test',
    ...env,
  });
}

async function withGateway(
  run: (gateway: RunningGateway) => Promise<void>,
  config: GatewayConfig = testConfig(),
  subgraphUrls: Record<string, string> = {
    fast: fast.hosted.url,
    slow: slow.hosted.url,
  },
  logger: Logger = recordLogs('gateway').logger,
): Promise<void> {
  const gateway = await startGateway({
    config,
    logger,
    supergraphSdl,
    tokenVerifier: createTokenVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      jwks: { keys: keys.issuer.publicJwks },
    }),
    trustSigner: createTrustSigner(keys.trust.privateJwk),
    subgraphUrls,
  });
  try {
    await run(gateway);
  } finally {
    await gateway.stop();
  }
}

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{
    message: string;
    path?: Array<string | number>;
    extensions?: Record<string, unknown>;
  }>;
}

async function query(
  gateway: RunningGateway,
  text: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: GraphQLBody }> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: text }),
  });
  const body = (await response.json()) as GraphQLBody;
  return { status: response.status, body };
}

function analystToken(expiresIn = '5m'): Promise<string> {
  return mintToken(keys.issuer.privateJwk, {
    role: 'analyst',
    subject: 'u-7',
    issuer: ISSUER,
    audience: AUDIENCE,
    expiresIn,
  });
}

function unsignedToken(): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url.encode(JSON.stringify({ alg: 'none' }));
  const claims = { sub: 'x', role: 'analyst', iss: ISSUER, aud: AUDIENCE };
  const payload = base64url.encode(
    JSON.stringify({ ...claims, iat: now, exp: now + 300 }),
  );
  return `${header}.${payload}.`;
}

/** A fake subgraph that gives every request the same raw answer. */
async function answerWith(status: number, type: string, body: string) {
  const server = createServer((_request, response) => {
    response.statusCode = status;
    response.setHeader('content-type', type);
    response.end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () => closeServer(server),
  };
}

function resetRecordings(): void {
  fast.requests.length = 0;
  slow.requests.length = 0;
}

describe('gateway: authentication comes first', () => {
  beforeEach(resetRecordings);

  const cases: Array<[string, () => Promise<Record<string, string>>]> = [
    ['no token', async () => ({})],
    [
      'an expired token',
      async () => ({ authorization: `Bearer ${await analystToken('-5m')}` }),
    ],
    [
      'an unsigned token (alg: none)',
      async () => ({ authorization: `Bearer ${unsignedToken()}` }),
    ],
  ];

  it.each(cases)('refuses %s and calls no subgraph', async (_, headers) => {
    await withGateway(async (gateway) => {
      const { status, body } = await query(
        gateway,
        '{ fastField slowField }',
        await headers(),
      );
      expect(status).toBe(401);
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
    expect(fast.requests).toHaveLength(0);
    expect(slow.requests).toHaveLength(0);
  });
});

describe('gateway: what a subgraph receives', () => {
  beforeEach(resetRecordings);

  it('gets a signed identity for it alone, and the request id', async () => {
    await withGateway(async (gateway) => {
      const { status, body } = await query(
        gateway,
        '{ whoami { subject role requestId } }',
        {
          authorization: `Bearer ${await analystToken()}`,
          'x-request-id': 'gw-test-1',
        },
      );
      expect(status).toBe(200);
      expect(body).toEqual({
        data: {
          whoami: { subject: 'u-7', role: 'analyst', requestId: 'gw-test-1' },
        },
      });
    });

    expect(fast.requests).toHaveLength(1);
    const seen = fast.requests[0] ?? {};
    expect(seen['x-request-id']).toBe('gw-test-1');
    expect(seen.authorization).toBeUndefined();
    const header = seen[GATEWAY_IDENTITY_HEADER] as string;
    const forFast = createTrustVerifier(keys.trust.publicJwk, {
      subgraph: 'fast',
    });
    await expect(forFast.verify(header)).resolves.toEqual({
      identity: { subject: 'u-7', role: 'analyst' },
      requestId: 'gw-test-1',
    });
    const forSlow = createTrustVerifier(keys.trust.publicJwk, {
      subgraph: 'slow',
    });
    await expect(forSlow.verify(header)).rejects.toThrow(/another subgraph/);
  });

  it('reuses one kept-alive connection across requests', async () => {
    const before = fast.connections();
    await withGateway(async (gateway) => {
      const authorization = `Bearer ${await analystToken()}`;
      for (let i = 0; i < 3; i += 1) {
        await query(gateway, '{ fastField }', { authorization });
      }
    });
    expect(fast.requests).toHaveLength(3);
    expect(fast.connections() - before).toBe(1);
  });
});

describe('gateway: a failing subgraph empties only its part', () => {
  it('a subgraph slower than the timeout', async () => {
    const logs = recordLogs('gateway');
    await withGateway(async (gateway) => {
      const started = Date.now();
      const { status, body } = await query(gateway, '{ fastField slowField }', {
        authorization: `Bearer ${await analystToken()}`,
      });
      expect(Date.now() - started).toBeLessThan(TIMEOUT_MS * 3);
      expect(status).toBe(200);
      expect(body.data).toEqual({ fastField: 'fast', slowField: null });
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]).toMatchObject({
        message: `The slow subgraph did not answer within ${TIMEOUT_MS} ms`,
        path: ['slowField'],
        extensions: { code: 'SUBGRAPH_TIMEOUT', serviceName: 'slow' },
      });
    }, testConfig(), undefined, logs.logger);
    const failures = logs
      .lines()
      .filter((line) => line.msg === 'subgraph fetch failed');
    expect(failures).toEqual([
      expect.objectContaining({ subgraph: 'slow', level: 'warn' }),
    ]);
  });

  it('a subgraph that cannot be reached', async () => {
    const down = await startSubgraph('down', SLOW_SDL, {}, keys);
    const url = down.hosted.url;
    await down.stop();
    const subgraphUrls = { fast: fast.hosted.url, slow: url };
    await withGateway(
      async (gateway) => {
        const { body } = await query(gateway, '{ fastField slowField }', {
          authorization: `Bearer ${await analystToken()}`,
        });
        expect(body.data).toEqual({ fastField: 'fast', slowField: null });
        expect(body.errors).toEqual([
          expect.objectContaining({
            path: ['slowField'],
            extensions: expect.objectContaining({
              code: 'SUBGRAPH_UNAVAILABLE',
              serviceName: 'slow',
            }),
          }),
        ]);
      },
      testConfig(),
      subgraphUrls,
    );
  });

  it.each([
    ['an HTTP error', 500, 'application/json'],
    ['a body that is not JSON', 200, 'text/plain'],
    ['JSON that is not a GraphQL response', 200, 'application/json'],
  ])('a subgraph that answers %s, never repeated', async (_, status, type) => {
    const leak = 'Marie DEMO-Vermeulen 85073003328';
    const body = type === 'text/plain' ? leak : JSON.stringify(leak);
    const broken = await answerWith(status, type, body);
    const logs = recordLogs('gateway');
    try {
      await withGateway(
        async (gateway) => {
          const answer = await query(gateway, '{ fastField slowField }', {
            authorization: `Bearer ${await analystToken()}`,
          });
          expect(answer.body.data).toEqual({
            fastField: 'fast',
            slowField: null,
          });
          expect(answer.body.errors).toEqual([
            expect.objectContaining({
              message: 'The slow subgraph failed to answer',
              path: ['slowField'],
              extensions: expect.objectContaining({
                code: 'SUBGRAPH_UNAVAILABLE',
              }),
            }),
          ]);
          expect(JSON.stringify(answer.body)).not.toContain('85073003328');
        },
        testConfig(),
        { fast: fast.hosted.url, slow: broken.url },
        logs.logger,
      );
    } finally {
      await broken.close();
    }
    const failures = logs.lines().filter(
      (line) => line.msg === 'subgraph fetch failed',
    );
    expect(failures).toHaveLength(1);
    expect(JSON.stringify(logs.lines())).not.toContain('85073003328');
  });
});

describe('gateway: errors in production', () => {
  it('hides a subgraph failure but keeps its code', async () => {
    const production = { ...testConfig(), NODE_ENV: 'production' as const };
    await withGateway(async (gateway) => {
      const { body } = await query(gateway, '{ fastField boom }', {
        authorization: `Bearer ${await analystToken()}`,
      });
      expect(body.data).toEqual({ fastField: 'fast', boom: null });
      expect(body.errors).toEqual([
        {
          message: 'Internal server error',
          path: ['boom'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ]);
    }, production);
  });

  it('formatGatewayError keeps client messages and drops the rest', () => {
    const format = formatGatewayError(true);
    expect(
      format({
        message: 'The token has expired',
        extensions: { code: 'UNAUTHENTICATED', stacktrace: ['at x'] },
      }),
    ).toEqual({
      message: 'The token has expired',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(format({ message: 'relation "persons" does not exist' })).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    const development = formatGatewayError(false);
    const raw = { message: 'x', extensions: { code: 'Y', stacktrace: [] } };
    expect(development(raw)).toBe(raw);
  });
});

describe('gateway: requests a browser may be tricked into sending', () => {
  beforeEach(resetRecordings);

  /** Status and codes of a request that carries a valid token. */
  async function send(
    gateway: RunningGateway,
    init: { method: string; headers?: Record<string, string>; body?: string },
    search = '',
  ): Promise<{ status: number; codes: unknown[] }> {
    const authorization = `Bearer ${await analystToken()}`;
    const response = await fetch(`${gateway.url}${search}`, {
      ...init,
      headers: { authorization, ...init.headers },
    });
    const body = (await response.json()) as GraphQLBody;
    const codes = (body.errors ?? []).map((error) => error.extensions?.code);
    return { status: response.status, codes };
  }

  it('refuses a GET without a preflight header and calls no subgraph', async () => {
    await withGateway(async (gateway) => {
      const search = `?query=${encodeURIComponent('{ fastField }')}`;
      const refused = await send(gateway, { method: 'GET' }, search);
      const preflighted = await send(gateway, {
        method: 'GET',
        headers: { 'apollo-require-preflight': 'true' },
      }, search);

      expect(refused).toEqual({ status: 400, codes: ['BAD_REQUEST'] });
      expect(preflighted).toEqual({ status: 200, codes: [] });
    });
    expect(fast.requests).toHaveLength(1);
  });

  it('refuses a text/plain POST, a form a page could submit', async () => {
    await withGateway(async (gateway) => {
      const answer = await send(gateway, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ query: '{ fastField }' }),
      });

      expect(answer).toEqual({ status: 400, codes: ['BAD_REQUEST'] });
    });
    expect(fast.requests).toHaveLength(0);
  });
});

describe('gateway: field suggestions', () => {
  const misspelt = '{ fastFeild }';

  async function messageFor(config: GatewayConfig): Promise<string> {
    let message = '';
    await withGateway(async (gateway) => {
      const { body } = await query(gateway, misspelt, {
        authorization: `Bearer ${await analystToken()}`,
      });
      expect(body.errors?.[0]?.extensions?.code)
        .toBe('GRAPHQL_VALIDATION_FAILED');
      message = body.errors?.[0]?.message ?? '';
    }, config);
    return message;
  }

  it('suggests the field meant in development', async () => {
    const message = await messageFor(testConfig({ NODE_ENV: 'development' }));

    expect(message).toContain('Did you mean "fastField"?');
  });

  it('suggests nothing in production, which would reveal the schema', async () => {
    const production = { ...testConfig(), NODE_ENV: 'production' as const };

    const message = await messageFor(production);

    expect(message).toBe('Cannot query field "fastFeild" on type "Query".');
  });
});

describe('gateway: limits on an operation', () => {
  beforeEach(resetRecordings);

  it('keeps the configured depth, aliases and tokens', async () => {
    const config = testConfig({
      MAX_DEPTH: '1',
      MAX_ALIASES: '1',
      MAX_TOKENS: '100',
    });
    await withGateway(async (gateway) => {
      const authorization = `Bearer ${await analystToken()}`;
      const codeOf = async (text: string) =>
        (await query(gateway, text, { authorization })).body.errors?.[0]
          ?.extensions?.code;

      expect(await codeOf('{ a: fastField }')).toBeUndefined();
      expect(await codeOf('{ whoami { role } }')).toBe('OPERATION_TOO_DEEP');
      expect(await codeOf('{ a: fastField b: fastField }'))
        .toBe('TOO_MANY_ALIASES');
      expect(await codeOf(`{ ${'fastField '.repeat(100)}}`))
        .toBe('TOO_MANY_TOKENS');
    }, config);
    expect(fast.requests).toHaveLength(1);
  });
});

describe('gateway: lifecycle', () => {
  it('is ready once the supergraph is loaded, and stops cleanly', async () => {
    let url = '';
    await withGateway(async (gateway) => {
      url = gateway.url.replace(/\/graphql$/, '');
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
    });
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it('refuses a supergraph subgraph without a configured URL', async () => {
    await expect(
      withGateway(async () => undefined, testConfig(), {
        fast: fast.hosted.url,
      }),
    ).rejects.toThrow('No URL is configured for subgraph "slow"');
  });
});
