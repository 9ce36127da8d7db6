/**
 * The optional safelist of trusted documents: when TRUSTED_DOCUMENTS
 * names a manifest, the gateway runs only the operations it lists, so a
 * stolen token sent from anything but the production front-ends can ask
 * only what those front-ends ask.
 *
 * The manifest is Apollo's persisted query manifest, as the front-ends'
 * build tools write it:
 *
 *   { "format": "apollo-persisted-query-manifest", "version": 1,
 *     "operations": [{ "id": "<sha256 of body, hex>", "name": "Alerts",
 *                      "type": "subscription", "body": "subscription …" }] }
 *
 * It is read and checked once, at start-up: every id must be the SHA-256
 * of its body and every body a parsable document.
 *
 * A request then names its document in one of two ways: the full text,
 * whose SHA-256 must be listed, or only
 * `extensions.persistedQuery.sha256Hash`, whose listed body is run.
 * Anything else is refused with PERSISTED_QUERY_NOT_TRUSTED before it
 * is parsed; over HTTP while the context is built (server.ts), over
 * graphql-ws by the socket (alerts/socket.ts), which answers queries
 * through the same server but checks them itself first.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, parse } from 'graphql';
import type { Option, Parsed } from '../runtime/config';

export const NOT_TRUSTED = 'PERSISTED_QUERY_NOT_TRUSTED';

const MANIFEST_FORMAT = 'apollo-persisted-query-manifest';
const OPERATION_TYPES = new Set(['query', 'mutation', 'subscription']);
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The documents of a manifest, by the SHA-256 of their text. */
export interface TrustedDocuments {
  /** The listed body of `hash`, undefined when it is not listed. */
  bodyOf(hash: string): string | undefined;
  readonly size: number;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Private: one operation of the manifest, or what is wrong with it. */
function checkedOperation(value: unknown, index: number): [string, string] {
  const where = `operation ${index}`;
  if (typeof value !== 'object' || value === null) {
    throw new Error(`${where} is not an object`);
  }
  const { id, name, type, body } = value as Record<string, unknown>;
  if (typeof id !== 'string' || !SHA256_HEX.test(id)) {
    throw new Error(`${where}: id must be a SHA-256 in lowercase hex`);
  }
  if (typeof name !== 'string') throw new Error(`${where}: name is missing`);
  if (typeof type !== 'string' || !OPERATION_TYPES.has(type)) {
    throw new Error(`${where}: type must be query, mutation or subscription`);
  }
  if (typeof body !== 'string') throw new Error(`${where}: body is missing`);
  if (sha256Hex(body) !== id) {
    throw new Error(`${where}: id is not the SHA-256 of its body`);
  }
  try {
    parse(body);
  } catch {
    throw new Error(`${where}: body is not a GraphQL document`);
  }
  return [id, body];
}

/** The documents of a manifest's text; throws what is wrong with it. */
export function trustedDocumentsOf(text: string): TrustedDocuments {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    throw new Error('the file is not JSON');
  }
  const { format, version, operations } =
    (typeof manifest === 'object' && manifest !== null ? manifest : {}) as
      Record<string, unknown>;
  if (format !== MANIFEST_FORMAT || version !== 1) {
    throw new Error(`format must be "${MANIFEST_FORMAT}", version 1`);
  }
  if (!Array.isArray(operations)) {
    throw new Error('operations must be a list');
  }
  const bodies = new Map(operations.map(checkedOperation));
  return {
    bodyOf: (hash) => bodies.get(hash),
    size: bodies.size,
  };
}

const EXPECTED = 'a path to an Apollo persisted query manifest';

/**
 * The configuration option: a path, read and checked at start-up, so a
 * bad file stops the gateway with the variable and the reason.
 */
