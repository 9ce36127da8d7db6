import { DateScalar, DateTimeScalar } from '../../runtime/scalars';
import type { Resolvers } from './generated/graphql';

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,

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
