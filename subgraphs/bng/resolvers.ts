import { coversUntil, type InterventionRecord } from '../../adapters/bng/types';
import { DateScalar } from '../../runtime/scalars';
import { parseNationalNumber } from '../../runtime/subgraph';
import type { Intervention, Resolvers } from './generated/graphql';

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
    interventions: (record) => record.interventions.map(toIntervention),
  },

  NoContactOrder: {
    coversUntil: (order, { date }) => coversUntil(order, date),
  },
};

/** The zone as a reference the protection subgraph resolves. */
function toIntervention(record: InterventionRecord): Intervention {
  return {
    occurredOn: record.occurredOn,
    nature: record.nature,
    zone: { code: record.zoneCode },
  };
}