export function trustedDocumentsOption(): Option<TrustedDocuments> {
  const parse = (raw: string): Parsed<TrustedDocuments> => {
    let text: string;
    try {
      text = readFileSync(raw, 'utf8');
    } catch {
      return { ok: false, expected: `${EXPECTED} (it cannot be read)` };
    }
    try {
      return { ok: true, value: trustedDocumentsOf(text) };
    } catch (error) {
      const reason = (error as Error).message;
      return { ok: false, expected: `${EXPECTED} (${reason})` };
    }
  };
  return { parse, expected: EXPECTED, whenUnset: { kind: 'required' } };
}

/** What a request names its document by, as the transports receive it. */
export interface DocumentRequest {
  readonly query?: unknown;
  readonly extensions?: Readonly<Record<string, unknown>> | null;
}

/** The text to run, or the refusal. */
export type TrustedText =
  | { readonly kind: 'trusted'; readonly query: string }
  | { readonly kind: 'refused'; readonly error: GraphQLError };

function hashOf(request: DocumentRequest): string | undefined {
  const persisted = request.extensions?.persistedQuery;
  if (typeof persisted !== 'object' || persisted === null) return undefined;
  const hash = (persisted as Record<string, unknown>).sha256Hash;
  return typeof hash === 'string' ? hash : undefined;
}

export function notTrusted(overHttp = true): GraphQLError {
  return new GraphQLError(
    'Only the trusted documents of the front-ends are run here; this document is not one of them.',
    {
      extensions: {
        code: NOT_TRUSTED,
        ...(overHttp && { http: { status: 400 } }),
      },
    },
  );
}

/**
 * The listed text a request names, by its full text or its hash alone;
 * a text and a hash that disagree are refused.
 */
export function trustedTextOf(
  documents: TrustedDocuments,
  request: DocumentRequest,
  overHttp = true,
): TrustedText {
  const hash = hashOf(request);
  const { query } = request;
  const given = typeof query === 'string' && query !== '' ? query : undefined;
  const named = given === undefined ? hash : sha256Hex(given);
  const body = named === undefined ? undefined : documents.bodyOf(named);
  if (body === undefined || (hash !== undefined && hash !== named)) {
    return { kind: 'refused', error: notTrusted(overHttp) };
  }
  return { kind: 'trusted', query: body };
}

/** Private: the `extensions` of a GET, a JSON text in the URL. */
function extensionsParameter(
  text: string | null,
): Readonly<Record<string, unknown>> | undefined {
  if (text === null) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null
      ? value as Record<string, unknown>
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What an HTTP request names its document by: a POST's JSON body, or a
 * GET's `query` and `extensions` parameters. Null for a batch (an
 * array), which Apollo Server refuses by itself.
 */
export function documentRequestOfHttp(
  body: unknown,
  search: string,
): DocumentRequest | null {
  if (Array.isArray(body)) return null;
  if (typeof body === 'object' && body !== null) {
    const { query, extensions } = body as Record<string, unknown>;
    const given = typeof extensions === 'object' && extensions !== null
      ? extensions as Record<string, unknown>
      : undefined;
    return { query, extensions: given };
  }
  const parameters = new URLSearchParams(search);
  return {
    query: parameters.get('query') ?? undefined,
    extensions: extensionsParameter(parameters.get('extensions')),
  };
}

/**
 * The HTTP side, second step: the context function (server.ts) has
 * refused a request naming no trusted document, with its 400; here the
 * trusted text replaces what the request sent, and the `persistedQuery`
 * extension goes, so Apollo's own persisted queries do not look it up.
 * Apollo answers an error thrown here with a 500, so a request that
 * still names no trusted document is refused that way: it never runs.
 * Operations the gateway runs itself (the socket's, the alert stream's)
 * come with no `http` and are left alone.
 */
export function trustedDocumentsPlugin<TContext extends BaseContext>(
  documents: TrustedDocuments,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ request }) {
      if (request.http === undefined) return;
      const text = trustedTextOf(documents, request);
      if (text.kind === 'refused') {
        throw new Error('An untrusted document passed the context check');
      }
      request.query = text.query;
      if (request.extensions?.persistedQuery !== undefined) {
        const { persistedQuery: _, ...others } = request.extensions;
        request.extensions = others;
      }
    },
  };
}
