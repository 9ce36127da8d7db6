/**
 * BenchReports as a person reads them: in a terminal, within 100
 * columns, or as Markdown for bench/RESULTS.md.
 *
 * A report's cases become columns and their figures rows, so that a
 * figure is read across its cases (the list's lengths, the subscriber
 * counts): cases with the same figures in the same order share a block,
 * and a block wider than the page is cut into several. Then its aims,
 * each met or NOT MET, with the figure measured.
 */
import type {
  BenchAim,
  BenchCase,
  BenchMachine,
  BenchReport,
} from './report';

/** The page's width in the terminal. */
export const PAGE_COLUMNS = 100;
const METRIC_COLUMNS = 30;
const MIN_CELL_COLUMNS = 10;

/** Cases with the same figures, printed as one block. */
interface Block {
  readonly metrics: readonly { metric: string; unit: string }[];
  readonly cases: readonly BenchCase[];
}

/** Consecutive cases with the same metrics, in order, share a block. */
export function blocksOf(cases: readonly BenchCase[]): Block[] {
  const blocks: { metrics: Block['metrics']; cases: BenchCase[] }[] = [];
  const keyOf = (item: BenchCase) =>
    JSON.stringify(item.figures.map(({ metric, unit }) => [metric, unit]));
  let lastKey: string | null = null;
  for (const item of cases) {
    const key = keyOf(item);
    if (key !== lastKey) {
      blocks.push({
        metrics: item.figures.map(({ metric, unit }) => ({ metric, unit })),
        cases: [],
      });
      lastKey = key;
    }
    blocks[blocks.length - 1].cases.push(item);
  }
  return blocks;
}

/** A figure as printed: integers whole, others to three digits or so. */
export function formatValue(value: number | null): string {
  if (value === null) return '-';
  if (Number.isInteger(value)) return String(value);
  const size = Math.abs(value);
  if (size >= 100) return value.toFixed(0);
  if (size >= 10) return value.toFixed(1);
  if (size >= 1) return value.toFixed(2);
  return value.toPrecision(2);
}

function metricLabel({ metric, unit }: { metric: string; unit: string }) {
  return unit === '' ? metric : `${metric}, ${unit}`;
}

/** Private: one block's rows in the terminal, cut to the page's width. */
function blockLines(block: Block): string[] {
  const width = Math.max(MIN_CELL_COLUMNS,
    ...block.cases.map(({ name }) => name.length + 2));
  const perLine = Math.max(1,
    Math.floor((PAGE_COLUMNS - METRIC_COLUMNS - 2) / width));
  const lines: string[] = [];
  for (let start = 0; start < block.cases.length; start += perLine) {
    const cases = block.cases.slice(start, start + perLine);
    if (lines.length > 0) lines.push('');
    lines.push(`  ${''.padEnd(METRIC_COLUMNS)}` +
      cases.map(({ name }) => name.padStart(width)).join(''));
    block.metrics.forEach((metric, index) => {
      const label = fit(metricLabel(metric), METRIC_COLUMNS - 1);
      lines.push(`  ${label.padEnd(METRIC_COLUMNS)}` + cases
        .map((item) => formatValue(item.figures[index]?.value ?? null)
          .padStart(width)).join(''));
    });
  }
  return lines;
}

function fit(text: string, columns: number): string {
  return text.length <= columns ? text : `${text.slice(0, columns - 1)}…`;
}

/**
 * The words of `text` in lines of at most `columns`, the first keeping
 * the text's own leading spaces, the others starting with `indent`.
 */
export function wrap(text: string, columns: number, indent: string): string[] {
  const lead = /^ */.exec(text)?.[0] ?? '';
  const lines: string[] = [];
  let line = lead;
  for (const word of text.slice(lead.length).split(' ')) {
    const fresh = line === lead || line === indent;
    if (!fresh && line.length + 1 + word.length > columns) {
      lines.push(line);
      line = indent + word;
    } else {
      line = fresh ? line + word : `${line} ${word}`;
    }
  }
  if (line.trim() !== '') lines.push(line);
  return lines;
}

/** One aim: its verdict, what it aims at, the bound and the figure. */
export function aimLines(aim: BenchAim): string[] {
  const verdict = aim.met ? 'met    ' : 'NOT MET';
  return wrap(`  ${verdict} ${aim.aim} (${aim.target}): ${aim.measured}`,
    PAGE_COLUMNS, '            ');
}

/** One report in the terminal: a title, its blocks, its aims. */
export function reportLines(report: BenchReport): string[] {
  const seconds = (report.durationMs / 1000).toFixed(1);
  const lines = wrap(`${report.bench} (${seconds} s): ${report.command}`,
    PAGE_COLUMNS, '  ');
  for (const block of blocksOf(report.cases)) {
    lines.push('', ...blockLines(block));
  }
  if (report.aims.length > 0) {
    lines.push('', '  Aims');
    for (const aim of report.aims) lines.push(...aimLines(aim));
  }
  return lines;
}

