import { Kind } from 'graphql';
import { DateScalar, DateTimeScalar, isIsoDate } from './scalars';

describe('Date scalar', () => {
  it('passes real days through', () => {
    expect(DateScalar.parseValue('2024-02-29')).toBe('2024-02-29');
    expect(DateScalar.serialize('2026-12-03')).toBe('2026-12-03');
  });

  it('refuses days that do not exist, with BAD_USER_INPUT', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(() => DateScalar.parseValue('2026-02-30')).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }),
    );
  });

  it('refuses literals that are not strings', () => {
    expect(() =>
      DateScalar.parseLiteral({ kind: Kind.INT, value: '20260101' }),
    ).toThrow('Date must be given as a string');
  });
});

describe('DateTime scalar', () => {
  it('needs an offset', () => {
    expect(DateTimeScalar.parseValue('2026-12-03T10:00:00+01:00')).toBe(
      '2026-12-03T10:00:00+01:00',
    );
    expect(() => DateTimeScalar.parseValue('2026-12-03T10:00:00')).toThrow(
      /DateTime must be an ISO 8601 instant/,
    );
  });
});
