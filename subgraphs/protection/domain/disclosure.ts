/**
 * Disclosure control for the statistics (§9, issue 7): no published
 * figure may single out fewer than `threshold` people, directly or by
 * difference.
 *
 * A table is given by its finest cells: a key (one value per dimension)
 * and the people behind the cell (opaque ids, never published). Every
 * margin of the table, summed over any set of its dimensions, is taken
 * as known to the caller: another query with fewer dimensions answers it.
 * So the table is protected as a whole lattice of margins:
 *
 * 1. Primary: an entry counting 1 to threshold - 1 people is suppressed.
 *    Zero is shown: an empty cell singles out nobody.
 * 2. Complementary, on every margin group (the entries that sum to one
 *    margin along one dimension), until nothing changes:
 *    - the margin shown and exactly one member suppressed: the member
 *      could be recovered by difference, so the shown member with the
 *      smallest non-zero value is suppressed too;
 *    - the margin suppressed and every member shown: the margin could be
 *      recovered by addition, so the smallest non-zero member goes.
 *
 * Suppressions only ever grow, so the fixpoint is reached. Ties are
 * broken by key, so the answer is the same on every run.
 *
 * A dimension may be nested in another (a zone in its arrondissement, an
 * end reason in early or not): a margin that names the inner value names
 * the outer one too, so the zones of an arrondissement sum to it, and
 * the arrondissements to the country.
 */

/** The default: a cell counting fewer than 5 people is suppressed. */
export const DISCLOSURE_THRESHOLD = 5;

/** The key of a margin: `null` where the dimension is summed over. */
export type MarginKey = readonly (string | null)[];

export interface TableCell {
  /** One value per dimension, in the table's order. */
  readonly key: readonly string[];
  /** What the cell counts: people, measures or events. */
  readonly value: number;
  /** Who is behind the cell, for the people count; never published. */
  readonly people: readonly string[];
}

/** [inner, outer]: dimension indexes; the inner value fixes the outer. */
export type Nesting = readonly [inner: number, outer: number];

export interface DisclosureOptions {
  /** Fewest people an entry may show; default DISCLOSURE_THRESHOLD. */
  readonly threshold?: number;
  /** Nested dimensions; default none. */
  readonly nested?: readonly Nesting[];
  /**
   * Dimensions no answer ever sums over (the parts of a figure whose
   * total is published nowhere): their margins are not known, so they
   * ask for no complement. Default none: every margin is known.
   */
  readonly unsummed?: readonly number[];
}

/** A count as published: the value, or suppressed. */
export interface ProtectedCount {
  readonly value: number | null;
  readonly suppressed: boolean;
}

interface Entry {
  readonly key: MarginKey;
  value: number;
  readonly people: Set<string>;
  suppressed: boolean;
}

/** The protected lattice of one table; read entries by margin key. */
export class ProtectedTable {
  constructor(
    private readonly entries: ReadonlyMap<string, Entry>,
    readonly dimensions: number,
    private readonly shape: Shape = { nested: [], unsummed: [] },
  ) {}

  /** An entry as published; a key absent from the data counts 0. */
  count(key: MarginKey): ProtectedCount {
    this.check(key);
    const entry = this.entries.get(keyText(key));
    if (!entry) return { value: 0, suppressed: false };
    return entry.suppressed
      ? { value: null, suppressed: true }
      : { value: entry.value, suppressed: false };
  }

  /**
   * How many people stand behind an entry, counted up to the threshold
   * only; for the withheld figures.
   */
  people(key: MarginKey): number {
    this.check(key);
    return this.entries.get(keyText(key))?.people.size ?? 0;
  }

  /** Private: a key of the table's length, naming an inner's outer. */
  private check(key: MarginKey): void {
    const orphan = this.shape.nested.some(([inner, outer]) =>
      key[inner] !== null && key[outer] === null);
    const summed = this.shape.unsummed.some((at) => key[at] === null);
    if (key.length !== this.dimensions || orphan || summed) {
      throw new TypeError(
        `A margin key needs ${this.dimensions} values, the outer of a nested one and every unsummed one named, got ${JSON.stringify(key)}`,
      );
    }
  }
}

/** Protects a table of `dimensions` dimensions (see the module's rules). */
export function protectTable(
  dimensions: number,
  cells: readonly TableCell[],
  options: DisclosureOptions = {},
): ProtectedTable {
  const threshold = options.threshold ?? DISCLOSURE_THRESHOLD;
  const nested = options.nested ?? [];
  const unsummed = options.unsummed ?? [];
  checkOptions(dimensions, threshold, nested, unsummed);
  const entries = latticeOf(dimensions, cells, { nested, unsummed },
    threshold);
  for (const entry of entries.values()) {
    const size = entry.people.size;
    entry.suppressed = size > 0 && size < threshold;
  }
  const groups = marginGroups(entries, dimensions, nested);
  while (groups.some((group) => complement(group))) {
    // Each pass adds suppressions until no group needs one.
  }
  return new ProtectedTable(entries, dimensions, { nested, unsummed });
}

