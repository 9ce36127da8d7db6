/**
 * `GET /reports/statistics?period=2026-Q3&by=arrondissement,gender
 * &scope=zone:5345&each=month&format=csv`: the Institute's report file
 * over HTTP, for the analysts' tools.
 *
 * The gateway runs the report's one operation (request.ts) under the
 * caller's identity, as it runs any other: the same token check, rate
 * limit, access rules in every subgraph and audit trail. Errors are JSON
 * in the shape of a GraphQL response, with the graph's codes.
 *
 * CSRF: the caller is known by the Authorization header alone, which a
 * page of another site cannot set without a CORS preflight this host
 * never grants; no cookie is read. Only GET is served, and it changes
 * nothing. The file is never cached.
 */
import type { ServerResponse } from 'node:http';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Identity } from '../../runtime/identity';
import {
  sendJson,
  type RouteExchange,
  type RouteHandler,
} from '../../runtime/http';
import { fileNameOf, formatReport, MEDIA_TYPES } from './format';
import {
  parseFormat,
  ReportParameterError,
  reportRequestOf,
  type ReportFormat,
  type ReportRequest,
} from './request';
import { runReport, statusOf, type Execute } from './run';

export const REPORT_PATH = '/reports/statistics';

export interface ReportRouteOptions {
  /**
   * The caller of a request, from its token; throws the GraphQLError
   * the gateway answers (401, 429) with its `http` status and headers.
   */
  readonly identify: (exchange: RouteExchange) => Promise<Identity>;
  /** Runs the report's operation in process under that identity. */
  readonly execute: (
    exchange: RouteExchange,
    identity: Identity,
  ) => Execute;
}

const PARAMETERS = ['period', 'by', 'scope', 'each', 'format'] as const;

interface Asked {
  readonly request: ReportRequest;
  readonly format: ReportFormat;
}

/** Private: the URL's parameters; a repeated or unknown one is refused. */
function askedOf(search: URLSearchParams): Asked {
  for (const name of new Set(search.keys())) {
    const known = (PARAMETERS as readonly string[]).includes(name);
    if (!known) {
      throw new ReportParameterError(name, search.get(name) ?? '',
        `absent: the parameters are ${PARAMETERS.join(', ')}`);
    }
    if (search.getAll(name).length > 1) {
      throw new ReportParameterError(name, search.getAll(name).join('&'),
        'given once');
    }
  }
  const value = (name: string) => search.get(name) ?? undefined;
  return {
    request: reportRequestOf({
      period: value('period'),
      by: value('by'),
      scope: value('scope'),
      each: value('each'),
    }),
    format: parseFormat(value('format') ?? 'csv'),
  };
}

function sendErrors(
  response: ServerResponse,
  status: number,
  errors: readonly GraphQLFormattedError[],
): void {
  response.setHeader('cache-control', 'no-store');
  sendJson(response, status, { errors });
}

function badParameter(error: ReportParameterError): GraphQLFormattedError {
  return {
    message: error.message,
    extensions: { code: 'BAD_USER_INPUT', argument: error.parameter },
  };
}

/** Private: a GraphQLError the identification threw, as the gateway's. */
function sendRefusal(response: ServerResponse, error: GraphQLError): void {
  const http = error.extensions.http as
    | { status?: number; headers?: Map<string, string> }
    | undefined;
  for (const [name, value] of http?.headers ?? []) {
    response.setHeader(name, value);
  }
  const { http: _, ...extensions } = error.extensions;
  sendErrors(response, http?.status ?? 401, [
    { message: error.message, extensions },
  ]);
}

async function serveReport(
  options: ReportRouteOptions,
  exchange: RouteExchange,
): Promise<void> {
  const { request, response } = exchange;
  if (request.method !== 'GET') {
    response.setHeader('allow', 'GET');
    const message = `${request.method} is not supported; use GET`;
    sendErrors(response, 405, [
      { message, extensions: { code: 'METHOD_NOT_ALLOWED' } },
    ]);
    return;
  }

  let identity: Identity;
  try {
    identity = await options.identify(exchange);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    sendRefusal(response, error);
    return;
  }

  let asked: Asked;
  try {
    asked = askedOf(new URL(request.url ?? '/', 'http://report').searchParams);
  } catch (error) {
    if (!(error instanceof ReportParameterError)) throw error;
    sendErrors(response, 400, [badParameter(error)]);
    return;
  }

  const execute = options.execute(exchange, identity);
  const outcome = await runReport({ request: asked.request, execute });
  if (outcome.kind === 'refused') {
    const retry = outcome.errors[0]?.extensions?.retryAfterSeconds;
    if (typeof retry === 'number') response.setHeader('retry-after', retry);
    sendErrors(response, statusOf(outcome.errors), outcome.errors);
    return;
  }
  sendFile(response, outcome.table, asked.format);
}

function sendFile(
  response: ServerResponse,
  table: Parameters<typeof fileNameOf>[0],
  format: ReportFormat,
): void {
  const text = formatReport(table, format);
  response.statusCode = 200;
  response.setHeader('content-type', MEDIA_TYPES[format]);
  response.setHeader('content-disposition',
    `attachment; filename="${fileNameOf(table, format)}"`);
  response.setHeader('cache-control', 'no-store');
  response.setHeader('x-content-type-options', 'nosniff');
  response.setHeader('content-length', Buffer.byteLength(text));
  response.end(text);
}

/** The route, for the host's `routes` (runtime/http.ts). */
export function reportRoute(options: ReportRouteOptions): RouteHandler {
  return (exchange) => serveReport(options, exchange);
}
