import { checkNationalNumber, makeNationalNumber } from './national-number';

describe('national register number', () => {
  it('accepts a number of someone born before 2000', () => {
    // 97 - (850730033 mod 97) = 28
    expect(checkNationalNumber('85073003328')).toEqual({
      valid: true,
      value: '85073003328',
      bornFrom2000: false,
    });
  });

  it('accepts a number of someone born from 2000 on, with the 2 rule', () => {
    // 97 - (2030201012 mod 97) = 64; without the 2 it would be 35
    expect(checkNationalNumber('03020101264')).toMatchObject({
      valid: true,
      bornFrom2000: true,
    });
    expect(checkNationalNumber('03020101235')).toMatchObject({
      valid: true,
      bornFrom2000: false,
    });
  });

  it('accepts the separators people type', () => {
    expect(checkNationalNumber('85.07.30-033.28')).toMatchObject({
      valid: true,
      value: '85073003328',
    });
  });

  it('refuses a wrong length and says so', () => {
    expect(checkNationalNumber('8507300332')).toEqual({
      valid: false,
      reason: 'it must have 11 digits, not 10',
    });
  });

  it('refuses letters and says so', () => {
    expect(checkNationalNumber('85O73003328')).toEqual({
      valid: false,
      reason: 'it must contain digits only',
    });
  });

  it('refuses a wrong check and says so', () => {
    expect(checkNationalNumber('85073003329')).toEqual({
      valid: false,
      reason: 'its check digits 29 do not match the first nine digits (mod 97)',
    });
  });

  it('makes valid numbers for both centuries', () => {
    expect(makeNationalNumber('1985-07-30', 33)).toBe('85073003328');
    expect(makeNationalNumber('2003-02-01', 12)).toBe('03020101264');
  });

  it('refuses to make a number from a bad serial', () => {
    expect(() => makeNationalNumber('1985-07-30', 999)).toThrow(TypeError);
  });
});
