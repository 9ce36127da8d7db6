/**
 * The gateway's web pages, served from its own files with nothing loaded
 * from elsewhere (agency networks reach no internet):
 *
 * - `/console`: the console (the live alert board, a zone's work list,
 *   the statistics), its scripts built from app/ by bundle.ts;
 * - `/explorer`: GraphiQL from the graphiql, react and react-dom
 *   packages' own bundles, with a field for the bearer token. Served
 *   only when EXPLORER_ENABLED says so: by default outside production.
 *
 * Each page carries a Content-Security-Policy allowing scripts and
 * styles from the gateway itself only, and connections to it (graphql-ws
 * included: CSP 3 matches ws: and wss: to 'self'). GraphiQL 3 and the
 * editor it embeds set style attributes at run time, so the explorer's
 * policy also allows 'unsafe-inline' styles; its scripts stay 'self'.
 */
import { dirname, join } from 'node:path';
import type { RouteExchange, RouteHandler } from '../../runtime/http';
import { sendJson } from '../../runtime/http';
import type { Logger } from '../../runtime/logger';
import {
  sendAsset,
  singleFileRoute,
  staticFilesRoute,
  type SendOptions,
} from '../../runtime/static-files';
import { cachedBundles, type BundleName } from './bundle';

export const CONSOLE_PATH = '/console';
export const EXPLORER_PATH = '/explorer';

/** The pages' files: HTML and CSS, one folder per page. */
export const STATIC_DIRECTORY = join(__dirname, 'static');

/** Headers every page and file of the two carries. */
const COMMON_HEADERS = {
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
} as const;

function policy(styles: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src ${styles}`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The console's policy: nothing inline at all. */
export const CONSOLE_CSP = policy("'self'");

/** The explorer's: GraphiQL sets style attributes (see above). */
export const EXPLORER_CSP = policy("'self' 'unsafe-inline'");

/** The pages themselves are checked again at each load. */
const PAGE_CACHE = 0;

export interface WebRoutesOptions {
  /** Serve `/explorer`; see `explorerEnabled` in gateway/config.ts. */
  readonly explorer: boolean;
  /** Where a failed build of the scripts is logged. */
  readonly logger: Logger;
}

/** The routes for the host: exact paths and prefixes (runtime/http.ts). */
export interface WebRoutes {
  readonly routes: Record<string, RouteHandler>;
  readonly prefixes: Record<string, RouteHandler>;
}

function pageOptions(csp: string): SendOptions {
  return {
    maxAgeSeconds: PAGE_CACHE,
    headers: { ...COMMON_HEADERS, 'content-security-policy': csp },
  };
}

/** The vendor bundles the explorer loads, from their packages. */
export function explorerVendorFiles(): Record<string, string> {
  const packageDirectory = (name: string) =>
    dirname(require.resolve(`${name}/package.json`));
  return {
    'graphiql.min.js': join(packageDirectory('graphiql'), 'graphiql.min.js'),
    'graphiql.min.css': join(packageDirectory('graphiql'), 'graphiql.min.css'),
    'react.production.min.js':
      join(packageDirectory('react'), 'umd', 'react.production.min.js'),
    'react-dom.production.min.js':
      join(packageDirectory('react-dom'), 'umd',
        'react-dom.production.min.js'),
    'explorer.css': join(STATIC_DIRECTORY, 'explorer', 'explorer.css'),
  };
}

/**
 * Private: a prefix's route answering `bundle` from memory and anything
 * else from `files`.
 */
function withBundle(
  prefix: string,
  bundle: BundleName,
  files: RouteHandler,
  options: WebRoutesOptions,
  bundles: ReturnType<typeof cachedBundles>,
): RouteHandler {
  return async (exchange: RouteExchange) => {
    const [path] = (exchange.request.url ?? '/').split('?');
    if (path !== `${prefix}${bundle}`) {
      await files(exchange);
      return;
    }
    try {
      const built = await bundles();
      sendAsset(exchange, built[bundle], { headers: COMMON_HEADERS });
    } catch (error) {
      options.logger.error({ err: error }, 'console scripts failed to build');
      sendJson(exchange.response, 500, { status: 'scripts unavailable' });
    }
  };
}

/** Private: sends `/console/` on to `/console`, the page's one address. */
function redirectTo(location: string): RouteHandler {
  return async ({ response }) => {
    response.statusCode = 308;
    response.setHeader('location', location);
    response.end();
  };
}

/** The console's routes, and the explorer's when enabled. */
export function webRoutes(options: WebRoutesOptions): WebRoutes {
  const bundles = cachedBundles();
  const consolePrefix = `${CONSOLE_PATH}/`;
  const routes: Record<string, RouteHandler> = {
    [CONSOLE_PATH]: singleFileRoute(
      join(STATIC_DIRECTORY, 'console', 'index.html'),
      pageOptions(CONSOLE_CSP)),
    [`${CONSOLE_PATH}/`]: redirectTo(CONSOLE_PATH),
  };
  const prefixes: Record<string, RouteHandler> = {
    [consolePrefix]: withBundle(consolePrefix, 'console.js',
      staticFilesRoute({
        prefix: consolePrefix,
        source: { kind: 'directory', root: join(STATIC_DIRECTORY, 'console') },
        headers: pageOptions(CONSOLE_CSP).headers,
      }), options, bundles),
  };
  if (!options.explorer) return { routes, prefixes };

  const explorerPrefix = `${EXPLORER_PATH}/`;
  routes[EXPLORER_PATH] = singleFileRoute(
    join(STATIC_DIRECTORY, 'explorer', 'explorer.html'),
    pageOptions(EXPLORER_CSP));
  prefixes[explorerPrefix] = withBundle(explorerPrefix, 'explorer.js',
    staticFilesRoute({
      prefix: explorerPrefix,
      source: { kind: 'files', files: explorerVendorFiles() },
      headers: pageOptions(EXPLORER_CSP).headers,
    }), options, bundles);
  return { routes, prefixes };
}
