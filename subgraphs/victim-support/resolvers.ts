import { DateScalar } from '../../runtime/scalars';
import type { Resolvers } from './generated/graphql';

export const resolvers: Resolvers = {
  Date: DateScalar,

  ProtectionMeasure: {
    __resolveReference: (key) => ({ id: key.id }),
    referral: (measure, _, { loaders }) =>
      loaders.referralOfMeasure.load(measure.id),
  },

  Referral: {
    __resolveReference: (key, { loaders }) => loaders.referral.load(key.id),
    notices: (referral, _, { loaders }) =>
      loaders.notices.load(referral.measureId),
  },
};
