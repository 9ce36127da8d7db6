/**
 * Gateway (c): Hive Gateway's runtime as a node:http request handler,
 * at its defaults. Its one addition, as for (b): each subgraph fetch
 * carries the identity header the bench signed in advance for the
 * caller the request names (CALLER_HEADER) and for that subgraph.
 */
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { GATEWAY_IDENTITY_HEADER } from '../../runtime/trust';
import type { ServingGateway } from './project-gateway';
import { CALLER_HEADER, type PresignedHeaders } from './protocol';

/** What the bench uses of Hive Gateway's runtime. */
interface HiveRuntime {
  (request: IncomingMessage, response: ServerResponse): void;
  readonly graphqlEndpoint: string;
  dispose(): Promise<void> | void;
}

/** A subgraph fetch's headers, from the client's request. */
interface PropagatePayload {
  readonly request: { readonly headers: { get(name: string): string | null } };
  readonly subgraphName: string;
}

interface HiveModule {
  createGatewayRuntime(config: {
    readonly supergraph: string;
    readonly logging: 'warn';
    readonly propagateHeaders: {
      readonly fromClientToSubgraphs: (
        payload: PropagatePayload,
      ) => Record<string, string> | undefined;
    };
  }): HiveRuntime;
}

/**
 * Loaded, not imported: Hive's typings widen graphql-js's error
 * extensions (`http.headers`) in a way Apollo's do not fit, and would
 * break the type check of the whole project. Its own typings say the
 * same of the few members named above.
 */
const hive = require('@graphql-hive/gateway') as HiveModule;

/** Serves the supergraph (real URLs in it) on a free loopback port. */
export async function startHiveGateway(
  supergraphSdl: string,
  headers: () => PresignedHeaders,
): Promise<ServingGateway> {
  const runtime = hive.createGatewayRuntime({
    supergraph: supergraphSdl,
    // As the other two: problems only, no line per request.
    logging: 'warn',
    propagateHeaders: {
      fromClientToSubgraphs: ({ request, subgraphName }) => {
        const caller = request.headers.get(CALLER_HEADER) ?? '';
        const header = headers()[caller]?.[subgraphName];
        return header === undefined
          ? undefined
          : { [GATEWAY_IDENTITY_HEADER]: header };
      },
    },
  });
  const server = createServer(runtime);
  await listen(server);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${runtime.graphqlEndpoint}`,
    stop: async () => {
      await close(server);
      await runtime.dispose();
    },
  };
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
