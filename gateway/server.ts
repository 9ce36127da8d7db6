/**
 * The federation gateway: Apollo Gateway over the composed supergraph,
 * inside Apollo Server, hosted on node:http by runtime/http.
 *
 * A request's life: the bearer token is verified while the context is
 * built, before anything is parsed or planned, so a refused caller costs
 * no subgraph a request. Each subgraph fetch then carries a fresh signed
 * identity for that subgraph alone (runtime/trust) and the request id,
 * and gives up after SUBGRAPH_TIMEOUT_MS; a subgraph that fails empties
 * its own part of the answer, not the whole.
 *
 * Beside /graphql the host serves the Institute's report file
 * (gateway/report/route.ts), whose caller is identified and counted the
 * same way before its statistics query runs under that identity, and
 * the console and explorer pages (gateway/console/route.ts).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server } from 'node:http';
import { join } from 'node:path';
import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import { ApolloServer, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type {
  Fetcher,
  FetcherRequestInit,
  FetcherResponse,
} from '@apollo/utils.fetcher';
import { GraphQLError, parse, type GraphQLFormattedError } from 'graphql';
import { LocalAlertBus, type AlertBus } from '../runtime/alerts/bus';
import { auditReportOf } from '../runtime/audit';
import type { TokenVerifier } from '../runtime/auth';
import { ErrorCode } from '../runtime/errors';
import { createHttpFetcher } from '../runtime/fetcher';
import {
  hostGraphQL,
  REQUEST_ID_HEADER,
  type HostedGraphQL,
  type ContextInfo,
  type RouteExchange,
  type RouteHandler,
} from '../runtime/http';
import type { Identity } from '../runtime/identity';
import type { Logger } from '../runtime/logger';
import {
  GATEWAY_IDENTITY_HEADER,
  TRUST_LIFETIME_SECONDS,
  type TrustSigner,
} from '../runtime/trust';
import { AlertFeed } from './alerts/feed';
import { subgraphLogSource } from './alerts/log-source';
import {
  serveAlertSocket,
  type AlertSocket,
  type OperationRunner,
} from './alerts/socket';
import type { EntryExecutor } from './alerts/stream';
import { OperationAudit, parsePurpose } from './audit/entry';
import { webRoutes } from './console/route';
import { REPORT_PATH, reportRoute } from './report/route';
import type { Execute } from './report/run';
import { auditTrailPlugin } from './audit/plugin';
import { deliveryAuditor } from './audit/delivery';
import { AuditWriter, type AuditWriterCounts } from './audit/writer';
import {
  explorerEnabled,
  limitsOf,
  rateLimitOf,
  type GatewayConfig,
} from './config';
import type { Tracing } from '../runtime/tracing/setup';
import {
  failureKindOf,
  gatewayTelemetry,
  type FetchObserver,
  type GatewayMetrics,
  type GatewayTelemetry,
} from './metrics';
import { fetchFailureErrors, type FetchFailure } from './fetch-failure';
import {
  limitErrorFormatter,
  limitRules,
  parseOptionsOf,
  variableCostPlugin,
} from './limits';
import {
  addressKeyOf,
  callerKeyOf,
  RateLimiter,
  rateLimitedError,
} from './rate-limit';
import {
  documentRequestOfHttp,
  trustedDocumentsPlugin,
  trustedTextOf,
  type TrustedDocuments,
} from './trusted-documents';

/**
 * Beside the code, so it resolves both from the sources (tsx) and from
 * `dist/`, where the image copies `schema/` (see the Dockerfile).
 */
export const SUPERGRAPH_PATH = join(
  __dirname,
  '..',
  'schema',
  'supergraph.graphql',
);

export interface GatewayContext extends BaseContext {
  readonly identity: Identity;
  readonly requestId: string;
  /** What the subgraphs read for the operation, for the audit trail. */
  readonly audit: OperationAudit;
}

/**
 * The header in which a caller states why it reads (issue 6): kept in
 * the audit trail with the operation, never logged.
 */
export const PURPOSE_HEADER = 'x-purpose';

