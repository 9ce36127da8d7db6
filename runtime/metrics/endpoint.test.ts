import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, Registry, register } from 'prom-client';
import { metricsRoute } from './endpoint';
import { createServerMetrics } from './server';

/** A real HTTP server answering every request with the route. */
async function serve(route: ReturnType<typeof metricsRoute>) {
  const server: Server = createServer((request, response) => {
    void route({ request, response, requestId: 'test' });
  });
  await new Promise<void>((resolve) =>
    server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/metrics`,
    close: () => new Promise<void>((resolve) => server.close(() =>
      resolve())),
  };
}

describe('metricsRoute', () => {
  const registry = new Registry();
  new Counter({ name: 'things_total', help: 'Things.',
    registers: [registry] }).inc(3);

  it('answers the registry in text format, with no token configured',
    async () => {
      const server = await serve(metricsRoute([registry], { enabled: true }));
      try {
        const response = await fetch(server.url);
        expect(response.status).toBe(200);
        expect(response.headers.get('cache-control')).toBe('no-store');
        expect(await response.text()).toContain('things_total 3');
        const posted = await fetch(server.url, { method: 'POST' });
        expect(posted.status).toBe(405);
        expect(posted.headers.get('allow')).toBe('GET, HEAD');
      } finally {
        await server.close();
      }
    });

  it('asks for the bearer token when one is configured', async () => {
    const server = await serve(metricsRoute([registry],
      { enabled: true, token: 'right' }));
    try {
      const asked = (authorization?: string) => fetch(server.url,
        { headers: authorization ? { authorization } : {} });
      const refused = await asked();
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate'))
        .toBe('Bearer realm="metrics"');
      expect(await refused.text()).not.toContain('things_total');
      expect((await asked('Bearer wrong')).status).toBe(401);
      expect((await asked('Basic right')).status).toBe(401);
      expect((await asked('Bearer right')).status).toBe(200);
      expect((await asked('bearer   right')).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('createServerMetrics', () => {
  it('makes nothing with METRICS_ENABLED false', () => {
    expect(createServerMetrics({ access: { enabled: false },
      paths: ['/graphql'] })).toBeNull();
  });

  it('keeps a registry of its own, never the global one', async () => {
    const first = createServerMetrics({ access: { enabled: true },
      paths: ['/graphql'] });
    const second = createServerMetrics({ access: { enabled: true },
      paths: ['/graphql'] });
    expect(first!.registry).not.toBe(second!.registry);
    expect(register.getMetricsAsArray()).toEqual([]);
    expect(await first!.registry.metrics())
      .toContain('# TYPE graphql_operations_total counter');
  });
});
