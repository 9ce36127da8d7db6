/**
 * The victim-support subgraph: referrals to the victim support service.
 */
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { VictimSupportAdapter } from '../../adapters/victim-support/types';
import {
  loadSubgraphTypeDefs,
  type SubgraphDefinition,
} from '../../runtime/subgraph';
import {
  createVictimSupportContext,
  type VictimSupportContext,
} from './context';
import { victimSupportAccess } from './access';
import type { AuditedTypes } from '../../runtime/audit';
import type { MeasureKey } from '../../runtime/subgraph';
import type {
  NoticeRecord,
  ReferralRecord,
} from '../../adapters/victim-support/types';
import { resolvers } from './resolvers';
import { loadTerritory } from '../../reference/load';
import type { Territory } from '../protection/domain/territory';

export interface VictimSupportSubgraphOptions {
  /**
   * The territory a statistics report's scope is judged by (§9);
   * default: the shipped reference/territory.json.
   */
  readonly territory?: Territory;
}

/** What a read of victim support names for the audit trail (issue 6). */
const AUDITED_TYPES: AuditedTypes = {
  ProtectionMeasure: (measure: MeasureKey) => ({ measures: [measure.id] }),
  Referral: (referral: ReferralRecord) =>
    ({ measures: [referral.measureId] }),
  Notice: (notice: NoticeRecord) => ({ measures: [notice.measureId] }),
};

export function victimSupportSubgraph(
  adapter: VictimSupportAdapter,
  options: VictimSupportSubgraphOptions = {},
): SubgraphDefinition<VictimSupportContext> {
  const territory = options.territory ?? loadTerritory();
  return {
    name: 'victim-support',
    typeDefs: loadSubgraphTypeDefs('victim-support'),
    resolvers: resolvers as GraphQLResolverMap<VictimSupportContext>,
    access: victimSupportAccess,
    createContext: (base) =>
      createVictimSupportContext(adapter, territory, base),
    auditedTypes: AUDITED_TYPES,
    readiness: () => adapter.ping(),
  };
}
