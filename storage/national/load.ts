/**
 * Writes a national history into the five systems' tables, through the
 * demo's seed steps (the same rows the subgraphs read), in one
 * transaction per system and multi-row INSERTs sized to stay under the
 * drivers' parameter limits. A store already holding rows is refused,
 * unless `replace`: then the system's tables are dropped (its
 * migrations undone) and built again; the audit trail is never touched.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { bngSchema } from '../../adapters/bng/sql/schema';
import {
  GrantRegistration,
  Shortage,
  devicesSchema,
} from '../../adapters/devices/sql/schema';
import {
  RegistrationComment,
  machSchema,
} from '../../adapters/mach/sql/schema';
import { protectionSchema } from '../../adapters/protection/sql/schema';
import {
  Notice,
  victimSupportSchema,
} from '../../adapters/victim-support/sql/schema';
import { openDataSource, type SystemSchema } from '../data-source';
import { StorageError } from '../errors';
import {
  SYSTEM_NAMES,
  type StorageOptions,
  type SystemName,
} from '../options';
import { demoSeedSteps } from '../seed';
import { seedStep, type SeedStep } from '../seed-plan';
import type { NationalData } from './generate';

/** Placeholders per INSERT: under SQLite's 32,766 and MySQL's 65,535. */
const PARAMETERS_PER_INSERT = 30_000;
/** Rows per INSERT at most, whatever the columns. */
const MAX_ROWS_PER_INSERT = 1_000;

const SCHEMAS: Readonly<Record<SystemName, SystemSchema>> = {
  protection: protectionSchema,
  bng: bngSchema,
  mach: machSchema,
  devices: devicesSchema,
  'victim-support': victimSupportSchema,
};

export interface LoadProgress {
  system: SystemName;
  table: string;
  done: number;
  total: number;
}

export interface LoadOptions {
  /** Drop and rebuild a system's tables that hold rows; default false. */
  replace?: boolean;
  /** Told after each INSERT; default: nothing. */
  onProgress?: (progress: LoadProgress) => void;
}

/** Rows written per table, `<prefix>table` names as keys. */
export type LoadCounts = Record<string, number>;

/** Thrown when a store holds rows and `replace` was not asked for. */
export class StoreNotEmptyError extends Error {
  override readonly name = 'StoreNotEmptyError';
}

export async function loadNationalData(
  data: NationalData,
  storage: StorageOptions,
  options: LoadOptions = {},
): Promise<LoadCounts> {
  const sources = new Map<SystemName, DataSource>();
  try {
    for (const system of SYSTEM_NAMES) {
      sources.set(system, await openDataSource(system, storage,
        SCHEMAS[system]));
    }
    const steps = new Map(SYSTEM_NAMES.map((system) =>
      [system, nationalSteps(system, data)] as const));
    await refuseOrClear(sources, steps, options.replace ?? false);
    const counts: LoadCounts = {};
    for (const [system, source] of sources) {
      Object.assign(counts, await loadSystem(system, source,
        steps.get(system)!, options.onProgress));
    }
    return counts;
  } finally {
    await Promise.all([...sources.values()].map((s) => s.destroy()));
  }
}

/**
 * The demo's steps, with the devices' shortages and registrations, the
 * MaCH registration comments and the notices to victim support.
 */
export function nationalSteps(
  system: SystemName,
  data: NationalData,
): SeedStep[] {
  const steps = demoSeedSteps(system, data);
  if (system === 'victim-support') {
    return [...steps, seedStep(Notice, data['victim-support'].notices)];
  }
  if (system === 'mach') {
    return [...steps, seedStep(RegistrationComment, data.mach.comments)];
  }
  if (system !== 'devices') return steps;
  const { shortages, grantRegistrations } = data.devices;
  return [
    ...steps,
    seedStep(Shortage, shortages.map(({ id: _id, ...shortage }) => ({
      ...shortage,
      openFor: shortage.resolvedOn === null
        ? `${shortage.kind}:${shortage.measureId}` : null,
    }))),
    seedStep(GrantRegistration, grantRegistrations),
  ];
}

/** Only the tables the history fills count: migrations write some rows. */
async function refuseOrClear(
  sources: ReadonlyMap<SystemName, DataSource>,
  steps: ReadonlyMap<SystemName, readonly SeedStep[]>,
  replace: boolean,
): Promise<void> {
  for (const [system, source] of sources) {
    if (!(await holdsRows(source, steps.get(system)!))) continue;
    if (!replace) {
      throw new StoreNotEmptyError(
        `The ${system} store already holds rows: pass --replace to drop its tables and write the national history instead`,
      );
    }
    await rebuild(system, source);
  }
}

async function holdsRows(
  source: DataSource,
  steps: readonly SeedStep[],
): Promise<boolean> {
  for (const step of steps) {
    if (await source.manager.exists(step.entity)) return true;
  }
  return false;
}

/** Undoes every migration of the system, newest first, then redoes them. */
async function rebuild(system: SystemName, source: DataSource) {
  try {
    for (let i = 0; i < SCHEMAS[system].migrations.length; i += 1) {
      await source.undoLastMigration({ transaction: 'each' });
    }
    await source.runMigrations({ transaction: 'each' });
  } catch (error) {
    throw new StorageError(system, 'replace', { cause: error });
  }
}

async function loadSystem(
  system: SystemName,
  source: DataSource,
  steps: readonly SeedStep[],
  onProgress: LoadOptions['onProgress'],
): Promise<LoadCounts> {
  const counts: LoadCounts = {};
  try {
    await source.transaction(async (manager) => {
      for (const step of steps) {
        const table = manager.getRepository(step.entity).metadata.tableName;
        counts[table] = step.rows.length;
        await insertBatched(manager, step, (done) =>
          onProgress?.({ system, table, done, total: step.rows.length }));
      }
    });
  } catch (error) {
    throw new StorageError(system, 'loadNationalData', { cause: error });
  }
  return counts;
}

async function insertBatched(
  manager: EntityManager,
  step: SeedStep,
  onBatch: (done: number) => void,
): Promise<void> {
  const columns = manager.getRepository(step.entity).metadata.columns.length;
  const size = Math.max(1, Math.min(MAX_ROWS_PER_INSERT,
    Math.floor(PARAMETERS_PER_INSERT / columns)));
  for (let at = 0; at < step.rows.length; at += size) {
    const rows = step.rows.slice(at, at + size);
    await manager.createQueryBuilder().insert().into(step.entity)
      .values(rows as object[]).updateEntity(false).execute();
    onBatch(Math.min(at + size, step.rows.length));
  }
  if (step.rows.length === 0) onBatch(0);
}