export interface StartGatewayOptions {
  readonly config: GatewayConfig;
  readonly logger: Logger;
  /** Default: schema/supergraph.graphql. Never introspected. */
  readonly supergraphSdl?: string;
  readonly tokenVerifier: TokenVerifier;
  readonly trustSigner: TrustSigner;
  /** The real endpoint of each subgraph named in the supergraph. */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  /**
   * Brings the notices of committed alert facts (runtime/alerts): the
   * protection subgraph's publisher, in this process or over Redis. The
   * gateway listens and never closes it: the caller closes it after
   * stop(). Default: a bus of its own that hears nothing, so the alert
   * stream reads the log at each poll.
   */
  readonly alertBus?: AlertBus;
  /** How often the alert log is read when no notice comes; default 2000. */
  readonly alertPollMs?: number;
  /**
   * Where the gateway's spans go, Apollo's among them (its provider is
   * the process's global one); default: no tracing.
   */
  readonly tracing?: Tracing;
}

/** The live alert stream of a running gateway, as operators count it. */
export interface AlertStreamState {
  /** Open subscriptions. */
  readonly subscriptions: number;
  /** Of those, the ones caught up and receiving live entries. */
  readonly live: number;
  /** Executions run for them, shared ones counted once. */
  readonly executions: number;
  /** The last sequence of the log handed on; null before the first read. */
  readonly cursor: number | null;
}

/** The audit writer's queue as it stands, and what it has done. */
export interface AuditQueueState extends AuditWriterCounts {
  /** Entries waiting in the queue. */
  readonly pending: number;
  /** When the queue last became empty (epoch ms); null before. */
  readonly drainedAt: number | null;
}

export interface RunningGateway {
  /** The GraphQL endpoint; graphql-ws is served at the same path. */
  readonly url: string;
  readonly httpServer: Server;
  readonly alertStream: AlertStreamState;
  /** Read at each call; null without an audit subgraph. */
  auditQueue(): AuditQueueState | null;
  /** Drains HTTP, then stops the gateway and its subgraph connections. */
  stop(): Promise<void>;
}

export interface SubgraphSourceOptions {
  readonly name: string;
  readonly url: string;
  readonly timeoutMs: number;
  /** Shared by all subgraphs, for its pooled keep-alive sockets. */
  readonly fetcher: Fetcher;
  readonly trustSigner: TrustSigner;
  readonly logger: Logger;
  /** Counts and times the fetches; default: not measured. */
  readonly metrics?: FetchObserver;
}

interface SignedHeader {
  readonly header: Promise<string>;
  readonly signedAt: number;
}

/** Half the header's life: a header reused is never near its end. */
const REUSE_SIGNED_MS = (TRUST_LIFETIME_SECONDS * 1000) / 2;

type EncounterArgs = Parameters<
  RemoteGraphQLDataSource<GatewayContext>['didEncounterError']
>;

type ReceiveArgs = Parameters<NonNullable<
  RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']
>>;

type ProcessResult = ReturnType<
  RemoteGraphQLDataSource<GatewayContext>['process']
>;

/** Private: the error for a fetch that failed, for that subgraph's part. */
function fetchFailure(
  name: string,
  timeoutMs: number,
  timedOut: boolean,
  cause: unknown,
): GraphQLError {
  const message = timedOut
    ? `The ${name} subgraph did not answer within ${timeoutMs} ms`
    : `The ${name} subgraph could not be reached`;
  const code = timedOut
    ? ErrorCode.SUBGRAPH_TIMEOUT
    : ErrorCode.SUBGRAPH_UNAVAILABLE;
  return new GraphQLError(message, {
    originalError: cause instanceof Error ? cause : undefined,
    extensions: { code, serviceName: name },
  });
}

/**
 * Private: what the client is told about a fetch that failed. Our own
 * failures and the 401/403 a subgraph answers carry a code; anything else
 * (a 5xx, a body that is not GraphQL) is summed up without repeating it,
 * since it may quote the subgraph's answer.
 */
function failureOf(name: string, error: unknown): FetchFailure {
  if (error instanceof GraphQLError) {
    const { code } = error.extensions;
    if (typeof code === 'string') return { message: error.message, code };
  }
  return {
    message: `The ${name} subgraph failed to answer`,
    code: ErrorCode.SUBGRAPH_UNAVAILABLE,
  };
}

/**
 * Private: why a fetch failed, safe to log. The GraphQLErrors are written
 * here or by Apollo from the status line ("502: Bad Gateway"); any other
 * error comes from reading the body, and its message may quote the body
 * (`Expected JSON response body, but received: …`, a JSON SyntaxError).
 */
