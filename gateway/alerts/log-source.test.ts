import { mkdtemp, rm } from 'node:fs/promises';
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { noticeOf } from '../../test/support/alerts';
import { closeServer, recordLogs } from '../../test/support/servers';
import { createHttpFetcher, type HttpFetcher } from '../../runtime/fetcher';
import { REQUEST_ID_HEADER } from '../../runtime/http';
import { ensureTrustKeys, type TrustKeys } from '../../runtime/keys';
import {
  createTrustSigner,
  createTrustVerifier,
  GATEWAY_IDENTITY_HEADER,
  type TrustedCall,
} from '../../runtime/trust';
import {
  AlertLogError,
  subgraphLogSource,
  type AlertLogSource,
} from './log-source';

/** What the protection subgraph was asked, as it saw it. */
interface Seen {
  readonly method: string | undefined;
  readonly contentType: string | undefined;
  readonly requestId: string | undefined;
  readonly caller: TrustedCall | Error;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

/** How the fake subgraph answers a request: a status and a raw body. */
type Reply = (request: Seen) => { status: number; body: string } | 'hang';

/** A personal detail that must never reach an error or a log line. */
const SECRET = 'Jan Peeters, Meir 1 Antwerpen';
/** Any part of it; JSON.parse quotes only the first ten characters. */
const LEAKS = /Jan|Peeter|Meir/;

let directory: string;
let keys: TrustKeys;
let fetcher: HttpFetcher;
let server: Server;
let url: string;
let seen: Seen[];
let reply: Reply;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'log-source-test-'));
  keys = await ensureTrustKeys(directory);
  fetcher = createHttpFetcher();
  const verifier = createTrustVerifier(keys.publicJwk, {
    subgraph: 'protection',
  });
  server = createServer((request, response) => {
    void answer(request, response, verifier.verify);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  url = `http://127.0.0.1:${port}/graphql`;
});

afterAll(async () => {
  fetcher.close();
  await closeServer(server);
  await rm(directory, { recursive: true, force: true });
});

beforeEach(() => {
  seen = [];
  reply = () => ({ status: 200, body: '{"data":{}}' });
});

/** Private: plays the protection subgraph for one request. */
async function answer(
  request: IncomingMessage,
  response: ServerResponse,
  verify: (header: string | undefined) => Promise<TrustedCall>,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
    query: string;
    variables: Record<string, unknown>;
  };
  const header = request.headers[GATEWAY_IDENTITY_HEADER];
  const caller = await verify(typeof header === 'string' ? header : undefined)
    .catch((error: Error) => error);
  const given = request.headers[REQUEST_ID_HEADER];
  const request_: Seen = {
    method: request.method,
    contentType: request.headers['content-type'],
    requestId: typeof given === 'string' ? given : undefined,
    caller,
    query: body.query,
    variables: body.variables,
  };
  seen.push(request_);
  const planned = reply(request_);
  if (planned === 'hang') return;
  response.statusCode = planned.status;
  response.setHeader('content-type', 'application/json');
  response.end(planned.body);
}

function json(status: number, value: unknown) {
  return { status, body: JSON.stringify(value) };
}

/** The log entry as the subgraph serves it: the sequence as an ID. */
function entryOf(sequence: number): Record<string, unknown> {
  return { ...noticeOf(sequence), sequence: String(sequence) };
}

function source(timeoutMs = 5_000): AlertLogSource {
  return subgraphLogSource({
    url,
    fetcher: fetcher.fetch,
    trustSigner: createTrustSigner(keys.privateJwk),
    timeoutMs,
  });
}

/** The AlertLogError a read fails with, checked to leak nothing. */
async function failureOf(read: Promise<unknown>): Promise<AlertLogError> {
  const error: unknown = await read.then(
    () => new Error('expected the read to fail'),
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof AlertLogError)) throw error;
  // The feed logs the error whole, cause included: the line must not
  // carry what the subgraph answered.
  const { logger, text } = recordLogs();
  logger.warn({ err: error }, 'alert log unreadable; retrying');
  expect(text().join('')).not.toMatch(LEAKS);
  expect(error.message).not.toMatch(LEAKS);
  return error;
}

