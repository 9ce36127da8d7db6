import { request as httpRequest } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { unauthenticated } from './errors';
import {
  hostGraphQL,
  type HostedGraphQL,
  type HostOptions,
  type RouteExchange,
} from './http';
import { recordLogs, type LogRecorder } from '../test/support/servers';

interface TestContext {
  readonly requestId: string;
}

/** A gate the `slow` resolver waits on, so a test holds a request open. */
class Gate {
  entered!: () => void;
  readonly reached = new Promise<void>((resolve) => (this.entered = resolve));
  open!: () => void;
  readonly opened = new Promise<void>((resolve) => (this.open = resolve));
}

const typeDefs = `#graphql
  type Query {
    hello(name: String): String
    requestId: String
    slow: String
  }
`;

let gate: Gate;
let contextCalls: number;

function buildServer(): ApolloServer<TestContext> {
  return new ApolloServer<TestContext>({
    typeDefs,
    resolvers: {
      Query: {
        hello: (_: unknown, args: { name?: string }) =>
          `hello ${args.name ?? 'world'}`,
        requestId: (_: unknown, __: unknown, context: TestContext) =>
          context.requestId,
        slow: async () => {
          gate.entered();
          await gate.opened;
          return 'done';
        },
      },
    },
  });
}

interface Started {
  readonly hosted: HostedGraphQL;
  readonly server: ApolloServer<TestContext>;
  readonly logs: LogRecorder;
}

const running: Started[] = [];

async function start(
  overrides: Partial<HostOptions<TestContext>> = {},
): Promise<Started> {
  const server = buildServer();
  await server.start();
  const logs = recordLogs('http-test');
  const hosted = await hostGraphQL<TestContext>({
    server,
    port: 0,
    logger: logs.logger,
    context: async (_request, { requestId }) => {
      contextCalls += 1;
      return { requestId };
    },
    ...overrides,
  });
  const started = { hosted, server, logs };
  running.push(started);
  return started;
}

beforeEach(() => {
  gate = new Gate();
  contextCalls = 0;
});

afterEach(async () => {
  for (const { hosted, server } of running.splice(0)) {
    gate.open();
    await hosted.close();
    await server.stop();
  }
});

function base(hosted: HostedGraphQL): string {
  return hosted.url.replace(/\/graphql$/, '');
}

function postJson(
  hosted: HostedGraphQL,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(hosted.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** A raw POST, for bodies fetch() would not send as asked. */
function rawPost(
  url: string,
  headers: Record<string, string | number>,
  chunks: readonly Buffer[],
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method: 'POST', headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(parts).toString('utf8'),
        }),
      );
    });
    // The server may answer and close before the whole body is sent.
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') {
        reject(error);
      }
    });
    for (const chunk of chunks) outgoing.write(chunk);
    outgoing.end();
  });
}

describe('hostGraphQL: probes', () => {
  it('answers /healthz while alive', async () => {
    const { hosted } = await start();
    const response = await fetch(`${base(hosted)}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz 200 when readiness resolves', async () => {
    const { hosted } = await start({ readiness: async () => undefined });
    const response = await fetch(`${base(hosted)}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz 503 when not ready, logging the cause only', async () => {
    const cause = new Error('database db.internal:5432 refused');
    const { hosted, logs } = await start({
      readiness: () => Promise.reject(cause),
    });
    const response = await fetch(`${base(hosted)}/readyz`);
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: 'unavailable' });
    expect(text).not.toContain('db.internal');
    const warning = logs
      .lines()
      .find((line) => line.msg === 'readiness check failed');
    expect(JSON.stringify(warning)).toContain('db.internal');
  });

  it('answers /readyz 503 when readiness hangs past its timeout', async () => {
    const { hosted } = await start({
      readiness: () => new Promise(() => undefined),
      readinessTimeoutMs: 50,
    });
    const response = await fetch(`${base(hosted)}/readyz`);
    expect(response.status).toBe(503);
  });

  it('answers 404 elsewhere', async () => {
    const { hosted } = await start();
    expect((await fetch(`${base(hosted)}/nope`)).status).toBe(404);
  });
});

