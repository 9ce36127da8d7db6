/**
 * Serves files under a URL prefix, for the gateway's console and
 * explorer (gateway/console/): GET and HEAD only, the content type of
 * each extension it knows, an ETag and a Cache-Control header, and 404
 * for anything else.
 *
 * A file is served from one of two sources: a directory, in which the
 * path is checked segment by segment and the file must resolve (links
 * followed) inside it; or a fixed list of names, each naming its file
 * (the explorer's vendor bundles in node_modules), where nothing else
 * exists. A name with an encoded slash, a dot segment, a hidden
 * segment, a backslash or a NUL never reaches the file system.
 */
import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative } from 'node:path';
import { sendJson, type RouteExchange, type RouteHandler } from './http';

/** The types served, by extension; a file of any other is a 404. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** 5 minutes, then the browser asks again with the ETag. */
export const DEFAULT_MAX_AGE_SECONDS = 300;

/** Where the files of a prefix come from. */
export type StaticSource =
  | { readonly kind: 'directory'; readonly root: string }
  | {
      readonly kind: 'files';
      /** Each name under the prefix, and the absolute path it serves. */
      readonly files: Readonly<Record<string, string>>;
    };

export interface StaticFilesOptions {
  /** The URL prefix, starting and ending with `/`, e.g. `/console/`. */
  readonly prefix: string;
  readonly source: StaticSource;
  /** `Cache-Control: max-age`; default 300 s. */
  readonly maxAgeSeconds?: number;
  /** Headers added to every file answered (a CSP); default none. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A file in memory, ready to answer (a bundle built at start). */
export interface StaticAsset {
  readonly body: Buffer;
  readonly contentType: string;
  readonly etag: string;
}

/** A file's bytes as an asset, typed by its name's extension. */
export function assetOf(name: string, body: Buffer): StaticAsset | null {
  const contentType = CONTENT_TYPES[extname(name).toLowerCase()];
  if (contentType === undefined) return null;
  const digest = createHash('sha256').update(body).digest('base64url');
  return { body, contentType, etag: `"${digest.slice(0, 27)}"` };
}

/**
 * The segments of a path below the prefix, decoded; null for a path
 * that names no file a prefix may serve.
 */
export function safeSegments(rest: string): string[] | null {
  if (rest === '' || /%(2f|5c|00)/i.test(rest)) return null;
  const segments = rest.split('/');
  const decoded: string[] = [];
  for (const segment of segments) {
    let text: string;
    try {
      text = decodeURIComponent(segment);
    } catch {
      return null;
    }
    if (text === '' || text.startsWith('.')) return null;
    if (/[\\\0]/.test(text)) return null;
    decoded.push(text);
  }
  return decoded;
}

/**
 * Private: the file a directory holds at `segments`, links followed,
 * or null when there is none or it lies outside the directory.
 */
async function fileInDirectory(
  root: string,
  segments: readonly string[],
): Promise<string | null> {
  try {
    const realRoot = await realpath(root);
    const real = await realpath(join(realRoot, ...segments));
    const inside = relative(realRoot, real);
    if (inside.startsWith('..') || isAbsolute(inside)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

/** Private: the path a request names in the source, or null. */
async function resolveFile(
  source: StaticSource,
  segments: readonly string[],
): Promise<string | null> {
  switch (source.kind) {
    case 'directory':
      return fileInDirectory(source.root, segments);
    case 'files': {
      const name = segments.join('/');
      return Object.hasOwn(source.files, name) ? source.files[name] : null;
    }
    default: {
      const impossible: never = source;
      throw new Error(`Unknown static source ${JSON.stringify(impossible)}`);
    }
  }
}

/** The answer to a method other than GET and HEAD. */
function refuseMethod(response: ServerResponse, method: string): void {
  response.setHeader('allow', 'GET, HEAD');
  sendJson(response, 405, { status: `${method} is not allowed` });
}

/** Options of sendAsset. */
export interface SendOptions {
  /** `Cache-Control: max-age`; 0 sends `no-cache`. Default 300 s. */
  readonly maxAgeSeconds?: number;
  /** Added to the answer; default none. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Answers one asset to a GET or HEAD: 304 when the browser's copy is
 * current, the bytes otherwise; 405 for any other method.
 */
export function sendAsset(
  { request, response }: RouteExchange,
  asset: StaticAsset,
  options: SendOptions = {},
): void {
  const method = request.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    refuseMethod(response, method);
    return;
  }
  const maxAge = options.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS;
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    response.setHeader(name, value);
  }
  response.setHeader('x-content-type-options', 'nosniff');
  response.setHeader('etag', asset.etag);
  response.setHeader('cache-control',
    maxAge > 0 ? `public, max-age=${maxAge}` : 'no-cache');
  if (request.headers['if-none-match'] === asset.etag) {
    response.statusCode = 304;
    response.end();
    return;
  }
  response.statusCode = 200;
  response.setHeader('content-type', asset.contentType);
  response.setHeader('content-length', asset.body.length);
  response.end(method === 'HEAD' ? undefined : asset.body);
}

/** Private: a file read once, kept while its size and time hold. */
interface CachedAsset {
  readonly size: number;
  readonly mtimeMs: number;
  readonly asset: StaticAsset | null;
}

/**
 * Private: the file as an asset, read and hashed again only when its
 * size or modification time changed.
 */
async function loadAsset(
  cache: Map<string, CachedAsset>,
  file: string,
): Promise<StaticAsset | null> {
  const { size, mtimeMs } = await stat(file);
  const known = cache.get(file);
  if (known && known.size === size && known.mtimeMs === mtimeMs) {
    return known.asset;
  }
  const asset = assetOf(file, await readFile(file));
  cache.set(file, { size, mtimeMs, asset });
  return asset;
}

/**
 * The route serving `source` under `prefix`, for the host's `prefixes`
 * (runtime/http.ts). A file changed on disk is served anew at once;
 * the ETag spares the bytes of one unchanged.
 */
export function staticFilesRoute(options: StaticFilesOptions): RouteHandler {
  const { prefix, source } = options;
  const cache = new Map<string, CachedAsset>();
  return async (exchange) => {
    const { request, response } = exchange;
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      refuseMethod(response, method);
      return;
    }
    const path = (request.url ?? '/').split('?')[0];
    const segments = path.startsWith(prefix)
      ? safeSegments(path.slice(prefix.length))
      : null;
    const file = segments && (await resolveFile(source, segments));
    const asset = file ? await loadAsset(cache, file) : null;
    if (asset === null) {
      sendJson(response, 404, { status: 'not found' });
      return;
    }
    sendAsset(exchange, asset, options);
  };
}

/**
 * The route serving one file at an exact path (a page), for the host's
 * `routes`; 404 should the file be gone.
 */
export function singleFileRoute(
  file: string,
  options: SendOptions = {},
): RouteHandler {
  const cache = new Map<string, CachedAsset>();
  return async (exchange) => {
    const asset = await loadAsset(cache, file).catch(() => null);
    if (asset === null) {
      sendJson(exchange.response, 404, { status: 'not found' });
      return;
    }
    sendAsset(exchange, asset, options);
  };
}
