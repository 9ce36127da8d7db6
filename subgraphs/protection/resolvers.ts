import { GraphQLError } from 'graphql';
import { DateScalar } from '../../runtime/scalars';
import { parseNationalNumber } from '../../runtime/subgraph';
import type { ProtectionContext } from './context';
import type { Resolvers } from './generated/graphql';

/**
 * A record that another record points to must exist: a missing one is a
 * broken reference in the register, not something the client did.
 */
function required<T>(value: T | null, what: string): T {
  if (value === null) {
    throw new GraphQLError(`The register refers to a missing ${what}.`, {
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  }
  return value;
}

export const resolvers: Resolvers = {
  Date: DateScalar,

  Query: {
    protectionMeasure: (_, { id }, { loaders }) => loaders.measure.load(id),
    person: (_, { nationalNumber }, { loaders }) =>
      loaders.person.load(parseNationalNumber(nationalNumber, 'nationalNumber')),
  },

  Person: {
    __resolveReference: (key, { loaders }) =>
      loaders.person.load(key.nationalNumber),
    protections: async (person, _, { loaders }) => {
      const ids = await loaders.measureIdsOfPerson.load(person.nationalNumber);
      const measures = await loaders.measure.loadMany(ids);
      return measures.map((measure) => {
        if (measure instanceof Error) throw measure;
        return required(measure, 'measure');
      });
    },
  },

  ProtectionMeasure: {
    __resolveReference: (key, { loaders }) => loaders.measure.load(key.id),
    arrondissement: async (measure, _, { loaders }) =>
      required(
        await loaders.arrondissement.load(measure.arrondissementCode),
        'arrondissement',
      ),
    managingZone: async (measure, _, { loaders }) =>
      required(await loaders.zone.load(measure.managingZoneCode), 'zone'),
    protectedPersons: (measure, _, { loaders }) =>
      loaders.protectedPersons.load(measure.id),
    suspect: async (measure, _, { loaders }) =>
      required(
        await loaders.person.load(measure.suspectNationalNumber),
        'suspect',
      ),
  },

  ProtectedPerson: {
    person: async (link, _, { loaders }) =>
      required(await loaders.person.load(link.nationalNumber), 'person'),
  },

  Arrondissement: {
    __resolveReference: (key, { loaders }) =>
      loaders.arrondissement.load(key.code),
    province: async (arrondissement, _, { loaders }) =>
      required(
        await loaders.province.load(arrondissement.provinceCode),
        'province',
      ),
  },

  PoliceZone: {
    __resolveReference: (key, { loaders }) => loaders.zone.load(key.code),
    arrondissement: async (zone, _, { loaders }) =>
      required(
        await loaders.arrondissement.load(zone.arrondissementCode),
        'arrondissement',
      ),
  },

  Province: {
    __resolveReference: (key, { loaders }) => loaders.province.load(key.code),
  },
};
