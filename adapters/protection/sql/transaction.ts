/**
 * One transaction of the protection store (`ProtectionTransaction`).
 *
 * Saving writes the measure row every time (its version moves) and, of
 * the other parts, only those that differ from what this transaction
 * loaded or last wrote: each such part is rewritten whole for that one
 * measure (delete, then insert). A part is a handful of rows, so a
 * rewrite costs little and leaves no row-by-row diff to get wrong. An
 * aggregate saved without being loaded first has all its parts
 * rewritten.
 */
import { In, type EntityManager } from 'typeorm';
import { StorageError } from '../../../storage/errors';
import {
  EFFECT_KINDS,
  type EffectKind,
  type JournalEntry,
  type MeasureAggregate,
  type NewEffect,
  type PersonState,
} from '../aggregate';
import {
  ALERT_EVENT_KINDS,
  ConcurrentChangeError,
  type ConfidentialContactRecord,
  type NewAlertEvent,
  type ProtectionTransaction,
} from '../types';
import {
  PART_ENTITIES,
  insertParts,
  readAggregates,
  replaceParts,
} from './aggregates';
import { appendAlertEvent } from './alert-events';
import { upsertConfidentialContact } from './confidential';
import { isSqlite } from './gate';
import { Effect, Journal, type EffectRow } from './lifecycle';
import { nextReference } from './references';
import {
  journalRowOf,
  rowsOf,
  utcInstant,
  type AggregateRows,
  type PartName,
} from './rows';
import { Measure, Person } from './schema';

export class SqlProtectionTransaction implements ProtectionTransaction {
  /** The rows as this transaction last read or wrote them, by measure. */
  private readonly known = new Map<string, AggregateRows>();
  private open = true;

  constructor(private readonly manager: EntityManager) {}

  /** Called once the work is over: later use is a misuse. */
  close(): void {
    this.open = false;
  }

  load(measureId: string): Promise<MeasureAggregate | null> {
    return this.step('load', async () => {
      const found = await readAggregates(this.manager, [measureId],
        { lock: true });
      const aggregate = found.get(measureId) ?? null;
      if (aggregate) this.known.set(measureId, rowsOf(aggregate));
      return aggregate;
    });
  }

  insert(aggregate: MeasureAggregate): Promise<void> {
    return this.step('insert', async () => {
      const rows = rowsOf(aggregate);
      await this.manager.insert(Measure, rows.measure);
      await insertParts(this.manager, rows);
      this.known.set(rows.measure.id, rows);
    });
  }

  save(aggregate: MeasureAggregate): Promise<void> {
    return this.step('save', async () => {
      const rows = rowsOf(aggregate);
      const { id, version } = rows.measure;
      await this.updateMeasure(rows);
      const before = this.known.get(id);
      const changed = (Object.keys(PART_ENTITIES) as PartName[])
        .filter((name) => !before || !sameRows(before[name], rows[name]));
      await replaceParts(this.manager, rows, changed);
      this.known.set(id, {
        ...rows,
        measure: { ...rows.measure, version: version + 1 },
      });
    });
  }

  /** The version check and the measure's own columns, in one UPDATE. */
  private async updateMeasure(rows: AggregateRows): Promise<void> {
    const { id, version, ...columns } = rows.measure;
    const result = await this.manager
      .createQueryBuilder()
      .update(Measure)
      .set({ ...columns, version: version + 1 })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    if (result.affected === 1) return;

    const exists = await this.manager.existsBy(Measure, { id });
    if (!exists) {
      throw new TypeError(
        `Measure ${id} cannot be saved: it was never inserted`,
      );
    }
    throw new ConcurrentChangeError(id, version);
  }

  upsertPersons(persons: readonly PersonState[]): Promise<void> {
    return this.step('upsertPersons', async () => {
      if (persons.length === 0) return;
      await this.manager.upsert(Person, [...persons], ['nationalNumber']);
    });
  }

  loadPersons(nationalNumbers: readonly string[]): Promise<PersonState[]> {
    return this.step('loadPersons', async () => {
      if (nationalNumbers.length === 0) return [];
      const found = await this.manager.findBy(Person, {
        nationalNumber: In([...nationalNumbers]),
      });
      const byNumber = new Map(
        found.map((person) => [person.nationalNumber, person]),
      );
      return nationalNumbers.flatMap((number) => {
        const person = byNumber.get(number);
        return person ? [{ ...person }] : [];
      });
    });
  }

