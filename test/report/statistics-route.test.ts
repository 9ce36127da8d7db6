/**
 * Issue 7: `GET /reports/statistics` on the demo graph (SQLite), as an
 * analyst's tool fetches the Institute's report file.
 */
import { sqliteDatabase } from '../support/databases';
import { startDemoGraph } from '../support/graph';

type Stack = Awaited<ReturnType<typeof startDemoGraph>>;

interface ErrorBody {
  errors: { message: string; extensions: Record<string, unknown> }[];
}

interface ReportDocument {
  periods: unknown[];
  scope: string;
  columns: { name: string; description: string }[];
  rows: Record<string, unknown>[];
}

describe('GET /reports/statistics', () => {
  const database = sqliteDatabase();
  let stack: Stack;
  let analyst: string;

  beforeAll(async () => {
    stack = await startDemoGraph(await database.create());
    analyst = await stack.token({ role: 'analyst' });
  }, 120_000);

  afterAll(async () => {
    await stack?.cleanUp();
    await database.drop();
  });

  function get(search: string, token?: string, init: RequestInit = {}) {
    const url = new URL(`/reports/statistics${search}`, stack.gatewayUrl);
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    return fetch(url, { ...init, headers: { ...headers, ...init.headers } });
  }

  it('answers the file as CSV, one row per cell and the total', async () => {
    const response = await get('?period=2026&by=zone', analyst);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type'))
      .toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition'))
      .toBe('attachment; filename="statistics-2026-national.csv"');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^period;scope;row;zone;requests;grants;/);
    expect(lines.slice(1).every((line) => line.startsWith('2026;national;')))
      .toBe(true);
    expect(lines[lines.length - 1]).toMatch(/^2026;national;total;;31;24;/);
    expect(lines.some((line) => line.includes(';suppressed;'))).toBe(true);
  });

  it('answers the same report as JSON, its columns described', async () => {
    const response = await get(
      '?period=2026-Q3&by=gender&scope=arrondissement:ANT&format=json',
      analyst);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type'))
      .toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="statistics-2026-Q3-arrondissement-ANT.json"');
    const document = (await response.json()) as ReportDocument;
    expect(document.periods).toEqual(
      [{ label: '2026-Q3', from: '2026-07-01', to: '2026-09-30' }]);
    expect(document.scope).toBe('arrondissement:ANT');
    expect(document.columns[3]).toEqual(expect.objectContaining(
      { name: 'gender' }));
    expect(document.rows.at(-1)).toMatchObject(
      { period: '2026-Q3', row: 'total', gender: null });
  });

  it('asks one report per month with each=month', async () => {
    const response = await get('?period=2026-Q3&each=month', analyst);
    const rows = (await response.text()).trimEnd().split('\r\n').slice(1);
    expect(rows.map((row) => row.split(';').slice(0, 3).join(';'))).toEqual([
      '2026-07;national;total',
      '2026-08;national;total',
      '2026-09;national;total',
    ]);
  });

  it.each([
    ['', 'period', /^period must be 2026-07, .*got ""$/],
    ['?period=2026-13', 'period', /got "2026-13"$/],
    ['?period=2026&by=colour', 'by', /got "colour"$/],
    ['?period=2026&format=xlsx', 'format', /got "xlsx"$/],
    ['?period=2026&scope=province:ANT', 'scope', /got "province:ANT"$/],
    ['?period=2026&period=2025', 'period', /given once/],
    ['?period=2026&colour=red', 'colour', /got "red"$/],
  ])('refuses %j with 400, naming the parameter', async (search, argument,
    message) => {
    const response = await get(search, analyst);
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as ErrorBody;
    expect(errors[0].extensions).toEqual(
      { code: 'BAD_USER_INPUT', argument });
    expect(errors[0].message).toMatch(message);
  });

  it('answers the graph\'s own BAD_USER_INPUT with 400', async () => {
    const response = await get(
      '?period=2026&by=zone,gender,age-band,relationship,origin', analyst);
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as ErrorBody;
    expect(errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a caller without a token, or with a forged one, 401',
    async () => {
      for (const token of [undefined, 'forged']) {
        const response = await get('?period=2026', token);
        expect(response.status).toBe(401);
        const { errors } = (await response.json()) as ErrorBody;
        expect(errors[0].extensions.code).toBe('UNAUTHENTICATED');
      }
    });

  it('refuses victim support, who reads no statistics, 403', async () => {
    const token = await stack.token(
      { role: 'victim-support', arrondissement: 'ANT' });
    const response = await get('?period=2026', token);
    expect(response.status).toBe(403);
    const { errors } = (await response.json()) as ErrorBody;
    expect(errors[0].extensions.code).toBe('FORBIDDEN');
    expect(response.headers.get('content-disposition')).toBeNull();
  });

  it('answers a magistrate their arrondissement, nothing wider', async () => {
    const token = await stack.token(
      { role: 'magistrate', arrondissement: 'ANT' });
    const own = await get('?period=2026', token);
    expect(own.status).toBe(200);
    expect(await own.text()).toContain('2026;arrondissement:ANT;total;');

    const national = await get('?period=2026&scope=national', token);
    expect(national.status).toBe(403);
    const { errors } = (await national.json()) as ErrorBody;
    expect(errors[0].extensions).toEqual(
      { code: 'FORBIDDEN', reason: 'SCOPE_NOT_ANSWERED' });

    const brussels = await get('?period=2026&scope=arrondissement:BRU', token);
    expect(brussels.status).toBe(403);
  });

  it('refuses a stated purpose the audit trail cannot hold, 400', async () => {
    const response = await get('?period=2026', analyst,
      { headers: { 'x-purpose': 'x'.repeat(501) } });
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as ErrorBody;
    expect(errors[0].extensions).toEqual({ code: 'BAD_REQUEST' });
  });

  it('serves GET only', async () => {
    const response = await get('?period=2026', analyst, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });
});

describe('GET /reports/statistics: the rate limit', () => {
  const database = sqliteDatabase();
  let stack: Stack;

  beforeAll(async () => {
    stack = await startDemoGraph(await database.create(), {
      gatewayEnv: { RATE_LIMIT_BURST: '2', RATE_LIMIT_PER_MINUTE: '1' },
    });
  }, 120_000);

  afterAll(async () => {
    await stack?.cleanUp();
    await database.drop();
  });

  it('counts each period asked as one operation', async () => {
    const token = await stack.token({ role: 'analyst' });
    const url = new URL('/reports/statistics?period=2026-Q3&each=month',
      stack.gatewayUrl);
    const response = await fetch(url,
      { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    const { errors } = (await response.json()) as ErrorBody;
    expect(errors[0].extensions).toEqual(
      { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
  });
});
