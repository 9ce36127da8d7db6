/**
 * Reading and writing measure aggregates through an EntityManager (the
 * DataSource's, or a transaction's). Reading a batch of measures costs
 * one statement per table, whatever the number of measures.
 */
import {
  In,
  type EntityManager,
  type EntitySchema,
  type ObjectLiteral,
} from 'typeorm';
import { groupBy } from '../../../storage/batch';
import type { MeasureAggregate } from '../aggregate';
import { PROTECTED_ROLES, type ProtectedPersonRecord } from '../types';
import {
  Alert,
  Conditions,
  Evaluation,
  NewFact,
  Prolongation,
  ReEvaluationDecision,
  Revisit,
  TravelNotice,
} from './lifecycle';
import { isSqlite } from './gate';
import { AlertLocation } from './locations';
import { aggregateOf, type AggregateRows, type PartName } from './rows';
import { Measure, ProtectedPerson } from './schema';

/** The table of each part of an aggregate, and of the alerts' tracks. */
export const PART_ENTITIES: Readonly<Record<PartName, EntitySchema>> = {
  protectedPersons: ProtectedPerson,
  evaluations: Evaluation,
  conditions: Conditions,
  prolongations: Prolongation,
  reEvaluationDecisions: ReEvaluationDecision,
  revisits: Revisit,
  travelNotices: TravelNotice,
  alerts: Alert,
  alertLocations: AlertLocation,
  newFacts: NewFact,
};

export interface ReadOptions {
  /** Locks the measure rows until the transaction ends (MySQL only). */
  lock?: boolean;
}

/** The aggregates found among `ids`, by id. */
export async function readAggregates(
  manager: EntityManager,
  ids: readonly string[],
  options: ReadOptions = {},
): Promise<Map<string, MeasureAggregate>> {
  const aggregates = new Map<string, MeasureAggregate>();
  const measures = await readMeasures(manager, ids, options);
  if (measures.length === 0) return aggregates;

  // Only the measures found: a missing one has no parts to read.
  const found = measures.map((measure) => measure.id);
  const parts = await readParts(manager, found);
  for (const measure of measures) {
    const rows = { measure } as AggregateRows;
    for (const name of Object.keys(PART_ENTITIES) as PartName[]) {
      (rows[name] as unknown[]) = parts[name].get(measure.id) ?? [];
    }
    aggregates.set(measure.id, aggregateOf(rows));
  }
  return aggregates;
}

async function readMeasures(
  manager: EntityManager,
  ids: readonly string[],
  { lock = false }: ReadOptions,
) {
  const query = manager
    .createQueryBuilder(Measure, 'measure')
    .where('measure.id IN (:...ids)', { ids: [...ids] })
    .orderBy('measure.id');
  // SQLite refuses the lock; there the gate runs one task at a time.
  if (lock && !isSqlite(manager.dataSource)) {
    query.setLock('pessimistic_write');
  }
  const rows = await query.getMany();
  // MySQL's default collation matches case-insensitively: keep exact ids.
  const wanted = new Set(ids);
  return rows.filter((row) => wanted.has(row.id));
}

type PartRows = { [P in PartName]: Map<string, AggregateRows[P]> };

async function readParts(
  manager: EntityManager,
  measureIds: string[],
): Promise<PartRows> {
  const names = Object.keys(PART_ENTITIES) as PartName[];
  const read = await Promise.all(names.map((name) =>
    readPart(manager, PART_ENTITIES[name], measureIds)));
  const parts = {} as Record<PartName, Map<string, ObjectLiteral[]>>;
  names.forEach((name, index) => {
    parts[name] = groupBy(read[index]!, (row) => row.measureId as string);
  });
  parts.protectedPersons = rankProtectedPersons(parts.protectedPersons);
  return parts as unknown as PartRows;
}

/** Rows of one part, in position order within each measure. */
function readPart(
  manager: EntityManager,
  entity: EntitySchema,
  measureIds: string[],
): Promise<ObjectLiteral[]> {
  const hasPosition = manager.dataSource.getMetadata(entity)
    .findColumnWithPropertyName('position') !== undefined;
  return manager.find(entity, {
    where: { measureId: In(measureIds) },
    order: hasPosition
      ? { measureId: 'ASC', position: 'ASC' }
      : { measureId: 'ASC' },
  });
}

/** The victim first, then children, then relatives (PROTECTED_ROLES). */
const ROLE_RANK = new Map(PROTECTED_ROLES.map((role, rank) => [role, rank]));

/** Victim first, then children and relatives, each by national number. */
function rankProtectedPersons(
  groups: Map<string, ObjectLiteral[]>,
): Map<string, ObjectLiteral[]> {
  const rank = (row: ObjectLiteral) =>
    ROLE_RANK.get((row as ProtectedPersonRecord).role) ?? Infinity;
  const byNumber = (a: ObjectLiteral, b: ObjectLiteral) =>
    compare(a.nationalNumber as string, b.nationalNumber as string);
  return new Map([...groups].map(([id, rows]) => [
    id,
    [...rows].sort((a, b) => rank(a) - rank(b) || byNumber(a, b)),
  ]));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Inserts the rows of the given parts (all of them by default). */
export async function insertParts(
  manager: EntityManager,
  rows: AggregateRows,
  names: readonly PartName[] = Object.keys(PART_ENTITIES) as PartName[],
): Promise<void> {
  for (const name of names) {
    const list = rows[name] as ObjectLiteral[];
    if (list.length > 0) await manager.insert(PART_ENTITIES[name], list);
  }
}

/**
 * Replaces the rows of the given parts of one measure: the rows of a
 * changed part are deleted and written again, in the transaction.
 */
export async function replaceParts(
  manager: EntityManager,
  rows: AggregateRows,
  names: readonly PartName[],
): Promise<void> {
  const measureId = rows.measure.id;
  for (const name of names) {
    await manager.delete(PART_ENTITIES[name], { measureId });
  }
  await insertParts(manager, rows, names);
}
