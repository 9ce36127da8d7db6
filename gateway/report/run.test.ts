import { FIGURE_COLUMNS } from './columns';
import {
  parseDimensions,
  parsePeriod,
  parseScope,
  splitPeriod,
} from './request';
import { runReport, SCOPE_NOT_ANSWERED, statusOf, type Execute } from './run';

function figures(): Record<string, unknown> {
  const tree: Record<string, Record<string, unknown>> = {};
  for (const column of FIGURE_COLUMNS) {
    let node: Record<string, unknown> = tree;
    for (const field of column.path.slice(0, -1)) {
      node = (node[field] ??= {}) as Record<string, unknown>;
    }
    node[column.path[column.path.length - 1]] = column.kind === 'count'
      ? { value: 7, suppressed: false }
      : { value: null, withheld: true };
  }
  return tree;
}

function statistics(label: string, arrondissement: string | null) {
  return {
    period: { unit: 'MONTH', label, from: `${label}-01`, to: `${label}-28` },
    scope: { arrondissement: arrondissement && { code: arrondissement },
      zone: null },
    dimensions: [],
    threshold: 5,
    protection: { total: figures(), cells: [] },
    devices: { total: figures(), cells: [] },
    victimSupport: null,
  };
}

/** Answers each month; records the variables it was asked with. */
function recording(arrondissement: string | null = null) {
  const asked: Record<string, unknown>[] = [];
  const execute: Execute = async (_query, variables) => {
    asked.push(variables);
    const period = variables.period as { label: string };
    return { data: { statistics: statistics(period.label, arrondissement) } };
  };
  return { asked, execute };
}

const request = (scope = 'national') => ({
  periods: splitPeriod(parsePeriod('2026-Q3'), 'month'),
  dimensions: parseDimensions(''),
  scope: parseScope(scope),
});

describe('gateway/report/run: a report of several periods', () => {
  it('asks each period in turn and tells the progress after each',
    async () => {
    const { asked, execute } = recording();
    const steps: string[] = [];
    const outcome = await runReport({
      request: request(),
      execute,
      progress: (done, total) => steps.push(`${done}/${total}`),
    });
    expect(asked.map((variables) => variables.period)).toEqual([
      { unit: 'MONTH', label: '2026-07' },
      { unit: 'MONTH', label: '2026-08' },
      { unit: 'MONTH', label: '2026-09' },
    ]);
    expect(steps).toEqual(['1/3', '2/3', '3/3']);
    expect(outcome.kind === 'table' && outcome.table.rows.length).toBe(3);
  });

  it('stops at the first refusal and gives its errors, no table', async () => {
    let calls = 0;
    const forbidden = { message: 'no', extensions: { code: 'FORBIDDEN' } };
    const outcome = await runReport({
      request: request(),
      execute: async () => {
        calls += 1;
        return { data: null, errors: [forbidden] };
      },
    });
    expect(outcome).toEqual({ kind: 'refused', errors: [forbidden] });
    expect(calls).toBe(1);
  });

  it('refuses an answer with figures and errors: a part is missing',
    async () => {
      const failed = { message: 'x', extensions: { code: 'SUBGRAPH_DOWN' } };
      const outcome = await runReport({
        request: request(),
        execute: async () => ({
          data: { statistics: statistics('2026-07', null) },
          errors: [failed],
        }),
      });
      expect(outcome).toEqual({ kind: 'refused', errors: [failed] });
    });

  it('refuses an answer narrower than the national scope asked', async () => {
    const { execute } = recording('ANT');
    const outcome = await runReport({ request: request(), execute });
    expect(outcome.kind === 'refused' && outcome.errors[0]).toEqual({
      message: "The scope national is wider than the caller's territory, "
        + 'which is arrondissement:ANT',
      extensions: { code: 'FORBIDDEN', reason: SCOPE_NOT_ANSWERED },
    });
  });
});

describe('gateway/report/run: the HTTP status of a refusal', () => {
  const of = (code: string) =>
    statusOf([{ message: '', extensions: { code } }]);

  it('answers the client\'s errors 4xx and a subgraph\'s failure 502', () => {
    expect(of('BAD_USER_INPUT')).toBe(400);
    expect(of('UNAUTHENTICATED')).toBe(401);
    expect(of('FORBIDDEN')).toBe(403);
    expect(of('RATE_LIMITED')).toBe(429);
    expect(of('INTERNAL_SERVER_ERROR')).toBe(500);
    expect(of('DOWNSTREAM_SERVICE_ERROR')).toBe(502);
    expect(statusOf([])).toBe(502);
  });
});
