/**
 * How a system's part of the demo data becomes rows: a list of tables to
 * fill, parents before children (foreign keys are checked on insert).
 */
import type { EntitySchema, ObjectLiteral } from 'typeorm';

export interface SeedStep {
  readonly entity: EntitySchema;
  readonly rows: readonly ObjectLiteral[];
}

/** Pairs an entity with rows of its own type. */
export function seedStep<R extends ObjectLiteral>(
  entity: EntitySchema<R>,
  rows: readonly R[],
): SeedStep {
  return { entity, rows };
}
