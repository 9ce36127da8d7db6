import {
  DIMENSIONS,
  FIGURE_COLUMNS,
  SECTION_DIMENSIONS,
  SECTIONS,
  allColumns,
  breaksDown,
} from './columns';

const dimension = (name: string) =>
  DIMENSIONS.filter((candidate) => candidate.name === name);

describe('gateway/report/columns: the table of columns', () => {
  it('names each column once', () => {
    const names = allColumns().map((column) => column.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('has figures of every section, section by section', () => {
    const order = FIGURE_COLUMNS.map((column) => column.section)
      .filter((section, index, all) => all[index - 1] !== section);
    expect(order).toEqual([...SECTIONS]);
  });

  it('breaks the agency systems down by territory only', () => {
    expect(SECTION_DIMENSIONS.devices).toEqual(['arrondissement', 'zone']);
    expect(breaksDown('devices', dimension('gender'))).toBe(false);
    expect(breaksDown('victimSupport', dimension('zone'))).toBe(false);
    expect(breaksDown('victimSupport', dimension('arrondissement')))
      .toBe(true);
    expect(breaksDown('protection', DIMENSIONS)).toBe(true);
  });
});
