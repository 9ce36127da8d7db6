/**
 * A local stand-in for the part of Microsoft Graph and Entra ID that the
 * SharePoint devices adapter speaks, on a real HTTP server (ephemeral
 * port), so that its tests cross a real socket:
 *
 *   POST   /{tenant}/oauth2/v2.0/token     client credentials grant
 *   GET    /v1.0/sites/{site}
 *   GET    /v1.0/sites/{site}/lists/{list}/items      expand, $filter,
 *                                                     $top, $skiptoken
 *   POST   /v1.0/sites/{site}/lists/{list}/items      { fields }
 *   GET    /v1.0/sites/{site}/lists/{list}/items/{id} expand
 *   PATCH  /v1.0/sites/{site}/lists/{list}/items/{id}/fields  If-Match
 *   DELETE /v1.0/sites/{site}/lists/{list}/items/{id}
 *   POST   /v1.0/$batch                    up to 20 of the above
 *
 * Faithful where the adapter relies on it: errors as `{ error: { code,
 * message } }` (OAuth2's flat shape on the token endpoint), 401 without
 * a valid token, pages of `$top` items (100 without it, at most
 * `maxPageSize`) chained by an absolute `@odata.nextLink`, an etag per
 * item that changes on every write and 412 on a stale `If-Match`, text
 * compared without regard to case in filters, filters on columns that
 * are not indexed refused without the `Prefer` header, and 400
 * `invalidRequest` for any query form it does not implement rather
 * than a silent guess. Faults are switched on by the tests.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer } from './servers';

export interface SharePointServerOptions {
  /** Default a site id in Graph's `host,guid,guid` form. */
  readonly siteId?: string;
  /** The lists' ids, as the path names them; default four test lists. */
  readonly lists?: readonly string[];
  /** When given, a write to a column not listed is refused with 400. */
  readonly columns?: Readonly<Record<string, readonly string[]>>;
  /** Columns a filter may use without the Prefer header; default none. */
  readonly indexedColumns?: readonly string[];
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** `expires_in` of the tokens issued; default 3599 s. */
  readonly tokenLifetimeS?: number;
  /** Items per page without `$top`; default 100. */
  readonly pageSize?: number;
  /** The largest page, whatever `$top` asks; default 5000. */
  readonly maxPageSize?: number;
}

/** One request as the server received it, for tests to count. */
export interface RecordedRequest {
  readonly method: string;
  /** Decoded, without the query. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly prefer: string | null;
  readonly ifMatch: string | null;
  /** The status answered; null until answered (or when hanging). */
  readonly status: number | null;
}

/** Switched on with `inject`, for the next Graph requests. */
export type Fault =
  /** 429 or 503 with a Retry-After, when one is given. */
  | { readonly kind: 'throttle'; readonly status: 429 | 503;
      readonly retryAfter?: string }
  /** Any status, with Graph's error shape. */
  | { readonly kind: 'fail'; readonly status: number; readonly code: string;
      readonly message?: string }
  /** No answer at all, until the client gives up. */
  | { readonly kind: 'hang' };

export interface StoredItem {
  readonly id: string;
  readonly etag: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

export interface SharePointServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Graph's root, as the adapter's `baseUrl`. */
  readonly baseUrl: string;
  readonly tokenUrl: string;
  readonly siteId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Every request received, the token endpoint's included. */
  readonly requests: readonly RecordedRequest[];
  /** The requests to Graph (not to the token endpoint). */
  graphRequests(): RecordedRequest[];
  tokensIssued(): number;
  /** The next `times` Graph requests meet the fault, in turn. */
  inject(fault: Fault, times?: number): void;
  /** The next `times` requests inside a $batch meet it (not `hang`). */
  injectInBatch(fault: Exclude<Fault, { kind: 'hang' }>, times?: number): void;
  /** The requests received inside batches, with their answers. */
  readonly batchedRequests: readonly RecordedRequest[];
  /** Every token issued so far becomes invalid (401). */
  revokeTokens(): void;
  /** Adds an item directly, as someone editing the list would. */
  insert(list: string, fields: Record<string, unknown>): StoredItem;
  /** Changes an item directly (its etag changes too). */
  edit(list: string, id: string, fields: Record<string, unknown>): StoredItem;
  items(list: string): StoredItem[];
  close(): Promise<void>;
}

export const DEFAULT_TEST_LISTS = [
  'devices',
  'daily-reports',
  'grant-registrations',
  'shortages',
] as const;

