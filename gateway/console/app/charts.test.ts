import { niceMax } from './charts';

describe('niceMax', () => {
  it.each([
    [0, 4], [3, 4], [4, 4], [5, 8], [9, 12], [11, 12], [17, 20], [40, 40],
    [41, 80], [99, 120], [1234, 2000],
  ])('puts the top of a scale reaching %d at %d', (max, top) => {
    expect(niceMax(max)).toBe(top);
  });

  it('keeps every quarter line on a whole number', () => {
    for (let max = 1; max <= 5000; max += 7) {
      expect(Number.isInteger(niceMax(max) / 4)).toBe(true);
      expect(niceMax(max)).toBeGreaterThanOrEqual(max);
    }
  });
});
