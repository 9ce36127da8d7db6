/**
 * Graph's JSON batching: up to 20 requests carried by one HTTP request
 *
 *   POST {baseUrl}/$batch   { requests: [{ id, method, url, headers }] }
 *   200                     { responses: [{ id, status, headers, body }] }
 *
 * where each `url` is relative to `baseUrl`. The batch itself goes
 * through `GraphClient.send` (token, timeout, retries of the whole).
 * Each answer inside has its own status: those throttled or failing for
 * a while are sent again, alone, in a later batch, after the longest
 * wait they asked, under the same rules and bounds as a single request
 * (retry.ts); any other failure ends the batch with its error.
 */
import {
  failure,
  isObject,
  isWanted,
  outcomeOf,
  type Exchanged,
  type GraphAnswer,
  type GraphClient,
  type GraphRequest,
} from './client';
import { SharePointError } from './errors';
import type { GraphSettings } from './options';
import { nextStep } from './retry';

/** Graph's limit of requests in one batch. */
export const BATCH_LIMIT = 20;

export type BatchedRequest = Pick<GraphRequest,
  'method' | 'url' | 'headers' | 'accept'>;

/** Private: a request of the batch to send again, and after how long. */
interface Retry {
  readonly index: number;
  readonly answer: Exchanged;
  readonly waitMs: number;
}

/**
 * Answers each request, in order: one plain request when there is one,
 * batches of BATCH_LIMIT sent at once otherwise.
 */
export async function sendAll(
  client: GraphClient,
  settings: GraphSettings,
  operation: string,
  requests: readonly BatchedRequest[],
): Promise<GraphAnswer[]> {
  if (requests.length === 1) {
    return [await client.send(operation, requests[0]!)];
  }
  const batches: BatchedRequest[][] = [];
  for (let start = 0; start < requests.length; start += BATCH_LIMIT) {
    batches.push(requests.slice(start, start + BATCH_LIMIT));
  }
  const answers = await Promise.all(batches.map((batch) =>
    sendBatch(client, settings, operation, batch)));
  return answers.flat();
}

async function sendBatch(
  client: GraphClient,
  settings: GraphSettings,
  operation: string,
  requests: readonly BatchedRequest[],
): Promise<GraphAnswer[]> {
  const answers: GraphAnswer[] = [];
  let pending = requests.map((_, index) => index);
  for (let retries = 0; ; retries += 1) {
    const exchanged = await exchangeBatch(client, settings, operation,
      pending.map((index) => [index, requests[index]!] as const));

    const again: Retry[] = [];
    for (const index of pending) {
      const answer = exchanged.get(index)!;
      if (answer.kind === 'answer'
        && isWanted(answer.status, requests[index]!)) {
        answers[index] = { status: answer.status,
          body: parseJson(answer.text) };
        continue;
      }
      const step = nextStep(outcomeOf(answer), { retries,
        maxRetries: settings.maxRetries,
        maxRetryAfterMs: settings.maxRetryAfterMs, now: settings.now() });
      if (step.kind !== 'retry') {
        throw failure(operation, answer, step, retries);
      }
      again.push({ index, answer, waitMs: step.waitMs });
    }
    if (again.length === 0) return answers;

    const waitMs = Math.max(...again.map(({ waitMs }) => waitMs));
    client.report(operation, again[0]!.answer, waitMs, retries + 1);
    await client.pause(operation, waitMs);
    pending = again.map(({ index }) => index);
  }
}

/** One $batch; answers each request's answer by its index. */
async function exchangeBatch(
  client: GraphClient,
  settings: GraphSettings,
  operation: string,
  requests: ReadonlyArray<readonly [number, BatchedRequest]>,
): Promise<Map<number, Exchanged>> {
  const answer = await client.send(operation, {
    method: 'POST',
    url: `${settings.baseUrl}/$batch`,
    body: { requests: requests.map(([index, request]) => ({
      id: String(index),
      method: request.method,
      url: relativeUrl(operation, settings, request.url),
      headers: request.headers ?? {},
    })) },
  });

  const responses = isObject(answer.body) ? answer.body.responses : null;
  if (!Array.isArray(responses)) {
    throw malformed(operation, 'a batch answer without responses');
  }
  const byIndex = new Map<number, Exchanged>();
  for (const response of responses) {
    const read = readResponse(operation, response);
    byIndex.set(read.index, read.exchanged);
  }
  if (requests.some(([index]) => !byIndex.has(index))) {
    throw malformed(operation, 'a batch answer missing a response');
  }
  return byIndex;
}

function readResponse(
  operation: string,
  response: unknown,
): { index: number; exchanged: Exchanged } {
  const fields = isObject(response) ? response : {};
  const { id, status, headers, body } = fields;
  if (typeof id !== 'string' || typeof status !== 'number') {
    throw malformed(operation, 'a batch response without id or status');
  }
  const retryAfter = isObject(headers)
    ? headerOf(headers, 'retry-after') : null;
  return {
    index: Number(id),
    exchanged: { kind: 'answer', status, retryAfter,
      text: body === undefined || body === null ? '' : JSON.stringify(body) },
  };
}

/** Graph writes header names as it pleases; HTTP ignores their case. */
function headerOf(
  headers: Record<string, unknown>,
  name: string,
): string | null {
  const found = Object.entries(headers)
    .find(([key]) => key.toLowerCase() === name);
  return found && typeof found[1] === 'string' ? found[1] : null;
}

/** A batched request names its resource under `baseUrl`. */
function relativeUrl(
  operation: string,
  settings: GraphSettings,
  url: string,
): string {
  if (!url.startsWith(`${settings.baseUrl}/`)) {
    throw malformed(operation, 'a batched URL outside baseUrl');
  }
  return url.slice(settings.baseUrl.length);
}

function parseJson(text: string): unknown {
  return text === '' ? null : JSON.parse(text);
}

function malformed(operation: string, detail: string): SharePointError {
  return new SharePointError(operation, { kind: 'malformed', detail });
}
