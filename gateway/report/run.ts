/**
 * Asks the graph for a report, one `Query.statistics` per period, and
 * makes its table; the same for the CLI (over HTTP) and the gateway's
 * route (in process). The transport is the caller's `execute`.
 *
 * A report is whole or refused: an answer with any error (a territory
 * the caller may not read, a subgraph that failed) gives no file, since
 * a file with a part missing would read as zeros.
 */
import type { GraphQLFormattedError } from 'graphql';
import {
  answersScope,
  scopeLabelOf,
  STATISTICS_QUERY,
  variablesOf,
  type PeriodInput,
  type ReportRequest,
} from './request';
import { reportTableOf, type ReportTable, type StatisticsAnswer } from './rows';

/** What `execute` answers: a GraphQL response body. */
export interface ExecutionAnswer {
  readonly data?: { readonly statistics?: unknown } | null;
  readonly errors?: readonly GraphQLFormattedError[];
}

/** Runs STATISTICS_QUERY with these variables, under the caller's name. */
export type Execute = (
  query: string,
  variables: Record<string, unknown>,
) => Promise<ExecutionAnswer>;

export type ReportOutcome =
  | { readonly kind: 'table'; readonly table: ReportTable }
  | {
      readonly kind: 'refused';
      readonly errors: readonly GraphQLFormattedError[];
    };

export interface RunReportOptions {
  readonly request: ReportRequest;
  readonly execute: Execute;
  /** Told after each period's answer: done of total; default nothing. */
  readonly progress?: (done: number, total: number) => void;
}

export const SCOPE_NOT_ANSWERED = 'SCOPE_NOT_ANSWERED';

/** The periods asked in turn; the first refusal ends the run. */
export async function runReport(
  options: RunReportOptions,
): Promise<ReportOutcome> {
  const { request, execute } = options;
  const answers: StatisticsAnswer[] = [];
  for (const period of request.periods) {
    const outcome = await askPeriod(request, period, execute);
    if ('kind' in outcome) return outcome;
    answers.push(outcome);
    options.progress?.(answers.length, request.periods.length);
  }
  return { kind: 'table', table: reportTableOf(answers) };
}

async function askPeriod(
  request: ReportRequest,
  period: PeriodInput,
  execute: Execute,
): Promise<StatisticsAnswer | ReportOutcome> {
  const answer = await execute(STATISTICS_QUERY, variablesOf(request, period));
  const statistics = answer.data?.statistics as StatisticsAnswer | undefined;
  if (answer.errors?.length || !statistics) {
    return { kind: 'refused', errors: answer.errors ?? [noAnswer()] };
  }
  const table = reportTableOf([statistics]);
  if (!answersScope(request.scope, table.scope)) {
    return { kind: 'refused', errors: [scopeNotAnswered(request, table)] };
  }
  return statistics;
}

function noAnswer(): GraphQLFormattedError {
  return {
    message: 'The gateway gave no statistics',
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

function scopeNotAnswered(
  request: ReportRequest,
  table: ReportTable,
): GraphQLFormattedError {
  const asked = scopeLabelOf(request.scope);
  return {
    message: `The scope ${asked} is wider than the caller's territory, ` +
      `which is ${table.scope}`,
    extensions: { code: 'FORBIDDEN', reason: SCOPE_NOT_ANSWERED },
  };
}

/** The HTTP status of a refusal, by the first error's code. */
const STATUS_OF_CODE: Readonly<Record<string, number>> = {
  BAD_REQUEST: 400,
  BAD_USER_INPUT: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  OPERATION_TOO_COSTLY: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
};

/** 502 for any other code: a subgraph's failure, as the gateway saw it. */
export function statusOf(errors: readonly GraphQLFormattedError[]): number {
  const code = errors[0]?.extensions?.code;
  return (typeof code === 'string' && STATUS_OF_CODE[code]) || 502;
}
