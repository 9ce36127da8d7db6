/// <reference lib="dom" />
/**
 * The statistics for analysts (`Query.statistics`, §9): for one year
 * and scope, the trend per month, the breakdown by arrondissement and
 * the alerts by class, drawn as SVG charts (charts.ts). A withheld count
 * is marked as such, never drawn as zero.
 *
 * One request asks for all of it: a report per month by alias, and the
 * year broken down by arrondissement.
 */
import { ApiFailure, describeErrors, request, type ApiError } from './api';
import { barChart, type ChartValue } from './charts';
import { h, replaceChildren } from './dom';

const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10',
  '11', '12'] as const;
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug',
  'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** The whole page's query: 12 monthly reports and the year's. */
export function statisticsQuery(): string {
  const months = MONTHS.map((m) => `
    m${m}: statistics(period: $m${m}, arrondissementCode: $arrondissement,
      zoneCode: $zone) { ...ConsoleTrend }`).join('');
  const periods = MONTHS.map((m) => `$m${m}: StatisticsPeriodInput!`)
    .join(', ');
  return /* GraphQL */ `
    query ConsoleStatistics($year: StatisticsPeriodInput!, ${periods},
      $arrondissement: ID, $zone: ID) {
      ${months}
      year: statistics(period: $year, by: [ARRONDISSEMENT],
        arrondissementCode: $arrondissement, zoneCode: $zone) {
        threshold
        period { label }
        protection {
          total { alerts {
            real { ...ConsoleCount } falseAlerts { ...ConsoleCount }
            tests { ...ConsoleCount } unclassified { ...ConsoleCount }
          } }
          cells {
            arrondissement { code name }
            figures {
              requests { ...ConsoleCount } grants { ...ConsoleCount }
              activeAtEnd { ...ConsoleCount }
            }
          }
        }
      }
    }
    fragment ConsoleCount on Count { value suppressed }
    fragment ConsoleTrend on StatisticsReport {
      protection { total {
        requests { ...ConsoleCount } grants { ...ConsoleCount }
        alerts { total { ...ConsoleCount } }
      } }
    }
  `;
}

interface TrendView {
  readonly protection: { readonly total: {
    readonly requests: ChartValue;
    readonly grants: ChartValue;
    readonly alerts: { readonly total: ChartValue };
  } };
}

interface YearView {
  readonly threshold: number;
  readonly period: { readonly label: string };
  readonly protection: {
    readonly total: { readonly alerts: {
      readonly real: ChartValue;
      readonly falseAlerts: ChartValue;
      readonly tests: ChartValue;
      readonly unclassified: ChartValue;
    } };
    readonly cells: readonly {
      readonly arrondissement: { readonly code: string;
        readonly name: string } | null;
      readonly figures: {
        readonly requests: ChartValue;
        readonly grants: ChartValue;
        readonly activeAtEnd: ChartValue;
      };
    }[];
  };
}

type StatisticsData = Record<string, TrendView | YearView | null>;

/** What the form asks for. */
interface Selection {
  readonly year: string;
  readonly arrondissement: string;
  readonly zone: string;
}

const MISSING: ChartValue = { value: null, suppressed: false };

function variablesOf(selection: Selection): Record<string, unknown> {
  const variables: Record<string, unknown> = {
    year: { unit: 'YEAR', label: selection.year },
    arrondissement: selection.arrondissement || null,
    zone: selection.zone || null,
  };
  for (const m of MONTHS) {
    variables[`m${m}`] = { unit: 'MONTH', label: `${selection.year}-${m}` };
  }
  return variables;
}

function trendChart(data: StatisticsData, year: string): HTMLElement {
  const months = MONTHS.map((m) => data[`m${m}`] as TrendView | null);
  const series = (pick: (t: TrendView) => ChartValue) =>
    months.map((t) => (t ? pick(t) : MISSING));
  return barChart({
    id: 'trend',
    title: `Trend per month, ${year}`,
    description: 'Requests, grants and alerts raised in each month.',
    categories: MONTH_NAMES,
    series: [
      { name: 'Requests', values: series((t) => t.protection.total.requests) },
      { name: 'Grants', values: series((t) => t.protection.total.grants) },
      { name: 'Alerts',
        values: series((t) => t.protection.total.alerts.total) },
    ],
  });
}

