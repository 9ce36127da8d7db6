/**
 * Turns answers of `Query.statistics` (request.ts's STATISTICS_QUERY)
 * into the report's rows: one per cell, then the total, each with a
 * column per dimension asked and per figure (columns.ts). Pure.
 *
 * Disclosure control's marks are kept, never turned into numbers: a
 * suppressed count is written SUPPRESSED (never 0), a withheld mean,
 * median or rate WITHHELD; a figure with nothing to measure (the median
 * of no alert) is empty.
 *
 * Each section of the report (columns.ts's SECTIONS: `protection`,
 * `devices`, `victimSupport`) has cells of its own; a row is one
 * combination of the dimensions' values, its figures read from every
 * section's cell of that combination. A section not broken down
 * by every dimension asked, or not answered (null), leaves its columns
 * empty in the cells; the first gives its figures in the total row.
 */
import {
  breaksDown,
  columnsOf,
  DIMENSIONS,
  dimensionColumnOf,
  FIGURE_COLUMNS,
  SECTIONS,
  type ColumnDescription,
  type Dimension,
  type FigureColumn,
  type Section,
} from './columns';

export const SUPPRESSED = 'suppressed';
export const WITHHELD = 'withheld';
/** A dimension's value the register does not hold (a gender not recorded). */
export const NOT_RECORDED = 'not_recorded';

export type ReportValue = string | number | null;
export type ReportRow = Readonly<Record<string, ReportValue>>;

interface Code { readonly code: string }

/** The part of a `Query.statistics` answer the report reads. */
export type StatisticsAnswer = {
  readonly period: {
    readonly unit: string;
    readonly label: string;
    readonly from: string;
    readonly to: string;
  };
  readonly scope: {
    readonly arrondissement: Code | null;
    readonly zone: Code | null;
  };
  readonly dimensions: readonly string[];
  readonly threshold: number;
} & {
  /** Each subgraph's figures under its field: `protection`, … */
  readonly [section in Section]: StatisticsSection | null;
}

export interface StatisticsSection {
  readonly total: unknown;
  readonly cells: readonly Cell[];
}