describe('subgraphLogSource: the request', () => {
  it('signs the gateway identity for the protection subgraph', async () => {
    reply = () => json(200, { data: { alertLogHead: '0' } });

    await source().head();

    const [request] = seen;
    expect(request.caller).toEqual({
      identity: { subject: 'alert-stream', role: 'gateway' },
      requestId: request.requestId,
    });
    expect(request.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(request.method).toBe('POST');
    expect(request.contentType).toBe('application/json');
  });

  it('signs a fresh header and request id for each read', async () => {
    reply = () => json(200, { data: { alertLogHead: '0' } });
    const log = source();

    await log.head();
    await log.head();

    expect(seen[0].requestId).not.toBe(seen[1].requestId);
  });

  it('is refused by a subgraph that is not protection', async () => {
    const other = createTrustVerifier(keys.publicJwk, { subgraph: 'mach' });
    let header: string | undefined;
    const signer = createTrustSigner(keys.privateJwk);
    const spying = subgraphLogSource({
      url,
      fetcher: async (target, init) => {
        const headers = new Headers(init?.headers);
        header = headers.get(GATEWAY_IDENTITY_HEADER) ?? undefined;
        return fetcher.fetch(target, init);
      },
      trustSigner: signer,
      timeoutMs: 5_000,
    });
    reply = () => json(200, { data: { alertLogHead: '0' } });

    await spying.head();

    await expect(other.verify(header)).rejects.toThrow(/another subgraph/);
  });
});

describe('subgraphLogSource: answers', () => {
  it('reads the head as a number', async () => {
    reply = () => json(200, { data: { alertLogHead: '42' } });

    await expect(source().head()).resolves.toBe(42);
    expect(seen[0].query).toContain('alertLogHead');
  });

  it('reads a page after a sequence, at most limit entries', async () => {
    reply = ({ variables }) => {
      const after = Number(variables.after);
      const limit = Number(variables.limit);
      const entries = [5, 6, 7, 8].filter((sequence) => sequence > after);
      return json(200, {
        data: { alertLog: entries.slice(0, limit).map(entryOf) },
      });
    };

    const page = await source().after(5, 2);

    expect(page).toEqual([noticeOf(6), noticeOf(7)]);
    expect(seen[0].variables).toEqual({ after: '5', limit: 2 });
    expect(seen[0].query).toContain('alertLog(after: $after, limit: $limit)');
  });

  it('reads an empty page', async () => {
    reply = () => json(200, { data: { alertLog: [] } });

    await expect(source().after(9, 10)).resolves.toEqual([]);
  });
});

describe('subgraphLogSource: failures', () => {
  it('names the codes of GraphQL errors, not their messages', async () => {
    reply = () => json(200, {
      data: null,
      errors: [
        { message: SECRET, extensions: { code: 'FORBIDDEN' } },
        { message: SECRET, extensions: { code: 'FORBIDDEN' } },
        { message: SECRET },
      ],
    });

    const error = await failureOf(source().head());

    expect(error.message).toBe(
      'The alert log was refused: FORBIDDEN, no code');
  });

  it('names the status of a non-2xx answer, not its body', async () => {
    reply = () => ({ status: 502, body: SECRET });

    const error = await failureOf(source().after(0, 10));

    expect(error.message).toContain('502');
  });

  it('refuses an answer that is not JSON', async () => {
    reply = () => ({ status: 200, body: SECRET });

    const error = await failureOf(source().head());

    expect(error.message).toMatch(/JSON/);
  });

  it('refuses JSON that is no GraphQL response', async () => {
    reply = () => json(200, SECRET);

    await failureOf(source().head());
  });

  it('refuses a malformed entry', async () => {
    reply = () => json(200, {
      data: {
        alertLog: [
          entryOf(1),
          { ...entryOf(2), kind: 'EXPLODED', measureId: SECRET },
        ],
      },
    });

    const error = await failureOf(source().after(0, 10));

    expect(error.message).toMatch(/entry/);
  });

  it('refuses a sequence that is not digits', async () => {
    reply = () => json(200, { data: { alertLogHead: '-4' } });

    const error = await failureOf(source().head());

    expect(error.message).toMatch(/sequence/);
  });

  it('refuses an entry whose sequence is not digits', async () => {
    reply = () => json(200, {
      data: { alertLog: [{ ...entryOf(1), sequence: SECRET }] },
    });

    const error = await failureOf(source().after(0, 10));

    expect(error.message).toMatch(/sequence/);
  });

  it('refuses an answer without the list', async () => {
    reply = () => json(200, { data: { alertLog: null } });

    await failureOf(source().after(0, 10));
  });

  it('gives up after the timeout, keeping the cause', async () => {
    reply = () => 'hang';

    const started = Date.now();
    const error = await failureOf(source(100).head());

    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error.message).toBe('The alert log could not be read');
    // Node's own errors come from another realm than jest's Error.
    expect(error.cause).toMatchObject({ name: 'AbortError' });
  });

  it('fails when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => {
      closed.listen(0, '127.0.0.1', resolve);
    });
    const { port } = closed.address() as AddressInfo;
    await closeServer(closed);
    const log = subgraphLogSource({
      url: `http://127.0.0.1:${port}/graphql`,
      fetcher: fetcher.fetch,
      trustSigner: createTrustSigner(keys.privateJwk),
      timeoutMs: 5_000,
    });

    const error = await failureOf(log.head());

    expect(error.cause).toMatchObject({ code: 'ECONNREFUSED' });
  });
});
