/**
 * The BNG port over SQL. A batch of persons costs five statements, one
 * per table, whatever the number of persons; a batch of measures, one.
 * Each write is one transaction (see storage/write.ts).
 */
import { In, type DataSource, type EntityManager } from 'typeorm';
import { groupBy, indexBy } from '../../../storage/batch';
import { derivedId } from '../../../storage/ids';
import {
  requireDate,
  requireNationalNumber,
  requireText,
} from '../../../storage/input';
import { SqlAgencyAdapter } from '../../../storage/sql-adapter';
import {
  batchReadCommitted,
  findOneForUpdate,
  writeTransaction,
} from '../../../storage/write';
import type { BatchRead } from '../../adapter';
import {
  BngRuleError,
  coversUntil,
  type AlarmMentionInput,
  type AlarmMentionRecord,
  type BngAdapter,
  type InterventionRecord,
  type NoContactOrderInput,
  type NoContactOrderRecord,
  type PoliceRecord,
  type WantedReason,
  type WeaponHoldingRecord,
} from '../types';
import {
  BngAlarmMention,
  BngIntervention,
  BngNoContactOrder,
  BngPerson,
  BngWeapon,
  type BngAlarmMentionRow,
  type BngInterventionRow,
  type BngNoContactOrderRow,
  type BngPersonRow,
  type BngWeaponRow,
} from './schema';

const MEASURE_ID_LENGTH = 36;

export class SqlBngAdapter extends SqlAgencyAdapter implements BngAdapter {
  constructor(dataSource: DataSource) {
    super('bng', dataSource);
  }

  /**
   * Weapons oldest registration first; orders oldest first; interventions
   * newest first (the same day, the latest registered first).
   */
  readonly policeRecordsByNationalNumber: BatchRead<
    string,
    PoliceRecord | null
  > = batchReadCommitted('bng', 'policeRecordsByNationalNumber',
    this.dataSource, (numbers) => this.findRecords(numbers), () => null);

  private async findRecords(
    numbers: string[],
  ): Promise<Map<string, PoliceRecord>> {
    const manager = this.dataSource.manager;
    const where = { nationalNumber: In(numbers) };
    const [persons, weapons, mentions, orders, interventions] =
      await Promise.all([
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
        manager.find(BngIntervention, {
          where,
          order: { occurredOn: 'DESC', id: 'DESC' },
        }),
      ]);

    const parts: RecordParts = {
      weapons: groupBy(weapons, (row) => row.nationalNumber),
      mentions: indexBy(mentions, (row) => row.nationalNumber),
      orders: groupBy(orders, (row) => row.nationalNumber),
      interventions: groupBy(interventions, (row) => row.nationalNumber),
    };
    const records = persons.map((person) => toRecord(person, parts));
    return indexBy(records, (record) => record.nationalNumber);
  }

  readonly noContactOrdersByMeasureId: BatchRead<
    string,
    NoContactOrderRecord | null
  > = batchReadCommitted('bng', 'noContactOrdersByMeasureId',
    this.dataSource, (ids) => this.findOrders(ids), () => null);

  private async findOrders(
    ids: string[],
  ): Promise<Map<string, NoContactOrderRecord>> {
    const rows = await this.dataSource.manager.find(BngNoContactOrder, {
      where: { measureId: In(ids) },
    });
    return indexBy(rows.map(toOrder), (order) => order.measureId);
  }

  async upsertAlarmMention(
    input: AlarmMentionInput,
  ): Promise<AlarmMentionRecord> {
    const mention = checkMention(input);
    if (mention.validUntil < mention.registeredOn) {
      throw new BngRuleError('MENTION_TOO_SHORT',
        `The alarm mention of measure ${mention.measureId} cannot end on ${mention.validUntil}, before its registration on ${mention.registeredOn}`);
    }

    return writeTransaction('bng', 'upsertAlarmMention', this.dataSource,
      async (manager) => {
        await refuseMentionOnSuspect(manager, mention);
        await ensurePerson(manager, mention.nationalNumber);
        const stored = await findOneForUpdate(manager, BngAlarmMention,
          { nationalNumber: mention.nationalNumber });
        if (stored && supersedes(stored, mention)) return toMention(stored);
        await manager.save(BngAlarmMention, mention);
        return toMention(mention);
      });
  }

  async upsertNoContactOrder(
    input: NoContactOrderInput,
  ): Promise<NoContactOrderRecord> {
    const order = checkOrder(input);
    if (order.validUntil < order.validFrom) {
      throw new BngRuleError('ORDER_TOO_SHORT',
        `The no-contact order of measure ${order.measureId} cannot end on ${order.validUntil}, before it starts on ${order.validFrom} (§7.8.4)`);
    }

    return writeTransaction('bng', 'upsertNoContactOrder', this.dataSource,
      async (manager) => {
        await ensurePerson(manager, order.nationalNumber);
        const stored = await findOneForUpdate(manager, BngNoContactOrder,
          { measureId: order.measureId });
        if (stored && stored.nationalNumber !== order.nationalNumber) {
          throw new BngRuleError('ORDER_SUSPECT_MISMATCH',
            `The no-contact order of measure ${order.measureId} is registered against another suspect`);
        }
        const merged = stored ? widen(stored, order) : order;
        await refuseOrderShorterThanMeasure(manager, merged);
        await manager.save(BngNoContactOrder, merged);
        return toOrder(merged);
      });
  }
}

function checkMention(input: AlarmMentionInput): BngAlarmMentionRow {
  return {
    nationalNumber: requireNationalNumber('nationalNumber',
      input.nationalNumber),
    measureId: requireText('measureId', input.measureId, MEASURE_ID_LENGTH),
    registeredOn: requireDate('registeredOn', input.registeredOn),
    validUntil: requireDate('validUntil', input.validUntil),
  };
}

