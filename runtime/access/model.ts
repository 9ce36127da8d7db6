/**
 * What a subgraph tells the access layer about its data: how each
 * `role:relation` policy of its SDL is judged, and which subject an
 * object is judged by.
 *
 * A subject is whatever the subgraph's relations read: the protection
 * subgraph's is the measures an object belongs to, victim support's the
 * referral's arrondissement. An object that is no subject of its own (a
 * measure's evaluation, a person reached through a measure) is judged by
 * the subject of the object it was reached through.
 */
import type { Identity } from '../identity';

export interface Relation<TContext, TSubject> {
  /** Whom the relation admits, for the generated table (docs/ACCESS.md). */
  readonly description: string;
  admits(
    identity: Identity,
    subject: TSubject,
    context: TContext,
  ): boolean | Promise<boolean>;
}

/** Where an object was reached, for `subjectOf`. */
export interface Reached<TSubject> {
  /** The object's GraphQL type. */
  readonly typeName: string;
  readonly value: unknown;
  /** The type whose field returned it: `Query`, `Mutation`, `_entities`… */
  readonly parentType: string;
  /** The subject of the object it was reached through, if any. */
  readonly inherited: TSubject | undefined;
}

export interface AccessModel<TContext, TSubject> {
  /** By policy name, `role:relation`. */
  readonly relations: Readonly<Record<string, Relation<TContext, TSubject>>>;
  /**
   * The subject `reached.value` is judged by; undefined when it has none
   * of its own, and it then takes the inherited one. A new object each
   * call: the verdicts of a request are kept by subject.
   */
  subjectOf?(
    reached: Reached<TSubject>,
    context: TContext,
  ): TSubject | undefined | Promise<TSubject | undefined>;
}

/** A subgraph whose rules name roles alone. */
export const ROLES_ONLY: AccessModel<unknown, never> = { relations: {} };
