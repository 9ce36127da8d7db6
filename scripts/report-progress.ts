/**
 * The progress of `npm run report` on stderr: one step per period
 * answered, so the bar moves only when a report has really come back.
 * Shown on a terminal only; a pipe or a file gets no escape codes.
 */

export interface ProgressOptions {
  /** Where the bar goes, e.g. process.stderr. */
  readonly write: (text: string) => void;
  /** Whether that is a terminal; nothing is written otherwise. */
  readonly isTTY: boolean;
  /** Cells of the bar; default 30. */
  readonly width?: number;
}

export interface Progress {
  /** Before the first answer: says how many periods are asked. */
  start(total: number): void;
  /** After each answer. */
  step(done: number, total: number): void;
  /** Clears the line, before the outcome is told. */
  end(): void;
}

const DEFAULT_WIDTH = 30;

/** `[##########--------------------]  4/12 periods`. */
export function progressLine(
  done: number,
  total: number,
  width = DEFAULT_WIDTH,
): string {
  if (!Number.isInteger(total) || total < 1 || done < 0 || done > total) {
    throw new RangeError(`No progress of ${done} out of ${total}`);
  }
  const filled = Math.round((done / total) * width);
  const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
  const count = String(done).padStart(String(total).length);
  const unit = total === 1 ? 'period' : 'periods';
  return `[${bar}] ${count}/${total} ${unit}`;
}

/** A bar on a terminal; nothing elsewhere. */
export function terminalProgress(options: ProgressOptions): Progress {
  const width = options.width ?? DEFAULT_WIDTH;
  if (!options.isTTY) return { start() {}, step() {}, end() {} };
  const draw = (line: string) => options.write(`\r\x1b[2K${line}`);
  let shown = false;
  return {
    start(total) {
      shown = true;
      draw(progressLine(0, total, width));
    },
    step(done, total) {
      shown = true;
      draw(progressLine(done, total, width));
    },
    end() {
      if (shown) options.write('\r\x1b[2K');
      shown = false;
    },
  };
}
