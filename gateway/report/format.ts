/**
 * Writes a report table (rows.ts) as the Institute's file: CSV or JSON.
 *
 * CSV follows RFC 4180: a header row, CRLF line ends, a field quoted
 * when it holds the separator, a quote or a line end, a quote doubled.
 * The separator is `;`: spreadsheets set to a Belgian locale (nl-BE,
 * fr-BE) use the comma for decimals and `;` as the list separator, so
 * they open such a file in columns. Decimals keep a point, as every
 * statistics tool reads them. UTF-8, without a byte order mark.
 */
import {
  SUPPRESSED,
  WITHHELD,
  type ReportTable,
  type ReportValue,
} from './rows';
import type { ReportFormat } from './request';

export const CSV_SEPARATOR = ';';

export const MEDIA_TYPES: Readonly<Record<ReportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

function csvField(value: ReportValue): string {
  const text = value === null ? '' : String(value);
  if (!/[";\r\n,]/.test(text)) return text;
  return `"${text.replaceAll('"', '""')}"`;
}

function csvLine(values: readonly ReportValue[]): string {
  return `${values.map(csvField).join(CSV_SEPARATOR)}\r\n`;
}

export function formatCsv(table: ReportTable): string {
  const names = table.columns.map((column) => column.name);
  const lines = [csvLine(names)];
  for (const row of table.rows) {
    lines.push(csvLine(names.map((name) => row[name] ?? null)));
  }
  return lines.join('');
}

/** The table with its columns described, and the markers it uses. */
export function formatJson(table: ReportTable): string {
  const document = {
    periods: table.periods,
    scope: table.scope,
    dimensions: table.dimensions,
    threshold: table.threshold,
    markers: { suppressed: SUPPRESSED, withheld: WITHHELD },
    columns: table.columns,
    rows: table.rows,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function formatReport(table: ReportTable, format: ReportFormat): string {
  switch (format) {
    case 'csv':
      return formatCsv(table);
    case 'json':
      return formatJson(table);
    default: {
      const impossible: never = format;
      throw new Error(`Unknown format ${JSON.stringify(impossible)}`);
    }
  }
}

/** `statistics-2026-Q3-national.csv`: only safe characters. */
export function fileNameOf(table: ReportTable, format: ReportFormat): string {
  const periods = table.periods.map((period) => period.label);
  const span = periods.length === 1
    ? periods[0]
    : `${periods[0]}_${periods[periods.length - 1]}`;
  const name = `statistics-${span}-${table.scope}`;
  return `${name.replace(/[^A-Za-z0-9.-]/g, '-')}.${format}`;
}