function checkOptions(
  dimensions: number,
  threshold: number,
  nested: readonly Nesting[],
  unsummed: readonly number[],
): void {
  const outside = unsummed.find((at) =>
    !Number.isInteger(at) || at < 0 || at >= dimensions);
  if (outside !== undefined) {
    throw new TypeError(
      `An unsummed dimension is one of the table's, got ${outside}`,
    );
  }
  const bad = nested.find(([inner, outer]) => inner === outer ||
    ![inner, outer].every((at) => Number.isInteger(at) && at >= 0 &&
      at < dimensions));
  if (bad) {
    throw new TypeError(
      `A nesting names two dimensions of the table, got ${JSON.stringify(bad)}`,
    );
  }
  if (!Number.isInteger(dimensions) || dimensions < 0 || dimensions > 12) {
    throw new TypeError(
      `A table has 0 to 12 dimensions, got ${dimensions}`,
    );
  }
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new TypeError(
      `The disclosure threshold is a positive integer, got ${threshold}`,
    );
  }
}

/**
 * Private: only whether `threshold` people are reached matters, so a
 * margin keeps no more: ten years of national history stay small.
 */
function addPeople(
  into: Set<string>,
  people: readonly string[],
  threshold: number,
): void {
  for (const person of people) {
    if (into.size >= threshold) return;
    into.add(person);
  }
}

interface Shape {
  readonly nested: readonly Nesting[];
  readonly unsummed: readonly number[];
}

/**
 * Private: a mask sums over an outer dimension only with its inner, and
 * never over an unsummed one.
 */
function isKnown(mask: number, { nested, unsummed }: Shape): boolean {
  return unsummed.every((at) => (mask & (1 << at)) === 0) &&
    nested.every(([inner, outer]) =>
      (mask & (1 << outer)) === 0 || (mask & (1 << inner)) !== 0);
}

/** Private: every margin of every cell, summed. */
function latticeOf(
  dimensions: number,
  cells: readonly TableCell[],
  shape: Shape,
  threshold: number,
): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  const masks = [...Array(1 << dimensions).keys()]
    .filter((mask) => isKnown(mask, shape));
  for (const cell of cells) {
    if (cell.key.length !== dimensions) {
      throw new TypeError(
        `A cell needs ${dimensions} key values, got ${JSON.stringify(cell.key)}`,
      );
    }
    for (const mask of masks) {
      const key = cell.key.map((value, at) =>
        (mask & (1 << at)) === 0 ? value : null);
      const text = keyText(key);
      let entry = entries.get(text);
      if (!entry) {
        entry = { key, value: 0, people: new Set(), suppressed: false };
        entries.set(text, entry);
      }
      entry.value += cell.value;
      addPeople(entry.people, cell.people, threshold);
    }
  }
  return entries;
}

interface Group {
  readonly total: Entry;
  /** By key, for a stable choice of complement. */
  readonly members: readonly Entry[];
}

/**
 * Private: for each entry and each concrete dimension, its siblings; an
 * outer dimension is summed over only once its inner one is.
 */
function marginGroups(
  entries: ReadonlyMap<string, Entry>,
  dimensions: number,
  nested: readonly Nesting[],
): Group[] {
  const groups = new Map<string, Entry[]>();
  for (const entry of entries.values()) {
    for (let at = 0; at < dimensions; at += 1) {
      if (entry.key[at] === null) continue;
      if (nested.some(([inner, outer]) =>
        outer === at && entry.key[inner] !== null)) continue;
      const total = entry.key.map((value, i) => (i === at ? null : value));
      const name = `${at}|${keyText(total)}`;
      const members = groups.get(name) ?? [];
      members.push(entry);
      groups.set(name, members);
    }
  }
  return [...groups].flatMap(([name, members]) => {
    const text = name.slice(name.indexOf('|') + 1);
    const total = entries.get(text);
    // A margin over an unsummed dimension is known to nobody.
    if (!total) return [];
    const sorted = [...members].sort((a, b) =>
      keyText(a.key) < keyText(b.key) ? -1 : 1);
    return [{ total, members: sorted }];
  });
}

/** Private: applies the complementary rules to one group; true if any. */
function complement({ total, members }: Group): boolean {
  const hidden = members.filter((member) => member.suppressed).length;
  const needsOne =
    (!total.suppressed && hidden === 1) ||
    (total.suppressed && hidden === 0);
  if (!needsOne) return false;
  const candidate = smallestShown(members);
  if (candidate) {
    candidate.suppressed = true;
    return true;
  }
  if (!total.suppressed) {
    // Every other member is 0: the margin equals the hidden member.
    total.suppressed = true;
    return true;
  }
  return false;
}

function smallestShown(members: readonly Entry[]): Entry | undefined {
  let best: Entry | undefined;
  for (const member of members) {
    if (member.suppressed || member.value === 0) continue;
    if (!best || member.value < best.value) best = member;
  }
  return best;
}

function keyText(key: MarginKey): string {
  return JSON.stringify(key);
}
