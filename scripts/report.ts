/**
 * Writes the Institute's report file (issue 7, §9) from the gateway's
 * statistics, asked over HTTP with the caller's token: an analyst's for
 * any territory, a magistrate's or a police zone's for its own.
 *
 *   npm run report -- --period 2026-Q3 [--by arrondissement,gender]
 *     [--scope arrondissement:ANT|zone:5345] [--each month|quarter]
 *     [--format csv|json] [--out FILE] [--url URL] [--token JWT]
 *
 * The token may come from ALARM_TOKEN, the address from GATEWAY_URL.
 * A progress bar (one step per period) goes to stderr on a terminal.
 * Exit codes: 0 written; 1 a bad command line or a report the gateway
 * refuses (BAD_USER_INPUT, FORBIDDEN, RATE_LIMITED); 2 the token is
 * refused (bad or expired); 3 the gateway cannot be reached or fails.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { GraphQLFormattedError } from 'graphql';
import { formatReport } from '../gateway/report/format';
import {
  parseFormat,
  ReportParameterError,
  reportRequestOf,
  type ReportFormat,
  type ReportRequest,
} from '../gateway/report/request';
import {
  runReport,
  type Execute,
  type ExecutionAnswer,
} from '../gateway/report/run';
import { terminalProgress, type Progress } from './report-progress';

export const DEFAULT_URL = 'http://127.0.0.1:4000/graphql';

/** An answer slower than this counts as the gateway's failure. */
export const TIMEOUT_MS = 120_000;

export const USAGE = [
  'Usage: npm run report -- --period <period> [options]',
  '  --period  2026-07, 2026-Q3, 2026 or 2026-01-01..2026-03-31',
  '  --by      up to 4 of arrondissement, zone, gender, age-band,',
  '            suspect-gender, suspect-age-band, relationship, origin',
  "  --scope   national, arrondissement:<code> or zone:<code>",
  "            (default: the token's whole territory)",
  '  --each    month or quarter: one report per part of the period',
  '  --format  csv (default) or json',
  '  --out     the file to write (default: stdout)',
  `  --url     the gateway (default: $GATEWAY_URL, else ${DEFAULT_URL})`,
  '  --token   an access token (default: $ALARM_TOKEN)',
].join('\n');

export interface ReportCommand {
  readonly request: ReportRequest;
  readonly format: ReportFormat;
  readonly out?: string;
  readonly url: string;
  readonly token: string;
}

/** A command line the tool cannot follow; the message says why. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const FLAGS = {
  period: { type: 'string' },
  by: { type: 'string' },
  scope: { type: 'string' },
  each: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  url: { type: 'string' },
  token: { type: 'string' },
} as const;

function httpUrl(raw: string): string {
  const address = URL.canParse(raw) ? new URL(raw) : null;
  const web = address?.protocol === 'http:' || address?.protocol === 'https:';
  if (!address || !web || address.hostname === '') {
    throw new UsageError(
      `--url must be an http:// or https:// URL, got "${raw}"`);
  }
  return address.toString();
}

/** Reads the command line and environment; throws a UsageError. */
export function parseReportArgs(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): ReportCommand {
  let values;
  try {
    ({ values } = parseArgs({ args: [...args], options: FLAGS, strict: true,
      allowPositionals: false }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const token = values.token || env.ALARM_TOKEN;
  if (!token) throw new UsageError('--token (or ALARM_TOKEN) is required');
  if (values.out === '') throw new UsageError('--out must name a file, got ""');
  try {
    return {
      request: reportRequestOf(values, '--'),
      format: parseFormat(values.format ?? 'csv', '--format'),
      out: values.out,
      url: httpUrl(values.url || env.GATEWAY_URL || DEFAULT_URL),
      token,
    };
  } catch (error) {
    if (!(error instanceof ReportParameterError)) throw error;
    throw new UsageError(error.message);
  }
}

/** How a run ended. */
export type ReportEnd =
  | { readonly kind: 'written'; readonly rows: number }
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'unauthenticated'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string };

export function exitCodeOf(end: ReportEnd): number {
  switch (end.kind) {
    case 'written':
      return 0;
    case 'refused':
      return 1;
    case 'unauthenticated':
      return 2;
    case 'failed':
      return 3;
    default: {
      const impossible: never = end;
      throw new Error(`Unknown end ${JSON.stringify(impossible)}`);
    }
  }
}

/** The gateway could not be asked, or gave no GraphQL answer. */
class GatewayFailure extends Error {
  override readonly name = 'GatewayFailure';
}

/** Private: one operation POSTed to the gateway with the token. */
function httpExecute(url: string, token: string): Execute {
  return async (query, variables) => {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const why = (error as Error).cause ?? error;
      throw new GatewayFailure(
        `The gateway at ${url} cannot be reached (${String(why)})`);
    }
    const text = await response.text();
    try {
      return JSON.parse(text) as ExecutionAnswer;
    } catch {
      throw new GatewayFailure(
        `The gateway at ${url} answered ${response.status}, not GraphQL`);
    }
  };
}

const CLIENT_CODES = new Set([
  'BAD_USER_INPUT', 'BAD_REQUEST', 'FORBIDDEN', 'RATE_LIMITED',
  'GRAPHQL_VALIDATION_FAILED', 'OPERATION_TOO_COSTLY',
]);

function endOfErrors(errors: readonly GraphQLFormattedError[]): ReportEnd {
  const first = errors[0];
  const code = String(first?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  const argument = first?.extensions?.argument;
  const where = typeof argument === 'string' ? ` (argument ${argument})` : '';
  const why = `${first?.message}${where} [${code}]`;
  const message = `The gateway refused the report: ${why}`;
  if (code === 'UNAUTHENTICATED') return { kind: 'unauthenticated', message };
  if (CLIENT_CODES.has(code)) return { kind: 'refused', message };
  return { kind: 'failed', message };
}

export interface RunOptions {
  readonly command: ReportCommand;
  /** Receives the file when no --out is given. */
  readonly write: (text: string) => void;
  readonly progress: Progress;
}

/** Asks, then writes the whole file or nothing. */
export async function runReportCommand(
  options: RunOptions,
): Promise<ReportEnd> {
  const { command, progress } = options;
  progress.start(command.request.periods.length);
  let outcome;
  try {
    outcome = await runReport({
      request: command.request,
      execute: httpExecute(command.url, command.token),
      progress: (done, total) => progress.step(done, total),
    });
  } catch (error) {
    if (!(error instanceof GatewayFailure)) throw error;
    return { kind: 'failed', message: error.message };
  } finally {
    progress.end();
  }
  if (outcome.kind === 'refused') return endOfErrors(outcome.errors);

  const text = formatReport(outcome.table, command.format);
  if (command.out === undefined) options.write(text);
  else await writeFile(command.out, text, 'utf8');
  return { kind: 'written', rows: outcome.table.rows.length };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const command = parseReportArgs(args);
  const end = await runReportCommand({
    command,
    write: (text) => process.stdout.write(text),
    progress: terminalProgress({
      write: (text) => process.stderr.write(text),
      isTTY: process.stderr.isTTY === true,
    }),
  });
  if (end.kind === 'written') {
    if (command.out !== undefined) {
      process.stderr.write(`${end.rows} rows written to ${command.out}\n`);
    }
  } else {
    process.stderr.write(`${end.message}\n`);
  }
  return exitCodeOf(end);
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      const hint = error instanceof UsageError ? `\n${USAGE}` : '';
      process.stderr.write(`${message}${hint}\n`);
      process.exitCode = 1;
    },
  );
}
