/**
 * §7.8.5: a protected person's address and contacts, when the suspect
 * does not know them, stay out of the PV (the national register number
 * stands instead), are stored apart by the police, and are available
 * only to the magistrate and victim support (the SAV).
 *
 * Pure: who may read them, given the caller and the measure; and the
 * command that records them, given the measure and the checked input.
 * The record itself never enters the aggregate (adapters/protection).
 */
import type { MeasureAggregate } from '../../../adapters/protection/aggregate';
import type {
  ConfidentialAddress,
  ConfidentialContactRecord,
} from '../../../adapters/protection/types';
import type { Identity } from '../../../runtime/identity';
import { DomainError, unreachable } from './errors';
import { COMMANDS, accept, type JournalAction } from './lifecycle';

/**
 * Who reads the confidential contact, in the terms of the `@access`
 * policies that will carry this rule in the schema: the managing zone's
 * police (who store it, §7.2.2), the parquet of the measure's
 * arrondissement (§7.2.1) and its victim support service (§7.8.3).
 */
export const CONFIDENTIAL_CONTACT_READERS = [
  'police:managing-zone',
  'magistrate:parquet',
  'victim-support:arrondissement',
] as const;

/**
 * §7.8.5: true when `identity` may read the confidential contacts of the
 * measure's protected persons. Everyone else is refused, the CIC, the
 * zone of an intervention or a trip and the 112 system included: an
 * alert's team is sent to where the person is, not to the home address.
 */
export function mayReadConfidentialContact(
  identity: Identity,
  aggregate: MeasureAggregate,
): boolean {
  const { managingZoneCode, arrondissementCode } = aggregate.measure;
  switch (identity.role) {
    case 'police':
      return identity.zone === managingZoneCode;
    case 'magistrate':
    case 'victim-support':
      return identity.arrondissement === arrondissementCode;
    case 'cic':
    case 'analyst':
    case 'app112':
    case 'gateway':
      return false;
    default:
      return unreachable(identity.role);
  }
}

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