/** The machine in one line. */
export function machineLine(machine: BenchMachine): string {
  return `${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB ` +
    `(${machine.freeMemoryGiB} free), ${machine.os}, Node ${machine.node}`;
}

/** A bench that gave no report, or failed: which, and why. */
export interface BenchFailure {
  readonly bench: string;
  readonly reason: string;
}

/** What the umbrella prints: one run of several benches. */
export interface BenchSummary {
  readonly command: string;
  readonly startedAt: string;
  readonly machine: BenchMachine;
  readonly reports: readonly BenchReport[];
  readonly failures: readonly BenchFailure[];
}

/** The whole summary in the terminal, ending with a newline. */
export function formatSummary(summary: BenchSummary): string {
  const lines = [
    ...wrap(`Benchmarks: ${summary.command}`, PAGE_COLUMNS, '  '),
    `  started ${summary.startedAt}`,
    ...wrap(`  machine: ${machineLine(summary.machine)}`, PAGE_COLUMNS, '    '),
  ];
  for (const report of summary.reports) {
    lines.push('', ...reportLines(report));
    const failure = failureOf(summary, report.bench);
    if (failure !== null) lines.push(`  FAILED: ${failure.reason}`);
  }
  lines.push('', ...verdictLines(summary));
  return `${lines.join('\n')}\n`;
}

function failureOf(summary: BenchSummary, bench: string) {
  return summary.failures.find((failure) => failure.bench === bench) ?? null;
}

/** Private: the closing lines: failures, then every aim's count. */
function verdictLines(summary: BenchSummary): string[] {
  const aims = summary.reports.flatMap((report) => report.aims);
  const missed = aims.filter((aim) => !aim.met).length;
  const lines = summary.failures.flatMap((failure) =>
    wrap(`FAILED ${failure.bench}: ${failure.reason}`, PAGE_COLUMNS, '  '));
  lines.push(`${aims.length - missed} of ${aims.length} aims met, ` +
    `${summary.reports.length} reports, ${summary.failures.length} failures.`);
  return lines;
}

/** Private: a Markdown table's cell, its pipes escaped. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function markdownRow(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

/** One report as Markdown: a heading, a table a block, the aims'. */
export function reportMarkdown(report: BenchReport): string[] {
  const seconds = (report.durationMs / 1000).toFixed(1);
  const lines = [`### ${report.bench}`, '',
    `\`${report.command}\`, ${seconds} s, started ${report.startedAt}.`];
  for (const block of blocksOf(report.cases)) {
    lines.push('', markdownRow(['', ...block.cases.map(({ name }) => name)]),
      markdownRow(['---', ...block.cases.map(() => '---:')]));
    block.metrics.forEach((metric, index) => {
      lines.push(markdownRow([metricLabel(metric), ...block.cases.map(
        (item) => formatValue(item.figures[index]?.value ?? null))]));
    });
  }
  if (report.aims.length > 0) {
    lines.push('', markdownRow(['aim', 'target', 'measured', 'met']),
      markdownRow(['---', '---', '---', '---']),
      ...report.aims.map((aim) => markdownRow(
        [aim.aim, aim.target, aim.measured, aim.met ? 'met' : '**NOT MET**'])));
  }
  return lines;
}

/** The whole summary as Markdown, ending with a newline. */
export function summaryMarkdown(summary: BenchSummary): string {
  const lines = [
    `Measured with \`${summary.command}\`, started ${summary.startedAt}, on ${machineLine(summary.machine)}.`,
  ];
  for (const report of summary.reports) {
    lines.push('', ...reportMarkdown(report));
    const failure = failureOf(summary, report.bench);
    if (failure !== null) lines.push('', `**FAILED**: ${failure.reason}`);
  }
  if (summary.failures.length > 0) {
    lines.push('', ...summary.failures.map(
      (failure) => `- **FAILED** ${failure.bench}: ${failure.reason}`));
  }
  return `${lines.join('\n')}\n`;
}

export const FIGURES_START = '<!-- bench:figures:start -->';
export const FIGURES_END = '<!-- bench:figures:end -->';

/**
 * `document` with `figures` between the markers, the rest kept as it
 * is; a document without both markers gets them, with the figures, at
 * its end. Markers out of order are a misuse: they are refused.
 */
export function replaceFigures(document: string, figures: string): string {
  const start = document.indexOf(FIGURES_START);
  const end = document.indexOf(FIGURES_END);
  const between = `${FIGURES_START}\n${figures}${FIGURES_END}`;
  if (start < 0 && end < 0) {
    const separator = document === '' || document.endsWith('\n\n') ? ''
      : document.endsWith('\n') ? '\n' : '\n\n';
    return `${document}${separator}${between}\n`;
  }
  if (start < 0 || end < start) {
    throw new Error(
      `The file's figure markers are broken: ${FIGURES_START} must come once, before ${FIGURES_END}`);
  }
  return document.slice(0, start) + between +
    document.slice(end + FIGURES_END.length);
}