  appendJournal(entry: JournalEntry): Promise<void> {
    return this.step('appendJournal', async () => {
      await this.manager.insert(Journal, journalRowOf(entry));
    });
  }

  replaceConfidentialContact(
    record: ConfidentialContactRecord,
  ): Promise<void> {
    return this.step('replaceConfidentialContact',
      () => upsertConfidentialContact(this.manager, record));
  }

  appendAlertEvent(event: NewAlertEvent): Promise<number> {
    return this.step('appendAlertEvent', () => {
      if (!ALERT_EVENT_KINDS.includes(event.kind)) {
        throw new TypeError(
          `Unknown alert event kind ${JSON.stringify(event.kind)}`,
        );
      }
      return appendAlertEvent(this.manager, {
        measureId: event.measureId,
        alertId: event.alertId,
        kind: event.kind,
        at: utcInstant(event.at, 'at'),
      });
    });
  }

  enqueueEffects(
    measureId: string,
    effects: readonly NewEffect[],
    now: string,
  ): Promise<void> {
    return this.step('enqueueEffects', async () => {
      const at = utcInstant(now, 'now');
      const drafts = effects.map((effect) => checkEffect(effect));
      if (drafts.length === 0) return;
      const last = await this.lastSequence(measureId);
      const rows: EffectRow[] = drafts.map((draft, index) => ({
        ...draft,
        measureId,
        sequence: last + index + 1,
        status: 'PENDING',
        attempts: 0,
        lastError: null,
        createdAt: at,
        nextAttemptAt: at,
        doneAt: null,
      }));
      await this.manager.insert(Effect, rows);
    });
  }

  /**
   * The measure's highest sequence so far. The measure row is locked
   * first (MySQL), so two transactions never number the same sequence.
   */
  private async lastSequence(measureId: string): Promise<number> {
    if (!isSqlite(this.manager.dataSource)) {
      await this.manager.createQueryBuilder(Measure, 'measure')
        .select('measure.id')
        .where('measure.id = :measureId', { measureId })
        .setLock('pessimistic_write')
        .getRawOne();
    }
    const row: { last: number | string | null } | undefined = await this
      .manager.createQueryBuilder(Effect, 'effect')
      .select('MAX(effect.sequence)', 'last')
      .where('effect.measureId = :measureId', { measureId })
      .getRawOne();
    return Number(row?.last ?? 0);
  }

  nextReference(year: number): Promise<string> {
    return this.step('nextReference', () => {
      if (!Number.isInteger(year) || year < 1000 || year > 9999) {
        throw new TypeError(
          `A reference year must have four digits, not ${year}`,
        );
      }
      return nextReference(this.manager, year);
    });
  }

  /**
   * Runs one step. A database failure comes out as one StorageError that
   * keeps the cause; the store's own errors and misuse come out as they
   * are.
   */
  private async step<T>(operation: string, work: () => Promise<T>): Promise<T> {
    if (!this.open) {
      throw new Error(
        `The protection store's ${operation} was called after its transaction ended`,
      );
    }
    try {
      return await work();
    } catch (error) {
      if (error instanceof ConcurrentChangeError
        || error instanceof TypeError) {
        throw error;
      }
      throw new StorageError('protection', operation, { cause: error });
    }
  }
}

/** Parts compare as their rows, which are plain JSON values. */
function sameRows(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

type EffectDraft = Pick<EffectRow, 'id' | 'kind' | 'payload'>;

/** An effect the store can keep; anything else is a misuse. */
function checkEffect(effect: NewEffect): EffectDraft {
  if (!EFFECT_KINDS.includes(effect.kind as EffectKind)) {
    throw new TypeError(
      `Unknown effect kind ${JSON.stringify(effect.kind)}`,
    );
  }
  const payload = JSON.stringify(effect.payload);
  if (payload === undefined) {
    throw new TypeError(`The ${effect.kind} effect has no payload`);
  }
  return { id: effect.id, kind: effect.kind, payload };
}

