import type { DemoData } from '../../../storage/demo-data';
import { seedStep, type SeedStep } from '../../../storage/seed-plan';
import {
  Arrondissement,
  Measure,
  Person,
  ProtectedPerson,
  Province,
  Zone,
} from './schema';

/** The protection system's demo rows: its records are its rows. */
export function protectionSeedSteps(
  part: DemoData['protection'],
): SeedStep[] {
  return [
    seedStep(Province, part.provinces),
    seedStep(Arrondissement, part.arrondissements),
    seedStep(Zone, part.zones),
    seedStep(Person, part.persons),
    seedStep(Measure, part.measures),
    seedStep(ProtectedPerson, part.protectedPersons),
  ];
}