function loggableReason(error: Error): string {
  if (error instanceof GraphQLError) return error.message;
  return `${error.name}: the answer is not a GraphQL response`;
}

/**
 * One subgraph as the gateway sees it: its configured URL (the supergraph
 * only holds placeholders), the signed identity, the request id, a time
 * limit per fetch, and failures that point at the fields they emptied.
 */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly #options: SubgraphSourceOptions;
  /** The errors of failed fetches, as opposed to bugs on our side. */
  readonly #fetchFailures = new WeakSet<Error>();
  /**
   * The header signed for each operation: the plan may fetch from this
   * subgraph several times (entities, then their entities), and each
   * fetch is the same caller and request id.
   */
  readonly #signed = new WeakMap<GatewayContext, SignedHeader>();

  constructor(options: SubgraphSourceOptions) {
    super({ url: options.url, fetcher: timedFetcher(options) });
    this.#options = options;
  }

  override async willSendRequest(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<void> {
    // Only client operations carry an identity; with a static supergraph
    // the gateway sends no other kind.
    if (!('incomingRequestContext' in options)) return;
    const headers = options.request.http?.headers;
    if (!headers) return;
    const { context } = options;
    headers.set(GATEWAY_IDENTITY_HEADER, await this.#headerFor(context));
    headers.set(REQUEST_ID_HEADER, context.requestId);
  }

  /** Private: the operation's header, signed anew past half its life. */
  #headerFor(context: GatewayContext): Promise<string> {
    const now = Date.now();
    const kept = this.#signed.get(context);
    if (kept !== undefined && now - kept.signedAt < REUSE_SIGNED_MS) {
      return kept.header;
    }
    const { identity, requestId } = context;
    const header = this.#options.trustSigner.sign(identity, {
      subgraph: this.#options.name,
      requestId,
    });
    this.#signed.set(context, { header, signedAt: now });
    return header;
  }

  /** Gathers what the subgraph reports it read, for the audit trail. */
  override didReceiveResponse(
    ...[{ response, context }]: ReceiveArgs
  ): ReturnType<NonNullable<
    RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']
  >> {
    const report = auditReportOf(response.extensions);
    if (report !== null) context.audit?.reads.read(report);
    return response;
  }

  /**
   * A client operation's fetch that fails as a whole answers an error at
   * each field it was asked for (see fetch-failure.ts), so the client
   * knows which nulls the failure caused. Any other error (signing the
   * identity, a bug) goes on as it is.
   */
  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): ProcessResult {
    try {
      return await super.process(options);
    } catch (error) {
      const { query, variables } = options.request;
      const fetchFailed =
        error instanceof Error && this.#fetchFailures.has(error);
      const forClient = 'incomingRequestContext' in options;
      if (!fetchFailed || !forClient || !query) throw error;
      const failure = failureOf(this.#options.name, error);
      // Parsed again only on failure: the plan keeps no document by default.
      const errors = fetchFailureErrors(failure, parse(query), variables);
      return { errors };
    }
  }

  /**
   * Logs a failed fetch (timeout, refused connection, non-2xx, not
   * GraphQL) once, with a reason that never quotes the subgraph's answer:
   * its body may hold personal data.
   */
  override didEncounterError(...[error, , response, context]: EncounterArgs) {
    this.#fetchFailures.add(error);
    const code = error instanceof GraphQLError
      ? error.extensions.code
      : undefined;
    this.#options.metrics?.failed(failureKindOf(code, response?.status));
    this.#options.logger.warn(
      {
        subgraph: this.#options.name,
        requestId: context?.requestId,
        status: response?.status,
        reason: loggableReason(error),
      },
      'subgraph fetch failed',
    );
    throw error;
  }
}

/** Private: the shared fetcher, bounded in time for one subgraph. */
function timedFetcher(options: SubgraphSourceOptions): Fetcher {
  const { name, timeoutMs, fetcher, metrics } = options;
  return async (url: string, init?: FetcherRequestInit) => {
    const signal = AbortSignal.timeout(timeoutMs);
    const started = performance.now();
    try {
      const response = await requestErrorsAsAnswer(
        await fetcher(url, { ...init, signal }),
      );
      metrics?.answered((performance.now() - started) / 1000);
      return response;
    } catch (error) {
      throw fetchFailure(name, timeoutMs, signal.aborted, error);
    }
  };
}

