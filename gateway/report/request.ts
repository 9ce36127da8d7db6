/**
 * What a report asks for, read from the strings a command line or a URL
 * gives (`period=2026-Q3`, `by=arrondissement,gender`, `scope=zone:5345`),
 * and the `Query.statistics` operation that asks it of the graph.
 *
 * Only the forms are checked here; the graph judges the rest (a month
 * 13, a period over 10 years, a territory the caller may not read) and
 * answers BAD_USER_INPUT or FORBIDDEN itself.
 */
import {
  DIMENSIONS,
  FIGURE_COLUMNS,
  SECTION_DIMENSIONS,
  SECTIONS,
  type Dimension,
  type Section,
} from './columns';

/** A period as `Query.statistics` takes it (StatisticsPeriodInput). */
export type PeriodInput =
  | { readonly unit: 'MONTH' | 'QUARTER' | 'YEAR'; readonly label: string }
  | { readonly unit: 'CUSTOM'; readonly from: string; readonly to: string };

/**
 * `own` is the caller's whole territory, the graph's default: the
 * country for an analyst, the parquet's arrondissement for a magistrate.
 */
export type Scope =
  | { readonly kind: 'own' }
  | { readonly kind: 'national' }
  | { readonly kind: 'arrondissement'; readonly code: string }
  | { readonly kind: 'zone'; readonly code: string };

export const FORMATS = ['csv', 'json'] as const;
export type ReportFormat = (typeof FORMATS)[number];

/** How a period is cut into several: one report per month or quarter. */
export const EACH = ['month', 'quarter'] as const;
export type Each = (typeof EACH)[number];

export interface ReportRequest {
  /** One or more periods, each asked on its own, in order. */
  readonly periods: readonly PeriodInput[];
  readonly dimensions: readonly Dimension[];
  readonly scope: Scope;
}

/**
 * A parameter whose value cannot be a report's: the client's error. The
 * HTTP route answers it as BAD_USER_INPUT with the `argument`; the CLI
 * prints it with the flag.
 */
export class ReportParameterError extends Error {
  override readonly name = 'ReportParameterError';

