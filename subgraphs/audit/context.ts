import type { AuditAdapter } from '../../adapters/audit/types';
import type { SubgraphContext } from '../../runtime/subgraph';

export interface AuditContext extends SubgraphContext {
  readonly adapter: AuditAdapter;
}

export function createAuditContext(
  adapter: AuditAdapter,
  base: SubgraphContext,
): AuditContext {
  return { ...base, adapter };
}
