import { protectTable, type TableCell } from './disclosure';

/** A cell of `count` people, each counted once, named from `prefix`. */
function cell(key: string[], count: number, prefix = key.join('-')): TableCell {
  const people = Array.from({ length: count }, (_, i) => `${prefix}:${i}`);
  return { key, value: count, people };
}

const shown = (value: number) => ({ value, suppressed: false });
const hidden = { value: null, suppressed: true };

describe('disclosure: primary suppression', () => {
  it('suppresses a cell of 4 people, shown as suppressed and not 0', () => {
    const table = protectTable(1, [cell(['A'], 4), cell(['B'], 9),
      cell(['C'], 7)]);

    expect(table.count(['A'])).toEqual(hidden);
  });

  it('shows a cell of 5 people', () => {
    const table = protectTable(1, [cell(['A'], 5), cell(['B'], 9)]);

    expect(table.count(['A'])).toEqual(shown(5));
    expect(table.count(['B'])).toEqual(shown(9));
    expect(table.count([null])).toEqual(shown(14));
  });

  it('shows an empty cell as 0: it singles out nobody', () => {
    const table = protectTable(1, [cell(['A'], 6)]);

    expect(table.count(['Z'])).toEqual(shown(0));
  });

  it('counts people, not events: 7 events of 3 people are suppressed', () => {
    const events: TableCell = { key: ['A'], value: 7,
      people: ['p1', 'p2', 'p3', 'p1', 'p2', 'p1', 'p3'] };
    const table = protectTable(1, [events, cell(['B'], 8), cell(['C'], 6)]);

    expect(table.count(['A'])).toEqual(hidden);
    expect(table.people(['A'])).toBe(3);
  });

  it('suppresses a grand total of fewer than 5 people', () => {
    const table = protectTable(1, [cell(['A'], 2), cell(['B'], 1)]);

    expect(table.count([null])).toEqual(hidden);
  });
});

describe('disclosure: complementary suppression', () => {
  it('suppresses the next smallest cell when a total would reveal one', () => {
    // 4 + 6 + 9 = 19: with 19 shown, A = 19 - 6 - 9.
    const table = protectTable(1, [cell(['A'], 4), cell(['B'], 9),
      cell(['C'], 6)]);

    expect(table.count(['A'])).toEqual(hidden);
    expect(table.count(['C'])).toEqual(hidden);
    expect(table.count(['B'])).toEqual(shown(9));
    expect(table.count([null])).toEqual(shown(19));
  });

  it('needs no complement when two cells are suppressed already', () => {
    const table = protectTable(1, [cell(['A'], 4), cell(['B'], 3),
      cell(['C'], 6)]);

    expect(table.count(['C'])).toEqual(shown(6));
    expect(table.count([null])).toEqual(shown(13));
  });

  it('suppresses the total when no other cell can hide the suppressed one',
    () => {
      const table = protectTable(2, [cell(['A', 'x'], 3), cell(['B', 'y'], 6),
        cell(['B', 'x'], 6)]);

      // Row A holds one cell: the row's margin is the cell itself.
      expect(table.count(['A', null])).toEqual(hidden);
      expect(table.count(['A', 'x'])).toEqual(hidden);
    });

  it('protects rows and columns of a cross table', () => {
    //        x    y    z
    //   A    4   10   12
    //   B    8    7   11
    const table = protectTable(2, [
      cell(['A', 'x'], 4), cell(['A', 'y'], 10), cell(['A', 'z'], 12),
      cell(['B', 'x'], 8), cell(['B', 'y'], 7), cell(['B', 'z'], 11),
    ]);

    // Row A and column x each need a second hidden cell.
    expect(table.count(['A', 'x'])).toEqual(hidden);
    const rowA = ['y', 'z'].map((c) => table.count(['A', c]).suppressed);
    const columnX = table.count(['B', 'x']).suppressed;
    expect(rowA.filter(Boolean)).toHaveLength(1);
    expect(columnX).toBe(true);
    // And so every row and column holds none or at least two.
    for (const row of ['A', 'B']) {
      const hiddenCells = ['x', 'y', 'z']
        .filter((c) => table.count([row, c]).suppressed);
      expect(hiddenCells.length).not.toBe(1);
    }
    for (const column of ['x', 'y', 'z']) {
      const hiddenCells = ['A', 'B']
        .filter((r) => table.count([r, column]).suppressed);
      expect(hiddenCells.length).not.toBe(1);
    }
    expect(table.count([null, null])).toEqual(shown(52));
  });

  it('hides a second event cell of a person group, not only people cells',
    () => {
      // Row A: 8 events by 5 people, shown; A-y is 2 events by 2 people,
      // hidden; A-x would give it back as 8 - 6.
      const table = protectTable(2, [
        { key: ['A', 'x'], value: 6, people: ['p1', 'p2', 'p3', 'p4',
          'p5'] },
        { key: ['A', 'y'], value: 2, people: ['p1', 'p2'] },
        cell(['B', 'x'], 9), cell(['B', 'y'], 8),
      ]);

      expect(table.count(['A', null])).toEqual(shown(8));
      expect(table.count(['A', 'y'])).toEqual(hidden);
      expect(table.count(['A', 'x'])).toEqual(hidden);
    });

  it('hides a member of a suppressed margin, so it is not summed back',
    () => {
      // Column x is 3 + 2 people: each cell hidden, and column y's 6 + 7
      // hidden by the row groups; x's margin of 5 people is shown.
      const table = protectTable(2, [
        cell(['A', 'x'], 3), cell(['B', 'x'], 2),
        cell(['A', 'y'], 6), cell(['B', 'y'], 7),
      ]);

      for (const key of [['A', 'x'], ['B', 'x'], ['A', 'y'], ['B', 'y']]) {
        expect(table.count(key)).toEqual(hidden);
      }
      expect(table.count([null, 'x'])).toEqual(shown(5));
      expect(table.count(['A', null])).toEqual(shown(9));
    });

  it('gives the same answer on every run, ties broken by key', () => {
    const cells = [cell(['A'], 3), cell(['C'], 6), cell(['B'], 6)];
    const first = protectTable(1, cells);
    const second = protectTable(1, [...cells].reverse());

    expect(first.count(['B'])).toEqual(hidden);
    expect(second.count(['B'])).toEqual(hidden);
    expect(second.count(['C'])).toEqual(shown(6));
  });
});