const TENANT = 'test-tenant';
const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
const PREFER_NON_INDEXED = 'HonorNonIndexedQueriesWarningMayFailRandomly';

/** A request, straight off the socket or out of a $batch. */
interface Incoming {
  readonly method: string;
  readonly url: URL;
  /** Decoded, without the query. */
  readonly path: string;
  readonly body: string;
  /** A header's value by its lower-case name. */
  header(name: string): string | null;
}

interface Reply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** Thrown by the handlers; answered as Graph's error shape. */
class GraphFault extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function startSharePointServer(
  options: SharePointServerOptions = {},
): Promise<SharePointServer> {
  const state = new ServerState(options);
  const hanging = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    readBody(request).then(
      (body) => state.handle(request, body, response, hanging),
      () => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.origin = `http://127.0.0.1:${port}`;

  return {
    origin: state.origin,
    baseUrl: `${state.origin}/v1.0`,
    tokenUrl: `${state.origin}/${TENANT}/oauth2/v2.0/token`,
    siteId: state.siteId,
    clientId: state.clientId,
    clientSecret: state.clientSecret,
    requests: state.requests,
    graphRequests: () =>
      state.requests.filter((r) => r.path.startsWith('/v1.0/')),
    tokensIssued: () => state.issued,
    inject: (fault, times = 1) => {
      for (let i = 0; i < times; i += 1) state.faults.push(fault);
    },
    injectInBatch: (fault, times = 1) => {
      for (let i = 0; i < times; i += 1) state.batchFaults.push(fault);
    },
    batchedRequests: state.batched,
    revokeTokens: () => state.tokens.clear(),
    insert: (list, fields) => state.list(list).insert(fields),
    edit: (list, id, fields) => state.list(list).update(id, fields, null),
    items: (list) => state.list(list).all(),
    close: async () => {
      for (const response of hanging) response.destroy();
      await closeServer(server);
    },
  };
}

/** Private: the lists, the tokens, the faults and the record. */
class ServerState {
  origin = '';
  readonly siteId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly requests: RecordedRequest[] = [];
  readonly faults: Fault[] = [];
  /** For the requests inside the next batches, in turn. */
  readonly batchFaults: Fault[] = [];
  /** The requests received inside batches. */
  readonly batched: RecordedRequest[] = [];
  /** Token → expiry, epoch ms. */
  readonly tokens = new Map<string, number>();
  issued = 0;
  private readonly lists: Map<string, ListStore>;

  constructor(private readonly options: SharePointServerOptions) {
    this.siteId = options.siteId
      ?? `contoso.sharepoint.com,${randomUUID()},${randomUUID()}`;
    this.clientId = options.clientId ?? 'test-client';
    this.clientSecret = options.clientSecret
      ?? randomBytes(12).toString('hex');
    this.lists = new Map((options.lists ?? DEFAULT_TEST_LISTS).map((name) =>
      [name, new ListStore(options.columns?.[name])]));
  }

  list(name: string): ListStore {
    const list = this.lists.get(name);
    if (!list) {
      throw new GraphFault(404, 'itemNotFound', 'The list does not exist.');
    }
    return list;
  }

  handle(
    request: IncomingMessage,
    body: string,
    response: ServerResponse,
    hanging: Set<ServerResponse>,
  ): void {
    const incoming = incomingOf(request, body, this.origin);
    const record = recordOf(incoming);
    this.requests.push(record);
    response.on('finish', () => {
      record.status = response.statusCode;
    });

    if (incoming.path === `/${TENANT}/oauth2/v2.0/token`) {
      reply(response, this.issueToken(incoming));
      return;
    }
    const fault = this.faults.shift();
    if (fault?.kind === 'hang') {
      hanging.add(response);
      response.on('close', () => hanging.delete(response));
      return;
    }
    reply(response, fault ? faultReply(fault) : this.answer(incoming));
  }

  /** A Graph request that met no fault. */
  private answer(incoming: Incoming): Reply {
    try {
      this.authenticate(incoming);
      return incoming.path === '/v1.0/$batch' && incoming.method === 'POST'
        ? this.batch(incoming) : this.route(incoming);
    } catch (error) {
      return errorReply(error);
    }
  }

  /**
   * JSON batching: each request inside is answered as if sent alone
   * (faults switched on with `injectInBatch` included), in order.
   */
  private batch(incoming: Incoming): Reply {
    const parsed = parseJson(incoming.body);
    const requests = isRecord(parsed) ? parsed.requests : null;
    if (!Array.isArray(requests) || requests.length === 0
      || requests.length > 20) {
      throw new GraphFault(400, 'invalidRequest',
        'A batch holds from 1 to 20 requests.');
    }
    const ids = new Set<string>();
    const responses = requests.map((request: unknown) => {
      const inner = this.batchedIncoming(request, ids);
      const record = recordOf(inner);
      this.batched.push(record);
      const fault = this.batchFaults.shift();
      const answered = fault ? faultReply(fault) : tryRoute(() =>
        this.route(inner));
      record.status = answered.status;
      return { id: inner.id, status: answered.status,
        headers: answered.headers ?? {}, body: answered.body ?? undefined };
    });
    return { status: 200, body: { responses } };
  }

  private batchedIncoming(
    request: unknown,
    ids: Set<string>,
  ): Incoming & { id: string } {
    const { id, method, url, headers, body } = isRecord(request) ? request
      : {} as Record<string, unknown>;
    if (typeof id !== 'string' || ids.has(id) || typeof method !== 'string'
      || typeof url !== 'string' || !url.startsWith('/')) {
      throw new GraphFault(400, 'invalidRequest',
        'Each batched request needs a unique id, a method and a relative url.');
    }
    ids.add(id);
    const names = isRecord(headers) ? headers : {};
    const parsed = new URL(`/v1.0${url}`, this.origin);
    return {
      id,
      method,
      url: parsed,
      path: decodeURIComponent(parsed.pathname),
      body: body === undefined ? '' : JSON.stringify(body),
      header: (name) => {
        const found = Object.entries(names)
          .find(([key]) => key.toLowerCase() === name);
        return typeof found?.[1] === 'string' ? found[1] : null;
      },
    };
  }

  /** RFC 6749 §4.4, with Entra's answers. */
  private issueToken(incoming: Incoming): Reply {
    const form = new URLSearchParams(incoming.body);
    const refuse = (status: number, error: string, description: string) =>
      ({ status, body: { error, error_description: description } });
    if (incoming.method !== 'POST') {
      return refuse(405, 'invalid_request', 'The token endpoint takes POST.');
    }
    if (form.get('grant_type') !== 'client_credentials') {
      return refuse(400, 'unsupported_grant_type', 'Only client_credentials.');
    }
    if (form.get('client_id') !== this.clientId
      || form.get('client_secret') !== this.clientSecret) {
      return refuse(401, 'invalid_client', 'Unknown client or wrong secret.');
    }
    if (form.get('scope') !== GRAPH_SCOPE) {
      return refuse(400, 'invalid_scope', 'The scope must be Graph\'s .default.');
    }
    const lifetimeS = this.options.tokenLifetimeS ?? 3599;
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, Date.now() + lifetimeS * 1000);
    this.issued += 1;
    return { status: 200, body: { token_type: 'Bearer', expires_in: lifetimeS,
      ext_expires_in: lifetimeS, access_token: token } };
  }

  private authenticate(incoming: Incoming): void {
    const match = /^Bearer (\S+)$/.exec(incoming.header('authorization') ?? '');
    const expiry = match ? this.tokens.get(match[1]!) : undefined;
    if (expiry === undefined || expiry <= Date.now()) {
      throw new GraphFault(401, 'InvalidAuthenticationToken',
        match ? 'Access token has expired or is not yet valid.'
          : 'Access token is empty.');
    }
  }

  private route(incoming: Incoming): Reply {
    const { method, url, path, body } = incoming;
    const parts = path.split('/').slice(1);
    const [version, sites, site] = parts;
    if (version !== 'v1.0' || sites !== 'sites' || site !== this.siteId) {
      throw new GraphFault(404, 'itemNotFound',
        'The resource could not be found.');
    }
    const rest = parts.slice(3);
    if (rest.length === 0 && method === 'GET') {
      return { status: 200,
        body: { id: this.siteId, displayName: 'Test site' } };
    }
    if (rest[0] !== 'lists' || rest[2] !== 'items' || rest.length > 5) {
      throw new GraphFault(400, 'invalidRequest', 'Unsupported resource path.');
    }
    const list = this.list(rest[1]!);
    const [id, tail] = [rest[3], rest[4]];
    const ifMatch = incoming.header('if-match');

    if (id === undefined && method === 'GET') {
      return { status: 200, body: this.page(list, incoming) };
    }
    if (id === undefined && method === 'POST') {
      const created = list.insert(fieldsOf(parseJson(body), 'fields'));
      return { status: 201, body: itemBody(created, 'all') };
    }
    if (id !== undefined && tail === undefined && method === 'GET') {
      const select = parseQuery(url).select;
      return { status: 200, body: itemBody(list.get(id), select) };
    }
    if (id !== undefined && tail === 'fields' && method === 'PATCH') {
      const updated = list.update(id, fieldsOf({ fields: parseJson(body) },
        'fields'), ifMatch);
      return { status: 200, body: { '@odata.etag': updated.etag,
        id: updated.id, ...updated.fields } };
    }
    if (id !== undefined && tail === undefined && method === 'DELETE') {
      list.remove(id, ifMatch);
      return { status: 204, body: null };
    }
    throw new GraphFault(405, 'invalidRequest', 'Method not allowed here.');
  }

  /** One page of the items the query wants, in id order. */
  private page(list: ListStore, incoming: Incoming): unknown {
    const query = parseQuery(incoming.url);
    const filter = query.filter === null ? null : parseFilter(query.filter);
    if (filter) this.requireIndexed(filter, incoming.header('prefer'));

    const size = Math.min(query.top ?? this.options.pageSize ?? 100,
      this.options.maxPageSize ?? 5000);
    const after = query.skipToken === null ? 0 : readSkipToken(query.skipToken);
    const wanted = list.all()
      .filter((item) => Number(item.id) > after)
      .filter((item) => filter === null || evaluate(filter, item.fields));
    const items = wanted.slice(0, size);

    const body: Record<string, unknown> = {
      value: items.map((item) => itemBody(item, query.select)),
    };
    if (wanted.length > size) {
      const next = new URLSearchParams(incoming.url.searchParams);
      next.set('$skiptoken', skipToken(items[items.length - 1]!.id));
      body['@odata.nextLink'] =
        `${this.origin}${incoming.url.pathname}?${next.toString()}`;
    }
    return body;
  }

  private requireIndexed(filter: FilterNode, prefer: string | null): void {
    if (prefer?.includes(PREFER_NON_INDEXED)) return;
    const indexed = new Set(this.options.indexedColumns ?? []);
    const column = columnsOf(filter).find((name) => !indexed.has(name));
    if (column !== undefined) {
      throw new GraphFault(400, 'invalidRequest',
        `Field '${column}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: ${PREFER_NON_INDEXED}' header to allow this, but be warned that such queries may fail on large lists.`);
    }
  }
}

