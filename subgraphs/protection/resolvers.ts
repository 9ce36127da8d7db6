/**
 * How the protection subgraph answers reads: a measure is resolved from
 * its whole aggregate, and each derived field (the count of yes answers,
 * an overdue revisit, a late travel notice) from the domain's views, so
 * the rules live in one place.
 */
import { GraphQLError } from 'graphql';
import { DateScalar, DateTimeScalar } from '../../runtime/scalars';
import { parseNationalNumber } from '../../runtime/subgraph';
import { alertEventOf, alertEventsOf } from './alert-feed';
import { alertLogHeadOf, alertLogOf } from './alert-log';
import { confidentialContactOf, protectedPersonsOf } from './confidential';
import type { ProtectionContext } from './context';
import {
  deviceReturnDue,
  isRevisitOverdue,
  magistrateToBeToldAtOnce,
  missingConditions,
  reEvaluationWindow,
  travelLate,
  travelNights,
  yesCount,
} from './domain';
import type { Resolvers } from './generated/graphql';
import { protectionMeasures } from './lists';
import { DISCLOSURE_THRESHOLD } from './domain/disclosure';
import { mutations } from './mutations';
import { requestOfKey, statisticsRequest } from '../statistics/request';
import { protectionStatistics } from './statistics';
import { workListOf, workListOwner } from './work-list';

/**
 * A record that another record points to must exist: a missing one is a
 * broken reference in the register, not something the client did.
 */
