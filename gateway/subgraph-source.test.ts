/**
 * SubgraphSource: what the gateway adds to each fetch of a client
 * operation, seen from the request it hands to the fetcher.
 */
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { OperationAudit } from './audit/entry';
import type { Identity } from '../runtime/identity';
import type { TrustSigner, TrustTarget } from '../runtime/trust';
import { recordLogs } from '../test/support/servers';
import { SubgraphSource, type GatewayContext } from './server';

const police: Identity = { subject: 'p1', role: 'police', zone: '5339' };

/** A signer that says what it signed, in order. */
function recordingSigner(): TrustSigner & { signed: TrustTarget[] } {
  const signed: TrustTarget[] = [];
  return {
    signed,
    sign: async (identity, target) => {
      signed.push(target);
      return `${identity.subject}/${target.subgraph}/${target.requestId}/${signed.length}`;
    },
  };
}

function sourceFor(signer: TrustSigner): SubgraphSource {
  return new SubgraphSource({
    name: 'bng',
    url: 'http://127.0.0.1:9/graphql',
    timeoutMs: 1000,
    fetcher: async () => { throw new Error('no fetch in this test'); },
    trustSigner: signer,
    logger: recordLogs('gateway').logger,
  });
}

function contextOf(requestId: string): GatewayContext {
  return { identity: police, requestId, audit: new OperationAudit(null) };
}

/** Private: a fetch of a client operation, as the gateway's plan makes it. */
function fetchOf(context: GatewayContext) {
  const headers = new Map<string, string>();
  const options = {
    incomingRequestContext: {},
    context,
    request: { query: '{ __typename }', http: { headers } },
  } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
  return { options, headers };
}

describe('SubgraphSource: the identity header', () => {
  it('signs once per operation, however often the plan fetches', async () => {
    const signer = recordingSigner();
    const source = sourceFor(signer);
    const context = contextOf('req-1');
    const first = fetchOf(context);
    const second = fetchOf(context);
    await source.willSendRequest(first.options);
    await source.willSendRequest(second.options);

    expect(signer.signed).toEqual([{ subgraph: 'bng', requestId: 'req-1' }]);
    expect(second.headers.get('x-gateway-identity'))
      .toBe(first.headers.get('x-gateway-identity'));
    expect(second.headers.get('x-request-id')).toBe('req-1');
  });

  it('signs anew for another operation, even of the same caller', async () => {
    const signer = recordingSigner();
    const source = sourceFor(signer);
    const first = fetchOf(contextOf('req-1'));
    const second = fetchOf(contextOf('req-2'));
    await source.willSendRequest(first.options);
    await source.willSendRequest(second.options);

    expect(signer.signed.map((target) => target.requestId))
      .toEqual(['req-1', 'req-2']);
    expect(second.headers.get('x-gateway-identity')).toBe('p1/bng/req-2/2');
  });

  it('signs anew once half the header’s life is gone', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-12-04T10:00:00Z') });
    try {
      const signer = recordingSigner();
      const source = sourceFor(signer);
      const context = contextOf('req-1');
      await source.willSendRequest(fetchOf(context).options);
      jest.setSystemTime(Date.now() + 29_999);
      await source.willSendRequest(fetchOf(context).options);
      jest.setSystemTime(Date.now() + 1);
      const late = fetchOf(context);
      await source.willSendRequest(late.options);

      expect(signer.signed).toHaveLength(2);
      expect(late.headers.get('x-gateway-identity')).toBe('p1/bng/req-1/2');
    } finally {
      jest.useRealTimers();
    }
  });
});
