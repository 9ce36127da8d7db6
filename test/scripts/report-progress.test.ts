import { progressLine, terminalProgress } from '../../scripts/report-progress';

describe('scripts/report-progress: the bar', () => {
  it('fills one share per period answered', () => {
    expect(progressLine(0, 4, 8)).toBe('[--------] 0/4 periods');
    expect(progressLine(1, 4, 8)).toBe('[##------] 1/4 periods');
    expect(progressLine(4, 4, 8)).toBe('[########] 4/4 periods');
    expect(progressLine(3, 12, 12)).toBe('[###---------]  3/12 periods');
    expect(progressLine(0, 1, 4)).toBe('[----] 0/1 period');
  });

  it('refuses progress past the end, naming it', () => {
    expect(() => progressLine(5, 4)).toThrow('No progress of 5 out of 4');
  });

  it('draws over one line on a terminal, then clears it', () => {
    const written: string[] = [];
    const progress = terminalProgress({
      write: (text) => written.push(text), isTTY: true, width: 4,
    });
    progress.start(2);
    progress.step(1, 2);
    progress.end();
    expect(written).toEqual([
      '\r\x1b[2K[----] 0/2 periods',
      '\r\x1b[2K[##--] 1/2 periods',
      '\r\x1b[2K',
    ]);
  });

  it('writes nothing when stderr is no terminal', () => {
    const written: string[] = [];
    const progress = terminalProgress({
      write: (text) => written.push(text), isTTY: false,
    });
    progress.start(2);
    progress.step(2, 2);
    progress.end();
    expect(written).toEqual([]);
  });
});
