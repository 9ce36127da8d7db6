/**
 * GET /metrics: a registry in Prometheus's text exposition format. Not
 * GraphQL: no rate limit, no audit entry, no identity; with a token
 * configured (METRICS_TOKEN) a scrape must present it as a bearer token.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Registry } from 'prom-client';
import type { RouteHandler } from '../http';
import type { MetricsAccess } from '../telemetry';

/** Where every server answers scrapes. */
export const METRICS_PATH = '/metrics';

/** The route answering scrapes of `registries`, one after the other. */
export function metricsRoute(
  registries: readonly Registry[],
  access: MetricsAccess,
): RouteHandler {
  const expected = access.token === undefined ? null : digest(access.token);
  return async ({ request, response }) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      answer(response, 405, 'text/plain', 'Use GET\n');
      return;
    }
    if (expected !== null && !presents(request.headers.authorization,
      expected)) {
      response.setHeader('www-authenticate', 'Bearer realm="metrics"');
      answer(response, 401, 'text/plain', 'A bearer token is required\n');
      return;
    }
    const texts = await Promise.all(registries.map((one) => one.metrics()));
    answer(response, 200, Registry.PROMETHEUS_CONTENT_TYPE, texts.join(''));
  };
}

function answer(
  response: Parameters<RouteHandler>[0]['response'],
  status: number,
  type: string,
  text: string,
): void {
  response.statusCode = status;
  response.setHeader('content-type', type);
  response.setHeader('content-length', Buffer.byteLength(text));
  response.setHeader('cache-control', 'no-store');
  response.end(text);
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Private: compares digests, so the time taken tells nothing. */
function presents(header: string | undefined, expected: Buffer): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (match === null) return false;
  return timingSafeEqual(digest(match[1]!), expected);
}
