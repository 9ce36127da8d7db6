/**
 * The alert log as the gateway reads it: straight from the protection
 * subgraph, which keeps it, under the gateway's own identity (role
 * `gateway`), which no access token carries. The fields it asks for are
 * @inaccessible: out of the gateway's API, so no client reaches them.
 */
import { randomUUID } from 'node:crypto';
import type { Fetcher } from '@apollo/utils.fetcher';
import { noticeFromJson, type AlertNotice } from '../../runtime/alerts/notice';
import { REQUEST_ID_HEADER } from '../../runtime/http';
import { GATEWAY_ROLE, type Identity } from '../../runtime/identity';
import { GATEWAY_IDENTITY_HEADER, type TrustSigner } from '../../runtime/trust';

/** What the live alert stream reads the log through. */
export interface AlertLogSource {
  /** The highest committed sequence; every lower one is committed too. */
  head(): Promise<number>;
  /** The entries above `after`, in order, at most `limit`. */
  after(after: number, limit: number): Promise<AlertNotice[]>;
}

export interface SubgraphLogSourceOptions {
  /** The protection subgraph's GraphQL endpoint. */
  readonly url: string;
  readonly fetcher: Fetcher;
  readonly trustSigner: TrustSigner;
  /** One read gives up after this. */
  readonly timeoutMs: number;
}

/** The gateway's own identity: it reads the log, and nothing else. */
export const GATEWAY_IDENTITY: Identity = {
  subject: 'alert-stream',
  role: GATEWAY_ROLE,
};

// The subgraph logs these two at debug (ROUTINE_OPERATIONS in
// runtime/http.ts): the feed sends them at every poll.
const HEAD_QUERY = 'query AlertLogHead { alertLogHead }';

const PAGE_QUERY = `query AlertLog($after: ID!, $limit: Int!) {
  alertLog(after: $after, limit: $limit) {
    sequence kind measureId alertId at
    recipients { cicProvinces zones arrondissements }
  }
}`;

/** A read of the log that failed; the stream tries again later. */
export class AlertLogError extends Error {
  override readonly name = 'AlertLogError';
}

/** Reads the log from the protection subgraph over HTTP. */
export function subgraphLogSource(
  options: SubgraphLogSourceOptions,
): AlertLogSource {
  async function ask(
    operationName: string,
    query: string,
    variables: object,
  ): Promise<unknown> {
    const requestId = randomUUID();
    const identity = await options.trustSigner.sign(GATEWAY_IDENTITY, {
      subgraph: 'protection',
      requestId,
    });
    let answer: unknown;
    try {
      const response = await options.fetcher(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [GATEWAY_IDENTITY_HEADER]: identity,
          [REQUEST_ID_HEADER]: requestId,
        },
        body: JSON.stringify({ query, operationName, variables }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      if (!response.ok) {
        throw new AlertLogError(
          `The protection subgraph answered ${response.status} to a read of the alert log`,
        );
      }
      answer = parseJson(await response.text());
    } catch (error) {
      if (error instanceof AlertLogError) throw error;
      throw new AlertLogError('The alert log could not be read', {
        cause: error,
      });
    }
    return dataOf(answer);
  }

  return {
    async head() {
      const data = await ask('AlertLogHead', HEAD_QUERY, {});
      return sequenceOf(field(data, 'alertLogHead'));
    },
    async after(after, limit) {
      const data = await ask('AlertLog', PAGE_QUERY, { after: String(after), limit });
      const entries = field(data, 'alertLog');
      if (!Array.isArray(entries)) {
        throw new AlertLogError('The alert log answered no list');
      }
      return entries.map(noticeOfEntry);
    },
  };
}

/**
 * Private: the body as JSON. JSON.parse's error quotes the body, and the
 * feed logs an error with its cause: a body that is no JSON fails with
 * no cause, so nothing the subgraph answered reaches a log line.
 */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AlertLogError('The alert log answered no JSON');
  }
}

/** Private: the `data` of a GraphQL answer that holds no error. */
function dataOf(answer: unknown): unknown {
  if (typeof answer !== 'object' || answer === null) {
    throw new AlertLogError('The alert log answered no GraphQL response');
  }
  const { data, errors } = answer as { data?: unknown; errors?: unknown };
  if (Array.isArray(errors) && errors.length > 0) {
    const codes = errors.map((error: { extensions?: { code?: unknown } }) =>
      String(error?.extensions?.code ?? 'no code'));
    throw new AlertLogError(
      `The alert log was refused: ${[...new Set(codes)].join(', ')}`,
    );
  }
  return data;
}

function field(data: unknown, name: string): unknown {
  if (typeof data !== 'object' || data === null) {
    throw new AlertLogError(`The alert log answered no ${name}`);
  }
  return (data as Record<string, unknown>)[name];
}

/** An ID as the schema gives sequences: digits. */
function sequenceOf(value: unknown): number {
  const sequence = typeof value === 'string' && /^[0-9]+$/.test(value)
    ? Number(value)
    : NaN;
  if (!Number.isSafeInteger(sequence)) {
    // The value is the subgraph's, not a caller's: named by its type
    // only, so no part of an answer reaches a log line.
    throw new AlertLogError(
      `The alert log answered a sequence that is no ID (${typeof value})`,
    );
  }
  return sequence;
}

function noticeOfEntry(entry: unknown): AlertNotice {
  const record = typeof entry === 'object' && entry !== null
    ? entry as Record<string, unknown>
    : {};
  const notice = noticeFromJson({
    ...record,
    sequence: sequenceOf(record.sequence),
  });
  if (notice === null) {
    throw new AlertLogError('The alert log answered an entry it cannot be');
  }
  return notice;
}
