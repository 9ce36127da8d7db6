/**
 * Gateway (b): a plain Apollo Gateway inside Apollo Server's standalone
 * server, with no layer of this project's. Its one addition is what the
 * subgraphs cannot do without: each fetch carries the identity header
 * the bench signed in advance for the caller the request names
 * (CALLER_HEADER) and for that subgraph.
 */
import type { IncomingMessage } from 'node:http';
import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { GATEWAY_IDENTITY_HEADER } from '../../runtime/trust';
import type { ServingGateway } from './project-gateway';
import { CALLER_HEADER, type PresignedHeaders } from './protocol';

interface BenchContext extends BaseContext {
  /** The operation's caller, as the bench names it. */
  readonly caller: string;
}

/** Private: a subgraph's source that sets the pre-signed header. */
class PresignedSource extends RemoteGraphQLDataSource<BenchContext> {
  readonly #name: string;
  readonly #headers: () => PresignedHeaders;

  constructor(name: string, url: string, headers: () => PresignedHeaders) {
    super({ url });
    this.#name = name;
    this.#headers = headers;
  }

  override willSendRequest(
    { request, context }: GraphQLDataSourceProcessOptions<BenchContext>,
  ): void {
    const header = this.#headers()[context.caller]?.[this.#name];
    if (header !== undefined) {
      request.http?.headers.set(GATEWAY_IDENTITY_HEADER, header);
    }
  }
}

function callerOf(request: IncomingMessage): string {
  const value = request.headers[CALLER_HEADER];
  return typeof value === 'string' ? value : '';
}

/** Serves the supergraph (real URLs in it) on a free loopback port. */
export async function startApolloGateway(
  supergraphSdl: string,
  headers: () => PresignedHeaders,
): Promise<ServingGateway> {
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      if (url === undefined) throw new Error(`No URL for ${name}`);
      return new PresignedSource(name, url, headers);
    },
  });
  // The bench's own signal handling stops the process, not Apollo's.
  const server = new ApolloServer<BenchContext>({
    gateway,
    stopOnTerminationSignals: false,
  });
  const { url } = await startStandaloneServer(server, {
    listen: { host: '127.0.0.1', port: 0 },
    context: async ({ req }) => ({ caller: callerOf(req) }),
  });
  return { url, stop: () => server.stop() };
}