/** Private: the items of one list; ids count up from 1. */
class ListStore {
  private readonly items = new Map<string, { guid: string; version: number;
    fields: Record<string, unknown> }>();
  private nextId = 1;

  constructor(private readonly columns: readonly string[] | undefined) {}

  all(): StoredItem[] {
    return [...this.items.keys()].map((id) => this.get(id));
  }

  get(id: string): StoredItem {
    const item = this.items.get(id);
    if (!item) {
      throw new GraphFault(404, 'itemNotFound', 'The item does not exist.');
    }
    return { id, etag: `"${item.guid},${item.version}"`,
      fields: { ...item.fields } };
  }

  insert(fields: Record<string, unknown>): StoredItem {
    this.checkColumns(fields);
    const id = String(this.nextId);
    this.nextId += 1;
    this.items.set(id, { guid: randomUUID(), version: 1,
      fields: withoutNulls(fields) });
    return this.get(id);
  }

  /** Null values clear a column, as Graph does. */
  update(
    id: string,
    fields: Record<string, unknown>,
    ifMatch: string | null,
  ): StoredItem {
    this.requireVersion(id, ifMatch);
    this.checkColumns(fields);
    const item = this.items.get(id)!;
    item.fields = withoutNulls({ ...item.fields, ...fields });
    item.version += 1;
    return this.get(id);
  }