/**
 * A subgraph answers 400 when the client's input is wrong: a Date that is
 * no day, a value it refuses. Its body is a GraphQL answer with errors
 * written for the client (BAD_USER_INPUT, GRAPHQL_VALIDATION_FAILED), and
 * the client must see them, not a subgraph failure. Any other 400 body
 * stays a failure.
 */
async function requestErrorsAsAnswer(
  response: FetcherResponse,
): Promise<FetcherResponse> {
  if (response.status !== 400) return response;
  const text = await response.text();
  if (!isGraphQLErrorAnswer(text)) return textResponse(response, text, 400);
  return textResponse(response, text, 200);
}

function isGraphQLErrorAnswer(text: string): boolean {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body !== 'object' || body === null) return false;
    const { errors, data } = body as { errors?: unknown; data?: unknown };
    return Array.isArray(errors) && errors.length > 0 && data === undefined;
  } catch {
    return false;
  }
}

/** Private: a response whose body was read, answered again from `text`. */
function textResponse(
  original: FetcherResponse,
  text: string,
  status: number,
): FetcherResponse {
  const ok = status >= 200 && status < 300;
  return {
    bodyUsed: false,
    url: original.url,
    redirected: original.redirected,
    status,
    ok,
    statusText: ok ? 'OK' : original.statusText,
    headers: original.headers,
    arrayBuffer: async () => new TextEncoder().encode(text).buffer,
    text: async () => text,
    json: async () => JSON.parse(text),
    clone: () => textResponse(original, text, status),
  };
}

/** Codes whose message production replaces with a generic one. */
const MASKED_CODES = new Set([
  ErrorCode.INTERNAL_SERVER_ERROR,
  'DOWNSTREAM_SERVICE_ERROR',
]);

/**
 * The numbers a refusal by a limit gives the client beside its code: an
 * operation's cost and the limit (cost.ts), when to try again
 * (rate-limit.ts).
 */
const LIMIT_FIGURES = ['cost', 'maxCost', 'retryAfterSeconds'] as const;

function limitFiguresOf(
  extensions: Readonly<Record<string, unknown>>,
): Record<string, number> {
  const figures: Record<string, number> = {};
  for (const name of LIMIT_FIGURES) {
    const value = extensions[name];
    if (typeof value === 'number') figures[name] = value;
  }
  return figures;
}

/**
 * In production an error keeps its message only when it was written for
 * the client; an unexpected one (no code, INTERNAL_SERVER_ERROR, a
 * subgraph's raw failure) says "Internal server error". Either way only
 * `code`, `serviceName` and a limit's figures survive in extensions: no
 * stack, no SQL, no subgraph response body.
 */
export function formatGatewayError(
  production: boolean,
): (formatted: GraphQLFormattedError) => GraphQLFormattedError {
  return (formatted) => {
    if (!production) return formatted;
    const { code, serviceName } = formatted.extensions ?? {};
    const known = typeof code === 'string' ? code : undefined;
    const masked = known === undefined || MASKED_CODES.has(known);
    return {
      message: masked ? 'Internal server error' : formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: known ?? ErrorCode.INTERNAL_SERVER_ERROR,
        ...(typeof serviceName === 'string' && !masked && { serviceName }),
        ...(!masked && limitFiguresOf(formatted.extensions ?? {})),
      },
    };
  };
}

function createGateway(
  options: StartGatewayOptions,
  supergraphSdl: string,
  fetcher: Fetcher,
  metrics: GatewayMetrics | null,
): ApolloGateway {
  const { config, logger, trustSigner, subgraphUrls } = options;
  const timeoutMs = config.SUBGRAPH_TIMEOUT_MS;
  return new ApolloGateway({
    supergraphSdl,
    logger: logger.child({ component: 'apollo-gateway' }),
    // Its spans (with tracing on) name the operation, never its text,
    // and record no exception: a message may quote a client's value.
    telemetry: { includeDocument: false, recordExceptions: false },
    buildService: ({ name }) => {
      const url = subgraphUrls[name];
      if (!url) {
        throw new TypeError(`No URL is configured for subgraph "${name}"`);
      }
      return new SubgraphSource({
        name,
        url,
        timeoutMs,
        fetcher,
        trustSigner,
        logger,
        metrics: metrics?.fetches(name),
      });
    },
  });
}

