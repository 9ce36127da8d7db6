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
import { WebSocketServer } from 'ws';
import type { TokenVerifier } from '../../runtime/auth';
import type { Identity } from '../../runtime/identity';
import type { Logger } from '../../runtime/logger';
import { parsePurpose } from '../audit/entry';
import type { DeliveryAuditor } from '../audit/delivery';
import { parseWithinLimits, type OperationLimits } from '../limits';
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
   * Told of each answer sent to a subscriber, for the audit trail
   * (gateway/audit/delivery.ts); default: nothing.
   */
  readonly auditDelivery?: DeliveryAuditor;
}

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
    connectionInitWaitTimeout: 10_000,

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

    onSubscribe: (ctx, _id, payload) => {
      const connection = connections.get(ctx);
      if (connection === undefined) {
        return [new GraphQLError('The connection is not authenticated.', {
          extensions: { code: 'UNAUTHENTICATED' },
        })];
      }
      const held = Object.values(ctx.subscriptions).length;
      if (held >= maxSubscriptions) {
        return [new GraphQLError(
          `A connection holds at most ${maxSubscriptions} subscriptions.`,
          { extensions: { code: 'BAD_REQUEST' } },
        )];
      }
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
      const stream = new AlertStream({
        identity: context.identity,
        operation,
        executor: options.executeEntry,
        shared,
        maxBacklog: options.maxBacklog,
        onDelivery: (reads, answer) => options.auditDelivery?.({
          identity: context.identity,
          purpose: context.purpose,
          document: context.payload.query,
          operationName,
          reads,
          answer,
        }),
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
