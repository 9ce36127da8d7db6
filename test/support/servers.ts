/**
 * Test helpers: real servers on ephemeral ports, and a log recorder.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, type Logger } from '../../runtime/logger';

export interface StaticServer {
  readonly url: string;
  /** How many requests it has answered. */
  hits(): number;
  close(): Promise<void>;
}

/** Serves one JSON document at every path, counting requests. */
export async function serveJson(document: unknown): Promise<StaticServer> {
  let hits = 0;
  const server = createServer((_request, response) => {
    hits += 1;
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify(document));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/jwks.json`,
    hits: () => hits,
    close: () => closeServer(server),
  };
}

export function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
  });
}

export interface LogRecorder {
  readonly logger: Logger;
  /** Every line logged so far, parsed. */
  lines(): Array<Record<string, unknown>>;
  /** Every line logged so far, as written. */
  text(): string[];
}

/** A logger at `debug` that keeps its lines for assertions. */
export function recordLogs(name = 'test'): LogRecorder {
  const lines: string[] = [];
  const destination = { write: (line: string) => void lines.push(line) };
  const logger = createLogger({ name, level: 'debug', destination });
  const parse = () =>
    lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines: parse, text: () => [...lines] };
}
