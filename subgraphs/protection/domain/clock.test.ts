import {
  brusselsDateOf,
  fixedClock,
  instantMillis,
  systemClock,
} from './clock';

describe('brusselsDateOf', () => {
  it('gives the day in Belgium, not in UTC, late in the evening', () => {
    // 23:30 UTC is already the next day in Brussels (UTC+1 in winter).
    expect(brusselsDateOf('2026-01-31T23:30:00Z')).toBe('2026-02-01');
    expect(brusselsDateOf('2026-01-31T22:30:00Z')).toBe('2026-01-31');
  });

  it('follows summer time (UTC+2)', () => {
    expect(brusselsDateOf('2026-07-14T22:30:00Z')).toBe('2026-07-15');
    expect(brusselsDateOf('2026-07-14T21:30:00Z')).toBe('2026-07-14');
  });

  it('reads instants with any offset', () => {
    expect(brusselsDateOf('2026-03-01T00:15:00+01:00')).toBe('2026-03-01');
  });

  it('rejects an instant without offset, showing the value', () => {
    expect(() => brusselsDateOf('2026-03-01T10:00:00')).toThrow(
      '"2026-03-01T10:00:00"',
    );
    expect(() => instantMillis('yesterday')).toThrow(TypeError);
  });
});

describe('fixedClock', () => {
  it('always answers the same instant and its Brussels day', () => {
    const clock = fixedClock('2026-12-31T23:00:00Z');
    expect(clock.now()).toBe('2026-12-31T23:00:00.000Z');
    expect(clock.today()).toBe('2027-01-01');
    expect(clock.now()).toBe(clock.now());
  });

  it('rejects a malformed instant at construction', () => {
    expect(() => fixedClock('2026-13-01T00:00:00Z')).toThrow(TypeError);
  });
});

describe('systemClock', () => {
  it('answers a day and an instant that agree', () => {
    const now = systemClock.now();
    expect(now).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(systemClock.today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
