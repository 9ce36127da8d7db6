import { Prng } from './prng';

describe('Prng', () => {
  it('draws the same sequence from the same seed', () => {
    const a = new Prng(7);
    const b = new Prng(7);
    const draws = (prng: Prng) => Array.from({ length: 5 }, () => prng.next());
    expect(draws(a)).toEqual(draws(b));
  });

  it('draws another sequence from another seed', () => {
    expect(new Prng(7).next()).not.toBe(new Prng(8).next());
  });

  it('keeps integers within both bounds', () => {
    const prng = new Prng(1);
    const values = new Set(Array.from({ length: 500 }, () => prng.int(1, 3)));
    expect([...values].sort()).toEqual([1, 2, 3]);
  });

  it('never picks a value of zero weight', () => {
    const prng = new Prng(2);
    for (let i = 0; i < 200; i += 1) {
      expect(prng.weighted([['a', 1], ['b', 0], ['c', 3]])).not.toBe('b');
    }
  });

  it('rejects misuse with the bad value in the message', () => {
    expect(() => new Prng(1.5)).toThrow('1.5');
    expect(() => new Prng(1).int(3, 1)).toThrow('[3, 1]');
    expect(() => new Prng(1).pick([])).toThrow('empty');
  });
});
