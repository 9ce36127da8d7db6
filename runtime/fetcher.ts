/**
 * The HTTP client the gateway uses to reach its subgraphs.
 *
 * One keep-alive agent per protocol, shared by every request, so a query
 * touching five subgraphs reuses warm connections instead of opening
 * five. It honours an AbortSignal for the whole exchange (headers and
 * body), which is what the per-fetch timeout relies on, and it buffers a
 * response up to a limit so a runaway subgraph cannot exhaust memory.
 * A fetch made while a trace span is active carries its W3C
 * `traceparent`, so the subgraph continues the trace.
 */
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type {
  Fetcher,
  FetcherRequestInit,
  FetcherResponse,
} from '@apollo/utils.fetcher';
import { withTraceContext } from './tracing/http';

export interface HttpFetcherOptions {
  /** Sockets per subgraph host; default 64. */
  readonly maxSockets?: number;
  /** A larger response fails the fetch; default 32 MiB. */
  readonly maxResponseBytes?: number;
}

export interface HttpFetcher {
  readonly fetch: Fetcher;
  /** Destroys the pooled sockets; call it after the last fetch. */
  close(): void;
}

/** A response already read into memory, as Apollo's Fetcher expects. */
class BufferedResponse implements FetcherResponse {
  readonly redirected = false;
  #used = false;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    readonly headers: Headers,
    private readonly body: Buffer,
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  get bodyUsed(): boolean {
    return this.#used;
  }

  async text(): Promise<string> {
    return this.take().toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = this.take();
    const copy = new ArrayBuffer(bytes.length);
    new Uint8Array(copy).set(bytes);
    return copy;
  }

  clone(): BufferedResponse {
    if (this.#used) throw new TypeError('The body was already read');
    const { url, status, statusText, headers, body } = this;
    return new BufferedResponse(url, status, statusText, headers, body);
  }

  private take(): Buffer {
    if (this.#used) throw new TypeError('The body was already read');
    this.#used = true;
    return this.body;
  }
}

function headersOf(message: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      headers.append(name, item);
    }
  }
  return headers;
}

function readAll(message: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    message.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) {
        message.destroy(new Error(`Response larger than ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    message.on('end', () => resolve(Buffer.concat(chunks)));
    message.on('error', reject);
    message.on('close', () => {
      if (!message.complete) reject(new Error('The response was cut short'));
    });
  });
}

export function createHttpFetcher(
  options: HttpFetcherOptions = {},
): HttpFetcher {
  const agentOptions = {
    keepAlive: true,
    maxSockets: options.maxSockets ?? 64,
    // Reuses the most recently used socket: the one least likely to have
    // been closed meanwhile by the subgraph's own keep-alive timeout.
    scheduling: 'lifo' as const,
  };
  const agents = {
    'http:': new HttpAgent(agentOptions),
    'https:': new HttpsAgent(agentOptions),
  };
  const maxResponseBytes = options.maxResponseBytes ?? 32 * 1024 * 1024;

  function fetch(
    url: string,
    init: FetcherRequestInit = {},
  ): Promise<FetcherResponse> {
    const target = new URL(url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      throw new TypeError(`Cannot fetch ${target.protocol} URLs: ${url}`);
    }
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const signal = init.signal as AbortSignal | undefined;
    return new Promise((resolve, reject) => {
      const outgoing = send(
        target,
        {
          method: init.method ?? 'GET',
          headers: withTraceContext(init.headers),
          agent: agents[target.protocol as 'http:' | 'https:'],
          signal,
        },
        (message) => {
          readAll(message, maxResponseBytes).then((body) => {
            const status = message.statusCode ?? 0;
            const text = message.statusMessage ?? '';
            const headers = headersOf(message);
            resolve(new BufferedResponse(url, status, text, headers, body));
          }, reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(init.body);
    });
  }

  function close(): void {
    agents['http:'].destroy();
    agents['https:'].destroy();
  }

  return { fetch, close };
}
