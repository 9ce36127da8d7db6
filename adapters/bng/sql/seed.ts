import type { DemoData } from '../../../storage/demo-data';
import { seedStep, type SeedStep } from '../../../storage/seed-plan';
import {
  BngAlarmMention,
  BngIntervention,
  BngNoContactOrder,
  BngPerson,
  BngWeapon,
} from './schema';

/**
 * The BNG's demo rows; weapons keep the records' order (their ids), and
 * interventions, listed newest first, go in oldest first, so that their
 * ids follow time as the adapter's order of a day's interventions wants.
 */
export function bngSeedSteps({ records }: DemoData['bng']): SeedStep[] {
  return [
    seedStep(BngPerson, records.map((record) => ({
      nationalNumber: record.nationalNumber,
      knownForViolence: record.knownForViolence,
      wanted: record.wanted,
      wantedReason: record.wantedReason,
    }))),
    seedStep(BngWeapon, records.flatMap((record) =>
      record.weapons.map((weapon) => ({
        nationalNumber: record.nationalNumber,
        ...weapon,
      })))),
    seedStep(BngAlarmMention, records.flatMap((record) =>
      record.alarmMention
        ? [{ nationalNumber: record.nationalNumber, ...record.alarmMention }]
        : [])),
    seedStep(BngNoContactOrder, records.flatMap((record) =>
      record.noContactOrders.map((order) => ({
        nationalNumber: record.nationalNumber,
        ...order,
      })))),
    seedStep(BngIntervention, records.flatMap((record) =>
      [...record.interventions].reverse().map((intervention) => ({
        nationalNumber: record.nationalNumber,
        ...intervention,
      })))),
  ];
}