function arrondissementChart(year: YearView): HTMLElement {
  const cells = [...year.protection.cells].sort((a, b) =>
    String(a.arrondissement?.code).localeCompare(
      String(b.arrondissement?.code)));
  return barChart({
    id: 'arrondissements',
    title: `By arrondissement, ${year.period.label}`,
    description: 'Requests and grants in the year, and the measures '
      + 'running on its last day, by the arrondissement managing them.',
    categories: cells.map((c) => c.arrondissement?.code ?? 'unknown'),
    series: [
      { name: 'Requests', values: cells.map((c) => c.figures.requests) },
      { name: 'Grants', values: cells.map((c) => c.figures.grants) },
      { name: 'Running at end',
        values: cells.map((c) => c.figures.activeAtEnd) },
    ],
  });
}

function classChart(year: YearView): HTMLElement {
  const { alerts } = year.protection.total;
  return barChart({
    id: 'alert-classes',
    title: `Alerts by class, ${year.period.label}`,
    description: 'Alerts raised in the year, by their classification '
      + '(§7.11.2).',
    categories: ['Real', 'False', 'Test', 'Not classified'],
    series: [{ name: 'Alerts', values: [alerts.real, alerts.falseAlerts,
      alerts.tests, alerts.unclassified] }],
  });
}

function render(
  output: HTMLElement,
  selection: Selection,
  data: StatisticsData,
  errors: readonly ApiError[],
): void {
  const year = data.year as YearView | null;
  replaceChildren(output,
    errors.length > 0 && h('p', { class: 'error', role: 'alert' },
      `Some figures are unavailable: ${describeErrors(errors)}`),
    h('p', { class: 'sub' }, `A count standing for fewer than `
      + `${year?.threshold ?? 5} people is suppressed (S), and so is one `
      + 'that would give such a count back by difference.'),
    trendChart(data, selection.year),
    year && arrondissementChart(year),
    year && classChart(year));
}

async function load(output: HTMLElement, token: string, selection: Selection):
  Promise<void> {
  replaceChildren(output, h('p', { role: 'status' }, 'Loading…'));
  try {
    const { data, errors } = await request<StatisticsData>(
      token, statisticsQuery(), variablesOf(selection));
    render(output, selection, data, errors ?? []);
  } catch (error) {
    const message = error instanceof ApiFailure
      ? error.message : 'The statistics could not be loaded.';
    replaceChildren(output, h('p', { class: 'error', role: 'alert' },
      message));
  }
}

function field(id: string, label: string, input: HTMLInputElement):
  HTMLElement {
  input.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), input);
}

/** Renders the form and the charts of the current year into `root`. */
export function showStatistics(root: HTMLElement, token: string): void {
  const year = h('input', { type: 'number', min: 2023, max: 2100,
    required: true, value: new Date().getFullYear() });
  const arrondissement = h('input', { autocomplete: 'off',
    placeholder: 'all, e.g. ANT' });
  const zone = h('input', { autocomplete: 'off',
    placeholder: 'all, e.g. 5345' });
  const output = h('div', { class: 'charts', 'aria-live': 'polite' });
  const form = h('form', { class: 'selection' },
    field('stats-year', 'Year', year),
    field('stats-arrondissement', 'Arrondissement code', arrondissement),
    field('stats-zone', 'Zone code', zone),
    h('button', { type: 'submit' }, 'Show'));
  const selection = (): Selection => ({
    year: year.value.trim(),
    arrondissement: arrondissement.value.trim().toUpperCase(),
    zone: zone.value.trim(),
  });
  form.addEventListener('submit', (submitted) => {
    submitted.preventDefault();
    void load(output, token, selection());
  });
  replaceChildren(root, h('h2', {}, 'Statistics'), form, output);
  void load(output, token, selection());
}
