import { DomainError } from './errors';
import { contextOn, personInput } from './testing';
import {
  nationalNumberOf,
  personFrom,
  requireInstantAfter,
  requireNotFuture,
  requireOnOrAfter,
  requireText,
} from './validate';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof DomainError ? error.code : 'OTHER';
  }
  return undefined;
}

describe('input checks', () => {
  it('refuses a fact dated after today (Europe/Brussels)', () => {
    const context = contextOn('2026-06-01');
    expect(() =>
      requireNotFuture('heardOn', '2026-06-01', context),
    ).not.toThrow();
    expect(() => requireNotFuture('heardOn', '2026-06-02', context)).toThrow(
      'heardOn 2026-06-02 is in the future: today is 2026-06-01.',
    );
  });

  it('refuses a day before an earlier fact, citing the section', () => {
    expect(() =>
      requireOnOrAfter(
        'decidedOn',
        '2026-05-01',
        { name: 'the request of', day: '2026-05-02' },
        '§7.8',
      ),
    ).toThrow(
      'decidedOn 2026-05-01 is before the request of 2026-05-02 (§7.8).',
    );
  });

  it('orders instants across offsets', () => {
    const raised = {
      name: 'the alert raised at',
      instant: '2026-06-01T10:00:00+02:00',
    };
    expect(() =>
      requireInstantAfter(
        'arrivedAt',
        '2026-06-01T08:05:00Z',
        raised,
        '§7.11.2',
      ),
    ).not.toThrow();
    expect(
      codeOf(() =>
        requireInstantAfter(
          'arrivedAt',
          '2026-06-01T08:00:00Z',
          raised,
          '§7.11.2',
        ),
      ),
    ).toBe('INVALID_INPUT');
    expect(() =>
      requireInstantAfter(
        'classifiedAt',
        '2026-06-01T08:00:00Z',
        raised,
        '§7.11.2',
        true,
      ),
    ).not.toThrow();
  });

  it('refuses blank text', () => {
    expect(requireText('pvReference', ' PV-1 ')).toBe('PV-1');
    expect(() => requireText('pvReference', '  ')).toThrow(
      'pvReference must not be blank.',
    );
  });

  it('refuses an invalid national number without echoing it', () => {
    let message = '';
    try {
      nationalNumberOf('victim.nationalNumber', '90041200200');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(
      'victim.nationalNumber is not a valid national register number',
    );
    expect(message).not.toContain('90041200200');
  });

  it('accepts a number typed with separators, keeping the 11 digits', () => {
    const number = personInput('1990-04-12', 2).nationalNumber;
    const typed = `${number.slice(0, 2)}.${number.slice(2, 4)}.${number.slice(4, 6)}-${number.slice(6, 9)}.${number.slice(9)}`;
    expect(nationalNumberOf('victim', typed)).toBe(number);
  });

  it('refuses a person born after the day of the record', () => {
    expect(() =>
      personFrom('victim', personInput('2026-06-02', 4), '2026-06-01'),
    ).toThrow('victim.birthDate 2026-06-02 is after 2026-06-01.');
  });
});
