/**
 * Counters and histograms for the per-request path. prom-client's own
 * children rebuild and hash their label set at every `inc` or
 * `observe`; a cell here is a plain object of numbers, bumped without
 * allocating, and its labels are built once, when it is made. The
 * metric is still a prom-client one, registered on the server's
 * registry: only what it answers at a scrape is its own.
 */
import {
  Counter,
  Histogram,
  type Registry,
} from 'prom-client';

/** Label values by name, built once per cell. */
type Labels = Readonly<Record<string, string>>;

/** A cell metric's name, help, label names and registry. */
export interface CellConfiguration {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly string[];
  readonly registry: Registry;
}

/** One series of a counter. */
export class CounterCell {
  value = 0;

  constructor(readonly labels: Labels) {}

  inc(): void {
    this.value += 1;
  }
}

/** One series of a histogram: a count per bucket, the sum, the count. */
export class HistogramCell {
  readonly buckets: number[];
  sum = 0;
  count = 0;

  constructor(
    readonly labels: Labels,
    private readonly bounds: readonly number[],
  ) {
    this.buckets = bounds.map(() => 0);
  }

  observe(value: number): void {
    const { bounds } = this;
    let index = 0;
    while (index < bounds.length && value > bounds[index]!) index += 1;
    if (index < bounds.length) this.buckets[index]! += 1;
    this.sum += value;
    this.count += 1;
  }
}

function labelsOf(names: readonly string[], values: readonly string[]) {
  if (names.length !== values.length) {
    throw new TypeError(
      `Expected ${names.length} label values, got ${values.length}`);
  }
  return Object.fromEntries(names.map((name, i) => [name, values[i]!]));
}

/**
 * A counter whose series are CounterCells, copied into prom-client's own
 * at each scrape (its public `collect` hook).
 */
export class CellCounter extends Counter<string> {
  readonly #names: readonly string[];
  readonly #cells: CounterCell[];

  constructor(config: CellConfiguration) {
    const cells: CounterCell[] = [];
    super({
      name: config.name,
      help: config.help,
      labelNames: config.labelNames,
      registers: [config.registry],
      collect() {
        this.reset();
        for (const { labels, value } of cells) this.inc(labels, value);
      },
    });
    this.#names = config.labelNames;
    this.#cells = cells;
  }

  /** A new series; the caller keeps it (ChildCache). */
  cell(...values: readonly string[]): CounterCell {
    const made = new CounterCell(labelsOf(this.#names, values));
    this.#cells.push(made);
    return made;
  }
}

/**
 * A histogram whose series are HistogramCells. prom-client has no public
 * way to hand a histogram its buckets: its text comes from the
 * `getForPromString` method each of its histograms has (and its `get`
 * goes through), answered here from the cells.
 */
export class CellHistogram extends Histogram<string> {
  readonly #config: CellConfiguration;
  readonly #bounds: readonly number[];
  readonly #cells: HistogramCell[] = [];

  constructor(config: CellConfiguration & { readonly buckets: number[] }) {
    super({ name: config.name, help: config.help, buckets: config.buckets,
      labelNames: config.labelNames, registers: [config.registry] });
    this.#config = config;
    this.#bounds = [...config.buckets].sort((a, b) => a - b);
  }

  /** A new series; the caller keeps it (ChildCache). */
  cell(...values: readonly string[]): HistogramCell {
    const labels = labelsOf(this.#config.labelNames, values);
    const made = new HistogramCell(labels, this.#bounds);
    this.#cells.push(made);
    return made;
  }

  async getForPromString() {
    const { name, help } = this.#config;
    return {
      name,
      help,
      type: 'histogram',
      aggregator: 'sum',
      values: this.#cells.flatMap((cell) => this.#samplesOf(cell)),
    };
  }

  /** Private: a cell's cumulative buckets, then its sum and count. */
  #samplesOf(cell: HistogramCell) {
    const { name } = this.#config;
    let below = 0;
    const buckets = this.#bounds.map((bound, index) => {
      below += cell.buckets[index]!;
      return { labels: { le: bound, ...cell.labels }, value: below,
        metricName: `${name}_bucket` };
    });
    return [
      ...buckets,
      { labels: { le: '+Inf', ...cell.labels }, value: cell.count,
        metricName: `${name}_bucket` },
      { labels: cell.labels, value: cell.sum, metricName: `${name}_sum` },
      { labels: cell.labels, value: cell.count,
        metricName: `${name}_count` },
    ];
  }
}
