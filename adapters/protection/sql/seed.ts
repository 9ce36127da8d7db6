import type { ObjectLiteral } from 'typeorm';
import type { DemoData } from '../../../storage/demo-data';
import { seedStep, type SeedStep } from '../../../storage/seed-plan';
import { PART_ENTITIES } from './aggregates';
import {
  Journal,
  ReferenceCounter,
  highestReferences,
} from './lifecycle';
import { journalRowOf, rowsOf, type PartName } from './rows';
import {
  Arrondissement,
  Measure,
  Person,
  Province,
  Zone,
} from './schema';

/**
 * The protection system's demo rows. The measures go in as the store
 * writes aggregates (rows.ts), so they read back as generated; the
 * reference counters start after the demo's references.
 */
export function protectionSeedSteps(
  part: DemoData['protection'],
): SeedStep[] {
  const rows = part.aggregates.map(rowsOf);
  const parts = (Object.keys(PART_ENTITIES) as PartName[]).map(
    (name): SeedStep => ({
      entity: PART_ENTITIES[name],
      rows: rows.flatMap((r): ObjectLiteral[] => r[name]),
    }));
  const counters = [...highestReferences(part.measures)]
    .map(([year, lastNumber]) => ({ year, lastNumber }));
  return [
    seedStep(Province, part.provinces),
    seedStep(Arrondissement, part.arrondissements),
    seedStep(Zone, part.zones),
    seedStep(Person, part.persons),
    seedStep(Measure, rows.map((r) => r.measure)),
    ...parts,
    seedStep(Journal, part.journal.map(journalRowOf)),
    seedStep(ReferenceCounter, counters),
  ];
}
