import { sanitizeStatement, STATEMENT_LENGTH } from './sql';

describe('sanitizeStatement', () => {
  it('keeps placeholders, names and keywords as they are', () => {
    const sql = 'SELECT "row"."national_number" AS "n1" FROM "bng_person" ' +
      '"row" WHERE "row"."national_number" IN (?, ?) LIMIT ?';
    expect(sanitizeStatement(sql)).toBe(sql);
  });

  it('replaces quoted strings and numbers left in the text', () => {
    expect(sanitizeStatement(
      "SELECT * FROM person WHERE national_number = '02091800178' " +
        "AND name = 'O''Brien' AND age > 41 AND t2.x = -3.5"))
      .toBe('SELECT * FROM person WHERE national_number = ? ' +
        'AND name = ? AND age > ? AND t2.x = ?');
  });

  it('folds white space and cuts a long statement', () => {
    expect(sanitizeStatement('SELECT\n   1,\t2')).toBe('SELECT ?, ?');
    const long = sanitizeStatement(`SELECT ${'a, '.repeat(1000)}b`);
    expect(long).toHaveLength(STATEMENT_LENGTH);
    expect(long.endsWith('…')).toBe(true);
  });
});
