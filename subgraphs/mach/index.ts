/**
 * The MaCH subgraph: the prosecutors' files about a suspect.
 */
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { MachAdapter } from '../../adapters/mach/types';
import {
  loadSubgraphTypeDefs,
  type SubgraphDefinition,
} from '../../runtime/subgraph';
import { systemClock, type Clock } from '../protection/domain/clock';
import { createMachContext, type MachContext } from './context';
import type { AuditedTypes } from '../../runtime/audit';
import type { MeasureKey, PersonKey } from '../../runtime/subgraph';
import type {
  JudicialFileRecord,
  RegistrationCommentRecord,
} from '../../adapters/mach/types';
import { resolvers } from './resolvers';

/** What a read of MaCH names for the audit trail (issue 6). */
const AUDITED_TYPES: AuditedTypes = {
  Person: (person: PersonKey) => ({ persons: [person.nationalNumber] }),
  ProtectionMeasure: (measure: MeasureKey) => ({ measures: [measure.id] }),
  JudicialFile: (file: JudicialFileRecord) =>
    ({ persons: [file.nationalNumber] }),
  RegistrationComment: (comment: RegistrationCommentRecord) => ({
    measures: [comment.measureId],
    persons: [comment.nationalNumber],
  }),
};

export interface MachSubgraphOptions {
  /**
   * Gives "today" for an antecedent review asked without a reference
   * date. Default: the system clock, in Europe/Brussels.
   */
  readonly clock?: Pick<Clock, 'today'>;
}

export function machSubgraph(
  adapter: MachAdapter,
  options: MachSubgraphOptions = {},
): SubgraphDefinition<MachContext> {
  const clock = options.clock ?? systemClock;
  return {
    name: 'mach',
    typeDefs: loadSubgraphTypeDefs('mach'),
    resolvers: resolvers as GraphQLResolverMap<MachContext>,
    auditedTypes: AUDITED_TYPES,
    createContext: (base) =>
      createMachContext(adapter, base, () => clock.today()),
    readiness: () => adapter.ping(),
  };
}
