import type { DemoData } from '../../../storage/demo-data';
import { seedStep, type SeedStep } from '../../../storage/seed-plan';
import {
  BngAlarmMention,
  BngNoContactOrder,
  BngPerson,
  BngWeapon,
} from './schema';

/** The BNG's demo rows; weapons keep the records' order (their ids). */
export function bngSeedSteps({ records }: DemoData['bng']): SeedStep[] {
  return [
    seedStep(BngPerson, records.map((record) => ({
      nationalNumber: record.nationalNumber,
      knownForViolence: record.knownForViolence,
      wanted: record.wanted,
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
  ];
}
