/**
 * The BNG subgraph: what the police national database holds on a person.
 */
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { BngAdapter, PoliceRecord } from '../../adapters/bng/types';
import {
  loadSubgraphTypeDefs,
  type SubgraphDefinition,
} from '../../runtime/subgraph';
import { createBngContext, type BngContext } from './context';
import type { AuditedTypes } from '../../runtime/audit';
import type { PersonKey } from '../../runtime/subgraph';
import { resolvers } from './resolvers';

/** What a read of the BNG names for the audit trail (issue 6). */
const AUDITED_TYPES: AuditedTypes = {
  Person: (person: PersonKey) => ({ persons: [person.nationalNumber] }),
  PoliceRecord: (record: PoliceRecord) =>
    ({ persons: [record.nationalNumber] }),
  AlarmMention: (mention: { measureId: string }) =>
    ({ measures: [mention.measureId] }),
  NoContactOrder: (order: { measureId: string }) =>
    ({ measures: [order.measureId] }),
};

export function bngSubgraph(
  adapter: BngAdapter,
): SubgraphDefinition<BngContext> {
  return {
    name: 'bng',
    typeDefs: loadSubgraphTypeDefs('bng'),
    resolvers: resolvers as GraphQLResolverMap<BngContext>,
    createContext: (base) => createBngContext(adapter, base),
    auditedTypes: AUDITED_TYPES,
    readiness: () => adapter.ping(),
  };
}
