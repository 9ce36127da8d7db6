import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { trace } from '@opentelemetry/api';
import { tracingFromConfig } from './setup';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

/** Runs test/support/otlp-export.ts with only `env` (and PATH) set. */
function exportOnce(
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stderr: string }> {
  const path = dirname(process.execPath);
  return new Promise((resolve) => {
    execFile(TSX, ['test/support/otlp-export.ts'],
      { cwd: ROOT, env: { PATH: path, ...env }, timeout: 30_000 },
      (error, _stdout, stderr) => {
        const code = error === null ? 0 : Number(error.code ?? 1);
        resolve({ code, stderr });
      });
  });
}

describe('tracingFromConfig', () => {
  let collector: Server;
  const received: { path: string; body: string }[] = [];

  beforeAll(async () => {
    collector = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ path: request.url ?? '',
          body: Buffer.concat(chunks).toString('utf8') });
        response.statusCode = 200;
        response.setHeader('content-type', 'application/json');
        response.end('{}');
      });
    });
    await new Promise<void>((resolve) =>
      collector.listen(0, '127.0.0.1', resolve));
  });

  afterAll(() => new Promise<void>((resolve) => collector.close(() =>
    resolve())));

  it('registers nothing with none: the API\'s spans do not record', () => {
    const tracing = tracingFromConfig({
      OTEL_TRACES_EXPORTER: 'none',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:1',
    }, 'stalking-alarm-gateway');
    expect(tracing).toBeNull();
    const span = trace.getTracer('any').startSpan('nothing');
    expect(span.isRecording()).toBe(false);
    span.end();
  });

  it('sends the spans of every service to the OTLP collector\'s '
    + '/v1/traces when shut down', async () => {
    const { port } = collector.address() as AddressInfo;
    const exit = await exportOnce({
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}/`,
    });
    expect(exit.stderr).toBe('');
    expect(exit.code).toBe(0);

    expect(received.length).toBeGreaterThan(0);
    expect(received.every(({ path }) => path === '/v1/traces')).toBe(true);
    const sent = received.map(({ body }) => body).join('\n');
    for (const text of ['stalking-alarm-gateway', 'gateway.request',
      'stalking-alarm-bng', 'POST /graphql']) {
      expect(sent).toContain(text);
    }
  }, 60_000);
});
