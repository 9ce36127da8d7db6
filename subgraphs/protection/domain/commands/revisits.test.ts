import { DEFAULT_RULES } from '../rules';
import { contextOn, granted, requested } from '../testing';
import { dropFutureRevisits, extendRevisits, recordRevisit } from './revisits';

const period = { startDate: '2026-05-31', endDate: '2027-02-28' };

describe('recordRevisit', () => {
  it('§7.11.3: marks the open revisit done and opens the next, 3 months on', () => {
    const change = recordRevisit(
      granted(),
      { doneOn: '2026-06-29', pvReference: 'PV-V1' },
      contextOn('2026-06-29'),
    );
    expect(change.aggregate.revisits).toEqual([
      { dueOn: '2026-06-30', doneOn: '2026-06-29', pvReference: 'PV-V1' },
      { dueOn: '2026-09-30', doneOn: null, pvReference: null },
    ]);
    expect(change.action).toBe('REVISIT');
    expect(change.pvReference).toBe('PV-V1');
  });

  it('§7.11.3: a late revisit stands for the slot it missed', () => {
    const change = recordRevisit(
      granted(),
      { doneOn: '2026-10-05', pvReference: 'PV-V1' },
      contextOn('2026-10-05'),
    );
    expect(change.aggregate.revisits.map((revisit) => revisit.dueOn)).toEqual([
      '2026-06-30',
      '2026-12-31',
    ]);
  });

  it('§7.11.3: schedules none after the end of the measure', () => {
    let aggregate = granted();
    for (const doneOn of ['2026-06-30', '2026-09-30', '2026-12-31']) {
      aggregate = recordRevisit(
        aggregate,
        { doneOn, pvReference: `PV-${doneOn}` },
        contextOn(doneOn),
      ).aggregate;
    }
    expect(aggregate.revisits.map((revisit) => revisit.doneOn)).toEqual([
      '2026-06-30',
      '2026-09-30',
      '2026-12-31',
    ]);
    expect(() =>
      recordRevisit(
        aggregate,
        { doneOn: '2027-01-15', pvReference: 'PV' },
        contextOn('2027-01-15'),
      ),
    ).toThrow(
      'Measure SA/2026/0001 has no revisit scheduled before its end on 2027-02-28 (§7.11.3).',
    );
  });

  it('§7.11.3: only a running measure is revisited', () => {
    expect(() =>
      recordRevisit(
        requested(),
        { doneOn: '2026-05-21', pvReference: 'PV' },
        contextOn('2026-05-21'),
      ),
    ).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
  });
});

describe('revisit helpers', () => {
  const done = { dueOn: '2026-12-31', doneOn: '2026-12-30', pvReference: 'PV' };

  it('§7.11.3: a prolongation opens the next revisit when none was left', () => {
    expect(
      extendRevisits(
        [done],
        { ...period, endDate: '2027-11-28' },
        DEFAULT_RULES,
      ),
    ).toEqual([done, { dueOn: '2027-03-31', doneOn: null, pvReference: null }]);
  });

  it('leaves the revisits alone while one is open', () => {
    const open = [{ dueOn: '2026-09-30', doneOn: null, pvReference: null }];
    expect(
      extendRevisits(open, { ...period, endDate: '2027-11-28' }, DEFAULT_RULES),
    ).toBe(open);
  });

  it('§7.12: at the end, drops the revisits due later but keeps a missed one', () => {
    const missed = { dueOn: '2026-06-30', doneOn: null, pvReference: null };
    const future = { dueOn: '2026-09-30', doneOn: null, pvReference: null };
    expect(dropFutureRevisits([missed, future], '2026-07-15')).toEqual([
      missed,
    ]);
  });
});
