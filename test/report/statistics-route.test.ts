/**
 * Issue 7: `GET /reports/statistics` on the demo graph (SQLite), as an
 * analyst's tool fetches the Institute's report file.
 */
import {
  DEVICE_COLUMNS,
  FIGURE_COLUMNS,
  VICTIM_SUPPORT_COLUMNS,
  type FigureColumn,
} from '../../gateway/report/columns';
import { sqliteDatabase } from '../support/databases';
import { postGraphQL, startDemoGraph } from '../support/graph';

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

interface Count { value: number | null; suppressed: boolean }
interface SectionAnswer {
  cells: { arrondissement: { code: string }; figures: object }[];
}

/** The figures of both systems by arrondissement, as the graph has them. */
const SYSTEMS_BY_ARRONDISSEMENT = /* GraphQL */ `
  query Systems {
    statistics(period: { unit: YEAR, label: "2026" }, by: [ARRONDISSEMENT]) {
      devices { cells { arrondissement { code } figures {
        stockAtEnd {
          available { value suppressed } assigned { value suppressed }
          inRepair { value suppressed } lost { value suppressed }
          returned { value suppressed }
        }
        assignments { value suppressed }
        shortages { opened { value suppressed } resolved { value suppressed } }
      } } }
      victimSupport { cells { arrondissement { code } figures {
        referrals { value suppressed } firstContacts { value suppressed }
        offersMade {
          initial { value suppressed } renewal { value suppressed }
        }
        offersTakenUp {
          initial { value suppressed } renewal { value suppressed }
        }
      } } }
    }
  }
`;

/** A count of the graph as the file writes it. */
function written(figures: object, column: FigureColumn): unknown {
  let node: unknown = figures;
  for (const field of column.path) {
    node = (node as Record<string, unknown>)[field];
  }
  const count = node as Count;
  return count.suppressed ? 'suppressed' : count.value;
}

describe('GET /reports/statistics: the devices and victim support', () => {
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

  async function report(search: string): Promise<ReportDocument> {
    const url = new URL(`/reports/statistics${search}&format=json`,
      stack.gatewayUrl);
    const response = await fetch(url,
      { headers: { authorization: `Bearer ${analyst}` } });
    expect(response.status).toBe(200);
    return (await response.json()) as ReportDocument;
  }

  const names = (columns: readonly FigureColumn[]) =>
    columns.map((column) => column.name);

  it('joins each system\'s figures to the row of their arrondissement',
    async () => {
      const document = await report('?period=2026&by=arrondissement');
      const { body } = await postGraphQL<{
        statistics: { devices: SectionAnswer; victimSupport: SectionAnswer };
      }>(stack.gatewayUrl, SYSTEMS_BY_ARRONDISSEMENT, { token: analyst });
      const { devices, victimSupport } = body.data!.statistics;
      const cells = document.rows.filter((row) => row.row === 'cell');
      expect(cells.map((row) => row.arrondissement))
        .toEqual(['ANT', 'BRU', 'LIE', 'NAM', 'OVL']);
      for (const [section, columns] of [[devices, DEVICE_COLUMNS],
        [victimSupport, VICTIM_SUPPORT_COLUMNS]] as const) {
        for (const { arrondissement, figures } of section.cells) {
          const row = cells.find(
            (cell) => cell.arrondissement === arrondissement.code);
          for (const column of columns) {
            expect([arrondissement.code, column.name, row?.[column.name]])
              .toEqual([arrondissement.code, column.name,
                written(figures, column)]);
          }
        }
      }
      // Brussels: 7 devices held, 7 victims referred; Antwerpen's are
      // fewer than 5 people.
      expect(cells[1]).toMatchObject(
        { stock_assigned: 7, support_referrals: 7 });
      expect(cells[0]).toMatchObject({ stock_assigned: 'suppressed',
        support_referrals: 'suppressed' });
      expect(document.rows.at(-1)).toMatchObject({ row: 'total',
        stock_assigned: 26, stock_available: 13, support_referrals: 24 });
    });

  it('leaves victim support empty in the cells of a report by zone',
    async () => {
      const { rows } = await report('?period=2026&by=zone');
      const cells = rows.filter((row) => row.row === 'cell');
      for (const row of cells) {
        for (const name of names(VICTIM_SUPPORT_COLUMNS)) {
          expect([row.zone, name, row[name]]).toEqual([row.zone, name, null]);
        }
      }
      expect(cells.find((row) => row.zone === '5303')).toMatchObject(
        { grants: 5, stock_assigned: 6, stock_in_repair: 1 });
      expect(rows.at(-1)).toMatchObject(
        { row: 'total', stock_assigned: 26, support_referrals: 24 });
    });

  it('leaves victim support empty throughout a zone\'s report', async () => {
    const { rows } = await report('?period=2026&by=zone&scope=zone:5345');
    expect(rows.map((row) => [row.row, row.zone])).toEqual(
      [['cell', '5345'], ['total', null]]);
    for (const row of rows) {
      expect(names(VICTIM_SUPPORT_COLUMNS).map((name) => row[name]))
        .toEqual(VICTIM_SUPPORT_COLUMNS.map(() => null));
      expect(row.stock_available).toBe(1);
    }
  });

  it('names every system\'s columns in the CSV header, in order',
    async () => {
      const url = new URL('/reports/statistics?period=2026-Q3',
        stack.gatewayUrl);
      const response = await fetch(url,
        { headers: { authorization: `Bearer ${analyst}` } });
      const [header] = (await response.text()).split('\r\n');
      expect(header).toBe(['period', 'scope', 'row',
        ...names(FIGURE_COLUMNS)].join(';'));
      expect(header).toContain(';travel_notices_late;stock_available;' +
        'stock_assigned;stock_in_repair;stock_lost;stock_returned;' +
        'assignments;shortages_opened;shortages_resolved;support_referrals;');
      expect(header.endsWith(';support_taken_up_renewal')).toBe(true);
    });

  it('describes the systems\' columns in the JSON', async () => {
    const { columns } = await report('?period=2026-Q3&by=arrondissement');
    expect(columns.find((column) => column.name === 'stock_in_repair'))
      .toEqual({ name: 'stock_in_repair',
        description: 'Alarm devices out of use while repaired (their status now).' });
    expect(columns.slice(-VICTIM_SUPPORT_COLUMNS.length)).toEqual(
      VICTIM_SUPPORT_COLUMNS.map(({ name, description }) =>
        ({ name, description })));
    expect(columns[3]).toMatchObject({ name: 'arrondissement' });
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
