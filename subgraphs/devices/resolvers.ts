import { DateScalar, DateTimeScalar } from '../../runtime/scalars';
import { ingestDailyReport } from './daily-reports';
import type { Resolvers } from './generated/graphql';
import { loadDeviceIssues } from './issues';
import { loadDeviceStock, loadShortages } from './stock';

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

  Device: {
    __resolveReference: (key, { loaders }) => loaders.device.load(key.serial),
    zone: (device) => (device.zoneCode ? { code: device.zoneCode } : null),
  },
};
