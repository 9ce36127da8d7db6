/**
 * Hosts an Apollo Server on plain `node:http`, for the gateway and the
 * subgraphs alike.
 *
 * Besides GraphQL at one path it answers the two probes an orchestrator
 * asks: `/healthz` (the process is alive) and `/readyz` (it can serve:
 * the caller's `readiness` resolves), and any path of the caller's
 * `routes` (the gateway's report file) or under one of its `prefixes`
 * (the gateway's console and explorer). Every response carries the
 * request id in `x-request-id`, and every request leaves one log line.
 */
import { randomUUID } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  HeaderMap,
  type ApolloServer,
  type BaseContext,
  type HTTPGraphQLResponse,
} from '@apollo/server';
import type { Logger } from './logger';

export const REQUEST_ID_HEADER = 'x-request-id';

/** 1 MiB: far above any real operation, far below a memory problem. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface HostOptions<TContext extends BaseContext> {
  /** A started Apollo Server; stopping it stays the caller's job. */
  readonly server: ApolloServer<TContext>;
  /**
   * Builds the context; a GraphQLError thrown here is the response.
   * `body` is the parsed JSON body of a POST (undefined for a GET, or a
   * body that is not JSON), `search` the URL's query string with its `?`.
   */
  readonly context: (
    request: IncomingMessage,
    info: ContextInfo,
  ) => Promise<TContext>;
  /** Interface to listen on; default 127.0.0.1. */
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Where GraphQL is served; default `/graphql`. */
  readonly path?: string;
  /**
   * Other paths the host answers, each by its exact path (no query
   * string); default none. A route answers every method itself.
   */
  readonly routes?: Readonly<Record<string, RouteHandler>>;
  /**
   * Paths answered by the handler of the longest prefix they start with,
   * each prefix ending with `/`; exact paths (GraphQL, probes, `routes`)
   * win. Default none.
   */
  readonly prefixes?: Readonly<Record<string, RouteHandler>>;
  /** Larger bodies get 413 unread; default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** Resolves when the service can serve; default always ready. */
  readonly readiness?: () => Promise<void>;
  /** A readiness check slower than this counts as failed; default 5 s. */
  readonly readinessTimeoutMs?: number;
  /** How long close() lets requests in flight finish; default 10 s. */
  readonly closeTimeoutMs?: number;
  readonly logger: Logger;
  /** Told of each request once its response is over; default none. */
  readonly observe?: (
    request: IncomingMessage,
    response: ServerResponse,
    seconds: number,
  ) => void;
  /**
   * Runs the handling of each request, inside a trace span of its own
   * (runtime/tracing/http.ts); default: handled as it is.
   */
  readonly around?: RequestWrapper;
}

/** Runs `handle` for one request; resolves or rejects as it does. */
export type RequestWrapper = (
  request: IncomingMessage,
  response: ServerResponse,
  handle: () => Promise<void>,
) => Promise<void>;

/** What the context function learns of a request beside its head. */
export interface ContextInfo {
  readonly requestId: string;
  readonly body: unknown;
  readonly search: string;
}

/** One request to a route of `routes`, answered by the handler. */
export interface RouteExchange {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly requestId: string;
}

/**
 * Answers one request; a throw is logged and answered 500 (or the
 * socket cut, once the head is sent), as for GraphQL.
 */
export type RouteHandler = (exchange: RouteExchange) => Promise<void>;

export interface HostedGraphQL {
  /** The GraphQL endpoint, with the port actually bound. */
  readonly url: string;
  readonly port: number;
  readonly httpServer: Server;
  /** Stops accepting, drains requests in flight, then closes sockets. */
  close(): Promise<void>;
}

/** The host's lifecycle; `close()` moves it forward, never back. */
type HostState =
  | { readonly kind: 'listening' }
  | { readonly kind: 'closing'; readonly done: Promise<void> }
  | { readonly kind: 'closed' };

/** A client-chosen id we can echo and log without harm. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** GraphQL's Name production: safe to log as an operation name. */
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,127}$/;

/** Asked every few seconds by machines: a debug line each. */
const PROBE_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Operations a machine sends every few seconds: the gateway's reads of
 * the alert log (gateway/alerts/log-source.ts). Like probes, a success
 * is only worth a debug line; a failure keeps its info line.
 */
export const ROUTINE_OPERATIONS: ReadonlySet<string> =
  new Set(['AlertLog', 'AlertLogHead']);

