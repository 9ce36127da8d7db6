/**
 * Seeds a system's part of the demo data into its (migrated) tables, in
 * one transaction. Idempotent: a system whose tables hold any row is left
 * alone, so demo rows never mix with data already there.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { bngSeedSteps } from '../adapters/bng/sql/seed';
import { devicesSeedSteps } from '../adapters/devices/sql/seed';
import { machSeedSteps } from '../adapters/mach/sql/seed';
import { protectionSeedSteps } from '../adapters/protection/sql/seed';
import { victimSupportSeedSteps } from '../adapters/victim-support/sql/seed';
import type { DemoData } from './demo-data';
import { StorageError } from './errors';
import type { SystemName } from './options';
import type { SeedStep } from './seed-plan';

/** Rows per INSERT: far below SQLite's and MySQL's parameter limits. */
const ROWS_PER_INSERT = 100;

const SEED_STEPS: {
  readonly [S in SystemName]: (part: DemoData[S]) => SeedStep[];
} = {
  protection: protectionSeedSteps,
  bng: bngSeedSteps,
  mach: machSeedSteps,
  devices: devicesSeedSteps,
  'victim-support': victimSupportSeedSteps,
};

/** The tables `seedDemo` fills for a system, parents first. */
export function demoSeedSteps<S extends SystemName>(
  system: S,
  data: DemoData,
): SeedStep[] {
  return SEED_STEPS[system](data[system]);
}

/** Answers true when it inserted the rows, false when already seeded. */
export async function seedDemo(
  system: SystemName,
  dataSource: DataSource,
  data: DemoData,
): Promise<boolean> {
  const steps = demoSeedSteps(system, data);
  try {
    return await dataSource.transaction(async (manager) => {
      if (await holdsRows(manager, steps)) return false;
      for (const step of steps) await insertAll(manager, step);
      return true;
    });
  } catch (error) {
    throw new StorageError(system, 'seedDemo', { cause: error });
  }
}

async function holdsRows(
  manager: EntityManager,
  steps: readonly SeedStep[],
): Promise<boolean> {
  for (const step of steps) {
    if (await manager.exists(step.entity)) return true;
  }
  return false;
}

async function insertAll(
  manager: EntityManager,
  step: SeedStep,
): Promise<void> {
  for (let at = 0; at < step.rows.length; at += ROWS_PER_INSERT) {
    const rows = step.rows.slice(at, at + ROWS_PER_INSERT);
    await manager.insert(step.entity, rows);
  }
}
