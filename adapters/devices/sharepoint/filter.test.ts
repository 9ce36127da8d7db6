import { matches, splitKeys, toODataFilter, type Where } from './filter';

describe('toODataFilter', () => {
  it('joins equalities with and', () => {
    expect(toODataFilter({ equal: { Kind: 'BUTTON', Status: 'AVAILABLE' } }))
      .toBe("fields/Kind eq 'BUTTON' and fields/Status eq 'AVAILABLE'");
  });

  it('groups the keys with or, in parentheses beside other terms', () => {
    expect(toODataFilter({ oneOf: { column: 'Title', values: ['a', 'b'] } }))
      .toBe("fields/Title eq 'a' or fields/Title eq 'b'");
    expect(toODataFilter({ equal: { Status: 'ASSIGNED' },
      oneOf: { column: 'ZoneCode', values: ['1', '2'] } }))
      .toBe("fields/Status eq 'ASSIGNED' and "
        + "(fields/ZoneCode eq '1' or fields/ZoneCode eq '2')");
  });

  it('doubles a quote inside a text', () => {
    expect(toODataFilter({ equal: { Title: "O'Neil" } }))
      .toBe("fields/Title eq 'O''Neil'");
  });

  it('answers null when every item is wanted', () => {
    expect(toODataFilter({})).toBeNull();
  });

  it('refuses a column name that is not one', () => {
    expect(() => toODataFilter({ equal: { 'Title eq 1 or x': 'a' } }))
      .toThrow('Not a SharePoint column name');
  });
});

describe('matches', () => {
  const where: Where = { equal: { Status: 'AVAILABLE' },
    oneOf: { column: 'Title', values: ['TB-1', 'TB-2'] } };

  it('compares text exactly, where SharePoint ignores case', () => {
    expect(matches(where, { Status: 'AVAILABLE', Title: 'TB-2' })).toBe(true);
    expect(matches(where, { Status: 'AVAILABLE', Title: 'tb-2' })).toBe(false);
    expect(matches(where, { Status: 'available', Title: 'TB-1' }))
      .toBe(false);
  });

  it('takes a missing column as no match', () => {
    expect(matches(where, { Title: 'TB-1' })).toBe(false);
  });
});

describe('splitKeys', () => {
  it('keeps up to 20 keys in one condition', () => {
    const values = Array.from({ length: 20 }, (_, i) => `k${i}`);
    expect(splitKeys({ oneOf: { column: 'Title', values } })).toHaveLength(1);
  });

  it('splits more keys into conditions of 20, keeping the rest', () => {
    const values = Array.from({ length: 45 }, (_, i) => `k${i}`);
    const parts = splitKeys({ equal: { Status: 'ASSIGNED' },
      oneOf: { column: 'Title', values } });
    expect(parts.map((part) => part.oneOf?.values.length))
      .toEqual([20, 20, 5]);
    expect(parts.every((part) => part.equal?.Status === 'ASSIGNED'))
      .toBe(true);
  });
});