function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) {
    throw new GraphQLError(`The register refers to a missing ${what}.`, {
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  }
  return value;
}

/**
 * The live alert stream is the gateway's, over graphql-ws: the subgraph
 * has no connection to hold it on, and refuses it when asked directly.
 */
function servedByTheGateway(): GraphQLError {
  return new GraphQLError(
    'Subscription.alertEvents is served by the gateway over graphql-ws (subprotocol graphql-transport-ws), not by the protection subgraph.',
    { extensions: { code: 'BAD_REQUEST' } },
  );
}

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,

  Query: {
    protectionMeasure: (_, { id }, { loaders }) => loaders.measure.load(id),
    person: (_, { nationalNumber }, { loaders }) =>
      loaders.person.load(parseNationalNumber(nationalNumber, 'nationalNumber')),
    protectionMeasures: (_, args, context) =>
      protectionMeasures(context, args),
    policeZones: (_, __, { territory }) => [...territory.zones()],
    workList: (_, __, context) =>
      workListOf(context, workListOwner(context.identity)),
    alertEvents: (_, args, context) => alertEventsOf(context, args),
    alertEvent: (_, args, context) => alertEventOf(context, args),
    alertLog: (_, args, context) => alertLogOf(context, args),
    alertLogHead: (_, __, context) => alertLogHeadOf(context),
    statistics: (_, args, context) => statisticsRequest(context, args),
  },

  Mutation: mutations,

  Subscription: {
    // The gateway serves the stream (schema/protection.graphql): a
    // subscription that reaches the subgraph came around it.
    alertEvents: {
      subscribe: () => {
        throw servedByTheGateway();
      },
      resolve: () => {
        throw servedByTheGateway();
      },
    },
  },

  Person: {
    __resolveReference: (key, { loaders }) =>
      loaders.person.load(key.nationalNumber),
    protections: async (person, _, { loaders }) => {
      const ids = await loaders.measureIdsOfPerson.load(person.nationalNumber);
      const measures = await loaders.measure.loadMany(ids);
      return measures.map((measure) => {
        if (measure instanceof Error) throw measure;
        return required(measure, 'measure');
      });
    },
  },

  ProtectionMeasure: {
    __resolveReference: (key, { loaders }) => loaders.measure.load(key.id),
    id: ({ measure }) => measure.id,
    reference: ({ measure }) => measure.reference,
    status: ({ measure }) => measure.status,
    relationship: ({ measure }) => measure.relationship,
    arrondissement: ({ measure }, _, { territory }) =>
      required(
        territory.arrondissement(measure.arrondissementCode),
        'arrondissement',
      ),
    managingZone: ({ measure }, _, { territory }) =>
      required(territory.zone(measure.managingZoneCode), 'zone'),
    requestOrigin: ({ measure }) => measure.requester.origin,
    requester: ({ measure }) => measure.requester,
    pvReference: ({ measure }) => measure.pvReference,
    requestedOn: ({ measure }) => measure.requestedOn,
    decidedOn: ({ measure }) => measure.decidedOn,
    startDate: ({ measure }) => measure.startDate,
    endDate: ({ measure }) => measure.endDate,
    endedOn: ({ measure }) => measure.endedOn,
    endReason: ({ measure }) => measure.endReason,
    underInvestigation: ({ measure }) => measure.underInvestigation,
    investigatingJudgeInformedOn: ({ measure }) =>
      measure.investigatingJudgeInformedOn,
    deviceActivatedOn: ({ measure }) => measure.deviceActivatedOn,
    devicesReturnedOn: ({ measure }) => measure.devicesReturnedOn,
    refusal: ({ measure }) => measure.refusal,
    protectedPersons: (aggregate) => protectedPersonsOf(aggregate),
    pendingTransfer: ({ measure }) => measure.pendingTransfer,
    suspect: async ({ measure }, _, { loaders }) =>
      required(
        await loaders.person.load(measure.suspectNationalNumber),
        'suspect',
      ),
    reEvaluationWindow: (aggregate, _, { rules }) =>
      reEvaluationWindow(aggregate, rules),
    deviceReturnDue: (aggregate) => deviceReturnDue(aggregate),
    journal: ({ measure }, _, { loaders }) => loaders.journal.load(measure.id),
    effects: ({ measure }, _, { loaders }) => loaders.effects.load(measure.id),
  },

  AlertLogEntry: {
    sequence: ({ sequence }) => String(sequence),
  },

  AlertEvent: {
    sequence: ({ record }) => String(record.sequence),
    kind: ({ record }) => record.kind,
    at: ({ record }) => record.at,
    alert: ({ alert }) => alert,
    measure: ({ aggregate }) => aggregate,
    outsideCoverage: ({ recipients }) => recipients.outsideCoverage,
    interventionZone: ({ recipients }, _, { territory }) =>
      recipients.interventionZone === null
        ? null
        : required(territory.zone(recipients.interventionZone), 'zone'),
  },

  ProtectedPerson: {
    person: async (link, _, { loaders }) =>
      required(await loaders.person.load(link.nationalNumber), 'person'),
    confidentialContact: (link, _, context) =>
      confidentialContactOf(link, context),
  },

  Refusal: {
    provisional: () => true,
  },

  Evaluation: {
    yesCount: ({ answers }) => yesCount(answers),
    magistrateToBeToldAtOnce: (evaluation) =>
      magistrateToBeToldAtOnce(evaluation),
  },

  Conditions: {
    missing: (conditions) => missingConditions(conditions),
  },

  Revisit: {
    overdue: (revisit, _, { clock }) =>
      isRevisitOverdue(revisit, clock.today()),
  },

  TravelNotice: {
    zone: (notice, _, { territory }) =>
      required(territory.zone(notice.zoneCode), 'zone'),
    nights: (notice) => travelNights(notice),
    late: (notice, _, { rules }) => travelLate(notice, rules),
  },

  Transfer: {
    toZone: (transfer, _, { territory }) =>
      required(territory.zone(transfer.toZoneCode), 'zone'),
    toArrondissement: (transfer, _, { territory }) =>
      required(
        territory.arrondissement(transfer.toArrondissementCode),
        'arrondissement',
      ),
  },

  JournalEntry: {
    actorRole: (entry) => entry.actor.role,
    actorOrganisation: (entry) => entry.actor.organisation,
  },

  WorkList: {
    __resolveReference: (key, context) => workListOf(context, key.owner),
  },

  WorkItem: {
    measure: (item) => item.aggregate,
  },

  Arrondissement: {
    __resolveReference: (key, { territory }) =>
      territory.arrondissement(key.code),
    province: (arrondissement, _, { territory }) =>
      required(territory.province(arrondissement.provinceCode), 'province'),
  },

  PoliceZone: {
    __resolveReference: (key, { territory }) => territory.zone(key.code),
    contact: (zone) => zone.contact ?? null,
    arrondissement: (zone, _, { territory }) =>
      required(
        territory.arrondissement(zone.arrondissementCode),
        'arrondissement',
      ),
  },

  Province: {
    __resolveReference: (key, { territory }) => territory.province(key.code),
  },

  StatisticsReport: {
    // Async, so that a refusal is this entity's alone, not the batch's.
    __resolveReference: async (key, context) =>
      requestOfKey(key.key, context),
    dimensions: (request) => [...request.dimensions],
    threshold: () => DISCLOSURE_THRESHOLD,
    protection: (request, _, context) =>
      protectionStatistics(request, context),
  },

  StatisticsScope: {
    arrondissement: ({ arrondissementCode }, _, { territory }) =>
      arrondissementCode === null
        ? null
        : required(territory.arrondissement(arrondissementCode),
          'arrondissement'),
    zone: ({ zoneCode }, _, { territory }) =>
      zoneCode === null ? null : required(territory.zone(zoneCode), 'zone'),
  },

  ProtectionStatisticsCell: {
    arrondissement: ({ arrondissementCode }, _, { territory }) =>
      arrondissementCode === null
        ? null
        : required(territory.arrondissement(arrondissementCode),
          'arrondissement'),
    zone: ({ zoneCode }, _, { territory }) =>
      zoneCode === null ? null : required(territory.zone(zoneCode), 'zone'),
  },
};
