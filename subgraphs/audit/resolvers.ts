import { DateTimeScalar } from '../../runtime/scalars';
import type { Resolvers } from './generated/graphql';
import {
  appendEntriesOf,
  appendEntryOf,
  auditTrailOf,
  operationTypeName,
} from './trail';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,

  Query: {
    auditTrail: (_, args, context) => auditTrailOf(context, args),
  },

  Mutation: {
    appendAuditEntry: (_, { input }, context) =>
      appendEntryOf(context, input),
    appendAuditEntries: (_, { input }, context) =>
      appendEntriesOf(context, input),
  },

  AuditTrailPage: {
    entries: (page) => [...page.entries],
  },

  AuditEntry: {
    sequence: (entry) => String(entry.sequence),
    cursor: (entry) => String(entry.sequence),
    operationType: (entry) => operationTypeName(entry.operationType),
    persons: (entry) => [...entry.persons],
    measures: (entry) => [...entry.measures],
  },
};