function createApolloServer(
  options: StartGatewayOptions,
  gateway: ApolloGateway,
  auditWriter: AuditWriter | null,
  telemetry: GatewayTelemetry,
): ApolloServer<GatewayContext> {
  const production = options.config.NODE_ENV === 'production';
  const limits = limitsOf(options.config);
  const tellLimit = limitErrorFormatter(limits);
  const formatForClient = formatGatewayError(production);
  const trusted = options.config.TRUSTED_DOCUMENTS;
  return new ApolloServer<GatewayContext>({
    gateway,
    logger: options.logger.child({ component: 'apollo-server' }),
    nodeEnv: options.config.NODE_ENV,
    formatError: (formatted, error) =>
      formatForClient(tellLimit(formatted, error)),
    includeStacktraceInErrorResponses: !production,
    // Also drops "Did you mean …?" from validation errors.
    hideSchemaDetailsFromClientErrors: production,
    introspection: !production,
    validationRules: limitRules(limits),
    parseOptions: parseOptionsOf(limits),
    // Apollo's default, stated: a GET or a simple POST (text/plain, form)
    // without a preflight-forcing header is refused before it runs.
    csrfPrevention: true,
    // runtime/shutdown owns the signals and their order.
    stopOnTerminationSignals: false,
    plugins: [
      // No sandbox page that loads scripts from a CDN, and nothing sent to
      // Apollo even if an APOLLO_KEY leaks into the environment.
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      variableCostPlugin<GatewayContext>(limits.maxCost),
      ...(trusted === undefined ? [] : [trustedDocumentsPlugin(trusted)]),
      auditTrailPlugin<GatewayContext>({
        writer: auditWriter,
        logger: options.logger,
      }),
      ...telemetry.plugins,
    ],
  });
}

/**
 * Private: counts one operation against the bucket of `key`; throws the
 * 429 when it is empty. Only the first refusal of a run is logged.
 */
function admit(
  limiter: RateLimiter,
  key: string | null,
  log: { readonly logger: Logger; readonly fields: object },
): void {
  if (key === null) return;
  const admission = limiter.take(key);
  if (admission.admitted) return;
  if (admission.first) {
    log.logger.info(log.fields, 'caller rate limited');
  }
  throw rateLimitedError(admission.retryAfterMs);
}

/**
 * Private: throws the 400 of a request naming no trusted document; the
 * plugin then puts the trusted text in place (trusted-documents.ts).
 */
function refuseUntrusted(
  trusted: TrustedDocuments,
  body: unknown,
  search: string,
): void {
  const named = documentRequestOfHttp(body, search);
  if (named === null) return;
  const text = trustedTextOf(trusted, named);
  if (text.kind === 'refused') throw text.error;
}

/**
 * Private: the caller of a request, from its bearer token. A refused
 * token is logged with its reason (never the token) and thrown as the
 * verifier's 401. The request is counted against the caller's rate
 * limit either way, a refused token's against the remote address.
 */
function identifier(
  tokenVerifier: TokenVerifier,
  limiter: RateLimiter,
  logger: Logger,
) {
  return async (
    request: IncomingMessage,
    requestId: string,
  ): Promise<Identity> => {
    let identity: Identity;
    try {
      identity = await tokenVerifier.verify(request.headers.authorization);
    } catch (error) {
      const key = addressKeyOf(request.socket.remoteAddress);
      admit(limiter, key, { logger, fields: { requestId } });
      const reason = error instanceof Error ? error.message : String(error);
      logger.info({ requestId, reason }, 'caller refused');
      throw error;
    }
    admit(limiter, callerKeyOf(identity),
      { logger, fields: { requestId, role: identity.role } });
    return identity;
  };
}

/**
 * Private: the context function, run before anything is parsed: the
 * caller is identified (and counted), then, with a safelist, its
 * document must be a trusted one. Last, the stated purpose (x-purpose)
 * is read for the audit trail: one it cannot hold is a 400, and it is
 * never logged.
 */
function authenticate(
  identify: ReturnType<typeof identifier>,
  trusted: TrustedDocuments | undefined,
) {
  return async (
    request: IncomingMessage,
    { requestId, body, search }: ContextInfo,
  ): Promise<GatewayContext> => {
    const identity = await identify(request, requestId);
    if (trusted !== undefined) refuseUntrusted(trusted, body, search);
    const audit = new OperationAudit(purposeOf(request));
    return { identity, requestId, audit };
  };
}