  constructor(
    readonly parameter: string,
    readonly value: string,
    expected: string,
  ) {
    super(`${parameter} must be ${expected}, got ${JSON.stringify(value)}`);
  }
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const QUARTER = /^\d{4}-Q[1-4]$/;
const YEAR = /^\d{4}$/;
const DAYS = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;
const CODE = /^[A-Za-z0-9]{1,16}$/;

export const PERIOD_FORMS =
  '2026-07, 2026-Q3, 2026 or 2026-01-01..2026-03-31';

export function parsePeriod(text: string, parameter = 'period'): PeriodInput {
  if (MONTH.test(text)) return { unit: 'MONTH', label: text };
  if (QUARTER.test(text)) return { unit: 'QUARTER', label: text };
  if (YEAR.test(text)) return { unit: 'YEAR', label: text };
  const days = DAYS.exec(text);
  if (days) return { unit: 'CUSTOM', from: days[1], to: days[2] };
  throw new ReportParameterError(parameter, text, PERIOD_FORMS);
}

const BY_NAMES = DIMENSIONS.map((dimension) => dimension.name).join(', ');

/** `arrondissement,gender`: each a dimension's name, none twice. */
export function parseDimensions(
  text: string,
  parameter = 'by',
): readonly Dimension[] {
  if (text.trim() === '') return [];
  const names = text.split(',').map((name) => name.trim());
  const dimensions = names.map((name) => {
    const found = DIMENSIONS.find((dimension) => dimension.name === name);
    if (!found) {
      throw new ReportParameterError(parameter, name, `one of ${BY_NAMES}`);
    }
    return found;
  });
  const twice = names.find((name, index) => names.indexOf(name) !== index);
  if (twice !== undefined) {
    throw new ReportParameterError(parameter, text, 'dimensions none twice');
  }
  return dimensions;
}

const SCOPE_FORMS = 'national, arrondissement:<code> or zone:<code>';

export function parseScope(text: string, parameter = 'scope'): Scope {
  if (text === 'national') return { kind: 'national' };
  const [kind, code, ...rest] = text.split(':');
  const valid = rest.length === 0 && code !== undefined && CODE.test(code);
  if (valid && (kind === 'arrondissement' || kind === 'zone')) {
    return { kind, code };
  }
  throw new ReportParameterError(parameter, text, SCOPE_FORMS);
}

export function parseFormat(text: string, parameter = 'format'): ReportFormat {
  const found = FORMATS.find((format) => format === text);
  if (found) return found;
  throw new ReportParameterError(parameter, text, 'csv or json');
}

/** The label of a period, as the report's `period` column writes it. */
export function labelOf(period: PeriodInput): string {
  return period.unit === 'CUSTOM'
    ? `${period.from}..${period.to}`
    : period.label;
}

/**
 * Whether an answer counts the scope asked. The graph reads no scope as
 * the caller's own; a magistrate who asked for `national` is answered
 * the arrondissement, and the report refuses to pass that off as the
 * country's.
 */
export function answersScope(scope: Scope, answered: string): boolean {
  switch (scope.kind) {
    case 'own':
      return true;
    case 'national':
      return answered === 'national';
    case 'arrondissement':
    case 'zone':
      return answered === `${scope.kind}:${scope.code}`;
    default: {
      const impossible: never = scope;
      throw new Error(`Unknown scope ${JSON.stringify(impossible)}`);
    }
  }
}

/**
 * A year's or a quarter's months, or a year's quarters; a period that
 * is already as short, or custom days, cannot be cut.
 */
export function splitPeriod(
  period: PeriodInput,
  each: Each,
  parameter = 'each',
): readonly PeriodInput[] {
  const year = period.unit === 'CUSTOM' ? '' : period.label.slice(0, 4);
  if (each === 'quarter' && period.unit === 'YEAR') {
    return [1, 2, 3, 4].map((quarter) => ({
      unit: 'QUARTER',
      label: `${year}-Q${quarter}`,
    }));
  }
  if (each === 'month' && period.unit === 'YEAR') return monthsOf(year, 1, 12);
  if (each === 'month' && period.unit === 'QUARTER') {
    const first = (Number(period.label.slice(6)) - 1) * 3 + 1;
    return monthsOf(year, first, first + 2);
  }
  const value = `${each} of ${labelOf(period)}`;
  throw new ReportParameterError(
    parameter, value, 'month of a year or quarter, or quarter of a year');
}

function monthsOf(year: string, first: number, last: number): PeriodInput[] {
  const months: PeriodInput[] = [];
  for (let month = first; month <= last; month += 1) {
    const label = `${year}-${String(month).padStart(2, '0')}`;
    months.push({ unit: 'MONTH', label });
  }
  return months;
}

/** The variables of STATISTICS_QUERY for one period of a request. */
export function variablesOf(
  request: ReportRequest,
  period: PeriodInput,
): Record<string, unknown> {
  const { scope } = request;
  return {
    period,
    by: request.dimensions.map((dimension) => dimension.value),
    arrondissementCode: scope.kind === 'arrondissement' ? scope.code : null,
    zoneCode: scope.kind === 'zone' ? scope.code : null,
  };
}

/** Private: `{ a { b { value suppressed } } }` from the columns' paths. */
interface SelectionTree {
  [field: string]: SelectionTree | string;
}

function figuresSelection(section: string): string {
  const tree: SelectionTree = {};
  for (const column of FIGURE_COLUMNS) {
    if (column.section !== section) continue;
    let node = tree;
    for (const field of column.path.slice(0, -1)) {
      const next = node[field];
      node = typeof next === 'object' ? next : (node[field] = {});
    }
    const leaf = column.kind === 'count'
      ? 'value suppressed'
      : 'value withheld';
    node[column.path[column.path.length - 1]] = leaf;
  }
  return printTree(tree);
}

function printTree(tree: SelectionTree): string {
  const fields = Object.entries(tree).map(([field, sub]) =>
    typeof sub === 'string'
      ? `${field} { ${sub} }`
      : `${field} ${printTree(sub)}`,
  );
  return `{ ${fields.join(' ')} }`;
}

function sectionSelection(section: Section): string {
  const figures = figuresSelection(section);
  const own: readonly string[] = SECTION_DIMENSIONS[section];
  const cell = DIMENSIONS.filter((dimension) => own.includes(dimension.name))
    .map((dimension) =>
      dimension.coded ? `${dimension.field} { code }` : dimension.field)
    .join(' ');
  return `${section} { total ${figures} cells { ${cell} figures ${figures} } }`;
}

/** The one operation every report runs, CLI and HTTP alike. */
export const STATISTICS_QUERY = [
  'query InstituteReport($period: StatisticsPeriodInput!,',
  '  $by: [StatisticsDimension!], $arrondissementCode: ID, $zoneCode: ID) {',
  '  statistics(period: $period, by: $by,',
  '    arrondissementCode: $arrondissementCode, zoneCode: $zoneCode) {',
  '    period { unit label from to }',
  '    scope { arrondissement { code } zone { code } }',
  '    dimensions threshold',
  ...SECTIONS.map((section) => `    ${sectionSelection(section)}`),
  '  }',
  '}',
].join('\n');

/** The report's parameters as text, from a URL or a command line. */
export interface ReportParameters {
  readonly period?: string;
  readonly by?: string;
  readonly scope?: string;
  readonly each?: string;
}

/**
 * A request from its parameters; `prefix` is how the errors name them:
 * `--` for the CLI's flags, nothing for the URL's parameters. A missing
 * scope is the caller's whole territory (the graph's default).
 */
export function reportRequestOf(
  parameters: ReportParameters,
  prefix = '',
): ReportRequest {
  const name = (parameter: string) => `${prefix}${parameter}`;
  if (parameters.period === undefined || parameters.period === '') {
    throw new ReportParameterError(name('period'), '', PERIOD_FORMS);
  }
  const period = parsePeriod(parameters.period, name('period'));
  const periods = parameters.each === undefined
    ? [period]
    : splitPeriod(period, parseEach(parameters.each, name('each')),
      name('each'));
  return {
    periods,
    dimensions: parseDimensions(parameters.by ?? '', name('by')),
    scope: parameters.scope === undefined
      ? { kind: 'own' }
      : parseScope(parameters.scope, name('scope')),
  };
}

function parseEach(text: string, parameter: string): Each {
  const found = EACH.find((each) => each === text);
  if (found) return found;
  throw new ReportParameterError(parameter, text, 'month or quarter');
}

/** The scope as asked, as the report's `scope` column writes one. */
export function scopeLabelOf(scope: Scope): string {
  switch (scope.kind) {
    case 'own':
      return "the caller's territory";
    case 'national':
      return 'national';
    default:
      return `${scope.kind}:${scope.code}`;
  }
}
