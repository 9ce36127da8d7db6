/**
 * The gateway's graphql-ws endpoint (subprotocol `graphql-transport-ws`),
 * on its own HTTP server and GraphQL path.
 *
 * A connection is let in by the token in its `connection_init` payload,
 * `{ authorization: "Bearer <jwt>" }` or `{ token: "<jwt>" }`, checked as
 * an HTTP request's would be; a refused token closes the socket with
 * 4403, and so does the token's expiry: the client reconnects with a new
 * one and resumes with `since`. The payload may state, in `purpose`, why
 * the connection reads (issue 6): its operations and every alert it is
 * sent carry it into the audit trail; one the trail cannot hold (more
 * than 500 characters, not a string) refuses the connection like a bad
 * token. Subscriptions are to the alert stream
 * only (operation.ts); queries and mutations sent over the socket are
 * answered by the gateway as over HTTP, under the same identity.
 */
import type { Server } from 'node:http';
import {
  GraphQLError,
  OperationTypeNode,
  getOperationAST,
  type DocumentNode,
  type ExecutionArgs,
  type FormattedExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { CloseCode, type Context, type SubscribePayload } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { decodeJwt } from 'jose';
import { WebSocketServer, type WebSocket } from 'ws';
import type { TokenVerifier } from '../../runtime/auth';
import type { Identity } from '../../runtime/identity';
import type { AlertNotice } from '../../runtime/alerts/notice';
import type { Logger } from '../../runtime/logger';
import { documentHash, parsePurpose } from '../audit/entry';
import type { DeliveryAuditor } from '../audit/delivery';
import { parseWithinLimits, type OperationLimits } from '../limits';
import {
  callerKeyOf,
  rateLimitedError,
  type RateLimiter,
} from '../rate-limit';
import {
  trustedTextOf,
  type TrustedDocuments,
} from '../trusted-documents';
import type { AlertFeed } from './feed';
import { alertOperationOf, type AlertOperation } from './operation';
import {
  AlertStream,
  SharedExecutions,
  errorOf,
  type EntryExecutor,
} from './stream';

/** What the audit trail learns of a run beside its identity. */
export interface RunAudit {
  /** The purpose the caller stated; default none. */
  readonly purpose?: string | null;
  /** An alert's execution for subscribers; default false. */
  readonly delivery?: boolean;
}

/** A query or mutation sent over the socket, answered as over HTTP. */
export type OperationRunner = (
  request: {
    readonly query: string;
    readonly operationName?: string;
    readonly variables?: Readonly<Record<string, unknown>>;
  },
  identity: Identity,
  audit?: RunAudit,
) => Promise<FormattedExecutionResult>;

export interface AlertSocketOptions {
  readonly httpServer: Server;
  /** The gateway's GraphQL path; the socket is served there. */
  readonly path: string;
  readonly tokenVerifier: TokenVerifier;
  /** The gateway's API schema, once the supergraph is loaded. */
  readonly schema: () => GraphQLSchema | undefined;
  readonly feed: AlertFeed;
  readonly executeEntry: EntryExecutor;
  readonly runOperation: OperationRunner;
  readonly logger: Logger;
  /** The limits HTTP requests keep, applied to what the socket parses. */
  readonly limits: OperationLimits;
  /**
   * The buckets HTTP requests are counted in: each operation the socket
   * receives takes from its caller's; the events of a subscription
   * already open never do. Default: no limit.
   */
  readonly rateLimiter?: RateLimiter;
  /**
   * The only documents to run, subscriptions and queries alike
   * (trusted-documents.ts); default: any document.
   */
  readonly trustedDocuments?: TrustedDocuments;
  /**
   * Drops graphql's "Did you mean …?" from the refusals of a
   * subscription, which would reveal the schema field by field, as Apollo
   * Server does over HTTP in production; default false.
   */
  readonly hideSuggestions?: boolean;
  /** Answers a slow client may leave unread; see stream.ts. */
  readonly maxBacklog?: number;
  /** Subscriptions one connection may hold at once; default 16. */
  readonly maxSubscriptions?: number;
  /**
   * A larger message closes the socket with 1009 (ws's maxPayload);
   * default 1 MiB, where ws's own would be 100 MiB.
   */
  readonly maxMessageBytes?: number;
  /**
   * More messages than this within one second close the socket with
   * 4429 (FLOOD_CLOSE_CODE); default 50.
   */
  readonly maxMessagesPerSecond?: number;
  /** A socket not initialised by then is closed with 4408; default 10 s. */
  readonly initTimeoutMs?: number;
  /**
   * Told of each answer sent to a subscriber, for the audit trail
   * (gateway/audit/delivery.ts); default: nothing.
   */
  readonly auditDelivery?: DeliveryAuditor;
  /**
   * Told of each alert event's answer sent to a subscriber, with its
   * notice, for the metrics; default: nothing.
   */
  readonly onAlertSent?: (notice: AlertNotice) => void;
}

/** The close code of a socket that sent too many messages at once. */
export const FLOOD_CLOSE_CODE = 4429;

export const SOCKET_DEFAULTS = {
  maxMessageBytes: 1024 * 1024,
  maxMessagesPerSecond: 50,
  initTimeoutMs: 10_000,
} as const;

export interface AlertSocket {
  /** Open subscriptions to the alert stream. */
  readonly subscriptions: number;
  /** Executions shared by the subscriptions so far. */
  readonly shared: SharedExecutions;
  /** Closes every connection (1001, going away) and stops listening. */
  close(): Promise<void>;
}

/** What the server keeps of a connection it let in. */
interface Connection {
  readonly identity: Identity;
  /** As stated in the connection_init payload; null when none was. */
  readonly purpose: string | null;
  expiry: NodeJS.Timeout | null;
}

/** What onSubscribe hands on to `subscribe` or `execute`. */
interface OperationContext {
  readonly identity: Identity;
  readonly purpose: string | null;
  readonly payload: SubscribePayload;
  readonly alertOperation?: AlertOperation;
}

const DEFAULT_MAX_SUBSCRIPTIONS = 16;
/** setTimeout's longest wait; a later expiry is checked again then. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * Closes `socket` with FLOOD_CLOSE_CODE at the first message past
 * `maxPerSecond` within one second (windows of a second each, from the
 * first message of each).
 */
export function closeOnFlood(
  socket: WebSocket,
  maxPerSecond: number,
  onFlood: () => void,
): void {
  let windowStart = 0;
  let count = 0;
  socket.on('message', () => {
    const now = Date.now();
    if (now - windowStart >= 1000) {
      windowStart = now;
      count = 0;
    }
    count += 1;
    if (count !== maxPerSecond + 1) return;
    onFlood();
    socket.close(FLOOD_CLOSE_CODE, 'Too many messages');
  });
}

/** The token a connection_init payload carries, as an Authorization value. */
export function authorizationOf(
  params: Readonly<Record<string, unknown>> | undefined,
): string | undefined {
  if (typeof params?.authorization === 'string') return params.authorization;
  if (typeof params?.Authorization === 'string') return params.Authorization;
  if (typeof params?.token === 'string') return `Bearer ${params.token}`;
  return undefined;
}

export function serveAlertSocket(options: AlertSocketOptions): AlertSocket {
  const logger = options.logger.child({ component: 'alert-socket' });
  const shared = new SharedExecutions();
  const connections = new WeakMap<object, Connection>();
  const streams = new Set<AlertStream>();
  const maxSubscriptions =
    options.maxSubscriptions ?? DEFAULT_MAX_SUBSCRIPTIONS;
  const wsServer = new WebSocketServer({
    server: options.httpServer,
    path: options.path,
    maxPayload: options.maxMessageBytes ?? SOCKET_DEFAULTS.maxMessageBytes,
  });
  const maxPerSecond =
    options.maxMessagesPerSecond ?? SOCKET_DEFAULTS.maxMessagesPerSecond;
  // Registered before graphql-ws's own listener, so a flood is cut at
  // the message that passes the limit.
  wsServer.on('connection', (socket) => {
    closeOnFlood(socket, maxPerSecond, () => {
      logger.info({ maxPerSecond }, 'closing a socket that floods');
    });
  });

  /** Closes the connection with 4403 once its token has expired. */
  function watchExpiry(
    ctx: Context<Record<string, unknown>, Extra>,
    connection: Connection,
    expiresAt: number,
  ): void {
    const wait = expiresAt - Date.now();
    connection.expiry = setTimeout(() => {
      if (expiresAt > Date.now()) {
        watchExpiry(ctx, connection, expiresAt);
        return;
      }
      logger.info({ role: connection.identity.role },
        'closing a connection whose token expired');
      ctx.extra.socket.close(CloseCode.Forbidden, 'Forbidden: the token expired');
    }, Math.max(0, Math.min(wait, LONGEST_TIMER_MS)));
    connection.expiry.unref();
  }

  const disposable = useServer<Record<string, unknown>>({
    connectionInitWaitTimeout:
      options.initTimeoutMs ?? SOCKET_DEFAULTS.initTimeoutMs,

    onConnect: async (ctx) => {
      const authorization = authorizationOf(ctx.connectionParams)
        ?? ctx.extra.request.headers.authorization;
      try {
        const identity = await options.tokenVerifier.verify(authorization);
        const purpose = parsePurpose(ctx.connectionParams?.purpose);
        const connection: Connection = { identity, purpose, expiry: null };
        connections.set(ctx, connection);
        const { exp } = decodeJwt(authorization!.replace(/^Bearer\s+/i, ''));
        if (exp !== undefined) watchExpiry(ctx, connection, exp * 1000);
        logger.debug({ role: identity.role }, 'subscriber connected');
        return true;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        logger.info({ reason }, 'subscriber refused');
        return false;
      }
    },

    onClose: (ctx) => {
      const connection = connections.get(ctx);
      if (connection?.expiry) clearTimeout(connection.expiry);
      connections.delete(ctx);
    },

    onSubscribe: (ctx, _id, received) => {
      const connection = connections.get(ctx);
      if (connection === undefined) {
        return [new GraphQLError('The connection is not authenticated.', {
          extensions: { code: 'UNAUTHENTICATED' },
        })];
      }
      const refusal = rateRefusalOf(options.rateLimiter, connection);
      if (refusal !== null) {
        if (refusal.first) {
          logger.info({ role: connection.identity.role },
            'subscriber rate limited');
        }
        return [refusal.error];
      }
      const held = Object.values(ctx.subscriptions).length;
      if (held >= maxSubscriptions) {
        return [new GraphQLError(
          `A connection holds at most ${maxSubscriptions} subscriptions.`,
          { extensions: { code: 'BAD_REQUEST' } },
        )];
      }
      const payload = trustedPayloadOf(options.trustedDocuments, received);
      if (payload instanceof GraphQLError) return [payload];
      const args = argsOf(options.schema(), payload, {
        identity: connection.identity,
        purpose: connection.purpose,
        limits: options.limits,
      });
      if (!options.hideSuggestions || !Array.isArray(args)) return args;
      return withoutSuggestions(args);
    },

    subscribe: (args) => {
      const context = args.contextValue as OperationContext;
      const operation = context.alertOperation!;
      const operationName =
        getOperationAST(args.document, args.operationName)?.name?.value;
      // Hashed once: every delivery's audit entry names the same text.
      const hashed = documentHash(context.payload.query);
      const stream = new AlertStream({
        identity: context.identity,
        operation,
        executor: options.executeEntry,
        shared,
        maxBacklog: options.maxBacklog,
        onDelivery: (reads, answer) => options.auditDelivery?.({
          identity: context.identity,
          purpose: context.purpose,
          documentHash: hashed,
          operationName,
          reads,
          answer,
        }),
        onSent: options.onAlertSent,
        onEnd: (ended) => {
          streams.delete(ended);
          options.feed.detach(ended);
        },
      });
      streams.add(stream);
      options.feed.attach(stream, operation.since, () => !stream.ended)
        .catch((error: unknown) => {
          logger.warn({ err: error }, 'a subscriber could not be caught up');
          stream.fail(new GraphQLError(
            'The alert log cannot be read right now; subscribe again with since set to the last sequence received.',
            { extensions: { code: 'SUBGRAPH_UNAVAILABLE' } },
          ));
        });
      return stream;
    },

    execute: async (args) => {
      const { identity, purpose, payload } =
        args.contextValue as OperationContext;
      const result = await options.runOperation({
        query: payload.query,
        operationName: payload.operationName ?? undefined,
        variables: payload.variables ?? undefined,
      }, identity, { purpose });
      return {
        data: result.data,
        ...(result.errors && { errors: result.errors.map(errorOf) }),
        ...(result.extensions && { extensions: result.extensions }),
      };
    },
  }, wsServer);

  return {
    get subscriptions() {
      return streams.size;
    },
    shared,
    async close() {
      for (const stream of [...streams]) await stream.return();
      await disposable.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}

/** Private: the refusal of one more operation by the rate limit. */
function rateRefusalOf(
  limiter: RateLimiter | undefined,
  connection: Connection,
): { readonly error: GraphQLError; readonly first: boolean } | null {
  const key = callerKeyOf(connection.identity);
  if (limiter === undefined || key === null) return null;
  const admission = limiter.take(key);
  if (admission.admitted) return null;
  return {
    error: rateLimitedError(admission.retryAfterMs, false),
    first: admission.first,
  };
}

/**
 * Private: the payload with the trusted text it names, or the refusal;
 * the payload as it came when no safelist is set.
 */
function trustedPayloadOf(
  documents: TrustedDocuments | undefined,
  payload: SubscribePayload,
): SubscribePayload | GraphQLError {
  if (documents === undefined) return payload;
  const text = trustedTextOf(documents, payload, false);
  if (text.kind === 'refused') return text.error;
  return { ...payload, query: text.query };
}

/** The errors with graphql's suggestions of names taken out. */
export function withoutSuggestions(
  errors: readonly GraphQLError[],
): GraphQLError[] {
  return errors.map((error) => {
    const message = error.message.replace(/ ?Did you mean .+\?$/, '');
    if (message === error.message) return error;
    return new GraphQLError(message, {
      nodes: error.nodes,
      extensions: error.extensions,
    });
  });
}

/** Private: what argsOf needs beside the schema and the payload. */
interface Subscriber {
  readonly identity: Identity;
  readonly purpose: string | null;
  readonly limits: OperationLimits;
}

/** Private: the document, or the error that refuses it. */
function documentOf(
  query: string,
  limits: OperationLimits,
): DocumentNode | GraphQLError {
  try {
    return parseWithinLimits(query, limits);
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    return new GraphQLError('The document cannot be parsed.', {
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
  }
}

/**
 * Private: the execution arguments of a valid operation, or the errors
 * that refuse it.
 */
function argsOf(
  schema: GraphQLSchema | undefined,
  payload: SubscribePayload,
  { identity, purpose, limits }: Subscriber,
): ExecutionArgs | readonly GraphQLError[] {
  if (schema === undefined) {
    return [new GraphQLError('The gateway is not ready yet.', {
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    })];
  }
  const document = documentOf(payload.query, limits);
  if (document instanceof GraphQLError) return [document];
  const operationName = payload.operationName ?? undefined;
  const variables = payload.variables ?? {};
  const operation = getOperationAST(document, operationName);
  const context: OperationContext = { identity, purpose, payload };
  if (operation === null || operation === undefined) {
    return [new GraphQLError(
      'The document holds no such operation, or several: name the one to run.',
      { extensions: { code: 'BAD_REQUEST' } },
    )];
  }
  if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
    // Validated where it runs, as an HTTP request's would be.
    return { schema, document, operationName, contextValue: context };
  }
  const alertOperation = alertOperationOf(
    schema, document, { operationName, variables, limits });
  if (!('query' in alertOperation)) return alertOperation;
  return {
    schema,
    document,
    operationName,
    variableValues: variables,
    contextValue: { ...context, alertOperation },
  };
}