export interface ReportPeriod {
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

/** The rows of one or more answers of the same breakdown and scope. */
export interface ReportTable {
  readonly periods: readonly ReportPeriod[];
  readonly scope: string;
  readonly dimensions: readonly string[];
  readonly threshold: number;
  readonly columns: readonly ColumnDescription[];
  readonly rows: readonly ReportRow[];
}

function periodLabelOf(period: StatisticsAnswer['period']): string {
  return period.unit === 'CUSTOM'
    ? `${period.from}..${period.to}`
    : period.label;
}

function scopeOf(answer: StatisticsAnswer): string {
  const { zone, arrondissement } = answer.scope;
  if (zone) return `zone:${zone.code}`;
  if (arrondissement) return `arrondissement:${arrondissement.code}`;
  return 'national';
}

function dimensionsOf(answer: StatisticsAnswer): readonly Dimension[] {
  return answer.dimensions.map((value) => {
    const found = DIMENSIONS.find((dimension) => dimension.value === value);
    if (!found) throw new Error(`Unknown dimension ${JSON.stringify(value)}`);
    return found;
  });
}

/** Private: the value at `path`, as the file writes it. */
function figureValue(figures: unknown, column: FigureColumn): ReportValue {
  let node: unknown = figures;
  for (const field of column.path) {
    node = (node as Record<string, unknown> | null)?.[field];
  }
  const leaf = node as { value?: unknown; suppressed?: unknown;
    withheld?: unknown } | undefined;
  if (leaf === undefined || leaf === null) {
    throw new Error(`The answer has no ${column.path.join('.')}`);
  }
  if (leaf.suppressed === true) return SUPPRESSED;
  if (leaf.withheld === true) return WITHHELD;
  return typeof leaf.value === 'number' ? leaf.value : null;
}

function dimensionValue(
  cell: Readonly<Record<string, unknown>>,
  dimension: Dimension,
): ReportValue {
  const value = cell[dimension.field];
  if (value === null || value === undefined) return NOT_RECORDED;
  if (dimension.coded) return (value as Code).code;
  return String(value);
}

type Cell = Readonly<Record<string, unknown>>;

/** Private: one cell's place in the breakdown, the same in every section. */
function keyOf(cell: Cell, dimensions: readonly Dimension[]): string {
  return JSON.stringify(dimensions.map((d) => dimensionValue(cell, d)));
}

/**
 * Private: what a section says of one row. `found` its figures; `absent`
 * a combination the section did not find, where every count is 0
 * (which singles out nobody) and no statistic has a value; `none` a
 * section not answered (null) or not broken down by a dimension asked,
 * whose columns stay empty.
 */
type SectionPart =
  | { readonly kind: 'found'; readonly figures: unknown }
  | { readonly kind: 'absent' }
  | { readonly kind: 'none' };

const NONE: SectionPart = { kind: 'none' };
const ABSENT: SectionPart = { kind: 'absent' };

/** Private: each section's cells by their place in the breakdown. */
interface Breakdown {
  /** Every place in the order first found, protection's first. */
  readonly places: readonly { readonly key: string; readonly cell: Cell }[];
  readonly part: (section: Section, key: string) => SectionPart;
}

/**
 * Private: a section's figures by place. Two cells of one place (the
 * devices that several arrondissements keep in no zone, in a report by
 * zone alone) cannot be told apart: that place's columns stay empty and
 * their figures are in the total row.
 */
function sectionCells(
  section: StatisticsSection,
  dimensions: readonly Dimension[],
  places: Map<string, Cell>,
): Map<string, SectionPart> {
  const parts = new Map<string, SectionPart>();
  for (const cell of section.cells) {
    const key = keyOf(cell, dimensions);
    if (!places.has(key)) places.set(key, cell);
    parts.set(key, parts.has(key) ? NONE
      : { kind: 'found', figures: cell.figures });
  }
  return parts;
}

/** Private: a section as answered; null when the graph gives none. */
function sectionOf(
  answer: StatisticsAnswer,
  section: Section,
): StatisticsSection | null {
  const answered = answer[section];
  if (answered === undefined) throw new Error(`The answer has no ${section}`);
  return answered;
}

function breakdownOf(
  answer: StatisticsAnswer,
  dimensions: readonly Dimension[],
): Breakdown {
  const places = new Map<string, Cell>();
  const bySection = new Map<Section, Map<string, SectionPart>>();
  for (const section of SECTIONS) {
    const answered = sectionOf(answer, section);
    if (answered === null || !breaksDown(section, dimensions)) continue;
    bySection.set(section, sectionCells(answered, dimensions, places));
  }
  return {
    places: [...places].map(([key, cell]) => ({ key, cell })),
    part: (section, key) => {
      const cells = bySection.get(section);
      if (cells === undefined) return NONE;
      return cells.get(key) ?? ABSENT;
    },
  };
}

function partValue(part: SectionPart, column: FigureColumn): ReportValue {
  switch (part.kind) {
    case 'found':
      return figureValue(part.figures, column);
    case 'absent':
      return column.kind === 'count' ? 0 : null;
    case 'none':
      return null;
    default: {
      const impossible: never = part;
      throw new Error(`Unknown part ${JSON.stringify(impossible)}`);
    }
  }
}

function rowOf(
  lead: ReportRow,
  dimensions: readonly Dimension[],
  cell: Cell | null,
  part: (section: Section) => SectionPart,
): ReportRow {
  const row: Record<string, ReportValue> = { ...lead };
  for (const dimension of dimensions) {
    row[dimensionColumnOf(dimension)] =
      cell === null ? null : dimensionValue(cell, dimension);
  }
  for (const column of FIGURE_COLUMNS) {
    row[column.name] = partValue(part(column.section), column);
  }
  return row;
}

function totalOf(answer: StatisticsAnswer, section: Section): SectionPart {
  const answered = sectionOf(answer, section);
  return answered === null ? NONE : { kind: 'found', figures: answered.total };
}

/** One answer's rows: its cells in the graph's order, then its total. */
export function rowsOf(answer: StatisticsAnswer): readonly ReportRow[] {
  const dimensions = dimensionsOf(answer);
  const lead = { period: periodLabelOf(answer.period), scope: scopeOf(answer) };
  const breakdown = breakdownOf(answer, dimensions);
  return [
    ...breakdown.places.map(({ key, cell }) =>
      rowOf({ ...lead, row: 'cell' }, dimensions, cell,
        (section) => breakdown.part(section, key))),
    rowOf({ ...lead, row: 'total' }, dimensions, null,
      (section) => totalOf(answer, section)),
  ];
}

/**
 * The table of answers asked with the same breakdown and scope, one per
 * period, in the order given. Throws on misuse: no answer.
 */
export function reportTableOf(
  answers: readonly StatisticsAnswer[],
): ReportTable {
  const first = answers[0];
  if (first === undefined) throw new TypeError('A report needs an answer');
  return {
    periods: answers.map(({ period }) => ({
      label: periodLabelOf(period),
      from: period.from,
      to: period.to,
    })),
    scope: scopeOf(first),
    dimensions: dimensionsOf(first).map(dimensionColumnOf),
    threshold: first.threshold,
    columns: columnsOf(dimensionsOf(first)),
    rows: answers.flatMap(rowsOf),
  };
}
