import { parseSeedArgs, UsageError } from '../../scripts/seed-national';

describe('scripts/seed-national: command line', () => {
  it('reads every option', () => {
    expect(parseSeedArgs(['--years', '3', '--seed', '7', '--end-date',
      '2025-06-30', '--scale', '0.5', '--replace', '--territory-file',
      'national.json'])).toEqual({ years: 3, seed: 7, endDate: '2025-06-30',
      scale: 0.5, replace: true, territoryFile: 'national.json' });
  });

  it('leaves the defaults to the generator and keeps the store', () => {
    expect(parseSeedArgs([])).toEqual({ years: undefined, seed: undefined,
      endDate: undefined, scale: undefined, replace: false,
      territoryFile: undefined });
  });

  it.each([
    [['--years', 'ten'], /--years must be a number, got "ten"/],
    [['--years', '0'], /--years must be a whole number from 1 to 30, got 0/],
    [['--seed', '1.5'], /--seed must be an integer, got 1.5/],
    [['--end-date', '2026-02-30'], /--end-date must be a date .*2026-02-30/],
    [['--scale', '0'], /--scale must be above 0 and at most 10, got 0/],
    [['--yeers', '2'], /Unknown option '--yeers'/],
    [['10'], /Unexpected argument '10'/],
  ])('refuses %j, naming the value', (args, message) => {
    expect(() => parseSeedArgs(args)).toThrow(UsageError);
    expect(() => parseSeedArgs(args)).toThrow(message);
  });
});
