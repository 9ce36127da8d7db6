import type { Identity, Role } from '../../../runtime/identity';
import { ROLES } from '../../../runtime/identity';
import { recordConfidentialContact } from './confidential';
import { SUSPECT, VICTIM, granted, requested } from './testing';

const NOW = '2026-06-01T08:00:00.000Z';

function who(role: Role, claims: Partial<Identity> = {}): Identity {
  return { subject: `${role}-1`, role, ...claims };
}

describe('recordConfidentialContact (§7.8.5)', () => {
  const input = {
    nationalNumber: VICTIM.nationalNumber,
    address: null,
    phone: '+32470123456',
    email: null,
    knownToSuspect: false,
  };

  it('records the contact of a protected person, with the action alone',
    () => {
      const change = recordConfidentialContact(requested(), input, NOW);
      expect(change).toEqual({
        record: { measureId: 'measure-1', ...input, recordedAt: NOW },
        action: 'CONFIDENTIAL_CONTACT',
      });
    });

  it('refuses a person the measure does not protect, not naming him', () => {
    const run = () => recordConfidentialContact(granted(),
      { ...input, nationalNumber: SUSPECT.nationalNumber }, NOW);
    expect(run).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(run).not.toThrow(SUSPECT.nationalNumber);
  });
});
