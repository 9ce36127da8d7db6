/**
 * What the protection subgraph reports to the audit trail (issue 6,
 * runtime/audit.ts): a measure read names the measure and its persons,
 * the protected ones and the suspect, since everything it holds is
 * about them; a person read names the person.
 */
import type {
  MeasureAggregate,
  ProtectedPersonState,
} from '../../adapters/protection/aggregate';
import type { PersonRecord } from '../../adapters/protection/types';
import type { AuditedTypes } from '../../runtime/audit';
import type { AlertEventView } from './alert-feed';

function measureRead({ measure, protectedPersons }: MeasureAggregate) {
  return {
    measures: [measure.id],
    persons: [
      ...protectedPersons.map((link) => link.nationalNumber),
      measure.suspectNationalNumber,
    ],
  };
}

export const PROTECTION_AUDITED_TYPES: AuditedTypes = {
  ProtectionMeasure: measureRead,
  Person: (person: PersonRecord) => ({ persons: [person.nationalNumber] }),
  ProtectedPerson: (link: ProtectedPersonState) =>
    ({ persons: [link.nationalNumber] }),
  AlertEvent: ({ aggregate }: AlertEventView) => measureRead(aggregate),
};
