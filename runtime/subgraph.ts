/**
 * What the six subgraphs share: how a subgraph is described, how its
 * per-request context is built from the gateway's signed identity, how its
 * agency reads are batched, and how it is served over HTTP.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import DataLoader from 'dataloader';
import type { Registry } from 'prom-client';
import {
  GraphQLError,
  parse,
  type DocumentNode,
  type GraphQLFormattedError,
} from 'graphql';
import type { BatchRead } from '../adapters/adapter';
import { AccessEnforcer } from './access/enforce';
import { checkAccessRules } from './access/check';
import { ROLES_ONLY, type AccessModel } from './access/model';
import { readAccessRules } from './access/rules';
import { AuditRecorder, auditPlugin, type AuditedTypes } from './audit';
import { hostGraphQL, type HostedGraphQL } from './http';
import type { Identity } from './identity';
import type { Logger } from './logger';
import { createServerMetrics } from './metrics/server';
import { checkNationalNumber } from './national-number';
import { subgraphService, type MetricsAccess } from './telemetry';
import { operationSpanPlugin, serverSpans } from './tracing/http';
import type { Tracing } from './tracing/setup';
import type { TrustVerifier } from './trust';

/** The representation other subgraphs send for a Person. */
export interface PersonKey {
  nationalNumber: string;
}

/** The representation other subgraphs send for a ProtectionMeasure. */
export interface MeasureKey {
  id: string;
}

/** The representation of an Arrondissement or a PoliceZone. */
export interface CodeKey {
  code: string;
}

/** What every subgraph knows about the request it is serving. */
export interface SubgraphContext {
  readonly identity: Identity;
  readonly requestId: string;
  readonly logger: Logger;
  /**
   * The personal data this request read, for the audit trail (see
   * runtime/audit.ts): `audit.read({ persons, measures })`.
   */
  readonly audit: AuditRecorder;
}

export interface SubgraphDefinition<TContext extends SubgraphContext> {
  readonly name: string;
  readonly typeDefs: DocumentNode;
  readonly resolvers: GraphQLResolverMap<TContext>;
  /**
   * How the relations of the SDL's `@access` rules are judged; a
   * subgraph whose rules name roles alone needs none.
   */
  readonly access?: AccessModel<TContext, unknown>;
  /**
   * Adds the subgraph's own parts (its loaders) to a request's context.
   * Called once per request, so no cached read crosses two identities.
   */
  createContext(base: SubgraphContext): TContext;
  /**
   * The types whose objects carry a person or a measure: each one read
   * is reported for the audit trail (runtime/audit.ts). Default: none.
   */
  readonly auditedTypes?: AuditedTypes;
  /** Resolves when the agency system behind the subgraph answers. */
  readiness(): Promise<void>;
  /**
   * Adds the subgraph's own metrics (its pools, its backlog) to its
   * server's registry; default none.
   */
  collectMetrics?(registry: Registry): void;
}

export interface SubgraphServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  logger: Logger;
  trustVerifier: TrustVerifier;
  /** Hides internal error details from clients. */
  production: boolean;
  maxBodyBytes?: number;
  /** GET /metrics (runtime/metrics); default: not served. */
  metrics?: MetricsAccess;
  /** Where the request spans go; default: no tracing. */
  tracing?: Tracing;
}

/** The paths a subgraph's host answers, besides /metrics. */
const SUBGRAPH_PATHS = ['/graphql', '/healthz', '/readyz'] as const;

/** Reads the SDL of a subgraph from `schema/<name>.graphql`. */
export function loadSubgraphTypeDefs(name: string): DocumentNode {
  const path = join(__dirname, '..', 'schema', `${name}.graphql`);
  return parse(readFileSync(path, 'utf8'));
}

/**
 * Validates a national register number given by a client; throws a
 * BAD_USER_INPUT error that says why when it is not a valid one.
 */
export function parseNationalNumber(value: string, argument: string): string {
  const check = checkNationalNumber(value);
  if (check.valid) return check.value;
  throw new GraphQLError(`${argument} is not a valid national number: ${check.reason}.`, {
    extensions: { code: 'BAD_USER_INPUT', argument, reason: check.reason },
  });
}

/**
 * Raised when an agency system fails: the field that needed it resolves to
 * an error, and the rest of the answer stands.
 */
export function agencyUnavailable(system: string): GraphQLError {
  return new GraphQLError(`${system} is unavailable; this part of the answer is missing.`, {
    extensions: { code: 'AGENCY_UNAVAILABLE', system },
  });
}

/**
 * How long a subgraph waits for its agency system: under the gateway's
 * default fetch timeout (5 s), so that a hanging system costs only its
 * own fields, with a precise error, and the subgraph still answers the
 * rest of its part.
 */
export const AGENCY_TIMEOUT_MS = 4000;

class AgencyTimeout extends Error {
  override readonly name = 'AgencyTimeout';
}