describe('disclosure: nested dimensions', () => {
  // Zones (dimension 0) in arrondissements (dimension 1).
  const nested = [[0, 1]] as const;

  it('sums the zones of an arrondissement to it, and those to the country',
    () => {
      const table = protectTable(2, [
        cell(['z1', 'A'], 4), cell(['z2', 'A'], 9), cell(['z3', 'A'], 8),
        cell(['z4', 'B'], 7), cell(['z5', 'B'], 6),
      ], { nested });

      // A = 21 shown: z1 needs a complement in A, the smallest, z3.
      expect(table.count(['z1', 'A'])).toEqual(hidden);
      expect(table.count(['z3', 'A'])).toEqual(hidden);
      expect(table.count(['z2', 'A'])).toEqual(shown(9));
      expect(table.count([null, 'A'])).toEqual(shown(21));
      expect(table.count(['z4', 'B'])).toEqual(shown(7));
      expect(table.count([null, null])).toEqual(shown(34));
    });

  it('refuses a key naming a zone without its arrondissement', () => {
    const table = protectTable(2, [cell(['z1', 'A'], 6)], { nested });

    expect(() => table.count(['z1', null])).toThrow(
      'A margin key needs 2 values, the outer of a nested one and every unsummed one named, got ["z1",null]');
  });
});

describe('disclosure: parts of a figure whose total is published nowhere',
  () => {
    // Prolongations by cause (dimension 1): no answer gives their sum.
    const unsummed = [1];

    it('asks no complement for a part hidden among unsummed parts', () => {
      const table = protectTable(2, [cell(['A', 'real'], 2),
        cell(['A', 'facts'], 6), cell(['B', 'real'], 7),
        cell(['B', 'facts'], 8)], { unsummed });

      expect(table.count(['A', 'real'])).toEqual(hidden);
      expect(table.count(['A', 'facts'])).toEqual(shown(6));
    });

    it('still protects the part against its other margins', () => {
      // real over A and B is 2 + 7 = 9, shown: B's 7 would give A's 2.
      const table = protectTable(2, [cell(['A', 'real'], 2),
        cell(['A', 'facts'], 6), cell(['B', 'real'], 7),
        cell(['B', 'facts'], 8)], { unsummed });

      expect(table.count([null, 'real'])).toEqual(shown(9));
      expect(table.count(['B', 'real'])).toEqual(hidden);
      expect(() => table.count(['A', null])).toThrow('every unsummed one');
    });
  });

describe('disclosure: misuse', () => {
  it('refuses a key of the wrong length, showing it', () => {
    expect(() => protectTable(2, [cell(['A'], 5)]))
      .toThrow('A cell needs 2 key values, got ["A"]');
  });

  it('refuses a nesting of a dimension in itself', () => {
    expect(() => protectTable(2, [], { nested: [[1, 1]] }))
      .toThrow('A nesting names two dimensions of the table, got [1,1]');
  });

  it('refuses a threshold that is not a positive integer', () => {
    expect(() => protectTable(1, [], { threshold: 0 }))
      .toThrow('The disclosure threshold is a positive integer, got 0');
  });
});
