import { DateScalar } from '../../runtime/scalars';
import { parseNationalNumber } from '../../runtime/subgraph';
import type { Resolvers } from './generated/graphql';

export const resolvers: Resolvers = {
  Date: DateScalar,

  Person: {
    // The BNG answers for any valid number, known to it or not.
    __resolveReference: (key) => ({
      nationalNumber: parseNationalNumber(key.nationalNumber, 'nationalNumber'),
    }),
    bng: (person, _, { loaders }) =>
      loaders.policeRecord.load(person.nationalNumber),
  },

  PoliceRecord: {
    holdsWeapons: (record) => record.weapons.length > 0,
  },
};
