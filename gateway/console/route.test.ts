/**
 * The console's and the explorer's routes over a real HTTP server: what
 * each page loads comes from the gateway itself, each page carries its
 * Content-Security-Policy, and the explorer is there only when the
 * configuration says so (by default: outside production).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { explorerEnabled, readGatewayConfig } from '../config';
import { createLogger } from '../../runtime/logger';
import { webRoutes, type WebRoutes } from './route';

const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  AUTH_JWKS_URL: 'https://idp.example.test/jwks',
  AUTH_ISSUER: 'urn:test:issuer',
  AUTH_AUDIENCE: 'urn:test:gateway',
  GATEWAY_TRUST_PRIVATE_KEY: JSON.stringify({
    kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43), d: 'B'.repeat(43),
  }),
};

const logger = createLogger({ name: 'console-test', level: 'silent' });

/** Private: serves `web` as runtime/http does: exact paths, then prefixes. */
async function serve(
  web: WebRoutes,
): Promise<{ base: string; server: Server }> {
  const prefixes = Object.entries(web.prefixes)
    .sort(([a], [b]) => b.length - a.length);
  const server = createServer((request, response) => {
    const [path] = (request.url ?? '/').split('?');
    const handler = web.routes[path]
      ?? prefixes.find(([prefix]) => path.startsWith(prefix))?.[1];
    if (handler === undefined) {
      response.statusCode = 404;
      response.end();
      return;
    }
    void handler({ request, response, requestId: 'test' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, server };
}

/** The local paths a page's scripts and style sheets load. */
function loadsOf(html: string): string[] {
  return [...html.matchAll(/<(?:script|link)\b[^>]*(?:src|href)="([^"]+)"/g)]
    .map((match) => match[1]);
}

describe('explorerEnabled', () => {
  it.each([
    ['is on in development when unset', { NODE_ENV: 'development' }, true],
    ['is on in tests when unset', { NODE_ENV: 'test' }, true],
    ['is off in development when set off',
      { NODE_ENV: 'development', EXPLORER_ENABLED: 'false' }, false],
    ['is off in production when unset', PRODUCTION_ENV, false],
    ['is on in production when set on',
      { ...PRODUCTION_ENV, EXPLORER_ENABLED: 'true' }, true],
  ])('%s', (_name, env, expected) => {
    expect(explorerEnabled(readGatewayConfig(env))).toBe(expected);
  });

  it('names the variable and the bad value it refuses', () => {
    expect(() => readGatewayConfig({ EXPLORER_ENABLED: 'sometimes' }))
      .toThrow(/EXPLORER_ENABLED.*sometimes/);
  });
});

describe('webRoutes', () => {
  const servers: Server[] = [];

  afterAll(async () => {
    await Promise.all(servers.map((server) =>
      new Promise((resolve) => server.close(resolve))));
  });

  async function start(explorer: boolean): Promise<string> {
    const { base, server } = await serve(webRoutes({ explorer, logger }));
    servers.push(server);
    return base;
  }

  it('serves the console page with a policy of its own files only',
    async () => {
      const base = await start(false);
      const page = await fetch(`${base}/console`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('cache-control')).toBe('no-cache');
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self';");
      expect(csp).not.toContain('unsafe');
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      const loads = loadsOf(await page.text());
      expect(loads).toEqual(expect.arrayContaining(
        ['/console/console.js', '/console/console.css']));
      for (const path of loads.filter((p) => !p.startsWith('data:'))) {
        expect(path).toMatch(/^\/console\//);
        expect((await fetch(`${base}${path}`)).status).toBe(200);
      }
    });

  it('sends /console/ on to /console', async () => {
    const base = await start(false);
    const answer = await fetch(`${base}/console/`, { redirect: 'manual' });
    expect(answer.status).toBe(308);
    expect(answer.headers.get('location')).toBe('/console');
  });

  it('serves the console\'s script, built with its imports inside',
    async () => {
      const base = await start(false);
      const script = await fetch(`${base}/console/console.js`);
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type'))
        .toBe('text/javascript; charset=utf-8');
      expect(script.headers.get('etag')).toMatch(/^".+"$/);
      const text = await script.text();
      expect(text).toContain('graphql-transport-ws');
      expect(text).not.toMatch(/\brequire\(|\bimport\s*\(|unpkg|jsdelivr/);
    }, 20_000);

  it('has no explorer when disabled: 404 for its page and files', async () => {
    const base = await start(false);
    for (const path of ['/explorer', '/explorer/graphiql.min.js',
      '/explorer/explorer.js']) {
      expect((await fetch(`${base}${path}`)).status).toBe(404);
    }
  });

  it('serves the explorer when enabled, GraphiQL from the packages',
    async () => {
      const base = await start(true);
      const page = await fetch(`${base}/explorer`);
      expect(page.status).toBe(200);
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      const loads = loadsOf(await page.text())
        .filter((path) => !path.startsWith('data:'));
      expect(loads).toEqual(expect.arrayContaining([
        '/explorer/graphiql.min.js', '/explorer/react.production.min.js',
        '/explorer/react-dom.production.min.js', '/explorer/explorer.js',
      ]));
      for (const path of loads) {
        const answer = await fetch(`${base}${path}`);
        expect([path, answer.status]).toEqual([path, 200]);
      }
      expect((await fetch(`${base}/explorer/package.json`)).status).toBe(404);
    }, 20_000);
});
