/**
 * §7.8.5: a protected person's address and contacts, when the suspect
 * does not know them, stay out of the PV (the national register number
 * stands instead), are stored apart by the police, and are available
 * only to the magistrate and victim support (the SAV).
 *
 * Pure: the command that records them, given the measure and the
 * checked input. Who reads them is the schema's rule on
 * `ProtectedPerson.confidentialContact` (schema/protection.graphql). The
 * record itself never enters the aggregate (adapters/protection).
 */
import type { MeasureAggregate } from '../../../adapters/protection/aggregate';
import type {
  ConfidentialAddress,
  ConfidentialContactRecord,
} from '../../../adapters/protection/types';
import type { Identity } from '../../../runtime/identity';
import { DomainError, unreachable } from './errors';
import { COMMANDS, accept, type JournalAction } from './lifecycle';

/** What the command records, its values checked already. */
export interface ConfidentialContactInput {
  nationalNumber: string;
  address: ConfidentialAddress | null;
  phone: string | null;
  email: string | null;
  knownToSuspect: boolean;
}

/** What the store saves, apart from the aggregate, and the journal's word. */
export interface ConfidentialContactChange {
  record: ConfidentialContactRecord;
  /** The action alone: the journal never holds what was recorded. */
  action: JournalAction;
}

/**
 * §7.8.5: records the contact of a person the measure protects, while
 * the measure is requested or running. A number the measure does not
 * protect is NOT_FOUND; the message never repeats it.
 */
export function recordConfidentialContact(
  aggregate: MeasureAggregate,
  input: ConfidentialContactInput,
  now: string,
): ConfidentialContactChange {
  accept(aggregate, 'recordConfidentialContact');
  const protectedHere = aggregate.protectedPersons.some(
    (person) => person.nationalNumber === input.nationalNumber);
  if (!protectedHere) {
    throw new DomainError('NOT_FOUND',
      `Measure ${aggregate.measure.reference} protects nobody with that national number: a confidential contact is recorded for a protected person only (§7.8.5).`,
      { what: 'protected person', field: 'nationalNumber' });
  }
  return {
    record: { measureId: aggregate.measure.id, ...input, recordedAt: now },
    action: COMMANDS.recordConfidentialContact.action,
  };
}
