import { columnsOf, DIMENSIONS } from './columns';
import { fileNameOf, formatCsv, formatJson, formatReport } from './format';
import type { ReportTable } from './rows';

const zone = DIMENSIONS.filter((dimension) => dimension.name === 'zone');

function table(rows: ReportTable['rows']): ReportTable {
  return {
    periods: [{ label: '2026-Q3', from: '2026-07-01', to: '2026-09-30' }],
    scope: 'national',
    dimensions: ['zone'],
    threshold: 5,
    columns: COLUMNS,
    rows,
  };
}

const COLUMNS = [
  ...columnsOf(zone).slice(0, 4),
  { name: 'grants', description: 'Alarms granted in the period (§7.8).' },
];

const row = (zoneCode: string, grants: number | string | null) => ({
  period: '2026-Q3', scope: 'national', row: 'cell', zone: zoneCode, grants,
});

describe('gateway/report/format: CSV', () => {
  it('writes a header row, then a row per line, ; between, CRLF ends',
    () => {
      const csv = formatCsv(table([row('5345', 'suppressed'),
        row('5347', 6)]));
      expect(csv).toBe([
        'period;scope;row;zone;grants',
        '2026-Q3;national;cell;5345;suppressed',
        '2026-Q3;national;cell;5347;6',
        '',
      ].join('\r\n'));
    });

  it('quotes a field holding ; , a quote or a line end (RFC 4180)', () => {
    const t = { ...table([]), columns: [
      { name: 'a', description: '' }, { name: 'b', description: '' },
      { name: 'c', description: '' }, { name: 'd', description: '' },
    ] };
    const csv = formatCsv({ ...t, rows: [
      { a: 'x;y', b: 'say "hi"', c: 'two\nlines', d: 'plain é' },
    ] });
    expect(csv.split('\r\n')[1])
      .toBe('"x;y";"say ""hi""";"two\nlines";plain é');
  });

  it('writes an empty field for no value', () => {
    const csv = formatCsv(table([row('5345', null)]));
    expect(csv.split('\r\n')[1]).toBe('2026-Q3;national;cell;5345;');
  });
});

describe('gateway/report/format: JSON', () => {
  it('gives the periods, the scope, the markers, the columns and rows',
    () => {
      const document = JSON.parse(formatJson(table([row('5345', 6)])));
      expect(document).toEqual({
        periods: [{ label: '2026-Q3', from: '2026-07-01', to: '2026-09-30' }],
        scope: 'national',
        dimensions: ['zone'],
        threshold: 5,
        markers: { suppressed: 'suppressed', withheld: 'withheld' },
        columns: COLUMNS,
        rows: [row('5345', 6)],
      });
    });

  it('is chosen by formatReport as CSV is', () => {
    const t = table([]);
    expect(formatReport(t, 'json')).toBe(formatJson(t));
    expect(formatReport(t, 'csv')).toBe(formatCsv(t));
  });
});

describe('gateway/report/format: the file name', () => {
  it('names the period and the scope with safe characters only', () => {
    expect(fileNameOf(table([]), 'csv')).toBe('statistics-2026-Q3-national.csv');
    const zoned = { ...table([]), scope: 'zone:5345', periods: [
      { label: '2026-01', from: '', to: '' },
      { label: '2026-12', from: '', to: '' },
    ] };
    expect(fileNameOf(zoned, 'json'))
      .toBe('statistics-2026-01-2026-12-zone-5345.json');
  });
});
