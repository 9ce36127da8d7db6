import {
  requireCount,
  requireDate,
  requireNationalNumber,
  requireOneOf,
  requireOptionalDate,
  requireOptionalText,
  requireText,
} from './input';

describe('Input checks', () => {
  it('answer the value when it is fit', () => {
    expect(requireDate('on', '2028-02-29')).toBe('2028-02-29');
    expect(requireOptionalDate('on', null)).toBeNull();
    expect(requireText('name', 'x', 1)).toBe('x');
    expect(requireOptionalText('details', undefined, 10)).toBeNull();
    expect(requireNationalNumber('n', '85073003328')).toBe('85073003328');
    expect(requireOneOf('kind', 'A', ['A', 'B'])).toBe('A');
    expect(requireCount('count', 0, 0)).toBe(0);
  });

  it('name the argument and show the bad value', () => {
    expect(() => requireDate('validUntil', '2027-02-29')).toThrow(
      'validUntil must be a date as YYYY-MM-DD, not "2027-02-29"');
    expect(() => requireDate('on', undefined)).toThrow('not undefined');
    expect(() => requireText('pvReference', '', 40))
      .toThrow('pvReference must be a non-blank string, not ""');
    expect(() => requireText('code', 'ABCDEFGHI', 8))
      .toThrow('code must have at most 8 characters, not 9');
    expect(() => requireOneOf('kind', 'C', ['A', 'B']))
      .toThrow('kind must be one of A, B, not "C"');
    expect(() => requireCount('count', 1.5, 0)).toThrow('not 1.5');
    expect(() => requireCount('count', 0, 1)).toThrow('at least 1, not 0');
  });

  it('never show a national number', () => {
    for (const bad of ['8507300332', '85.07.30-033.28', 'abcdefghijk']) {
      let message = '';
      try {
        requireNationalNumber('nationalNumber', bad);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toBe(
        'nationalNumber must be a national number of 11 digits');
    }
  });
});