/** Private: rejects when `promise` has not settled after `ms`. */
function withDeadline<T>(
  promise: Promise<T>,
  ms: number,
  system: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new AgencyTimeout(`${system} gave no answer in ${ms} ms`)),
      ms,
    );
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Loads asked for anywhere in one turn of the event loop go out as one
 * batch: a field one level deeper than another (a protected person's name
 * beside the suspect's) still joins the same read, however many items a
 * list has. The default, the end of the current tick, would split them
 * depending on how far execution got.
 */
const scheduleBatch = (run: () => void) => void setImmediate(run);

/**
 * A per-request DataLoader over one batch read of an adapter. A failure
 * of the agency system is logged once per batch with its cause and
 * surfaces to the client as AGENCY_UNAVAILABLE.
 */
export function agencyLoader<K, V>(
  system: string,
  read: BatchRead<K, V>,
  logger: Logger,
  timeoutMs: number = AGENCY_TIMEOUT_MS,
): DataLoader<K, V> {
  return new DataLoader<K, V>(
    async (keys) => {
      try {
        return await withDeadline(read(keys), timeoutMs, system);
      } catch (cause) {
        logger.error(
          { system, err: describeError(cause) },
          'agency system read failed',
        );
        throw agencyUnavailable(system);
      }
    },
    { batchScheduleFn: scheduleBatch },
  );
}

/** The parts of an error that are safe to log: no parameters, no values. */
function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) {
    return { name: error.name, message: error.message };
  }
  return { name: typeof error, message: 'non-error thrown' };
}

/**
 * In production, an unexpected error shows no message, stack or SQL: one
 * without a code, or INTERNAL_SERVER_ERROR, which Apollo gives anything
 * thrown that was not written for the client. Every error written for
 * the client carries its own stable code and keeps its message.
 */
export function formatClientError(
  formatted: GraphQLFormattedError,
  production: boolean,
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const written = typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR';
  if (!production || written) return formatted;
  return {
    message: 'Internal server error',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/** Builds the subgraph's Apollo Server (not yet started). */
export function createSubgraphServer<TContext extends SubgraphContext>(
  definition: SubgraphDefinition<TContext>,
  production: boolean,
  plugins: readonly ApolloServerPlugin<TContext>[] = [],
): ApolloServer<TContext> {
  const schema = buildSubgraphSchema([
    { typeDefs: definition.typeDefs, resolvers: definition.resolvers },
  ]);
  const rules = readAccessRules(definition.typeDefs);
  const model = definition.access ?? ROLES_ONLY;
  checkAccessRules(schema, rules, model);
  new AccessEnforcer(rules, model).apply(schema);
  return new ApolloServer<TContext>({
    schema,
    formatError: (formatted) => formatClientError(formatted, production),
    includeStacktraceInErrorResponses: !production,
    // The process's own shutdown (runtime/shutdown.ts) owns the signals.
    stopOnTerminationSignals: false,
    plugins: [
      // Traces for Apollo's cloud: this graph reports to nobody.
      ApolloServerPluginInlineTraceDisabled(),
      auditPlugin<TContext>(definition.auditedTypes ?? {}),
      ...plugins,
    ],
  });
}

/**
 * Starts a subgraph on its own HTTP server. Every request must carry the
 * gateway's signature for this subgraph; the identity comes from it alone.
 */
export async function startSubgraph<TContext extends SubgraphContext>(
  definition: SubgraphDefinition<TContext>,
  options: SubgraphServerOptions,
): Promise<HostedGraphQL> {
  const logger = options.logger.child({ subgraph: definition.name });
  const metrics = createServerMetrics({
    access: options.metrics ?? { enabled: false },
    paths: SUBGRAPH_PATHS,
  });
  if (metrics) definition.collectMetrics?.(metrics.registry);
  const tracer = options.tracing?.tracer(subgraphService(definition.name));
  const server = createSubgraphServer(definition, options.production, [
    ...(metrics ? [metrics.plugin<TContext>()] : []),
    ...(tracer ? [operationSpanPlugin<TContext>()] : []),
  ]);
  await server.start();
  return hostGraphQL<TContext>({
    server,
    host: options.host,
    port: options.port,
    maxBodyBytes: options.maxBodyBytes,
    logger,
    routes: metrics?.routes,
    observe: metrics?.observe,
    around: tracer && serverSpans(tracer,
      { paths: SUBGRAPH_PATHS, extract: true }),
    readiness: () => definition.readiness(),
    context: async (request, { requestId }) => {
      const header = request.headers['x-gateway-identity'];
      const { identity } = await options.trustVerifier.verify(
        Array.isArray(header) ? header[0] : header,
      );
      const requestLogger = logger.child({ requestId });
      return definition.createContext({
        identity,
        requestId,
        logger: requestLogger,
        audit: new AuditRecorder(),
      });
    },
  });
}
