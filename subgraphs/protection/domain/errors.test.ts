import {
  DOMAIN_ERROR_CODES,
  DomainError,
  invalidInput,
  notFound,
  unknownZone,
  unreachable,
} from './errors';

describe('DomainError', () => {
  it('carries a stable code, a message and details', () => {
    const error = new DomainError('ALERT_CONFLICT', 'Already classified.', {
      alertId: 'a-1',
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainError');
    expect(error.code).toBe('ALERT_CONFLICT');
    expect(error.details).toEqual({ alertId: 'a-1' });
  });

  it('has a small closed set of codes', () => {
    expect(DOMAIN_ERROR_CODES).toEqual([
      'ILLEGAL_TRANSITION',
      'CONDITIONS_NOT_MET',
      'ZONE_NOT_DEPLOYED',
      'UNKNOWN_ZONE',
      'INVALID_INPUT',
      'ALERT_CONFLICT',
      'NOT_FOUND',
    ]);
  });

  it('builds the common errors with plain messages', () => {
    expect(invalidInput('Bad.').code).toBe('INVALID_INPUT');
    expect(notFound('alert', 'a-9').message).toBe(
      'The measure has no alert with id "a-9".',
    );
    expect(unknownZone('9999', 'destination zone').message).toBe(
      'The destination zone "9999" is not a known police zone.',
    );
  });

  it('ends an exhaustive switch with an internal error, not a DomainError', () => {
    expect(() => unreachable('x' as never)).toThrow('Unexpected value "x"');
    expect(() => unreachable('x' as never)).not.toThrow(DomainError);
  });
});