/**
 * Private: the report route (gateway/report/route.ts). Its operation is
 * the gateway's own text, not the caller's, so no safelist applies; the
 * caller's identity, rate limit and stated purpose do.
 */
function reportRoutes(
  server: ApolloServer<GatewayContext>,
  identify: ReturnType<typeof identifier>,
  limit: { readonly limiter: RateLimiter; readonly logger: Logger },
): Record<string, RouteHandler> {
  const route = reportRoute({
    identify: async ({ request, requestId }) => {
      const identity = await identify(request, requestId);
      purposeOf(request);
      return identity;
    },
    execute: (exchange, identity) =>
      reportExecutor(server, exchange, identity, limit),
  });
  return { [REPORT_PATH]: route };
}

/**
 * Private: runs a report's operations under the caller's identity. The
 * request was counted once against the caller's rate limit; each period
 * after the first counts as one more operation, so `each=month` costs
 * what twelve queries would.
 */
function reportExecutor(
  server: ApolloServer<GatewayContext>,
  { request, requestId }: RouteExchange,
  identity: Identity,
  limit: { readonly limiter: RateLimiter; readonly logger: Logger },
): Execute {
  let counted = true;
  return async (query, variables) => {
    try {
      if (!counted) {
        admit(limit.limiter, callerKeyOf(identity),
          { logger: limit.logger, fields: { requestId, role: identity.role } });
      }
      counted = false;
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      const { http: _, ...extensions } = error.extensions;
      return { errors: [{ message: error.message, extensions }] };
    }
    const contextValue: GatewayContext = {
      identity,
      requestId,
      audit: new OperationAudit(purposeOf(request)),
    };
    const response = await server.executeOperation(
      { query, variables }, { contextValue });
    if (response.body.kind !== 'single') {
      throw new Error('A report cannot be answered incrementally');
    }
    return response.body.singleResult;
  };
}

/** Private: the purpose header, or a 400 that says what is wrong. */
function purposeOf(request: IncomingMessage): string | null {
  const header = request.headers[PURPOSE_HEADER];
  try {
    return parsePurpose(Array.isArray(header) ? header.join(', ') : header);
  } catch (error) {
    throw new GraphQLError(`${PURPOSE_HEADER}: ${(error as Error).message}.`, {
      extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
    });
  }
}

/** Private: an operation run by the gateway as an HTTP one would be. */
function operationRunner(
  server: ApolloServer<GatewayContext>,
): OperationRunner {
  return async (request, identity, audit = {}) => {
    const contextValue: GatewayContext = {
      identity,
      requestId: randomUUID(),
      audit: new OperationAudit(audit.purpose ?? null, audit.delivery),
    };
    const response = await server.executeOperation(
      {
        query: request.query,
        operationName: request.operationName,
        variables: request.variables ? { ...request.variables } : undefined,
      },
      { contextValue },
    );
    if (response.body.kind !== 'single') {
      throw new Error('An incremental answer cannot be sent over graphql-ws');
    }
    return response.body.singleResult;
  };
}

/**
 * Private: one alert log entry answered for a subscription. Its audit
 * entries are written per subscriber, as each is sent its answer.
 */
function entryExecutor(run: OperationRunner): EntryExecutor {
  return (operation, identity, sequence) => run({
    query: operation.queryText,
    operationName: operation.operationName,
    variables: {
      ...operation.variables,
      [operation.sequenceVariable]: String(sequence),
    },
  }, identity, { delivery: true });
}

/** Private: the writer of the audit trail; null without its subgraph. */
function auditWriterOf(
  options: StartGatewayOptions,
  fetcher: Fetcher,
): AuditWriter | null {
  const url = options.subgraphUrls.audit;
  if (url === undefined) return null;
  return new AuditWriter({
    url,
    fetcher,
    trustSigner: options.trustSigner,
    timeoutMs: options.config.SUBGRAPH_TIMEOUT_MS,
    logger: options.logger,
    batchSize: options.config.AUDIT_BATCH_SIZE,
  });
}

/**
 * Private: the live alert stream's reader of the log, which the
 * protection subgraph keeps; null for a supergraph without it.
 */
