/**
 * The protection port over SQL. Every batch read is one statement,
 * whatever the number of keys.
 */
import {
  In,
  type DataSource,
  type EntitySchema,
  type ObjectLiteral,
} from 'typeorm';
import { batchRead, groupBy, indexBy } from '../../../storage/batch';
import { SqlAgencyAdapter } from '../../../storage/sql-adapter';
import type { BatchRead } from '../../adapter';
import {
  PROTECTED_ROLES,
  type ArrondissementRecord,
  type MeasureRecord,
  type PersonRecord,
  type ProtectedPersonRecord,
  type ProtectionAdapter,
  type ProvinceRecord,
  type ZoneRecord,
} from '../types';
import {
  Arrondissement,
  Measure,
  Person,
  ProtectedPerson,
  Province,
  Zone,
} from './schema';

/** The victim first, then children, then relatives (PROTECTED_ROLES). */
const ROLE_RANK = new Map(PROTECTED_ROLES.map((role, rank) => [role, rank]));

export class SqlProtectionAdapter
  extends SqlAgencyAdapter
  implements ProtectionAdapter
{
  constructor(dataSource: DataSource) {
    super('protection', dataSource);
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
      (numbers) => this.findMeasureIds(numbers), () => []);

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

  /** Rows of a table whose single-column key is among `keys`. */
  private async findByKey<R extends ObjectLiteral, P extends keyof R & string>(
    entity: EntitySchema<R>,
    property: P,
    keys: R[P][],
  ): Promise<Map<R[P], R>> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(entity, 'row')
      .where(`row.${property} IN (:...keys)`, { keys })
      .getMany();
    return indexBy(rows, (row) => row[property]);
  }

  private async findProtectedPersons(
    measureIds: string[],
  ): Promise<Map<string, ProtectedPersonRecord[]>> {
    const rows = await this.dataSource.manager.find(ProtectedPerson, {
      where: { measureId: In(measureIds) },
      order: { measureId: 'ASC', nationalNumber: 'ASC' },
    });
    // The sort is stable: within a role, national number order stays.
    const ranked = [...rows].sort(
      (a, b) => rankOf(a.role) - rankOf(b.role),
    );
    return groupBy(ranked, (row) => row.measureId);
  }

  private async findMeasureIds(
    numbers: string[],
  ): Promise<Map<string, string[]>> {
    const rows: { nationalNumber: string; measureId: string }[] =
      await this.dataSource.manager
        .createQueryBuilder(ProtectedPerson, 'protected')
        .innerJoin(Measure.options.name, 'measure',
          'measure.id = protected.measureId')
        .select('protected.nationalNumber', 'nationalNumber')
        .addSelect('measure.id', 'measureId')
        .where('protected.nationalNumber IN (:...numbers)', { numbers })
        .orderBy('measure.requestedOn', 'DESC')
        .addOrderBy('measure.id', 'DESC')
        .getRawMany();
    const groups = groupBy(rows, (row) => row.nationalNumber);
    return new Map(
      [...groups].map(([number, group]) => [
        number,
        group.map((row) => row.measureId),
      ]),
    );
  }
}

function rankOf(role: string): number {
  return ROLE_RANK.get(role as ProtectedPersonRecord['role']) ?? Infinity;
}
