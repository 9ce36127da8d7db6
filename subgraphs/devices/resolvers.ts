import { DateScalar, DateTimeScalar } from '../../runtime/scalars';
import { ingestDailyReport } from './daily-reports';
import type { Resolvers } from './generated/graphql';
import { loadDeviceIssues, workListDeviceIssues } from './issues';
import { loadDeviceStock, loadShortages } from './stock';
import { requestOfKey } from '../statistics/request';
import { deviceStatistics } from './statistics';

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,

  Query: {
    deviceStock: (_, { arrondissementCode }, context) =>
      loadDeviceStock(arrondissementCode, context),
    deviceShortages: (_, { arrondissementCode }, context) =>
      loadShortages(arrondissementCode, context),
    deviceIssues: (_, __, context) => loadDeviceIssues(context),
  },

  Mutation: {
    ingestDailyReport: (_, { input }, context) =>
      ingestDailyReport(input, context),
  },

  Arrondissement: {
    // The key is all this subgraph needs of an arrondissement.
    __resolveReference: (key) => key,
    deviceStock: (arrondissement, _, context) =>
      loadDeviceStock(arrondissement.code, context),
  },

  ProtectionMeasure: {
    __resolveReference: (key) => ({ id: key.id }),
    devices: (measure, _, { loaders }) =>
      loaders.devicesOfMeasure.load(measure.id),
    grantRegistration: (measure, _, { loaders }) =>
      loaders.grantRegistration.load(measure.id),
  },

  WorkList: {
    // The list is always its caller's (the protection subgraph checks the
    // owner); the identity says whose devices to read.
    __resolveReference: (key) => key,
    deviceIssues: (_, __, context) => workListDeviceIssues(context),
  },

  StatisticsReport: {
    // Async, so that a refusal is this entity's alone, not the batch's.
    __resolveReference: async (key, context) =>
      requestOfKey(key.key, context),
    devices: (request, _, context) => deviceStatistics(request, context),
  },

  DeviceStatisticsCell: {
    arrondissement: ({ arrondissementCode }) =>
      arrondissementCode === null ? null : { code: arrondissementCode },
    zone: ({ zoneCode }) => (zoneCode === null ? null : { code: zoneCode }),
  },

  Device: {
    __resolveReference: (key, { loaders }) => loaders.device.load(key.serial),
    zone: (device) => (device.zoneCode ? { code: device.zoneCode } : null),
  },
};