function checkOrder(input: NoContactOrderInput): BngNoContactOrderRow {
  const measureId = requireText('measureId', input.measureId,
    MEASURE_ID_LENGTH);
  return {
    id: derivedId('nco-', measureId),
    nationalNumber: requireNationalNumber('suspectNationalNumber',
      input.suspectNationalNumber),
    measureId,
    validFrom: requireDate('validFrom', input.validFrom),
    validUntil: requireDate('validUntil', input.validUntil),
  };
}

/**
 * §7.8.4: the suspect is never told of the alarm, so the mention never
 * goes on the record of the person the measure's order is against.
 */
async function refuseMentionOnSuspect(
  manager: EntityManager,
  mention: BngAlarmMentionRow,
): Promise<void> {
  const orders = await manager.find(BngNoContactOrder,
    { where: { measureId: mention.measureId } });
  const againstThisPerson = orders.some((order) =>
    order.measureId === mention.measureId
    && order.nationalNumber === mention.nationalNumber);
  if (againstThisPerson) {
    throw new BngRuleError('MENTION_ON_SUSPECT',
      `The alarm mention of measure ${mention.measureId} cannot go on the record of the measure's suspect: it belongs on the protected person's record (§7.8.4)`);
  }
}

/**
 * §7.8.4: the order lasts at least the whole protection, prolongations
 * included. The BNG knows that end from the measure's alarm mentions
 * (§7.8.1), which follow each prolongation; without a mention there is
 * nothing to check against, and the order stands as given.
 */
async function refuseOrderShorterThanMeasure(
  manager: EntityManager,
  order: BngNoContactOrderRow,
): Promise<void> {
  const mentions = await manager.find(BngAlarmMention,
    { where: { measureId: order.measureId } });
  // MySQL compares case-insensitively: keep the measure's own mentions.
  const protectedUntil = mentions
    .filter((mention) => mention.measureId === order.measureId)
    .map((mention) => mention.validUntil)
    .reduce<string | null>((a, b) => (a === null || b > a ? b : a), null);
  if (protectedUntil !== null && !coversUntil(order, protectedUntil)) {
    throw new BngRuleError('ORDER_ENDS_BEFORE_MEASURE',
      `The no-contact order of measure ${order.measureId} cannot end on ${order.validUntil}, before the protection it must cover ends on ${protectedUntil}, prolongations included (§7.8.4)`);
  }
}

/** Creates the person's record unless the BNG holds one already. */
async function ensurePerson(
  manager: EntityManager,
  nationalNumber: string,
): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(BngPerson)
    .values({ nationalNumber, knownForViolence: false, wanted: false })
    .orIgnore()
    .execute();
}

/**
 * §7.8.1: a later measure's mention replaces an earlier one; the stored
 * mention stays when it belongs to a measure registered after this one.
 */
function supersedes(
  stored: BngAlarmMentionRow,
  mention: BngAlarmMentionRow,
): boolean {
  return stored.measureId !== mention.measureId
    && stored.registeredOn > mention.registeredOn;
}

/** §7.8.4: the stored order's span joined with the given one's. */
function widen(
  stored: BngNoContactOrderRow,
  order: BngNoContactOrderRow,
): BngNoContactOrderRow {
  return {
    ...stored,
    validFrom: order.validFrom < stored.validFrom
      ? order.validFrom : stored.validFrom,
    validUntil: order.validUntil > stored.validUntil
      ? order.validUntil : stored.validUntil,
  };
}

function toMention(row: BngAlarmMentionRow): AlarmMentionRecord {
  return {
    measureId: row.measureId,
    registeredOn: row.registeredOn,
    validUntil: row.validUntil,
  };
}

/** Private: the rows of a batch's other tables, by national number. */
interface RecordParts {
  weapons: Map<string, BngWeaponRow[]>;
  mentions: Map<string, BngAlarmMentionRow>;
  orders: Map<string, BngNoContactOrderRow[]>;
  interventions: Map<string, BngInterventionRow[]>;
}

function toRecord(person: BngPersonRow, parts: RecordParts): PoliceRecord {
  const number = person.nationalNumber;
  const orders = parts.orders.get(number) ?? [];
  const mention = parts.mentions.get(number);
  // §7.8.4: the suspect's side never shows the measure's alarm, even if
  // a mention reached this record before the rule refused it.
  const ownSuspect = mention
    && orders.some((order) => order.measureId === mention.measureId);
  return {
    nationalNumber: number,
    knownForViolence: person.knownForViolence,
    wanted: person.wanted,
    wantedReason: wantedReasonOf(person),
    weapons: (parts.weapons.get(number) ?? []).map(toWeapon),
    alarmMention: mention && !ownSuspect ? toMention(mention) : null,
    noContactOrders: orders.map(toOrder),
    interventions: (parts.interventions.get(number) ?? [])
      .map(toIntervention),
  };
}

/** A reason only when wanted; OTHER for a person wanted without one. */
function wantedReasonOf(person: BngPersonRow): WantedReason | null {
  if (!person.wanted) return null;
  return person.wantedReason ?? 'OTHER';
}

function toWeapon(row: BngWeaponRow): WeaponHoldingRecord {
  return {
    category: row.category,
    description: row.description,
    permitReference: row.permitReference,
    permitValidUntil: row.permitValidUntil ?? null,
    registeredOn: row.registeredOn,
  };
}

function toIntervention(row: BngInterventionRow): InterventionRecord {
  return {
    occurredOn: row.occurredOn,
    nature: row.nature,
    zoneCode: row.zoneCode,
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
