import { FIGURE_COLUMNS, type Section } from './columns';
import {
  NOT_RECORDED,
  reportTableOf,
  rowsOf,
  SUPPRESSED,
  WITHHELD,
  type StatisticsAnswer,
} from './rows';

const shown = (value: number) => ({ value, suppressed: false });
const suppressed = { value: null, suppressed: true };
const stat = (value: number) => ({ value, withheld: false });
const withheld = { value: null, withheld: true };
const nothing = { value: null, withheld: false };

/** ProtectionFigures with every count `count` and every statistic `s`. */
function figures(
  count: object,
  s: object = nothing,
): Record<string, unknown> {
  const tree: Record<string, Record<string, unknown>> = {};
  for (const column of FIGURE_COLUMNS) {
    let node: Record<string, unknown> = tree;
    for (const field of column.path.slice(0, -1)) {
      node = (node[field] ??= {}) as Record<string, unknown>;
    }
    node[column.path[column.path.length - 1]] =
      column.kind === 'count' ? count : s;
  }
  return tree;
}

const Q3 = {
  unit: 'QUARTER', label: '2026-Q3', from: '2026-07-01', to: '2026-09-30',
};

function answer(
  cells: Record<string, unknown>[],
  total = figures(shown(21), stat(12.5)),
): StatisticsAnswer {
  return {
    period: Q3,
    scope: { arrondissement: { code: 'ANT' }, zone: null },
    dimensions: ['ZONE', 'PROTECTED_GENDER'],
    threshold: 5,
    protection: { total, cells },
    devices: null,
    victimSupport: null,
  };
}

const cell = (zone: string, gender: string | null, f: object) => ({
  zone: { code: zone }, protectedGender: gender, figures: f,
});

describe('gateway/report/rows: one row per cell', () => {
  const rows = rowsOf(answer([
    cell('5345', 'FEMALE', figures(shown(6), stat(190))),
    cell('5347', null, figures(suppressed, withheld)),
  ]));

  it('writes the cells in the answer\'s order, then the total', () => {
    expect(rows.map((row) => [row.row, row.zone, row.gender])).toEqual([
      ['cell', '5345', 'FEMALE'],
      ['cell', '5347', NOT_RECORDED],
      ['total', null, null],
    ]);
  });

  it('starts each row with the period and the scope', () => {
    expect(rows[0]).toMatchObject({
      period: '2026-Q3', scope: 'arrondissement:ANT',
    });
  });

  it('has a column per dimension asked and per figure, no other', () => {
    const names = ['period', 'scope', 'row', 'zone', 'gender',
      ...FIGURE_COLUMNS.map((column) => column.name)];
    expect(Object.keys(rows[0])).toEqual(names);
  });

  it('writes a suppressed count as suppressed, never 0', () => {
    expect(rows[1].grants).toBe(SUPPRESSED);
    expect(rows[1].ends_early).toBe(SUPPRESSED);
    expect(rows[0].grants).toBe(6);
  });

  it('writes a withheld statistic as withheld, and nothing as empty', () => {
    expect(rows[1].duration_median_days).toBe(WITHHELD);
    expect(rows[0].alerts_real_rate).toBe(190);
    expect(rowsOf(answer([], figures(shown(0))))[0]
      .duration_mean_days).toBeNull();
  });

  it('reads each figure where its column says', () => {
    const total = figures(shown(1));
    (total.ends as Record<string, unknown>).early = shown(4);
    const [row] = rowsOf(answer([], total));
    expect(row.ends_early).toBe(4);
    expect(row.ends_expired).toBe(1);
  });
});

describe('gateway/report/rows: the sections of the report', () => {
  it('leaves a section\'s columns empty where the graph gives none', () => {
    const [total] = rowsOf({ ...answer([]), protection: null });
    expect(total.row).toBe('total');
    expect(total.grants).toBeNull();
    expect(total.duration_mean_days).toBeNull();
  });
});

