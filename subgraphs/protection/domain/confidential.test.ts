import type { Identity, Role } from '../../../runtime/identity';
import { ROLES } from '../../../runtime/identity';
import {
  mayReadConfidentialContact,
  recordConfidentialContact,
} from './confidential';
import { SUSPECT, VICTIM, granted, requested } from './testing';

const NOW = '2026-06-01T08:00:00.000Z';

function who(role: Role, claims: Partial<Identity> = {}): Identity {
  return { subject: `${role}-1`, role, ...claims };
}

describe('mayReadConfidentialContact (§7.8.5)', () => {
  const measure = granted();
  const { managingZoneCode: zone, arrondissementCode: arrondissement } =
    measure.measure;

  it.each([
    ['the managing zone', who('police', { zone })],
    ['a magistrate of the parquet', who('magistrate', { arrondissement })],
    ['victim support of the arrondissement',
      who('victim-support', { arrondissement })],
  ])('lets %s read', (_, identity) => {
    expect(mayReadConfidentialContact(identity, measure)).toBe(true);
  });

  it.each([
    ['another zone', who('police', { zone: '0000' })],
    ['a police token without zone', who('police')],
    ['another parquet', who('magistrate', { arrondissement: 'XXX' })],
    ['victim support elsewhere',
      who('victim-support', { arrondissement: 'XXX' })],
    ['the CIC of the province', who('cic', { province: 'BE-VOV' })],
    ['an analyst', who('analyst')],
    ['the 112 system', who('app112')],
    ['the gateway itself', who('gateway')],
  ])('refuses %s', (_, identity) => {
    expect(mayReadConfidentialContact(identity, measure)).toBe(false);
  });

  it('answers for every role', () => {
    for (const role of ROLES) {
      expect(typeof mayReadConfidentialContact(who(role), measure))
        .toBe('boolean');
    }
  });
});

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
