import { addDays, addMonths, daysBetween, parseIsoDate } from './dates';

describe('addMonths', () => {
  it('keeps the day of the month when the target month has it', () => {
    expect(addMonths('2026-03-15', 9)).toBe('2026-12-15');
    expect(addMonths('2026-12-01', 9)).toBe('2027-09-01');
  });

  it('falls back to the last day of a shorter month (§7.10 reading)', () => {
    expect(addMonths('2026-05-31', 9)).toBe('2027-02-28');
    expect(addMonths('2026-07-31', 9)).toBe('2027-04-30');
    expect(addMonths('2026-01-30', 1)).toBe('2026-02-28');
  });

  it('lands on 29 February in a leap year', () => {
    expect(addMonths('2027-05-31', 9)).toBe('2028-02-29');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
  });

  it('goes back in time with negative months', () => {
    expect(addMonths('2026-12-01', -9)).toBe('2026-03-01');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
  });

  it('rejects a malformed date or fractional months, showing the value', () => {
    expect(() => addMonths('2026-02-30', 1)).toThrow('"2026-02-30"');
    expect(() => addMonths('1/12/2026', 1)).toThrow('"1/12/2026"');
    expect(() => addMonths('2026-01-01', 1.5)).toThrow('1.5');
  });
});

describe('addDays and daysBetween', () => {
  it('cross month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('ignore daylight saving time: every day has 24 hours', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });

  it('measure a span in whole days, negative backwards', () => {
    expect(daysBetween('2026-12-01', '2027-09-01')).toBe(274);
    expect(daysBetween('2026-12-01', '2026-11-01')).toBe(-30);
  });
});

describe('parseIsoDate', () => {
  it('reads a date as midnight UTC', () => {
    expect(parseIsoDate('2026-12-01').toISOString())
      .toBe('2026-12-01T00:00:00.000Z');
  });
});