describe('gateway/report/rows: the devices and victim support', () => {
  const byArrondissement = (
    sections: Partial<Record<Section, unknown>>,
  ): StatisticsAnswer => ({
    ...answer([]),
    scope: { arrondissement: null, zone: null },
    dimensions: ['ARRONDISSEMENT'],
    protection: null,
    devices: null,
    victimSupport: null,
    ...sections,
  } as StatisticsAnswer);
  const at = (code: string, f: object) =>
    ({ arrondissement: { code }, figures: f });

  it('joins each section\'s cell to the row of its arrondissement', () => {
    const rows = rowsOf(byArrondissement({
      protection: { total: figures(shown(30)),
        cells: [at('ANT', figures(shown(10))), at('BRU', figures(shown(20)))] },
      devices: { total: figures(shown(9)),
        cells: [at('BRU', figures(shown(7))), at('LIE', figures(shown(2)))] },
      victimSupport: { total: figures(shown(8)),
        cells: [at('ANT', figures(suppressed))] },
    }));
    expect(rows.map((row) => [row.arrondissement, row.grants,
      row.stock_assigned, row.support_referrals])).toEqual([
      ['ANT', 10, 0, SUPPRESSED],
      ['BRU', 20, 7, 0],
      ['LIE', 0, 2, 0],
      [null, 30, 9, 8],
    ]);
  });

  it('leaves a section\'s cells empty when it lacks a dimension asked, ' +
    'its total filled', () => {
    const rows = rowsOf({
      ...answer([cell('5345', 'FEMALE', figures(shown(6)))]),
      dimensions: ['ZONE'],
      victimSupport: { total: figures(shown(8)),
        cells: [at('ANT', figures(shown(8)))] },
    });
    expect(rows.map((row) => [row.row, row.support_referrals]))
      .toEqual([['cell', null], ['total', 8]]);
  });

  it('leaves a null section\'s columns empty, total and all', () => {
    const rows = rowsOf(byArrondissement({
      protection: { total: figures(shown(10)),
        cells: [at('ANT', figures(shown(10)))] },
      devices: { total: figures(shown(3)), cells: [] },
    }));
    expect(rows.map((row) => [row.stock_lost, row.support_offers_initial]))
      .toEqual([[0, null], [3, null]]);
  });

  it('leaves a place empty where a section gives it twice', () => {
    const rows = rowsOf({
      ...answer([]),
      dimensions: ['ZONE'],
      devices: { total: figures(shown(5)), cells: [
        { arrondissement: { code: 'ANT' }, zone: null,
          figures: figures(shown(1)) },
        { arrondissement: { code: 'MEC' }, zone: null,
          figures: figures(shown(4)) },
        { arrondissement: { code: 'ANT' }, zone: { code: '5345' },
          figures: figures(shown(0)) },
      ] },
    });
    expect(rows.map((row) => [row.zone, row.stock_available])).toEqual([
      [NOT_RECORDED, null], ['5345', 0], [null, 5],
    ]);
  });
});

describe('gateway/report/rows: a table of several periods', () => {
  it('writes each period\'s rows in turn, with the periods listed', () => {
    const august = { ...answer([]), period: {
      unit: 'CUSTOM', label: '2026-08-01/2026-08-15',
      from: '2026-08-01', to: '2026-08-15',
    } };
    const table = reportTableOf([answer([]), august]);
    expect(table.rows.map((row) => row.period))
      .toEqual(['2026-Q3', '2026-08-01..2026-08-15']);
    expect(table.periods[1]).toEqual({
      label: '2026-08-01..2026-08-15', from: '2026-08-01', to: '2026-08-15',
    });
    expect(table.dimensions).toEqual(['zone', 'gender']);
    expect(table.scope).toBe('arrondissement:ANT');
  });

  it('refuses to make a table of no answer', () => {
    expect(() => reportTableOf([])).toThrow('A report needs an answer');
  });
});
