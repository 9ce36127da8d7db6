import { DateScalar } from '../../runtime/scalars';
import type { Resolvers } from './generated/graphql';
import {
  loadReferralsToContact,
  loadRenewedOffersToMake,
  workListScope,
} from './work-list';

export const resolvers: Resolvers = {
  Date: DateScalar,

  Query: {
    victimSupportWorkList: (_, __, { identity }) => workListScope(identity),
  },

  VictimSupportWorkList: {
    referralsToContact: (scope, _, context) =>
      loadReferralsToContact(scope, context),
    renewedOffersToMake: (scope, _, context) =>
      loadRenewedOffersToMake(scope, context),
  },

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
