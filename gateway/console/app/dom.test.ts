import { formatElapsed } from './dom';

describe('formatElapsed', () => {
  it.each([
    [0, '0:00'], [9.9, '0:09'], [94, '1:34'], [3599, '59:59'],
    [3723, '1:02:03'], [-5, '0:00'],
  ])('shows %d s as %s', (seconds, text) => {
    expect(formatElapsed(seconds)).toBe(text);
  });
});
