/**
 * The statistics' read (§9, issue 7): one statement per table, filtered
 * in SQL by period and territory, so that a year of national history
 * reads the few thousand measures the year touches, not the register.
 * The rows are lean (no names, no addresses, no aggregate); grouping,
 * age bands, medians and disclosure control are done by the subgraph
 * (subgraphs/protection/statistics.ts), the same on both databases.
 */
import type { EntityManager, SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { addDays } from '../../../storage/dates';
import { groupBy } from '../../../storage/batch';
import type {
  StatisticsAlert,
  StatisticsFacts,
  StatisticsMeasure,
  StatisticsProlongation,
  StatisticsProtected,
  StatisticsQuery,
  StatisticsRevisit,
  StatisticsTravelNotice,
} from '../statistics';
import { PROTECTED_ROLES } from '../types';
import { Alert, Prolongation, Revisit, TravelNotice } from './lifecycle';
import { Measure, Person, ProtectedPerson } from './schema';

type Query<T extends ObjectLiteral> = SelectQueryBuilder<T>;

const TOUCHING = [
  'measure.requestedOn >= :from',
  'measure.decidedOn >= :from',
  'measure.refusalDecidedOn >= :from',
  `(measure.startDate IS NOT NULL
    AND (measure.endedOn IS NULL OR measure.endedOn >= :from))`,
];

/**
 * Private: the measures whose life touches [from, to]: requested,
 * decided or refused in it, or granted and not ended before it. Every
 * event the statistics count (a prolongation, an alert, a revisit due,
 * a travel notice) falls in a measure's running life, so its measure is
 * among these.
 */
function touching<T extends ObjectLiteral>(
  query: Query<T>,
  { from, to, arrondissementCodes, managingZoneCodes }: StatisticsQuery,
): Query<T> {
  query
    .andWhere('measure.requestedOn <= :to', { to })
    .andWhere(`(${TOUCHING.join(' OR ')})`, { from });
  if (arrondissementCodes) {
    query.andWhere('measure.arrondissementCode IN (:...arrondissements)',
      { arrondissements: [...arrondissementCodes] });
  }
  if (managingZoneCodes) {
    query.andWhere('measure.managingZoneCode IN (:...zones)',
      { zones: [...managingZoneCodes] });
  }
  return query;
}

/** Private: events of the territory's measures, by their own date. */
function inTerritory<T extends ObjectLiteral>(
  query: Query<T>,
  alias: string,
  { arrondissementCodes, managingZoneCodes }: StatisticsQuery,
): Query<T> {
  query.innerJoin(Measure.options.name, 'measure',
    `measure.id = ${alias}.measureId`);
  if (arrondissementCodes) {
    query.andWhere('measure.arrondissementCode IN (:...arrondissements)',
      { arrondissements: [...arrondissementCodes] });
  }
  if (managingZoneCodes) {
    query.andWhere('measure.managingZoneCode IN (:...zones)',
      { zones: [...managingZoneCodes] });
  }
  return query;
}

interface MeasureRow {
  id: string;
  arrondissementCode: string;
  managingZoneCode: string;
  relationship: StatisticsMeasure['relationship'];
  requestOrigin: StatisticsMeasure['requestOrigin'];
  requestedOn: string;
  decidedOn: string | null;
  startDate: string | null;
  endDate: string | null;
  endedOn: string | null;
  endReason: StatisticsMeasure['endReason'];
  refusalDecidedOn: string | null;
  suspectNumber: string;
  suspectGender: StatisticsMeasure['suspect']['gender'];
  suspectBirthDate: string | null;
}

async function measureRows(
  manager: EntityManager,
  query: StatisticsQuery,
): Promise<MeasureRow[]> {
  const columns = ['id', 'arrondissementCode', 'managingZoneCode',
    'relationship', 'requestOrigin', 'requestedOn', 'decidedOn',
    'startDate', 'endDate', 'endedOn', 'endReason', 'refusalDecidedOn'];
  const select = manager.createQueryBuilder(Measure, 'measure')
    .innerJoin(Person.options.name, 'suspect',
      'suspect.nationalNumber = measure.suspectNationalNumber')
    .select('suspect.nationalNumber', 'suspectNumber')
    .addSelect('suspect.gender', 'suspectGender')
    .addSelect('suspect.birthDate', 'suspectBirthDate');
  for (const name of columns) select.addSelect(`measure.${name}`, name);
  return touching(select, query).orderBy('measure.id', 'ASC')
    .getRawMany<MeasureRow>();
}

interface ProtectedRow extends StatisticsProtected {
  measureId: string;
}

async function protectedRows(
  manager: EntityManager,
  query: StatisticsQuery,
): Promise<ProtectedRow[]> {
  const select = manager.createQueryBuilder(ProtectedPerson, 'protected')
    .innerJoin(Measure.options.name, 'measure',
      'measure.id = protected.measureId')
    .innerJoin(Person.options.name, 'person',
      'person.nationalNumber = protected.nationalNumber')
    .select('protected.measureId', 'measureId')
    .addSelect('protected.role', 'role')
    .addSelect('person.nationalNumber', 'nationalNumber')
    .addSelect('person.gender', 'gender')
    .addSelect('person.birthDate', 'birthDate');
  return touching(select, query)
    .orderBy('protected.measureId', 'ASC')
    .addOrderBy('protected.nationalNumber', 'ASC')
    .getRawMany<ProtectedRow>();
}

function prolongationRows(
  manager: EntityManager,
  query: StatisticsQuery,
): Promise<StatisticsProlongation[]> {
  const select = manager.createQueryBuilder(Prolongation, 'event')
    .select('event.measureId', 'measureId')
    .addSelect('event.cause', 'cause')
    .addSelect('event.decidedOn', 'decidedOn')
    .where('event.decidedOn BETWEEN :from AND :to', query);
  return inTerritory(select, 'event', query).getRawMany();
}

function alertRows(
  manager: EntityManager,
  query: StatisticsQuery,
): Promise<StatisticsAlert[]> {
  // Instants sort as text; a Brussels day lies within its UTC day ± 1.
  const lowest = `${addDays(query.from, -1)}T00:00:00.000Z`;
  const highest = `${addDays(query.to, 2)}T00:00:00.000Z`;
  const select = manager.createQueryBuilder(Alert, 'event')
    .select('event.measureId', 'measureId')
    .addSelect('event.raisedAt', 'raisedAt')
    .addSelect('event.classification', 'classification')
    .addSelect('event.policeArrivedAt', 'policeArrivedAt')
    .where('event.raisedAt >= :lowest AND event.raisedAt < :highest',
      { lowest, highest });
  return inTerritory(select, 'event', query).getRawMany();
}

function revisitRows(
  manager: EntityManager,
  query: StatisticsQuery,
): Promise<StatisticsRevisit[]> {
  const select = manager.createQueryBuilder(Revisit, 'event')
    .select('event.measureId', 'measureId')
    .addSelect('event.dueOn', 'dueOn')
    .addSelect('event.doneOn', 'doneOn')
    .where('event.dueOn BETWEEN :from AND :to', query);
  return inTerritory(select, 'event', query).getRawMany();
}

function travelRows(
  manager: EntityManager,
  query: StatisticsQuery,
): Promise<StatisticsTravelNotice[]> {
  const select = manager.createQueryBuilder(TravelNotice, 'event')
    .select('event.measureId', 'measureId')
    .addSelect('event.kind', 'kind')
    .addSelect('event.fromDate', 'fromDate')
    .addSelect('event.announcedOn', 'announcedOn')
    .where('event.announcedOn BETWEEN :from AND :to', query);
  return inTerritory(select, 'event', query).getRawMany();
}

const ROLE_RANK = new Map(PROTECTED_ROLES.map((role, rank) => [role, rank]));

function measureOf(
  row: MeasureRow,
  persons: readonly ProtectedRow[],
): StatisticsMeasure {
  const { suspectNumber, suspectGender, suspectBirthDate, ...measure } = row;
  const ranked = [...persons].sort((a, b) =>
    (ROLE_RANK.get(a.role) ?? 9) - (ROLE_RANK.get(b.role) ?? 9));
  return {
    ...measure,
    suspect: {
      nationalNumber: suspectNumber,
      gender: suspectGender,
      birthDate: suspectBirthDate,
    },
    protectedPersons: ranked.map(({ measureId: _, ...person }) => person),
  };
}

/** The facts of a period: six statements, whatever its length. */
export async function readStatisticsFacts(
  manager: EntityManager,
  query: StatisticsQuery,
): Promise<StatisticsFacts> {
  const measures = await measureRows(manager, query);
  const persons = groupBy(await protectedRows(manager, query),
    (row) => row.measureId);
  return {
    measures: measures.map((row) =>
      measureOf(row, persons.get(row.id) ?? [])),
    prolongations: await prolongationRows(manager, query),
    alerts: await alertRows(manager, query),
    revisits: await revisitRows(manager, query),
    travelNotices: await travelRows(manager, query),
  };
}
