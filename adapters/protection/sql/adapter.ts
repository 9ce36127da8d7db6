/**
 * The protection ports over SQL: the read port, one statement per batch
 * read whatever the number of keys, and the store of aggregates with its
 * journal and effects outbox. On SQLite every operation goes through one
 * gate, one at a time (see gate.ts).
 */
import {
  In,
  type DataSource,
  type EntityManager,
  type EntitySchema,
  type ObjectLiteral,
} from 'typeorm';
import { batchRead, groupBy, indexBy } from '../../../storage/batch';
import { parseIsoDate } from '../../../storage/dates';
import { StorageError } from '../../../storage/errors';
import { SqlAgencyAdapter } from '../../../storage/sql-adapter';
import type {
  TerritoryRecords,
} from '../../../subgraphs/protection/domain/territory';
import type { BatchRead } from '../../adapter';
import type {
  EffectState,
  JournalEntry,
  MeasureAggregate,
} from '../aggregate';
import {
  ALERT_EVENTS_PAGE_MAX,
  PROTECTED_ROLES,
  type AlertEventRecord,
  type ArrondissementRecord,
  type ConfidentialContactRecord,
  type MeasureFilter,
  type MeasureRecord,
  type PersonRecord,
  type ProtectedPersonRecord,
  type ProtectionAdapter,
  type ProtectionStore,
  type ProtectionTransaction,
  type ProvinceRecord,
  type ZoneRecord,
} from '../types';
import type { StatisticsFacts, StatisticsQuery } from '../statistics';
import { readAggregates } from './aggregates';
import { readStatisticsFacts } from './statistics';
import { findAlertEventsAfter, findAlertEventsBefore } from './alert-events';
import { findConfidentialContacts } from './confidential';
import { Gate, isSqlite } from './gate';
import { Effect, Journal } from './lifecycle';
import {
  countPendingEffects,
  findDueEffects,
  recordAttempt,
} from './outbox';
import { journalEntryOf, utcInstant } from './rows';
import {
  Arrondissement,
  Measure,
  Person,
  ProtectedPerson,
  Province,
  Zone,
} from './schema';
import { SqlProtectionTransaction } from './transaction';

/** The victim first, then children, then relatives (PROTECTED_ROLES). */
const ROLE_RANK = new Map(PROTECTED_ROLES.map((role, rank) => [role, rank]));

/** MySQL: a locked row is read as last committed (see `transaction`). */
const ISOLATION = 'READ COMMITTED' as const;