describe('hostGraphQL: routes', () => {
  const route = async ({ response, requestId }: RouteExchange) => {
    response.setHeader('content-type', 'text/plain');
    response.end(`report ${requestId}`);
  };

  it('hands a request on its exact path to its route', async () => {
    const { hosted } = await start({ routes: { '/reports/x': route } });
    const response = await fetch(`${base(hosted)}/reports/x?period=2026`, {
      headers: { 'x-request-id': 'r-1' },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('report r-1');
    expect(response.headers.get('x-request-id')).toBe('r-1');
    expect((await fetch(`${base(hosted)}/reports/x/y`)).status).toBe(404);
  });

  it('answers a route that throws with a 500 that tells nothing', async () => {
    const { hosted, logs } = await start({ routes: {
      '/boom': async () => {
        throw new Error('db.internal refused');
      },
    } });
    const response = await fetch(`${base(hosted)}/boom`);
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('db.internal');
    expect(logs.lines().some((line) => line.msg === 'request handling failed'))
      .toBe(true);
  });
});

describe('hostGraphQL: prefixes', () => {
  const answering = (name: string) =>
    async ({ request, response }: RouteExchange) => {
      response.setHeader('content-type', 'text/plain');
      response.end(`${name} ${request.url}`);
    };

  it('hands a path to the longest prefix it starts with', async () => {
    const { hosted } = await start({ prefixes: {
      '/web/': answering('web'),
      '/web/vendor/': answering('vendor'),
    } });
    const text = async (path: string) =>
      (await fetch(`${base(hosted)}${path}`)).text();
    expect(await text('/web/app.js')).toBe('web /web/app.js');
    expect(await text('/web/vendor/x.js?v=1'))
      .toBe('vendor /web/vendor/x.js?v=1');
    expect((await fetch(`${base(hosted)}/web`)).status).toBe(404);
    expect((await fetch(`${base(hosted)}/webx/a`)).status).toBe(404);
  });

  it('lets exact paths win over a prefix', async () => {
    const { hosted } = await start({
      routes: { '/web/page': answering('page') },
      prefixes: { '/': answering('root') },
    });
    const text = async (path: string) =>
      (await fetch(`${base(hosted)}${path}`)).text();
    expect(await text('/web/page')).toBe('page /web/page');
    expect((await fetch(`${base(hosted)}/healthz`)).status).toBe(200);
    expect(await text('/other')).toBe('root /other');
  });

  it('refuses a prefix that does not end with a slash', async () => {
    const server = buildServer();
    await server.start();
    try {
      await expect(hostGraphQL<TestContext>({
        server, port: 0, logger: recordLogs('http-test').logger,
        context: async (_request, { requestId }) => ({ requestId }),
        prefixes: { '/web': answering('web') },
      })).rejects.toThrow(
        'A route prefix must start and end with /, got "/web"');
    } finally {
      await server.stop();
    }
  });
});

describe('hostGraphQL: GraphQL over HTTP', () => {
  it('executes a POST', async () => {
    const { hosted } = await start();
    const response = await postJson(hosted, {
      query: 'query Greet($name: String) { hello(name: $name) }',
      variables: { name: 'Ann' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { hello: 'hello Ann' } });
  });

  it('executes a GET', async () => {
    const { hosted } = await start();
    const query = encodeURIComponent('{ hello }');
    const response = await fetch(`${hosted.url}?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { hello: 'hello world' } });
  });

  it('reads a body that arrives in chunks', async () => {
    const { hosted } = await start();
    const body = Buffer.from(JSON.stringify({ query: '{ hello }' }));
    const chunks = [0, 5, 11].map((at, i, ends) =>
      body.subarray(at, ends[i + 1]),
    );
    const answer = await rawPost(
      hosted.url,
      { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      chunks,
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ data: { hello: 'hello world' } });
  });

  it('answers malformed JSON with a GraphQL-style 400', async () => {
    const { hosted } = await start();
    const response = await fetch(hosted.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'The request body is not valid JSON',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
    expect(contextCalls).toBe(0);
  });

  it('answers a context error with its own status', async () => {
    const { hosted } = await start({
      context: async () => {
        throw unauthenticated('Missing bearer token');
      },
    });
    const response = await postJson(hosted, { query: '{ hello }' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    const body = (await response.json()) as { errors: unknown[] };
    expect(body.errors[0]).toMatchObject({
      message: 'Missing bearer token',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('refuses other methods with 405', async () => {
    const { hosted } = await start();
    const response = await fetch(hosted.url, { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
  });
});

describe('hostGraphQL: body limit', () => {
  it('refuses a declared oversized body with 413, unread', async () => {
    const { hosted } = await start({ maxBodyBytes: 1024 });
    const body = Buffer.from(
      JSON.stringify({ query: `{ hello(name: "${'x'.repeat(4096)}") }` }),
    );
    const answer = await rawPost(
      hosted.url,
      { 'content-type': 'application/json', 'content-length': body.length },
      [body],
    );
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).errors[0].extensions.code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
    expect(contextCalls).toBe(0);
  });

  it('refuses a chunked body once it passes the limit', async () => {
    const { hosted } = await start({ maxBodyBytes: 1024 });
    const chunk = Buffer.alloc(512, 0x20);
    const answer = await rawPost(
      hosted.url,
      { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      [chunk, chunk, chunk, chunk],
    );
    expect(answer.status).toBe(413);
    expect(contextCalls).toBe(0);
  });
});

describe('hostGraphQL: request id and logging', () => {
  it('echoes a sane x-request-id and hands it to the context', async () => {
    const { hosted } = await start();
    const response = await postJson(
      hosted,
      { query: '{ requestId }' },
      { 'x-request-id': 'abc-123.X_y' },
    );
    expect(response.headers.get('x-request-id')).toBe('abc-123.X_y');
    expect(await response.json()).toEqual({
      data: { requestId: 'abc-123.X_y' },
    });
  });

  it('replaces an unsafe x-request-id with a fresh one', async () => {
    const { hosted } = await start();
    for (const given of ['has space', 'x'.repeat(65), 'a/b', '']) {
      const response = await postJson(
        hosted,
        { query: '{ hello }' },
        { 'x-request-id': given },
      );
      const echoed = response.headers.get('x-request-id');
      expect(echoed).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('logs one line per request without variables or tokens', async () => {
    const { hosted, logs } = await start();
    await postJson(
      hosted,
      {
        query: 'query Greet($name: String) { hello(name: $name) }',
        operationName: 'Greet',
        variables: { name: '85073003328' },
      },
      { authorization: 'Bearer secret-token', 'x-request-id': 'r-1' },
    );
    await new Promise((resolve) => setImmediate(resolve));
    const lines = logs.lines().filter((line) => line.msg === 'request');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      method: 'POST',
      path: '/graphql',
      status: 200,
      requestId: 'r-1',
      operationName: 'Greet',
      durationMs: expect.any(Number),
    });
    const all = JSON.stringify(logs.lines());
    expect(all).not.toContain('85073003328');
    expect(all).not.toContain('secret-token');
  });
});

describe('hostGraphQL: close', () => {
  it('waits for a request in flight, then stops accepting', async () => {
    const { hosted } = await start();
    const inFlight = postJson(hosted, { query: '{ slow }' });
    await gate.reached;

    let closed = false;
    const closing = hosted.close().then(() => {
      closed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toBe(false);

    gate.open();
    const response = await inFlight;
    expect(await response.json()).toEqual({ data: { slow: 'done' } });
    await closing;
    expect(closed).toBe(true);
    await expect(fetch(`${base(hosted)}/healthz`)).rejects.toThrow();
  });

  it('cuts requests still running after the timeout', async () => {
    const { hosted } = await start({ closeTimeoutMs: 50 });
    const inFlight = postJson(hosted, { query: '{ slow }' });
    await gate.reached;
    await hosted.close();
    await expect(inFlight).rejects.toThrow();
  });

  it('can be called twice', async () => {
    const { hosted } = await start();
    await Promise.all([hosted.close(), hosted.close()]);
    await hosted.close();
  });
});
