/**
 * The aims of issue 8 held against the scale bench's figures. Pure: the
 * figures in, the aims out, so a test can give figures and check the
 * verdicts.
 *
 * Lists: a request costs the same SQL statements and subgraph fetches
 * whatever the list's length (the entities of a list are loaded in
 * batches), and its time grows no faster than the work: the time a
 * measure costs (p50 latency over the length) does not grow from one
 * length to the next longer one, give or take GROWTH_TOLERANCE for
 * noise. A fixed cost per request spread over more measures makes it
 * fall; a cost per measure per measure (a list read once per row) would
 * make it grow, and that is what the rule catches.
 *
 * Alerts: at ALERT_LATENCY_SUBSCRIBERS subscribers, p99 from commit to
 * receipt under ALERT_P99_MS; nothing lost at any count. How p50 grows
 * from the fewest subscribers to the most is stated, held to no bound.
 */
import type { BenchAim } from '../report';
import type { LengthResult } from './figures';

/** Noise allowed on the time per measure: 10%. */
export const GROWTH_TOLERANCE = 1.1;
export const ALERT_P99_MS = 50;
export const ALERT_LATENCY_SUBSCRIBERS = 1000;

/** What the aims read of one alert run. */
export interface AlertFigures {
  readonly subscribers: number;
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
  readonly lost: number;
  readonly duplicates: number;
}

/** The lists' aims: equal work at every length, time no faster. */
export function listAims(lengths: readonly LengthResult[]): BenchAim[] {
  if (lengths.length === 0) return [];
  return [
    equalAim('SQL statements a request, equal at every length',
      lengths, (length) => length.statementsTotal,
      (length) => length.statements, (length) => length.statementsSteady),
    equalAim('subgraph fetches a request, equal at every length',
      lengths, (length) => length.fetchesTotal,
      (length) => length.fetches, (length) => length.fetchesSteady),
    answersAim(lengths),
    ...growthAims(lengths),
  ];
}

/**
 * Private: one figure the same at every length and for every request
 * of a length, subgraph by subgraph and not only in total.
 */
function equalAim(
  aim: string,
  lengths: readonly LengthResult[],
  total: (length: LengthResult) => number,
  bySubgraph: (length: LengthResult) => unknown,
  steady: (length: LengthResult) => boolean,
): BenchAim {
  const totals = lengths.map(total);
  const shapes = new Set(lengths.map((l) => JSON.stringify(bySubgraph(l))));
  const unsteady = lengths.filter((length) => !steady(length))
    .map(({ length }) => length);
  const met = shapes.size === 1 && unsteady.length === 0;
  const at = lengths.map(({ length }) => length).join(', ');
  const measured = new Set(totals).size === 1
    ? `${totals[0]} at ${at}`
    : lengths.map((l, i) => `${totals[i]} at ${l.length}`).join(', ');
  const varying = unsteady.length === 0
    ? ''
    : `; varied between requests at ${unsteady.join(', ')}`;
  return {
    aim, target: `the same at ${at}`, measured: measured + varying, met,
  };
}

function answersAim(lengths: readonly LengthResult[]): BenchAim {
  const faults = lengths.reduce((sum, length) => sum + length.faults, 0);
  const first = lengths.find((length) => length.firstFault !== null);
  return {
    aim: 'every answer holds exactly the measures asked, no error',
    target: '0 wrong answers',
    measured: first === undefined
      ? '0 wrong answers'
      : `${faults} wrong, first at ${first.length}: ${first.firstFault}`,
    met: faults === 0,
  };
}

/** Private: per-measure p50 at each length against the one before. */
function growthAims(lengths: readonly LengthResult[]): BenchAim[] {
  const sorted = [...lengths].sort((a, b) => a.length - b.length);
  return sorted.slice(1).map((longer, index) => {
    const shorter = sorted[index];
    const bound = shorter.perMeasureMs * GROWTH_TOLERANCE;
    return {
      aim: `time a measure at ${longer.length} no more than at ${shorter.length}`,
      target: `≤ ${GROWTH_TOLERANCE} × ${ms(shorter.perMeasureMs)} = ${ms(bound)} ms`,
      measured: `${ms(longer.perMeasureMs)} ms (p50 ${ms(longer.latency.p50)} ms / ${longer.length})`,
      met: longer.perMeasureMs <= bound,
    };
  });
}

/** The alerts' aims: p99 at 1,000, none lost, p50's growth stated. */
export function alertAims(runs: readonly AlertFigures[]): BenchAim[] {
  const aims: BenchAim[] = [];
  const reference = runs.find(
    (run) => run.subscribers === ALERT_LATENCY_SUBSCRIBERS);
  if (reference !== undefined) {
    aims.push({
      aim: `alert p99, commit to receipt, at ${ALERT_LATENCY_SUBSCRIBERS} subscribers`,
      target: `< ${ALERT_P99_MS} ms`,
      measured: reference.p99Ms === null ? 'not measured'
        : `${ms(reference.p99Ms)} ms`,
      met: reference.p99Ms !== null && reference.p99Ms < ALERT_P99_MS,
    });
  }
  for (const run of runs) {
    aims.push({
      aim: `alerts lost at ${run.subscribers} subscribers`,
      target: '0',
      measured: `${run.lost} lost, ${run.duplicates} duplicated`,
      met: run.lost === 0 && run.p50Ms !== null,
    });
  }
  const growth = p50Growth(runs);
  if (growth !== null) aims.push(growth);
  return aims;
}

/**
 * Private: p50 at the most subscribers over p50 at the fewest, against
 * the ratio of the subscriber counts (the work of a delivery grows with
 * them): stated, and met while it stays below that ratio.
 */
function p50Growth(runs: readonly AlertFigures[]): BenchAim | null {
  const sorted = [...runs].sort((a, b) => a.subscribers - b.subscribers);
  const fewest = sorted[0];
  const most = sorted[sorted.length - 1];
  if (sorted.length < 2 || fewest.p50Ms === null || most.p50Ms === null ||
    fewest.p50Ms <= 0) return null;
  const ratio = most.p50Ms / fewest.p50Ms;
  const work = most.subscribers / fewest.subscribers;
  return {
    aim: `alert p50 growth, ${fewest.subscribers} → ${most.subscribers} subscribers`,
    target: `< × ${work} (the subscribers' growth)`,
    measured: `× ${ratio.toFixed(2)} (${ms(fewest.p50Ms)} → ${ms(most.p50Ms)} ms)`,
    met: ratio < work,
  };
}

/** Milliseconds as the aims print them: three significant digits. */
function ms(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toPrecision(3);
}
