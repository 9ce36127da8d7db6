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
  },

  ProtectionMeasure: {
    __resolveReference: (key) => ({ id: key.id }),
    registrationComments: (measure, _, { loaders }) =>
      loaders.registrationComments.load(measure.id),
  },
};
