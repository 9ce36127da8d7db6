import {
  evaluate,
  parseFilter,
  startSharePointServer,
  type SharePointServer,
} from './sharepoint-server';

const PREFER = { prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };

let server: SharePointServer;
let token: string;

beforeEach(async () => {
  server = await startSharePointServer({ lists: ['things'] });
  for (const [title, colour] of [['a', 'red'], ['b', 'blue'], ['c', 'red'],
    ['d', 'green'], ['e', 'red']]) {
    server.insert('things', { Title: title, Colour: colour });
  }
  token = await fetchToken();
});

afterEach(() => server.close());

async function fetchToken(secret = server.clientSecret): Promise<string> {
  const response = await fetch(server.tokenUrl, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials',
      client_id: server.clientId, client_secret: secret,
      scope: 'https://graph.microsoft.com/.default' }),
  });
  const body = await response.json() as Record<string, unknown>;
  return body.access_token as string;
}

function items(query = ''): string {
  return `${server.baseUrl}/sites/${server.siteId}/lists/things/items${query}`;
}

async function call(
  url: string,
  init: { method?: string; headers?: Record<string, string>;
    body?: unknown } = {},
): Promise<{ status: number; body: Record<string, any> }> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

describe('parseFilter', () => {
  it('reads eq, and, or and parentheses, with and binding tighter', () => {
    expect(parseFilter("fields/A eq 'x' or fields/B eq 'y' and fields/C eq 'z'"))
      .toEqual({ kind: 'or', parts: [
        { kind: 'eq', column: 'A', value: 'x' },
        { kind: 'and', parts: [{ kind: 'eq', column: 'B', value: 'y' },
          { kind: 'eq', column: 'C', value: 'z' }] },
      ] });
    expect(parseFilter("(fields/A eq 'it''s')"))
      .toEqual({ kind: 'eq', column: 'A', value: "it's" });
  });

  it.each([
    "fields/A ne 'x'",
    "startswith(fields/A, 'x')",
    "fields/A eq 3",
    "Title eq 'x'",
    "fields/A eq 'x",
    "(fields/A eq 'x'",
    "fields/A eq 'x' fields/B eq 'y'",
    '',
  ])('refuses %j', (filter) => {
    expect(() => parseFilter(filter)).toThrow('Unsupported $filter');
  });

  it('compares text without regard to case, as SharePoint does', () => {
    const node = parseFilter("fields/A eq 'Red'");
    expect(evaluate(node, { A: 'RED' })).toBe(true);
    expect(evaluate(node, {})).toBe(false);
  });
});

describe('the token endpoint', () => {
  it('issues a bearer token with its lifetime', async () => {
    expect(token).toMatch(/^\S{20,}$/);
    expect(server.tokensIssued()).toBe(1);
  });

  it('refuses a wrong secret in OAuth2\'s error shape', async () => {
    const response = await fetch(server.tokenUrl, { method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials',
        client_id: server.clientId, client_secret: 'wrong',
        scope: 'https://graph.microsoft.com/.default' }) });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });
});

describe('authentication', () => {
  it('refuses a request without a token, in Graph\'s error shape', async () => {
    const response = await fetch(items());
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: {
      code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } });
  });

  it('refuses a revoked token', async () => {
    server.revokeTokens();
    expect((await call(items())).status).toBe(401);
  });
});

describe('list items', () => {
  it('pages by $top, chaining absolute nextLinks', async () => {
    const first = await call(items('?expand=fields&$top=2'));
    expect(first.body.value.map((i: any) => i.fields.Title))
      .toEqual(['a', 'b']);
    const second = await call(first.body['@odata.nextLink']);
    const third = await call(second.body['@odata.nextLink']);
    expect(third.body.value.map((i: any) => i.fields.Title)).toEqual(['e']);
    expect(third.body['@odata.nextLink']).toBeUndefined();
  });

  it('filters, once told the columns need no index', async () => {
    const query = `?expand=fields(select=Title)&$filter=${encodeURIComponent(
      "fields/Colour eq 'RED'")}`;
    expect((await call(items(query))).body.error.code).toBe('invalidRequest');
    const { body } = await call(items(query), { headers: PREFER });
    expect(body.value.map((i: any) => i.fields)).toEqual(['a', 'c', 'e']
      .map((title, n) => expect.objectContaining({ Title: title,
        id: String([1, 3, 5][n]) })));
    expect(body.value[0].fields.Colour).toBeUndefined();
  });

  it('answers 400 invalidRequest for an option it does not implement',
    async () => {
      const { status, body } = await call(items('?$orderby=fields/Title'));
      expect(status).toBe(400);
      expect(body.error.code).toBe('invalidRequest');
    });

  it('creates items with ids that count up', async () => {
    const { status, body } = await call(items(),
      { method: 'POST', body: { fields: { Title: 'f' } } });
    expect(status).toBe(201);
    expect(body).toMatchObject({ id: '6', fields: { Title: 'f' } });
  });

  it('changes the etag on each update, refusing a stale If-Match with 412',
    async () => {
      const { body: item } = await call(items('/1?expand=fields'));
      const url = items('/1/fields');
      const update = (etag: string) => call(url, { method: 'PATCH',
        headers: { 'if-match': etag }, body: { Colour: 'black' } });
      const first = await update(item['@odata.etag']);
      expect(first.status).toBe(200);
      expect(first.body['@odata.etag']).not.toBe(item['@odata.etag']);
      const stale = await update(item['@odata.etag']);
      expect(stale.status).toBe(412);
    });

  it('clears a column written as null', async () => {
    await call(items('/2/fields'), { method: 'PATCH', body: { Colour: null } });
    expect(server.items('things')[1]!.fields).toEqual({ Title: 'b' });
  });
});

describe('faults', () => {
  it('throttles the next requests with a Retry-After', async () => {
    server.inject({ kind: 'throttle', status: 503, retryAfter: '1' }, 2);
    const response = await fetch(items(),
      { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect((await call(items())).status).toBe(503);
    expect((await call(items())).status).toBe(200);
  });

  it('records each request with its answer', async () => {
    await call(items('?$top=1'));
    expect(server.graphRequests().at(-1)).toMatchObject({ method: 'GET',
      query: { $top: '1' }, status: 200 });
  });
});
