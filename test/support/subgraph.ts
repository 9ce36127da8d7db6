/**
 * Runs operations on one subgraph in-process, without HTTP or gateway:
 * the identity a test gives stands for the one the gateway would sign.
 *
 *   const mach = subgraphClient(machSubgraph(adapter));
 *   const result = await mach.run(magistrate, query, variables);
 */
import type { FormattedExecutionResult } from 'graphql';
import type { Identity } from '../../runtime/identity';
import { AuditRecorder } from '../../runtime/audit';
import { createLogger } from '../../runtime/logger';
import {
  createSubgraphServer,
  type SubgraphContext,
  type SubgraphDefinition,
} from '../../runtime/subgraph';

export interface SubgraphClient {
  run<T = Record<string, unknown>>(
    identity: Identity,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<FormattedExecutionResult<T>>;
  stop(): Promise<void>;
}

export function subgraphClient<TContext extends SubgraphContext>(
  definition: SubgraphDefinition<TContext>,
): SubgraphClient {
  const server = createSubgraphServer(definition, false);
  const logger = createLogger({ name: 'test', level: 'silent' });
  let requests = 0;
  return {
    async run<T>(
      identity: Identity,
      query: string,
      variables?: Record<string, unknown>,
    ) {
      requests += 1;
      const contextValue = definition.createContext({
        identity,
        requestId: `test-${requests}`,
        logger,
        audit: new AuditRecorder(),
      });
      const response = await server.executeOperation<T>(
        { query, variables },
        { contextValue },
      );
      if (response.body.kind !== 'single') {
        throw new Error('Expected a single result, not an incremental one');
      }
      return response.body.singleResult;
    },
    stop: () => server.stop(),
  };
}

/**
 * The `_entities` query the gateway sends for persons, with `fields`;
 * `variables` declares any more the fields use, e.g. `$date: Date`.
 */
export function personEntities(fields: string, variables = ''): string {
  const more = variables ? `, ${variables}` : '';
  return `query ($representations: [_Any!]!${more}) {
    _entities(representations: $representations) {
      ... on Person { nationalNumber ${fields} }
    }
  }`;
}

/** Representations of persons, as the gateway sends them. */
export function personKeys(
  numbers: readonly string[],
): Record<string, unknown> {
  return {
    representations: numbers.map((nationalNumber) =>
      ({ __typename: 'Person', nationalNumber })),
  };
}
