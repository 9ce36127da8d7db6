import { reviewAntecedents } from '../../adapters/mach/look-back';
import { DateScalar } from '../../runtime/scalars';
import { parseNationalNumber } from '../../runtime/subgraph';
import type { Resolvers } from './generated/graphql';

export const resolvers: Resolvers = {
  Date: DateScalar,

  Person: {
    // MaCH answers for any valid number: no file is an empty listing.
    __resolveReference: (key) => ({
      nationalNumber: parseNationalNumber(key.nationalNumber, 'nationalNumber'),
    }),
    antecedents: (person, _, { loaders }) =>
      loaders.antecedents.load(person.nationalNumber),
    // §7.4.2: the review reads the same listing, so asking for both costs
    // one read of MaCH, whatever the number of persons and dates.
    antecedentReview: async (person, { referenceDate }, context) => {
      const listing = await context.loaders.antecedents.load(
        person.nationalNumber);
      return reviewAntecedents(listing, referenceDate ?? context.today());
    },
    // §7.8.4, §7.13.2: the suspect is never told of the alarm, so only
    // the parquet reads the comments from his side (the schema's rule).
    registrationComments: (person, _, { loaders }) =>
      loaders.currentRegistrationComments.load(person.nationalNumber),
  },

  ProtectionMeasure: {
    __resolveReference: (key) => ({ id: key.id }),
    registrationComments: (measure, _, { loaders }) =>
      loaders.registrationComments.load(measure.id),
  },
};