  remove(id: string, ifMatch: string | null): void {
    this.requireVersion(id, ifMatch);
    this.items.delete(id);
  }

  private requireVersion(id: string, ifMatch: string | null): void {
    const { etag } = this.get(id);
    if (ifMatch !== null && ifMatch !== '*' && ifMatch !== etag) {
      throw new GraphFault(412, 'resourceModified',
        'The item has changed since the version given in If-Match.');
    }
  }

  private checkColumns(fields: Record<string, unknown>): void {
    const unknown = Object.keys(fields)
      .find((name) => this.columns && !this.columns.includes(name));
    if (unknown !== undefined) {
      throw new GraphFault(400, 'invalidRequest',
        `Field '${unknown}' is not recognized.`);
    }
  }
}

// ---------------------------------------------------------------------
// Query options

interface ItemsQuery {
  /** The columns of `expand=fields(select=...)`; null: fields not asked. */
  readonly select: readonly string[] | 'all' | null;
  readonly filter: string | null;
  readonly top: number | null;
  readonly skipToken: string | null;
}

const KNOWN_OPTIONS = ['expand', 'filter', 'top', 'skiptoken', 'select'];

/** Graph takes each option with or without its `$`. */
function parseQuery(url: URL): ItemsQuery {
  const options = new Map<string, string>();
  for (const [key, value] of url.searchParams) {
    const name = key.replace(/^\$/, '').toLowerCase();
    if (!KNOWN_OPTIONS.includes(name)) {
      throw new GraphFault(400, 'invalidRequest',
        `Query option '${key}' is not supported here.`);
    }
    options.set(name, value);
  }
  const top = options.get('top');
  if (top !== undefined && !/^[1-9]\d*$/.test(top)) {
    throw new GraphFault(400, 'invalidRequest', `Invalid $top '${top}'.`);
  }
  return {
    select: parseExpand(options.get('expand')),
    filter: options.get('filter') ?? null,
    top: top === undefined ? null : Number(top),
    skipToken: options.get('skiptoken') ?? null,
  };
}