export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  if (typeof given === 'string' && SANE_REQUEST_ID.test(given)) return given;
  return randomUUID();
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
): void {
  const text = JSON.stringify(body);
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.setHeader('content-length', Buffer.byteLength(text));
  response.end(text);
}

/** A body shaped like a GraphQL response, for errors raised before one. */
function sendGraphQLError(
  response: ServerResponse,
  status: number,
  message: string,
  code: string,
): void {
  sendJson(response, status, { errors: [{ message, extensions: { code } }] });
}

function splitUrl(rawUrl: string | undefined): [string, string] {
  const url = rawUrl ?? '/';
  const mark = url.indexOf('?');
  return mark === -1 ? [url, ''] : [url.slice(0, mark), url.slice(mark)];
}

function safeOperationName(value: unknown): string | undefined {
  return typeof value === 'string' && GRAPHQL_NAME.test(value)
    ? value
    : undefined;
}

function headerMapOf(request: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

type BodyReading =
  | { readonly kind: 'read'; readonly bytes: Buffer }
  | { readonly kind: 'too-large' };

/**
 * Private: reads the body, refusing as soon as it passes the limit: at
 * once when Content-Length says so, else when the chunks add up to it.
 * Events rather than `for await`, because leaving an async iteration early
 * destroys the socket before the 413 can be sent.
 */
function readBody(
  request: IncomingMessage,
  maxBytes: number,
): Promise<BodyReading> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxBytes) return Promise.resolve({ kind: 'too-large' });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const stop = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      stop();
      request.pause();
      resolve({ kind: 'too-large' });
    };
    const onEnd = () => {
      stop();
      resolve({ kind: 'read', bytes: Buffer.concat(chunks) });
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const onClose = () => {
      if (request.complete) return;
      onError(new Error('The client left before sending the whole body'));
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('close', onClose);
  });
}

/**
 * Private: refuses an oversized body. The client may still be sending;
 * the connection is closed after the answer rather than drained, so a
 * client streaming forever cannot hold it.
 */
function refuseTooLarge(response: ServerResponse, maxBytes: number): void {
  response.shouldKeepAlive = false;
  response.setHeader('connection', 'close');
  const message = `The request body is larger than ${maxBytes} bytes`;
  sendGraphQLError(response, 413, message, 'PAYLOAD_TOO_LARGE');
}

function isJson(request: IncomingMessage): boolean {
  const type = request.headers['content-type'] ?? '';
  return /^application\/json\s*(;|$)/i.test(type);
}

type ParsedBody =
  | { readonly kind: 'parsed'; readonly body: unknown }
  | { readonly kind: 'invalid' };

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function parseJsonBody(bytes: Buffer): ParsedBody {
  try {
    return { kind: 'parsed', body: JSON.parse(UTF8.decode(bytes)) };
  } catch {
    return { kind: 'invalid' };
  }
}

/** Resolves when the client has taken the buffered data or has left. */
function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

/**
 * Private: writes Apollo's answer. An incremental (chunked) answer is
 * written part by part as it is produced, waiting for the client to keep
 * up; a client that leaves ends the iteration, which stops the producer.
 */
async function writeGraphQLResponse(
  response: ServerResponse,
  answer: HTTPGraphQLResponse,
): Promise<void> {
  for (const [name, value] of answer.headers) response.setHeader(name, value);
  response.statusCode = answer.status ?? 200;
  if (answer.body.kind === 'complete') {
    response.end(answer.body.string);
    return;
  }
  response.flushHeaders();
  for await (const part of answer.body.asyncIterator) {
    if (response.destroyed) break;
    if (!response.write(part)) await drained(response);
  }
  response.end();
}

/** Private: what the request handlers share for one host. */
interface Host<TContext extends BaseContext> {
  readonly options: HostOptions<TContext>;
  readonly path: string;
  readonly routes: ReadonlyMap<string, RouteHandler>;
  /** Longest first, so the most precise prefix answers. */
  readonly prefixes: readonly (readonly [string, RouteHandler])[];
  readonly maxBodyBytes: number;
  readonly logger: Logger;
  /** False once close() has begun. */
  serving(): boolean;
}

