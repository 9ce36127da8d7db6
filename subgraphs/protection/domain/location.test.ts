import type { AmlLocation } from '../../../adapters/protection/aggregate';
import { fixedClock } from './clock';
import type { CommandContext } from './lifecycle';
import {
  FIX_BEFORE_ALERT_MS,
  amlLocationFrom,
  type AmlLocationInput,
} from './location';
import { contextOn } from './testing';

const RAISED_AT = '2026-08-10T19:15:00Z';

/** Ten minutes after the press. */
const context: CommandContext = {
  ...contextOn('2026-08-10'),
  clock: fixedClock('2026-08-10T19:25:00Z'),
};

const FIX: AmlLocationInput = {
  latitude: 51.2172,
  longitude: 4.4212,
  accuracyMeters: 12.5,
  confidencePercent: 68,
  method: 'WIFI',
  fixedAt: '2026-08-10T21:15:20+02:00',
};

function check(patch: Partial<AmlLocationInput>): () => AmlLocation {
  return () => amlLocationFrom('location', { ...FIX, ...patch }, RAISED_AT,
    context);
}

function refusedFor(field: string, message?: string) {
  return expect.objectContaining({
    code: 'INVALID_INPUT',
    details: { field: `location.${field}` },
    ...(message === undefined
      ? {}
      : { message: expect.stringContaining(message) }),
  });
}

describe('AML fix (§3)', () => {
  it('§3: keeps every AML field as given, the offset of the time too', () => {
    expect(check({})()).toEqual(FIX);
  });

  it.each([
    [-90, true], [90, true], [0, true],
    [-90.0001, false], [90.5, false], [Number.NaN, false],
  ])('§3: latitude %p is accepted: %p (WGS84, -90 to 90)',
    (latitude, accepted) => {
      if (accepted) expect(check({ latitude })).not.toThrow();
      else expect(check({ latitude })).toThrow(refusedFor('latitude'));
    });

  it.each([
    [-180, true], [180, true],
    [-180.5, false], [181, false], [Number.POSITIVE_INFINITY, false],
  ])('§3: longitude %p is accepted: %p (WGS84, -180 to 180)',
    (longitude, accepted) => {
      if (accepted) expect(check({ longitude })).not.toThrow();
      else expect(check({ longitude })).toThrow(refusedFor('longitude'));
    });

  it('§3: names the bad value and the range of a latitude', () => {
    expect(check({ latitude: 123.4 })).toThrow(refusedFor('latitude',
      'location.latitude 123.4 is not between -90 and 90 degrees (WGS84).'));
  });

  it.each([
    [0, true], [1500.75, true],
    [-1, false], [Number.POSITIVE_INFINITY, false], [Number.NaN, false],
  ])('§3: an accuracy radius of %p metres is accepted: %p',
    (accuracyMeters, accepted) => {
      if (accepted) expect(check({ accuracyMeters })).not.toThrow();
      else {
        expect(check({ accuracyMeters })).toThrow(
          refusedFor('accuracyMeters'));
      }
    });

  it.each([
    [0, true], [100, true], [-1, false], [101, false], [50.5, false],
  ])('§3: a confidence of %p percent is accepted: %p',
    (confidencePercent, accepted) => {
      if (accepted) expect(check({ confidencePercent })).not.toThrow();
      else {
        expect(check({ confidencePercent })).toThrow(
          refusedFor('confidencePercent'));
      }
    });

  it('§3: refuses a positioning method AML does not name', () => {
    const method = 'BEACON' as AmlLocationInput['method'];
    expect(check({ method })).toThrow(refusedFor('method',
      'location.method "BEACON" is not one of GNSS, WIFI, CELL.'));
  });

  it('§3: refuses a fix taken after now', () => {
    expect(check({ fixedAt: '2026-08-10T19:25:00.001Z' })).toThrow(
      refusedFor('fixedAt', 'is in the future: now is 2026-08-10T19:25:00.000Z'));
    expect(check({ fixedAt: '2026-08-10T19:25:00Z' })).not.toThrow();
  });

  it('§3: takes a fix up to 5 minutes before the press, not one earlier', () => {
    expect(FIX_BEFORE_ALERT_MS).toBe(5 * 60 * 1000);
    expect(check({ fixedAt: '2026-08-10T19:10:00Z' })).not.toThrow();
    expect(check({ fixedAt: '2026-08-10T21:09:59+02:00' })).toThrow(
      refusedFor('fixedAt',
        'is more than 5 minutes before the alert raised at 2026-08-10T19:15:00Z'));
  });
});