function parseExpand(expand: string | undefined): ItemsQuery['select'] {
  if (expand === undefined) return null;
  if (expand === 'fields') return 'all';
  const match = /^fields\(\$?select=([A-Za-z0-9_,]+)\)$/.exec(expand);
  if (!match) {
    throw new GraphFault(400, 'invalidRequest',
      `Expand '${expand}' is not supported here.`);
  }
  return match[1]!.split(',');
}

function skipToken(lastId: string): string {
  return Buffer.from(`Paged=TRUE&p_ID=${lastId}`).toString('base64url');
}

function readSkipToken(token: string): number {
  const match = /^Paged=TRUE&p_ID=(\d+)$/.exec(
    Buffer.from(token, 'base64url').toString());
  if (!match) {
    throw new GraphFault(400, 'invalidRequest', 'Invalid $skiptoken.');
  }
  return Number(match[1]);
}

// ---------------------------------------------------------------------
// $filter: the forms Graph supports on list item fields that the adapter
// sends, and nothing else.
//
//   or   := and ('or' and)*
//   and  := term ('and' term)*
//   term := '(' or ')' | 'fields/' Column 'eq' 'text'

export type FilterNode =
  | { readonly kind: 'eq'; readonly column: string; readonly value: string }
  | { readonly kind: 'and' | 'or'; readonly parts: readonly FilterNode[] };

type Token =
  | { readonly kind: 'word'; readonly text: string }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: '(' | ')' };

export function parseFilter(filter: string): FilterNode {
  const tokens = tokenize(filter);
  let at = 0;
  const isWord = (text: string) => {
    const token = tokens[at];
    return token?.kind === 'word' && token.text === text;
  };

  const chain = (kind: 'and' | 'or', next: () => FilterNode) => {
    const parts = [next()];
    while (isWord(kind)) {
      at += 1;
      parts.push(next());
    }
    return parts.length === 1 ? parts[0]! : { kind, parts };
  };
  const term = (): FilterNode => {
    const token = tokens[at++];
    if (token?.kind === '(') {
      const inner = or();
      if (tokens[at++]?.kind !== ')') throw unsupportedFilter('a missing )');
      return inner;
    }
    const column = token?.kind === 'word'
      ? /^fields\/([A-Za-z_][A-Za-z0-9_]*)$/.exec(token.text)?.[1] : undefined;
    if (column === undefined) {
      throw unsupportedFilter('expected fields/<column>');
    }
    if (!isWord('eq')) throw unsupportedFilter('only eq compares');
    const value = tokens[at + 1];
    if (value?.kind !== 'text') {
      throw unsupportedFilter('eq takes a quoted text');
    }
    at += 2;
    return { kind: 'eq', column, value: value.text };
  };
  const and = () => chain('and', term);
  const or = (): FilterNode => chain('or', and);

  const tree = or();
  if (at !== tokens.length) {
    throw unsupportedFilter('unexpected text at the end');
  }
  return tree;
}

function tokenize(filter: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s+|\(|\)|'((?:[^']|'')*)'|[^\s()']+/y;
  while (pattern.lastIndex < filter.length) {
    const from = pattern.lastIndex;
    const match = pattern.exec(filter);
    if (match === null) {
      throw unsupportedFilter(`unreadable from character ${from}`);
    }
    const [text, quoted] = match;
    if (text === '(' || text === ')') tokens.push({ kind: text });
    else if (quoted !== undefined) {
      tokens.push({ kind: 'text', text: quoted.replace(/''/g, "'") });
    } else if (!/^\s+$/.test(text)) tokens.push({ kind: 'word', text });
  }
  return tokens;
}