async function serveGraphQL<TContext extends BaseContext>(
  host: Host<TContext>,
  exchange: Exchange,
): Promise<void> {
  const { request, response, requestId } = exchange;
  const method = request.method ?? 'GET';
  const [, search] = splitUrl(request.url);
  if (method !== 'GET' && method !== 'POST') {
    response.setHeader('allow', 'GET, POST');
    const message = `${method} is not supported; use GET or POST`;
    sendGraphQLError(response, 405, message, 'METHOD_NOT_ALLOWED');
    return;
  }

  let body: unknown;
  if (method === 'POST') {
    const reading = await readBody(request, host.maxBodyBytes);
    if (reading.kind === 'too-large') {
      refuseTooLarge(response, host.maxBodyBytes);
      return;
    }
    // Apollo Server refuses a POST without a JSON body itself, with the
    // reason (and its CSRF rule) spelled out; only JSON is parsed here.
    if (isJson(request) && reading.bytes.length > 0) {
      const parsed = parseJsonBody(reading.bytes);
      if (parsed.kind === 'invalid') {
        const message = 'The request body is not valid JSON';
        sendGraphQLError(response, 400, message, 'BAD_REQUEST');
        return;
      }
      body = parsed.body;
    }
  }
  exchange.operationName = operationNameOf(body, search);

  const answer = await host.options.server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method, headers: headerMapOf(request), search, body },
    context: () => host.options.context(request, { requestId, body, search }),
  });
  await writeGraphQLResponse(response, answer);
}

async function serveReadiness<TContext extends BaseContext>(
  host: Host<TContext>,
  response: ServerResponse,
): Promise<void> {
  if (!host.serving()) {
    sendJson(response, 503, { status: 'unavailable' });
    return;
  }
  try {
    const check = host.options.readiness?.() ?? Promise.resolve();
    await withTimeout(check, host.options.readinessTimeoutMs ?? 5000);
    sendJson(response, 200, { status: 'ok' });
  } catch (error) {
    // The cause may name hosts or databases: logged, never answered.
    host.logger.warn({ err: error }, 'readiness check failed');
    sendJson(response, 503, { status: 'unavailable' });
  }
}

/** One request and its answer, with what the log line needs. */
interface Exchange {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly requestId: string;
  operationName?: string;
}

async function route<TContext extends BaseContext>(
  host: Host<TContext>,
  exchange: Exchange,
): Promise<void> {
  const { request, response } = exchange;
  const [pathname] = splitUrl(request.url);
  if (!host.serving()) {
    // Tells a keep-alive client to move on to another instance.
    response.shouldKeepAlive = false;
    response.setHeader('connection', 'close');
  }
  if (pathname === '/healthz') {
    sendJson(response, 200, { status: 'ok' });
  } else if (pathname === '/readyz') {
    await serveReadiness(host, response);
  } else if (pathname === host.path) {
    await serveGraphQL(host, exchange);
  } else if (host.routes.has(pathname)) {
    await host.routes.get(pathname)?.(exchange);
  } else {
    await (prefixHandlerOf(host, pathname) ?? notFound)(exchange);
  }
}

async function notFound({ response }: RouteExchange): Promise<void> {
  sendJson(response, 404, { status: 'not found' });
}

function prefixHandlerOf<TContext extends BaseContext>(
  host: Host<TContext>,
  pathname: string,
): RouteHandler | undefined {
  return host.prefixes.find(([prefix]) => pathname.startsWith(prefix))?.[1];
}

function sortedPrefixes(
  prefixes: Readonly<Record<string, RouteHandler>>,
): (readonly [string, RouteHandler])[] {
  for (const prefix of Object.keys(prefixes)) {
    if (!prefix.startsWith('/') || !prefix.endsWith('/')) {
      throw new TypeError(
        `A route prefix must start and end with /, got ${JSON.stringify(prefix)}`,
      );
    }
  }
  return Object.entries(prefixes).sort(([a], [b]) => b.length - a.length);
}

async function handle<TContext extends BaseContext>(
  host: Host<TContext>,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const started = performance.now();
  const exchange: Exchange = {
    request,
    response,
    requestId: requestIdOf(request),
  };
  response.setHeader(REQUEST_ID_HEADER, exchange.requestId);
  response.once('close', () => {
    const elapsed = performance.now() - started;
    logRequest(host.logger, exchange, Math.round(elapsed * 10) / 10);
    host.options.observe?.(request, response, elapsed / 1000);
  });

  try {
    const { around } = host.options;
    if (around === undefined) await route(host, exchange);
    else await around(request, response, () => route(host, exchange));
  } catch (error) {
    const { requestId } = exchange;
    host.logger.error({ err: error, requestId }, 'request handling failed');
    if (response.headersSent) {
      response.destroy();
    } else {
      const message = 'Internal server error';
      sendGraphQLError(response, 500, message, 'INTERNAL_SERVER_ERROR');
    }
  }
}

