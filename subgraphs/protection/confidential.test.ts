import { makeNationalNumber } from '../../runtime/national-number';
import { checkedConfidentialContact } from './confidential';

const NUMBER = makeNationalNumber('1990-04-12', 8);

const ADDRESS = {
  street: 'Rue Haute', number: '5', postalCode: '1000',
  municipality: 'Bruxelles', country: 'BE',
};

function checked(input: Record<string, unknown>) {
  return checkedConfidentialContact({
    measureId: 'measure-1', nationalNumber: NUMBER, knownToSuspect: false,
    ...input,
  });
}

function argumentOf(input: Record<string, unknown>): unknown {
  try {
    checked(input);
  } catch (error) {
    return (error as { extensions: { argument: unknown } })
      .extensions.argument;
  }
  throw new Error('The input was not refused');
}

describe('checkedConfidentialContact (§7.8.5)', () => {
  it('keeps a phone in E.164 form and an e-mail with its domain in lower '
    + 'case', () => {
    expect(checked({ phone: '0032 (0)470/12.34.56',
      email: ' Someone@Mail.Example.BE ' })).toEqual({
      nationalNumber: NUMBER, address: null, phone: '+32470123456',
      email: 'Someone@mail.example.be', knownToSuspect: false,
    });
  });

  it('reads a foreign postal code and a country in lower case', () => {
    expect(checked({ address: { ...ADDRESS, postalCode: '1012 AB',
      country: 'nl', box: '  ' } }).address).toEqual({
      ...ADDRESS, postalCode: '1012 AB', country: 'NL', box: null,
    });
  });

  it('takes a national number as people type it', () => {
    const typed = `${NUMBER.slice(0, 2)}.${NUMBER.slice(2, 4)}.`
      + `${NUMBER.slice(4, 6)}-${NUMBER.slice(6, 9)}.${NUMBER.slice(9)}`;
    expect(checked({ nationalNumber: typed, phone: '+3225551234' })
      .nationalNumber).toBe(NUMBER);
  });

  it.each([
    ['a Belgian postal code with a letter',
      { address: { ...ADDRESS, postalCode: '10A0' } }, 'address.postalCode'],
    ['a postal code of punctuation',
      { address: { ...ADDRESS, country: 'FR', postalCode: '--' } },
      'address.postalCode'],
    ['a box longer than the register keeps',
      { address: { ...ADDRESS, box: 'B'.repeat(11) } }, 'address.box'],
    ['a blank municipality',
      { address: { ...ADDRESS, municipality: ' ' } },
      'address.municipality'],
    ['no address, phone or e-mail', {}, 'address'],
  ])('refuses %s, naming the argument', (_, input, argument) => {
    expect(argumentOf(input)).toBe(argument);
  });
});
