import { readFileSync } from 'node:fs';
import { allColumns } from '../../gateway/report/columns';
import {
  END_MARKER,
  README_PATH,
  START_MARKER,
  withColumnTable,
} from '../../scripts/report-docs';

describe('scripts/report-docs: the README\'s column table', () => {
  const readme = readFileSync(README_PATH, 'utf8');

  it('is up to date with the report\'s columns (npm run docs:report)',
    () => {
      expect(withColumnTable(readme)).toBe(readme);
    });

  it('describes every column a report may have, once', () => {
    const table = readme.slice(readme.indexOf(START_MARKER),
      readme.indexOf(END_MARKER));
    for (const column of allColumns()) {
      expect(table.split(`| \`${column.name}\` |`)).toHaveLength(2);
    }
  });

  it('refuses a README without its markers', () => {
    expect(() => withColumnTable('# nothing here'))
      .toThrow(`README.md needs ${START_MARKER} before ${END_MARKER}`);
  });
});