interface Lifecycle {
  close(): Promise<void>;
  /** Watches one response, to end its socket if closing has begun. */
  track(response: ServerResponse): void;
  serving(): boolean;
}

/**
 * Private: close() for one server. Stops accepting at once, lets the
 * requests in flight finish, and after `timeoutMs` cuts whatever is left.
 */
function closer(
  httpServer: Server,
  logger: Logger,
  timeoutMs: number,
): Lifecycle {
  let state: HostState = { kind: 'listening' };

  async function drain(): Promise<void> {
    const stopped = new Promise<void>((resolve) => {
      httpServer.close(() => resolve());
    });
    httpServer.closeIdleConnections();
    const timer = setTimeout(() => {
      logger.warn({ timeoutMs }, 'requests still in flight; cutting them');
      httpServer.closeAllConnections();
    }, timeoutMs);
    await stopped;
    clearTimeout(timer);
    state = { kind: 'closed' };
  }

  function close(): Promise<void> {
    switch (state.kind) {
      case 'listening': {
        const done = drain();
        state = { kind: 'closing', done };
        return done;
      }
      case 'closing':
        return state.done;
      case 'closed':
        return Promise.resolve();
      default: {
        const impossible: never = state;
        throw new Error(`Unknown host state ${JSON.stringify(impossible)}`);
      }
    }
  }

  /**
   * Node's close() only ends the sockets idle at that moment; a socket
   * whose answer was in flight would linger on keep-alive, so it is ended
   * as soon as that answer is out.
   */
  function track(response: ServerResponse): void {
    response.once('finish', () => {
      if (state.kind === 'listening') return;
      setImmediate(() => httpServer.closeIdleConnections());
    });
  }

  return { close, track, serving: () => state.kind === 'listening' };
}

export async function hostGraphQL<TContext extends BaseContext>(
  options: HostOptions<TContext>,
): Promise<HostedGraphQL> {
  // Integrations must not start the server for their caller (AS5 rule).
  options.server.assertStarted('hostGraphQL()');
  const address = options.host ?? '127.0.0.1';
  const httpServer = createServer();
  const lifecycle = closer(
    httpServer,
    options.logger,
    options.closeTimeoutMs ?? 10_000,
  );
  const host: Host<TContext> = {
    options,
    path: options.path ?? '/graphql',
    routes: new Map(Object.entries(options.routes ?? {})),
    prefixes: sortedPrefixes(options.prefixes ?? {}),
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    logger: options.logger,
    serving: lifecycle.serving,
  };
  httpServer.on('request', (request, response) => {
    lifecycle.track(response);
    void handle(host, request, response);
  });

  await listen(httpServer, address, options.port);
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${formatHost(address)}:${port}${host.path}`;
  return { url, port, httpServer, close: lifecycle.close };
}

function operationNameOf(body: unknown, search: string): string | undefined {
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    return safeOperationName((body as Record<string, unknown>).operationName);
  }
  const fromQuery = new URLSearchParams(search).get('operationName');
  return safeOperationName(fromQuery);
}

/**
 * One line per request. The path is logged without its query string: a
 * GET operation carries its variables there.
 */
function logRequest(
  logger: Logger,
  exchange: Exchange,
  durationMs: number,
): void {
  const { request, response } = exchange;
  const [path] = splitUrl(request.url);
  const line = {
    method: request.method,
    path,
    status: response.writableFinished ? response.statusCode : 'aborted',
    durationMs,
    requestId: exchange.requestId,
    operationName: exchange.operationName,
  };
  // Probes come every few seconds; they are only worth a debug line.
  if (PROBE_PATHS.has(path)) logger.debug(line, 'probe');
  else if (isRoutine(exchange.operationName, line.status)) {
    logger.debug(line, 'request');
  } else logger.info(line, 'request');
}

function isRoutine(
  operationName: string | undefined,
  status: number | string,
): boolean {
  return status === 200 && operationName !== undefined &&
    ROUTINE_OPERATIONS.has(operationName);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`readiness took more than ${ms} ms`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
