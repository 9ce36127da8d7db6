import type { DemoData } from '../../../storage/demo-data';
import { seedStep, type SeedStep } from '../../../storage/seed-plan';
import { FileIndex, JudicialFile } from './schema';

/** MaCH's demo rows; labels live in the index catalogue only. */
export function machSeedSteps(part: DemoData['mach']): SeedStep[] {
  return [
    seedStep(FileIndex, part.indices),
    seedStep(JudicialFile, part.files.map((file) => ({
      number: file.number,
      nationalNumber: file.nationalNumber,
      indexCode: file.index,
      openedOn: file.openedOn,
      status: file.status,
      dismissalReason: file.dismissalReason,
      intraFamily: file.intraFamily,
      arrondissementCode: file.arrondissementCode,
    }))),
  ];
}
