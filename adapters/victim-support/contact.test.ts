import {
  isEmail,
  isPhone,
  normalizeEmail,
  normalizePhone,
} from './contact';

describe('normalizePhone', () => {
  it.each([
    ['+32 470 12 34 56', '+32470123456'],
    ['+32 (0)2/555.12.34', '+3225551234'],
    ['0032-470-12-34-56', '+32470123456'],
    ['+33 6 12 34 56 78', '+33612345678'],
  ])('reads %j as %j', (typed, kept) => {
    expect(normalizePhone(typed)).toBe(kept);
  });

  it.each([
    ['a national number, whose country is not said', '0470 12 34 56'],
    ['a country code starting with 0', '+0470123456'],
    ['too few digits', '+32 47'],
    ['more than 15 digits', '+32 470 12 34 56 78 901'],
    ['letters', '+32 470 CALL ME'],
    ['nothing', ''],
  ])('refuses %s', (_, typed) => {
    expect(normalizePhone(typed)).toBeNull();
  });
});

describe('normalizeEmail', () => {
  it('trims the address and puts its domain in lower case', () => {
    expect(normalizeEmail('  Jane.Doe@Example.BE ')).toBe(
      'Jane.Doe@example.be');
  });

  it.each([
    ['no @', 'jane.example.be'],
    ['no dot in the domain', 'jane@localhost'],
    ['a space inside', 'jane doe@example.be'],
    ['two @', 'jane@doe@example.be'],
    ['a label ending with a dash', 'jane@example-.be'],
    ['over 254 characters', `${'j'.repeat(60)}@${'d'.repeat(200)}.be`],
  ])('refuses an address with %s', (_, typed) => {
    expect(normalizeEmail(typed)).toBeNull();
  });
});

describe('isPhone and isEmail', () => {
  it('accept only the forms the port keeps', () => {
    expect(isPhone('+32470123456')).toBe(true);
    expect(isPhone('+32 470 12 34 56')).toBe(false);
    expect(isEmail('jane@example.be')).toBe(true);
    expect(isEmail('jane@Example.be')).toBe(false);
  });
});