export class SqlProtectionAdapter
  extends SqlAgencyAdapter
  implements ProtectionAdapter, ProtectionStore
{
  private readonly gate: Gate;

  constructor(dataSource: DataSource) {
    super('protection', dataSource);
    this.gate = new Gate(isSqlite(dataSource));
  }

  readonly measuresById: BatchRead<string, MeasureRecord | null> =
    batchRead('protection', 'measuresById',
      (ids) => this.findByKey(Measure, 'id', ids), () => null);

  readonly personsByNationalNumber: BatchRead<string, PersonRecord | null> =
    batchRead('protection', 'personsByNationalNumber',
      (numbers) => this.findByKey(Person, 'nationalNumber', numbers),
      () => null);

  /** Victim first, then children and relatives, each by national number. */
  readonly protectedPersonsByMeasureId: BatchRead<
    string,
    ProtectedPersonRecord[]
  > = batchRead('protection', 'protectedPersonsByMeasureId',
    (ids) => this.findProtectedPersons(ids), () => []);

  /** Newest request first; measures requested the same day by id, desc. */
  readonly measureIdsByProtectedPerson: BatchRead<string, string[]> =
    batchRead('protection', 'measureIdsByProtectedPerson',
      (numbers) => this.findMeasureIdsOf(numbers), () => []);

  readonly measureIdsBySuspect: BatchRead<string, string[]> =
    batchRead('protection', 'measureIdsBySuspect',
      (numbers) => this.findMeasureIdsOfSuspects(numbers), () => []);

  readonly provincesByCode: BatchRead<string, ProvinceRecord | null> =
    batchRead('protection', 'provincesByCode',
      (codes) => this.findByKey(Province, 'code', codes), () => null);

  readonly arrondissementsByCode: BatchRead<
    string,
    ArrondissementRecord | null
  > = batchRead('protection', 'arrondissementsByCode',
    (codes) => this.findByKey(Arrondissement, 'code', codes), () => null);

  readonly zonesByCode: BatchRead<string, ZoneRecord | null> = batchRead(
    'protection', 'zonesByCode',
    (codes) => this.findByKey(Zone, 'code', codes), () => null);

  /** §7.8.5: by national number; never part of an aggregate's read. */
  readonly confidentialContactsByMeasureId: BatchRead<
    string,
    ConfidentialContactRecord[]
  > = batchRead('protection', 'confidentialContactsByMeasureId',
    (ids) => this.gated(() =>
      findConfidentialContacts(this.dataSource.manager, ids)),
    () => []);

  /** Rows of a table whose single-column key is among `keys`. */
  private async findByKey<R extends ObjectLiteral, P extends keyof R & string>(
    entity: EntitySchema<R>,
    property: P,
    keys: R[P][],
  ): Promise<Map<R[P], R>> {
    const rows = await this.gated(() => this.dataSource.manager
      .createQueryBuilder(entity, 'row')
      .where(`row.${property} IN (:...keys)`, { keys })
      .getMany());
    return indexBy(rows, (row) => row[property]);
  }

  private async findProtectedPersons(
    measureIds: string[],
  ): Promise<Map<string, ProtectedPersonRecord[]>> {
    const rows = await this.gated(() =>
      this.dataSource.manager.find(ProtectedPerson, {
        where: { measureId: In(measureIds) },
        order: { measureId: 'ASC', nationalNumber: 'ASC' },
      }));
    // The sort is stable: within a role, national number order stays.
    const ranked = [...rows].sort(
      (a, b) => rankOf(a.role) - rankOf(b.role),
    );
    return groupBy(ranked, (row) => row.measureId);
  }

  private async findMeasureIdsOf(
    numbers: string[],
  ): Promise<Map<string, string[]>> {
    const rows: { nationalNumber: string; measureId: string }[] =
      await this.gated(() => this.dataSource.manager
        .createQueryBuilder(ProtectedPerson, 'protected')
        .innerJoin(Measure.options.name, 'measure',
          'measure.id = protected.measureId')
        .select('protected.nationalNumber', 'nationalNumber')
        .addSelect('measure.id', 'measureId')
        .where('protected.nationalNumber IN (:...numbers)', { numbers })
        .orderBy('measure.requestedOn', 'DESC')
        .addOrderBy('measure.id', 'DESC')
        .getRawMany());
    const groups = groupBy(rows, (row) => row.nationalNumber);
    return new Map(
      [...groups].map(([number, group]) => [
        number,
        group.map((row) => row.measureId),
      ]),
    );
  }

  private async findMeasureIdsOfSuspects(
    numbers: string[],
  ): Promise<Map<string, string[]>> {
    const rows: { nationalNumber: string; measureId: string }[] =
      await this.gated(() => this.dataSource.manager
        .createQueryBuilder(Measure, 'measure')
        .select('measure.suspectNationalNumber', 'nationalNumber')
        .addSelect('measure.id', 'measureId')
        .where('measure.suspectNationalNumber IN (:...numbers)', { numbers })
        .getRawMany());
    const groups = groupBy(rows, (row) => row.nationalNumber);
    return new Map(
      [...groups].map(([number, group]) => [
        number,
        group.map((row) => row.measureId),
      ]),
    );
  }

  /**
   * Writes the territory file's provinces, arrondissements and zones over
   * the tables, in one transaction: new codes are added, known ones take
   * the file's names and dates. Nothing is deleted, since measures may
   * still name a zone the file no longer lists.
   */
  async syncTerritory(territory: TerritoryRecords): Promise<void> {
    const provinces = territory.provinces.map(({ code, name }) =>
      ({ code, name }));
    const arrondissements = territory.arrondissements.map((a) => ({ ...a }));
    // The contacts stay in the file: the tables keep what measures name.
    const zones = territory.zones.map(
      ({ code, name, arrondissementCode, deployedOn }) =>
        ({ code, name, arrondissementCode, deployedOn }));
    await this.operation('syncTerritory', () =>
      this.dataSource.transaction(async (manager) => {
        if (provinces.length > 0) {
          await manager.upsert(Province, provinces, ['code']);
        }
        if (arrondissements.length > 0) {
          await manager.upsert(Arrondissement, arrondissements, ['code']);
        }
        if (zones.length > 0) await manager.upsert(Zone, zones, ['code']);
      }));
  }

  // -------------------------------------------------------------------
  // ProtectionStore

  /**
   * Runs `work` in one transaction (READ COMMITTED on MySQL, so that the
   * rows read after a lock are the last committed ones). The work's own
   * errors come out as thrown, after the rollback; a failure to begin or
   * commit comes out as a StorageError.
   */
  transaction<T>(
    work: (tx: ProtectionTransaction) => Promise<T>,
  ): Promise<T> {
    return this.gate.runTransaction(async () => {
      let workFailed = false;
      const run = async (manager: EntityManager) => {
        const tx = new SqlProtectionTransaction(manager);
        try {
          return await work(tx);
        } catch (error) {
          workFailed = true;
          throw error;
        } finally {
          tx.close();
        }
      };
      try {
        return isSqlite(this.dataSource)
          ? await this.dataSource.transaction(run)
          : await this.dataSource.transaction(ISOLATION, run);
      } catch (error) {
        if (workFailed) throw error;
        throw new StorageError('protection', 'transaction', { cause: error });
      }
    });
  }

  readonly aggregatesById: BatchRead<string, MeasureAggregate | null> =
    batchRead('protection', 'aggregatesById',
      (ids) => this.gated(() =>
        readAggregates(this.dataSource.manager, ids)),
      () => null);

  readonly journalByMeasureId: BatchRead<string, JournalEntry[]> =
    batchRead('protection', 'journalByMeasureId', async (ids) => {
      const rows = await this.gated(() =>
        this.dataSource.manager.find(Journal, {
          where: { measureId: In(ids) },
          order: { measureId: 'ASC', number: 'ASC' },
        }));
      const entries = rows.map(journalEntryOf);
      return groupBy(entries, (entry) => entry.measureId);
    }, () => []);

  readonly effectsByMeasureId: BatchRead<string, EffectState[]> =
    batchRead('protection', 'effectsByMeasureId', async (ids) => {
      const rows = await this.gated(() =>
        this.dataSource.manager.find(Effect, {
          where: { measureId: In(ids) },
          order: { measureId: 'ASC', sequence: 'ASC' },
        }));
      return groupBy(rows, (row) => row.measureId);
    }, () => []);

  /** Ids in id order; an empty list in the filter matches nothing. */
  async findMeasureIds(filter: MeasureFilter): Promise<string[]> {
    const lists = [filter.statuses, filter.managingZoneCodes,
      filter.arrondissementCodes, filter.transferToArrondissementCodes];
    if (lists.some((list) => list !== undefined && list.length === 0)) {
      return [];
    }
    if (filter.endDateBefore !== undefined) {
      checkDate('endDateBefore', filter.endDateBefore);
    }

    const rows = await this.operation('findMeasureIds', () => {
      const query = this.dataSource.manager
        .createQueryBuilder(Measure, 'measure')
        .select('measure.id', 'id');
      if (filter.newestFirst) {
        query
          .orderBy('measure.requestedOn', 'DESC')
          .addOrderBy('measure.id', 'DESC');
      } else {
        query.orderBy('measure.id', 'ASC');
      }
      if (filter.limit !== undefined) query.limit(filter.limit);
      matchAny(query, 'measure.status', 'statuses', filter.statuses);
      matchAny(query, 'measure.managingZoneCode', 'zones',
        filter.managingZoneCodes);
      matchAny(query, 'measure.arrondissementCode', 'arrondissements',
        filter.arrondissementCodes);
      matchAny(query, 'measure.transferToArrondissementCode', 'transfers',
        filter.transferToArrondissementCodes);
      if (filter.endDateBefore !== undefined) {
        query.andWhere('measure.endDate < :before',
          { before: filter.endDateBefore });
      }
      return query.getRawMany<{ id: string }>();
    });
    return rows.map((row) => row.id);
  }

  /** §9: the lean facts of a period; see sql/statistics.ts. */
  async statisticsFacts(query: StatisticsQuery): Promise<StatisticsFacts> {
    checkDate('from', query.from);
    checkDate('to', query.to);
    const lists = [query.arrondissementCodes, query.managingZoneCodes];
    if (lists.some((list) => list !== undefined && list.length === 0)) {
      return { measures: [], prolongations: [], alerts: [], revisits: [],
        travelNotices: [] };
    }
    return this.operation('statisticsFacts',
      () => readStatisticsFacts(this.dataSource.manager, query));
  }

  async dueEffects(now: string, limit: number): Promise<EffectState[]> {
    const at = utcInstant(now, 'now');
    if (!Number.isInteger(limit) || limit < 1) {
      throw new TypeError(
        `The limit of due effects must be a positive integer, not ${limit}`,
      );
    }
    return this.operation('dueEffects',
      () => findDueEffects(this.dataSource, at, limit));
  }

  /** The outbox's backlog: effects still PENDING, due or not. */
  async pendingEffects(): Promise<number> {
    return this.operation('pendingEffects',
      () => countPendingEffects(this.dataSource));
  }

  async alertEventsAfter(
    sequence: number,
    limit: number,
  ): Promise<AlertEventRecord[]> {
    checkAlertPage('after', sequence, limit);
    return this.operation('alertEventsAfter',
      () => findAlertEventsAfter(this.dataSource, sequence, limit));
  }

  async alertEventsBefore(
    sequence: number,
    limit: number,
  ): Promise<AlertEventRecord[]> {
    checkAlertPage('before', sequence, limit);
    return this.operation('alertEventsBefore',
      () => findAlertEventsBefore(this.dataSource, sequence, limit));
  }

  async markEffectDone(id: string, doneAt: string): Promise<void> {
    const outcome = { done: true as const, doneAt: utcInstant(doneAt,
      'doneAt') };
    await this.attempted('markEffectDone', id, outcome);
  }

  async markEffectFailed(
    id: string,
    error: string,
    nextAttemptAt: string,
  ): Promise<void> {
    const outcome = {
      done: false as const,
      error: String(error),
      nextAttemptAt: utcInstant(nextAttemptAt, 'nextAttemptAt'),
    };
    await this.attempted('markEffectFailed', id, outcome);
  }

  /** An attempt at an effect DONE already is ignored; an unknown id is a
   *  misuse. */
  private async attempted(
    operation: string,
    id: string,
    outcome: Parameters<typeof recordAttempt>[2],
  ): Promise<void> {
    const known = await this.operation(operation, async () =>
      await recordAttempt(this.dataSource, id, outcome)
      || await this.dataSource.manager.existsBy(Effect, { id }));
    if (!known) throw new TypeError(`There is no effect ${JSON.stringify(id)}`);
  }

  /**
   * Private: through the gate; a database failure as a StorageError, a
   * misuse (TypeError) as it is.
   */
  private async operation<T>(
    operation: string,
    work: () => Promise<T>,
  ): Promise<T> {
    try {
      return await this.gate.run(operation, work);
    } catch (error) {
      if (error instanceof TypeError) throw error;
      throw new StorageError('protection', operation, { cause: error });
    }
  }

  /** Private: through the gate; the batch read wraps the failure. */
  private gated<T>(work: () => Promise<T>): Promise<T> {
    return this.gate.run('read', work);
  }
}