function alertFeedOf(
  options: StartGatewayOptions,
  fetcher: Fetcher,
): AlertFeed | null {
  const url = options.subgraphUrls.protection;
  if (url === undefined) return null;
  return new AlertFeed({
    bus: options.alertBus ?? new LocalAlertBus(),
    log: subgraphLogSource({
      url,
      fetcher,
      trustSigner: options.trustSigner,
      timeoutMs: options.config.SUBGRAPH_TIMEOUT_MS,
    }),
    logger: options.logger,
    pollMs: options.alertPollMs,
  });
}

export async function startGateway(
  options: StartGatewayOptions,
): Promise<RunningGateway> {
  const { config, logger, tokenVerifier } = options;
  const supergraphSdl =
    options.supergraphSdl ?? readFileSync(SUPERGRAPH_PATH, 'utf8');
  const fetcher = createHttpFetcher();
  const telemetry = gatewayTelemetry(config, options.tracing);
  const gateway = createGateway(options, supergraphSdl, fetcher.fetch,
    telemetry.metrics);
  const auditWriter = auditWriterOf(options, fetcher.fetch);
  const server = createApolloServer(options, gateway, auditWriter,
    telemetry);
  const feed = alertFeedOf(options, fetcher.fetch);
  const limiter = new RateLimiter(rateLimitOf(config));
  const identify = identifier(tokenVerifier, limiter, logger);
  const web = webRoutes({ explorer: explorerEnabled(config), logger });
  let hosted: HostedGraphQL;
  let socket: AlertSocket | null = null;
  try {
    await server.start();
    hosted = await hostGraphQL<GatewayContext>({
      server,
      host: config.GATEWAY_HOST,
      port: config.GATEWAY_PORT,
      maxBodyBytes: config.MAX_BODY_BYTES,
      logger,
      // Started means the supergraph is loaded and planned against.
      readiness: async () => {
        if (!gateway.schema) throw new Error('supergraph not loaded');
      },
      context: authenticate(identify, config.TRUSTED_DOCUMENTS),
      ...telemetry.host,
      routes: {
        ...reportRoutes(server, identify, { limiter, logger }),
        ...web.routes,
        ...telemetry.host.routes,
      },
      prefixes: web.prefixes,
    });
    if (feed !== null) {
      const runOperation = operationRunner(server);
      socket = serveAlertSocket({
        httpServer: hosted.httpServer,
        path: new URL(hosted.url).pathname,
        tokenVerifier,
        schema: () => gateway.schema,
        feed,
        executeEntry: entryExecutor(runOperation),
        runOperation,
        limits: limitsOf(config),
        rateLimiter: limiter,
        trustedDocuments: config.TRUSTED_DOCUMENTS,
        maxMessageBytes: config.MAX_WS_MESSAGE_BYTES,
        maxMessagesPerSecond: config.WS_MESSAGES_PER_SECOND,
        initTimeoutMs: config.WS_INIT_TIMEOUT_MS,
        hideSuggestions: config.NODE_ENV === 'production',
        auditDelivery: deliveryAuditor(auditWriter, logger),
        onAlertSent: telemetry.metrics?.alertSent,
        logger,
      });
      feed.start();
    }
  } catch (error) {
    // A bad supergraph or a port in use: release what was opened.
    await server.stop().catch(() => undefined);
    await feed?.close();
    await auditWriter?.close();
    fetcher.close();
    throw error;
  }

  async function stop(): Promise<void> {
    await socket?.close();
    await feed?.close();
    await hosted.close();
    await server.stop();
    // After the server: the entries of the last answers are queued.
    await auditWriter?.close();
    fetcher.close();
  }

  const alertStream: AlertStreamState = {
    get subscriptions() {
      return socket?.subscriptions ?? 0;
    },
    get live() {
      return feed?.subscribers ?? 0;
    },
    get executions() {
      return socket?.shared.executions ?? 0;
    },
    get cursor() {
      return feed?.cursor ?? null;
    },
  };
  const auditQueue = () => auditWriter === null
    ? null
    : {
        ...auditWriter.counts,
        pending: auditWriter.pending,
        drainedAt: auditWriter.drainedAt,
      };
  telemetry.metrics?.watch({ alertStream, auditQueue });
  return {
    url: hosted.url,
    httpServer: hosted.httpServer,
    alertStream,
    auditQueue,
    stop,
  };
}