function unsupportedFilter(what: string): GraphFault {
  return new GraphFault(400, 'invalidRequest', `Unsupported $filter: ${what}.`);
}

/** SharePoint compares text without regard to case. */
export function evaluate(
  node: FilterNode,
  fields: Readonly<Record<string, unknown>>,
): boolean {
  switch (node.kind) {
    case 'eq': {
      const value = fields[node.column];
      return value !== undefined && value !== null
        && String(value).toLowerCase() === node.value.toLowerCase();
    }
    case 'and':
      return node.parts.every((part) => evaluate(part, fields));
    case 'or':
      return node.parts.some((part) => evaluate(part, fields));
    default: {
      const impossible: never = node;
      throw new Error(`Unknown filter node ${JSON.stringify(impossible)}`);
    }
  }
}

function columnsOf(node: FilterNode): string[] {
  return node.kind === 'eq' ? [node.column] : node.parts.flatMap(columnsOf);
}

// ---------------------------------------------------------------------
// Bodies

function itemBody(
  item: StoredItem,
  select: ItemsQuery['select'],
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    '@odata.etag': item.etag,
    id: item.id,
    eTag: item.etag,
  };
  if (select !== null) {
    const fields = select === 'all' ? item.fields : Object.fromEntries(
      Object.entries(item.fields).filter(([name]) => select.includes(name)));
    body.fields = { '@odata.etag': item.etag, id: item.id, ...fields };
  }
  return body;
}

function fieldsOf(body: unknown, key: string): Record<string, unknown> {
  const fields = isRecord(body) ? body[key] : null;
  if (!isRecord(fields)) {
    throw new GraphFault(400, 'invalidRequest', 'The body needs fields.');
  }
  return fields;
}

function faultReply(fault: Fault): Reply {
  switch (fault.kind) {
    case 'throttle': {
      const [code, message] = fault.status === 429
        ? ['TooManyRequests', 'Please retry later.']
        : ['serviceNotAvailable', 'Please retry later.'];
      const headers: Record<string, string> = fault.retryAfter === undefined
        ? {} : { 'retry-after': fault.retryAfter };
      return { status: fault.status, headers,
        body: { error: { code, message } } };
    }
    case 'fail':
      return { status: fault.status, body: { error: { code: fault.code,
        message: fault.message ?? 'Injected failure.' } } };
    case 'hang':
      throw new Error('A hang has no reply');
    default: {
      const impossible: never = fault;
      throw new Error(`Unknown fault ${JSON.stringify(impossible)}`);
    }
  }
}

function tryRoute(route: () => Reply): Reply {
  try {
    return route();
  } catch (error) {
    return errorReply(error);
  }
}

/** A bug of this server shows as its own code, not as Graph's. */
function errorReply(error: unknown): Reply {
  const fault = error instanceof GraphFault ? error
    : new GraphFault(500, 'testServerBug', String(error));
  return { status: fault.status,
    body: { error: { code: fault.code, message: fault.message } } };
}

function reply(response: ServerResponse, answer: Reply): void {
  for (const [name, value] of Object.entries(answer.headers ?? {})) {
    response.setHeader(name, value);
  }
  if (answer.body === null || answer.body === undefined) {
    response.writeHead(answer.status).end();
    return;
  }
  response.writeHead(answer.status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(answer.body));
}

function incomingOf(
  request: IncomingMessage,
  body: string,
  origin: string,
): Incoming {
  const url = new URL(request.url ?? '/', origin);
  return {
    method: request.method ?? 'GET',
    url,
    path: decodeURIComponent(url.pathname),
    body,
    header: (name) => {
      const value = request.headers[name];
      return typeof value === 'string' ? value : null;
    },
  };
}

function recordOf(incoming: Incoming): RecordedRequest & {
  status: number | null;
} {
  return {
    method: incoming.method,
    path: incoming.path,
    query: Object.fromEntries(incoming.url.searchParams),
    prefer: incoming.header('prefer'),
    ifMatch: incoming.header('if-match'),
    status: null,
  };
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new GraphFault(400, 'invalidRequest', 'The body is not JSON.');
  }
}

function withoutNulls(
  fields: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields)
    .filter(([, value]) => value !== null && value !== undefined));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