function rankOf(role: string): number {
  return ROLE_RANK.get(role as ProtectedPersonRecord['role']) ?? Infinity;
}

type MeasureQuery = ReturnType<DataSource['manager']['createQueryBuilder']>;

/** Private: adds `column IN (...)` when a list is given. */
function matchAny(
  query: MeasureQuery,
  column: string,
  parameter: string,
  values: readonly string[] | undefined,
): void {
  if (values === undefined) return;
  query.andWhere(`${column} IN (:...${parameter})`,
    { [parameter]: [...values] });
}

function checkDate(name: string, value: string): void {
  try {
    parseIsoDate(value);
  } catch {
    throw new TypeError(
      `${name} must be a date as YYYY-MM-DD, not ${JSON.stringify(value)}`,
    );
  }
}

/** Private: a page of the alert log is asked for with sane bounds. */
function checkAlertPage(
  side: 'after' | 'before',
  sequence: number,
  limit: number,
): void {
  if (!Number.isSafeInteger(sequence) || sequence < 0) {
    throw new TypeError(
      `The sequence to read alert events ${side} must be an integer from 0, not ${sequence}`,
    );
  }
  if (!Number.isInteger(limit) || limit < 1
    || limit > ALERT_EVENTS_PAGE_MAX) {
    throw new TypeError(
      `The limit of alert events must be an integer from 1 to ${ALERT_EVENTS_PAGE_MAX}, not ${limit}`,
    );
  }
}
