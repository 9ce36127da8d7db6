/**
 * Which items a query wants, written once and used twice: as the OData
 * `$filter` sent to Graph, and as an exact check of what comes back.
 * SharePoint compares text without regard to case, so the items it
 * answers are checked again here, to the character.
 *
 * Only the forms Graph supports on list item fields are produced:
 * `fields/<column> eq '<text>'`, joined with `and`, and one group of
 * `or` over the keys of a batch.
 */

/** Keys per query: see KEYS_PER_QUERY's comment in README.md. */
export const KEYS_PER_QUERY = 20;

export interface Where {
  /** Each of these columns holds exactly this text. */
  readonly equal?: Readonly<Record<string, string>>;
  /** This column holds one of these texts. */
  readonly oneOf?: {
    readonly column: string;
    readonly values: readonly string[];
  };
}

/** The `$filter` text; null when the query wants every item. */
export function toODataFilter(where: Where): string | null {
  const terms = Object.entries(where.equal ?? {})
    .map(([column, value]) => equals(column, value));
  const { oneOf } = where;
  if (oneOf) {
    if (oneOf.values.length === 0) {
      throw new Error('A oneOf condition needs at least one value');
    }
    const group = oneOf.values.map((value) => equals(oneOf.column, value));
    terms.push(group.length === 1 || terms.length === 0
      ? group.join(' or ') : `(${group.join(' or ')})`);
  }
  return terms.length === 0 ? null : terms.join(' and ');
}

/** Whether an item's fields meet `where`, comparing text exactly. */
export function matches(
  where: Where,
  fields: Readonly<Record<string, unknown>>,
): boolean {
  const equal = Object.entries(where.equal ?? {})
    .every(([column, value]) => fields[column] === value);
  const { oneOf } = where;
  return equal && (!oneOf || oneOf.values.some((value) =>
    fields[oneOf.column] === value));
}

/**
 * Splits a condition over many keys into conditions of at most `size`
 * keys each (the URL of one request stays short, see README.md).
 */
export function splitKeys(where: Where, size = KEYS_PER_QUERY): Where[] {
  const { oneOf } = where;
  if (!oneOf || oneOf.values.length <= size) return [where];
  const parts: Where[] = [];
  for (let start = 0; start < oneOf.values.length; start += size) {
    const values = oneOf.values.slice(start, start + size);
    parts.push({ ...where, oneOf: { column: oneOf.column, values } });
  }
  return parts;
}

function equals(column: string, value: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(column)) {
    // Column names are this module's constants, never input.
    throw new Error(`Not a SharePoint column name: ${JSON.stringify(column)}`);
  }
  // OData writes a quote inside a string literal as two quotes.
  return `fields/${column} eq '${value.replace(/'/g, "''")}'`;
}
