/**
 * The BNG port over SQL. A batch of persons costs four statements, one
 * per table, whatever the number of persons.
 */
import { In, type DataSource } from 'typeorm';
import { batchRead, groupBy, indexBy } from '../../../storage/batch';
import { SqlAgencyAdapter } from '../../../storage/sql-adapter';
import type { BatchRead } from '../../adapter';
import type {
  BngAdapter,
  NoContactOrderRecord,
  PoliceRecord,
  WeaponHoldingRecord,
} from '../types';
import {
  BngAlarmMention,
  BngNoContactOrder,
  BngPerson,
  BngWeapon,
  type BngNoContactOrderRow,
  type BngWeaponRow,
} from './schema';

export class SqlBngAdapter extends SqlAgencyAdapter implements BngAdapter {
  constructor(dataSource: DataSource) {
    super('bng', dataSource);
  }

  /** Weapons oldest registration first; orders oldest first. */
  readonly policeRecordsByNationalNumber: BatchRead<
    string,
    PoliceRecord | null
  > = batchRead('bng', 'policeRecordsByNationalNumber',
    (numbers) => this.findRecords(numbers), () => null);

  private async findRecords(
    numbers: string[],
  ): Promise<Map<string, PoliceRecord>> {
    const manager = this.dataSource.manager;
    const where = { nationalNumber: In(numbers) };
    const [persons, weapons, mentions, orders] = await Promise.all([
      manager.find(BngPerson, { where }),
      manager.find(BngWeapon, {
        where,
        order: { registeredOn: 'ASC', id: 'ASC' },
      }),
      manager.find(BngAlarmMention, { where }),
      manager.find(BngNoContactOrder, {
        where,
        order: { validFrom: 'ASC', id: 'ASC' },
      }),
    ]);

    const weaponsOf = groupBy(weapons, (row) => row.nationalNumber);
    const mentionOf = indexBy(mentions, (row) => row.nationalNumber);
    const ordersOf = groupBy(orders, (row) => row.nationalNumber);
    const records = persons.map((person): PoliceRecord => {
      const mention = mentionOf.get(person.nationalNumber);
      const number = person.nationalNumber;
      return {
        nationalNumber: number,
        knownForViolence: person.knownForViolence,
        wanted: person.wanted,
        weapons: (weaponsOf.get(number) ?? []).map(toWeapon),
        alarmMention: mention
          ? {
              measureId: mention.measureId,
              registeredOn: mention.registeredOn,
              validUntil: mention.validUntil,
            }
          : null,
        noContactOrders: (ordersOf.get(number) ?? []).map(toOrder),
      };
    });
    return indexBy(records, (record) => record.nationalNumber);
  }
}

function toWeapon(row: BngWeaponRow): WeaponHoldingRecord {
  return {
    category: row.category,
    description: row.description,
    permitReference: row.permitReference,
    registeredOn: row.registeredOn,
  };
}

function toOrder(row: BngNoContactOrderRow): NoContactOrderRecord {
  return {
    id: row.id,
    measureId: row.measureId,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
  };
}
