/// <reference lib="dom" />
/**
 * Bar charts drawn in SVG for the statistics page: categories along the
 * bottom, one bar per series in each, a scale on the left.
 *
 * A count withheld by disclosure control is not a zero and is never
 * drawn as one: its place holds a hatched marker labelled "S", with a
 * title saying why, and the table under the chart says "suppressed".
 */
import { h, svg } from './dom';

/** One count as the statistics give it. */
export interface ChartValue {
  /** Null when suppressed or not answered. */
  readonly value: number | null;
  readonly suppressed: boolean;
}

export interface ChartSeries {
  readonly name: string;
  readonly values: readonly ChartValue[];
}

export interface BarChartSpec {
  /** Unique on the page: the ids of the title and description. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
}

const WIDTH = 720;
const HEIGHT = 280;
const MARGIN = { top: 16, right: 12, bottom: 48, left: 44 } as const;
/** Dark enough for 4.5:1 against white, told apart by the legend. */
const COLOURS = ['#1f5fa8', '#a34f00', '#2e7031'] as const;
const MARKER_HEIGHT = 18;

/**
 * The top of the scale: four times a round step (1, 2, 3 or 5 times a
 * power of ten), at or above `max`, so that the quarter lines of a scale
 * of counts fall on whole numbers; at least 4.
 */
export function niceMax(max: number): number {
  if (max <= 4) return 4;
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 3, 5, 10].find((s) => s * power >= raw) ?? 10;
  return step * power * 4;
}

function plotSize() {
  return {
    width: WIDTH - MARGIN.left - MARGIN.right,
    height: HEIGHT - MARGIN.top - MARGIN.bottom,
  };
}

function describe(series: ChartSeries, category: string, v: ChartValue):
  string {
  if (v.suppressed) {
    return `${category}, ${series.name}: suppressed (fewer than 5 people, `
      + 'withheld by disclosure control)';
  }
  if (v.value === null) return `${category}, ${series.name}: not available`;
  return `${category}, ${series.name}: ${v.value}`;
}

function axis(top: number): SVGElement {
  const { width, height } = plotSize();
  const group = svg('g', { class: 'axis' });
  for (const fraction of [0, 0.25, 0.5, 0.75, 1]) {
    const y = MARGIN.top + height - fraction * height;
    group.append(
      svg('line', { x1: MARGIN.left, x2: MARGIN.left + width, y1: y, y2: y,
        class: fraction === 0 ? 'baseline' : 'grid' }),
      svg('text', { x: MARGIN.left - 6, y: y + 4, 'text-anchor': 'end' },
        String(Math.round(top * fraction * 100) / 100)));
  }
  return group;
}

function hatch(id: string): SVGElement {
  return svg('defs', {},
    svg('pattern', { id, width: 6, height: 6,
      patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
    svg('rect', { width: 6, height: 6, fill: '#ffffff' }),
    svg('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#555555',
      'stroke-width': 2 })));
}

/** Private: one bar, or the marker of a withheld or missing count. */
function bar(
  spec: BarChartSpec,
  place: { readonly x: number; readonly width: number; readonly top: number },
  seriesIndex: number,
  categoryIndex: number,
): SVGElement {
  const series = spec.series[seriesIndex];
  const v = series.values[categoryIndex];
  const { height } = plotSize();
  const baseline = MARGIN.top + height;
  const title = svg('title', {},
    describe(series, spec.categories[categoryIndex], v));
  if (v.suppressed || v.value === null) {
    const y = baseline - MARKER_HEIGHT;
    return svg('g', { class: v.suppressed ? 'suppressed' : 'missing',
      'data-suppressed': String(v.suppressed) },
    title,
    svg('rect', { x: place.x, y, width: place.width, height: MARKER_HEIGHT,
      fill: `url(#${spec.id}-hatch)`, stroke: '#555555',
      'stroke-dasharray': '3 2' }),
    svg('text', { x: place.x + place.width / 2, y: y - 4,
      'text-anchor': 'middle', class: 'marker' },
    v.suppressed ? 'S' : '?'));
  }
  const barHeight = (v.value / place.top) * height;
  if (v.value === 0) {
    // A true zero: no bar, but said, so it is not taken for a gap.
    return svg('text', { x: place.x + place.width / 2, y: baseline - 4,
      'text-anchor': 'middle', class: 'zero', 'data-value': 0 }, title, '0');
  }
  return svg('rect', {
    class: 'bar', x: place.x, y: baseline - barHeight, width: place.width,
    height: Math.max(barHeight, 0), fill: COLOURS[seriesIndex % 3],
    'data-value': v.value,
  }, title);
}

