/**
 * The scale bench's figures of one list length, from the work of its
 * timed requests (lists.ts measures them); pure, for the tests.
 */
import { summarize, type LatencySummary } from '../alerts/stats';
import { totalOf, type PerSubgraph } from './counters';

/** What one timed request cost. */
export interface RequestWork {
  readonly ms: number;
  readonly bytes: number;
  readonly statements: PerSubgraph;
  readonly fetches: PerSubgraph;
}

/** The figures of one list length. */
export interface LengthResult {
  readonly length: number;
  readonly requests: number;
  readonly latency: LatencySummary;
  /** p50 latency over the length, in ms a measure. */
  readonly perMeasureMs: number;
  /** Statements of the first timed request, by subgraph. */
  readonly statements: PerSubgraph;
  readonly statementsTotal: number;
  /** Every timed request cost the same statements, subgraph by subgraph. */
  readonly statementsSteady: boolean;
  readonly fetches: PerSubgraph;
  readonly fetchesTotal: number;
  readonly fetchesSteady: boolean;
  /** Response body size of the first timed request. */
  readonly bytes: number;
  /** Answers, warm-up included, with errors or another length. */
  readonly faults: number;
  /** The first such fault, said plainly; null when none. */
  readonly firstFault: string | null;
}

/** Why an answer is not a list of `length` measures, or null. */
export function faultOf(
  status: number,
  text: string,
  length: number,
): string | null {
  let body: { data?: { protectionMeasures?: unknown }; errors?: unknown[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return `HTTP ${status}, not JSON`;
  }
  if (body.errors?.length) {
    const [first] = body.errors as Array<{ extensions?: { code?: unknown } }>;
    return `${body.errors.length} errors, the first ${String(first?.extensions?.code ?? 'without a code')}`;
  }
  const list = body.data?.protectionMeasures;
  if (!Array.isArray(list)) return `HTTP ${status}, no list`;
  if (list.length !== length) return `${list.length} measures, not ${length}`;
  return null;
}

/** The figures of one length from its timed requests' work. */
export function lengthResultOf(
  length: number,
  timed: readonly RequestWork[],
  faults: readonly string[] = [],
): LengthResult {
  const latency = summarize(timed.map(({ ms }) => ms));
  if (latency === null) throw new RangeError('A length needs a timed request');
  const [first] = timed;
  const same = (pick: (work: RequestWork) => PerSubgraph) =>
    timed.every((work) =>
      JSON.stringify(pick(work)) === JSON.stringify(pick(first)));
  return {
    length,
    requests: timed.length,
    latency,
    perMeasureMs: latency.p50 / length,
    statements: first.statements,
    statementsTotal: totalOf(first.statements),
    statementsSteady: same((work) => work.statements),
    fetches: first.fetches,
    fetchesTotal: totalOf(first.fetches),
    fetchesSteady: same((work) => work.fetches),
    bytes: first.bytes,
    faults: faults.length,
    firstFault: faults[0] ?? null,
  };
}

