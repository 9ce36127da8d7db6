/**
 * Asking a gateway: once, for the check that all three answer the same,
 * and under load with autocannon, for the figures. Every request is the
 * same for the three gateways: the operation's document and variables,
 * the caller's bearer token (which only gateway (a) reads) and the
 * caller's name in CALLER_HEADER (which only (b) and (c) read).
 */
import autocannon from 'autocannon';
import type { BenchOperation } from '../operations';
import { callerKey } from './callers';
import { CALLER_HEADER } from './protocol';

/** What one load measured. */
export interface LoadFigures {
  /** Mean of the per-second counts of answers. */
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Answers received. */
  readonly requests: number;
  /**
   * Answers that were not a 2xx, or held GraphQL errors, and requests
   * that failed on the socket or timed out.
   */
  readonly errors: number;
  /** Of those, the answers that were not a 2xx. */
  readonly non2xx: number;
  /**
   * The status and error codes of the first bad answer, e.g. "200
   * SUBGRAPH_TIMEOUT"; never its messages or data, which may hold
   * personal data. Absent when every answer was good.
   */
  readonly firstError?: string;
  /**
   * CPU time the gateway's process spent per request of the counted
   * load, and the subgraphs' process (user and system, in ms); absent
   * when not measured.
   */
  readonly gatewayCpuMs?: number;
  readonly subgraphsCpuMs?: number;
}

export interface LoadOptions {
  readonly url: string;
  readonly operation: BenchOperation;
  /** The users' tokens, each request going as the next user. */
  readonly tokens: readonly string[];
  readonly connections: number;
  readonly durationSeconds: number;
  /** Aborting stops the load at once. */
  readonly signal?: AbortSignal;
}

/** The request every gateway is sent for `operation`. */
export function requestOf(
  operation: BenchOperation,
  token: string,
  turn = 0,
) {
  return {
    method: 'POST' as const,
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      [CALLER_HEADER]: callerKey(operation.name, turn),
    },
    body: JSON.stringify({
      operationName: operation.operationName,
      query: operation.query,
      variables: operation.variables,
    }),
  };
}

/** A GraphQL answer, as far as the check reads it. */
export interface Answer {
  readonly status: number;
  readonly data?: unknown;
  readonly errors?: readonly unknown[];
}

/** Asks the operation once. */
export async function askOnce(
  url: string,
  operation: BenchOperation,
  token: string,
): Promise<Answer> {
  const { method, headers, body } = requestOf(operation, token);
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  try {
    const parsed = JSON.parse(text) as Omit<Answer, 'status'>;
    return { status: response.status, ...parsed };
  } catch {
    return { status: response.status, errors: ['the answer is not JSON'] };
  }
}

/** Private: a 2xx without errors; the cheapest test that tells. */
function isGoodAnswer(status: number, body: string): boolean {
  return status >= 200 && status < 300 && !body.includes('"errors"');
}

/** The status and the error codes of an answer. */
export function errorSummaryOf(status: number, body: string): string {
  let codes: string[] = [];
  try {
    const { errors } = JSON.parse(body) as {
      errors?: { extensions?: { code?: unknown } }[];
    };
    codes = (errors ?? []).map(({ extensions }) =>
      typeof extensions?.code === 'string' ? extensions.code : 'no code');
  } catch {
    codes = ['not JSON'];
  }
  return [String(status), ...new Set(codes)].join(' ');
}

/** Loads the gateway with the operation for the duration. */
export function loadGateway(options: LoadOptions): Promise<LoadFigures> {
  let bad = 0;
  let firstError: string | undefined;
  // Each user's headers built once; each request goes as the next user.
  const users = options.tokens.map((token, turn) =>
    requestOf(options.operation, token, turn).headers);
  let turn = 0;
  const request = {
    ...requestOf(options.operation, options.tokens[0] ?? ''),
    setupRequest: (sent: autocannon.Request) => {
      const headers = users[turn % users.length];
      turn += 1;
      return { ...sent, headers };
    },
    onResponse: (status: number, body: string) => {
      if (isGoodAnswer(status, body)) return;
      bad += 1;
      firstError ??= errorSummaryOf(status, body);
    },
  };
  return new Promise((resolve, reject) => {
    const instance = autocannon({
      url: options.url,
      connections: options.connections,
      duration: options.durationSeconds,
      requests: [request],
    }, (error: unknown, result: autocannon.Result) => {
      options.signal?.removeEventListener('abort', abort);
      if (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      resolve(figuresOf(result, bad, firstError));
    });
    const abort = () => instance.stop();
    options.signal?.addEventListener('abort', abort, { once: true });
  });
}

function figuresOf(
  result: autocannon.Result,
  bad: number,
  firstError: string | undefined,
): LoadFigures {
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: bad + result.errors,
    non2xx: result.non2xx,
    ...(firstError !== undefined && { firstError }),
  };
}