function bars(spec: BarChartSpec, top: number): SVGElement {
  const { width, height } = plotSize();
  const groupWidth = width / Math.max(spec.categories.length, 1);
  const barWidth = (groupWidth * 0.8) / Math.max(spec.series.length, 1);
  const group = svg('g', { class: 'bars' });
  spec.categories.forEach((category, c) => {
    const left = MARGIN.left + c * groupWidth + groupWidth * 0.1;
    spec.series.forEach((_, s) => {
      group.append(bar(spec, { x: left + s * barWidth, width: barWidth - 1,
        top }, s, c));
    });
    group.append(svg('text', {
      x: left + groupWidth * 0.4, y: MARGIN.top + height + 16,
      'text-anchor': 'middle', class: 'category',
    }, category));
  });
  return group;
}

function legend(spec: BarChartSpec): SVGElement {
  const y = HEIGHT - 12;
  const group = svg('g', { class: 'legend' });
  let x = MARGIN.left;
  spec.series.forEach((series, s) => {
    group.append(
      svg('rect', { x, y: y - 10, width: 12, height: 12,
        fill: COLOURS[s % 3] }),
      svg('text', { x: x + 16, y }, series.name));
    x += 24 + series.name.length * 7;
  });
  group.append(
    svg('rect', { x, y: y - 10, width: 12, height: 12,
      fill: `url(#${spec.id}-hatch)`, stroke: '#555555' }),
    svg('text', { x: x + 16, y }, 'S: suppressed, not zero'));
  return group;
}

/** Private: the chart's figures as a table, for every reader. */
function table(spec: BarChartSpec): HTMLElement {
  const cell = (v: ChartValue) => v.suppressed
    ? h('td', { class: 'suppressed' }, 'suppressed')
    : h('td', {}, v.value === null ? 'n/a' : String(v.value));
  return h('details', { class: 'figures' },
    h('summary', {}, `Figures of “${spec.title}”`),
    h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''),
        ...spec.series.map((s) => h('th', { scope: 'col' }, s.name)))),
      h('tbody', {}, ...spec.categories.map((category, c) =>
        h('tr', {}, h('th', { scope: 'row' }, category),
          ...spec.series.map((s) => cell(s.values[c])))))));
}

/** A figure holding the chart, its caption and its table. */
export function barChart(spec: BarChartSpec): HTMLElement {
  const shown = spec.series.flatMap((s) => s.values)
    .map((v) => (v.suppressed ? 0 : (v.value ?? 0)));
  const top = niceMax(Math.max(0, ...shown));
  const titleId = `${spec.id}-title`;
  const descId = `${spec.id}-desc`;
  const chart = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', class: 'chart',
    'aria-labelledby': `${titleId} ${descId}`, 'data-chart': spec.id,
  },
  svg('title', { id: titleId }, spec.title),
  svg('desc', { id: descId }, spec.description),
  hatch(`${spec.id}-hatch`), axis(top), bars(spec, top), legend(spec));
  return h('figure', { class: 'chart-figure' },
    h('figcaption', {}, h('h3', {}, spec.title),
      h('p', { class: 'sub' }, spec.description)),
    chart, table(spec));
}
