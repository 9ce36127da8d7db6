import { DateScalar } from '../../runtime/scalars';
import { requestOfKey } from '../statistics/request';
import { victimSupportStatistics } from './statistics';
import type { Resolvers } from './generated/graphql';
import {
  loadContact,
  recordOfferAnswer,
  recordPersonContacted,
  recordReferralContact,
} from './referrals';
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

  Mutation: {
    recordReferralContact: (_, { input }, context) =>
      recordReferralContact(input, context),
    recordPersonContacted: (_, { input }, context) =>
      recordPersonContacted(input, context),
    recordOfferAnswer: (_, { input }, context) =>
      recordOfferAnswer(input, context),
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
    contact: (referral, _, context) => loadContact(referral, context),
  },

  StatisticsReport: {
    // Async, so that a refusal is this entity's alone, not the batch's.
    __resolveReference: async (key, context) =>
      requestOfKey(key.key, context),
    victimSupport: (request, _, context) =>
      victimSupportStatistics(request, context),
  },

  VictimSupportStatisticsCell: {
    arrondissement: ({ arrondissementCode }) =>
      arrondissementCode === null ? null : { code: arrondissementCode },
  },
};
