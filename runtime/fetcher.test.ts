import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpFetcher, type HttpFetcher } from './fetcher';
import { closeServer } from '../test/support/servers';

let server: Server;
let base: string;
let fetcher: HttpFetcher;
let connections = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/slow') {
      setTimeout(() => response.end('late'), 500).unref();
      return;
    }
    if (request.url === '/big') {
      response.end(Buffer.alloc(4096, 0x61));
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      response.setHeader('content-type', 'application/json');
      response.setHeader('x-echo', request.headers['x-test'] ?? '');
      response.end(
        JSON.stringify({
          method: request.method,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fetcher = createHttpFetcher({ maxResponseBytes: 1024 });
});

afterAll(async () => {
  fetcher.close();
  await closeServer(server);
});

describe('createHttpFetcher', () => {
  it('sends the method, headers and body and reads the answer', async () => {
    const response = await fetcher.fetch(`${base}/echo`, {
      method: 'POST',
      headers: { 'x-test': 'yes' },
      body: '{"query":"{ a }"}',
    });
    expect(response.ok).toBe(true);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-echo')).toBe('yes');
    expect(await response.json()).toEqual({
      method: 'POST',
      body: '{"query":"{ a }"}',
    });
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow('already read');
  });

  it('reuses one connection for consecutive requests', async () => {
    const before = connections;
    for (let i = 0; i < 3; i += 1) {
      await (await fetcher.fetch(`${base}/echo`, { method: 'POST' })).text();
    }
    expect(connections - before).toBeLessThanOrEqual(1);
  });

  it('gives up when the signal fires', async () => {
    const signal = AbortSignal.timeout(50);
    await expect(
      fetcher.fetch(`${base}/slow`, { method: 'GET', signal }),
    ).rejects.toThrow();
    expect(signal.aborted).toBe(true);
  });

  it('refuses a response over the limit', async () => {
    await expect(fetcher.fetch(`${base}/big`)).rejects.toThrow(
      'Response larger than 1024 bytes',
    );
  });
});
