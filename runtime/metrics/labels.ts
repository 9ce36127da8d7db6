/**
 * Label values a client chooses, bounded. An operation name comes from
 * the client: left as it is, a client could make one time series per
 * request, or write anything it likes into the scrape. A name becomes a
 * label value only if it looks like a GraphQL name of a sane length and
 * fewer than `max` names were taken before it; every other one counts
 * under OTHER_LABEL, and an operation without a name under
 * ANONYMOUS_LABEL. Neither can be a GraphQL name, so neither collides
 * with one.
 */

/** A GraphQL Name of at most 64 characters. */
export const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Distinct operation names kept per server; default 100. */
export const DEFAULT_MAX_OPERATION_NAMES = 100;

/** The value of every name not kept. */
export const OTHER_LABEL = '(other)';
/** The value of an operation without a name. */
export const ANONYMOUS_LABEL = '(anonymous)';

/** How many values a label keeps, and which. */
export interface BoundedLabelOptions {
  /** Distinct values kept, at most; default 100. */
  readonly max?: number;
  /** What a value must match to be kept; default OPERATION_NAME. */
  readonly pattern?: RegExp;
}

/** The values of one label, at most `max`, first come first kept. */
export class BoundedLabel {
  readonly #kept = new Set<string>();
  readonly #max: number;
  readonly #pattern: RegExp;

  constructor(options: BoundedLabelOptions = {}) {
    const max = options.max ?? DEFAULT_MAX_OPERATION_NAMES;
    if (!Number.isInteger(max) || max < 0) {
      throw new TypeError(`max must be a whole number, not ${max}`);
    }
    this.#max = max;
    this.#pattern = options.pattern ?? OPERATION_NAME;
  }

  /** The label value for `value`: itself, OTHER_LABEL or ANONYMOUS. */
  of(value: string | null | undefined): string {
    if (value === undefined || value === null || value === '') {
      return ANONYMOUS_LABEL;
    }
    if (this.#kept.has(value)) return value;
    if (this.#kept.size >= this.#max || !this.#pattern.test(value)) {
      return OTHER_LABEL;
    }
    this.#kept.add(value);
    return value;
  }

  /** How many distinct values are kept. */
  get size(): number {
    return this.#kept.size;
  }
}

/**
 * Children of a labelled metric by two label values, made once each:
 * prom-client's `labels()` hashes its values at every call, which a
 * per-request path can do without.
 */
export class ChildCache<T> {
  readonly #children = new Map<string, Map<string, T>>();

  constructor(private readonly make: (first: string, second: string) => T) {}

  get(first: string, second: string): T {
    let inner = this.#children.get(first);
    if (inner === undefined) {
      inner = new Map();
      this.#children.set(first, inner);
    }
    let child = inner.get(second);
    if (child === undefined) {
      child = this.make(first, second);
      inner.set(second, child);
    }
    return child;
  }
}
