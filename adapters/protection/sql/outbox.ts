/**
 * The effects outbox over SQL: what is due, and the outcome of each
 * attempt. Effects are only ever inserted by a transaction
 * (`enqueueEffects`) and updated here; none is deleted.
 */
import type { DataSource } from 'typeorm';
import type { EffectState } from '../aggregate';
import { Effect } from './lifecycle';
import { ERROR_TEXT } from './tables';

/**
 * Of each measure, its first PENDING effect, if due at `now`: the later
 * ones wait for it, whatever their own schedule.
 */
export async function findDueEffects(
  dataSource: DataSource,
  now: string,
  limit: number,
): Promise<EffectState[]> {
  return dataSource.manager
    .createQueryBuilder(Effect, 'effect')
    .where('effect.status = :pending', { pending: 'PENDING' })
    .andWhere('effect.nextAttemptAt <= :now', { now })
    .andWhere((query) => {
      const first = query.subQuery()
        .select('MIN(earlier.sequence)')
        .from(Effect, 'earlier')
        .where('earlier.measureId = effect.measureId')
        .andWhere('earlier.status = :pending')
        .getQuery();
      return `effect.sequence = ${first}`;
    })
    .orderBy('effect.createdAt', 'ASC')
    .addOrderBy('effect.measureId', 'ASC')
    .addOrderBy('effect.sequence', 'ASC')
    .limit(limit)
    .getMany();
}

/** How many effects are PENDING, due or not: the outbox's backlog. */
export function countPendingEffects(dataSource: DataSource): Promise<number> {
  return dataSource.manager
    .createQueryBuilder(Effect, 'effect')
    .where('effect.status = :pending', { pending: 'PENDING' })
    .getCount();
}

/**
 * Records one attempt at a PENDING effect. Answers false when no PENDING
 * effect has that id (unknown, or DONE already).
 */
export async function recordAttempt(
  dataSource: DataSource,
  id: string,
  outcome:
    | { done: true; doneAt: string }
    | { done: false; error: string; nextAttemptAt: string },
): Promise<boolean> {
  const columns = outcome.done
    ? { status: 'DONE' as const, doneAt: outcome.doneAt }
    : {
        lastError: outcome.error.slice(0, ERROR_TEXT),
        nextAttemptAt: outcome.nextAttemptAt,
      };
  const result = await dataSource.manager
    .createQueryBuilder()
    .update(Effect)
    .set({ ...columns, attempts: () => 'attempts + 1' })
    .where('id = :id AND status = :pending', { id, pending: 'PENDING' })
    .execute();
  return result.affected === 1;
}
