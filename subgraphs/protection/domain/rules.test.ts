import {
  DEFAULT_RULES,
  ageOn,
  expiryDate,
  grantEndDate,
  isExpiryDue,
  isLateNotice,
  isRevisitDueSoon,
  isRevisitOverdue,
  isWindowOpen,
  isWithin,
  nextRevisitDue,
  prolongedEndDate,
  reEvaluationWindowOf,
  revisitSchedule,
  rulesConfig,
  travelWindowOf,
  tripNights,
} from './rules';

const rules = DEFAULT_RULES;

describe('rulesConfig', () => {
  it('states the defaults of the circular and the DOMAIN Decisions', () => {
    expect(rulesConfig()).toEqual({
      durationMonths: 9,
      firstRevisitAfterMonths: 1,
      revisitEveryMonths: 3,
      revisitDueSoonDays: 14,
      minTravelNights: 5,
      travelNoticeDays: 7,
      reEvaluationWindowMonths: 1,
    });
  });

  it('replaces only the figures given', () => {
    expect(rulesConfig({ revisitDueSoonDays: 7 })).toMatchObject({
      revisitDueSoonDays: 7,
      durationMonths: 9,
    });
  });

  it('refuses a bad figure, naming the option and the value', () => {
    expect(() => rulesConfig({ durationMonths: 0 })).toThrow(
      'Rules option durationMonths must be a whole number of at least 1, got 0',
    );
    expect(() => rulesConfig({ travelNoticeDays: 1.5 })).toThrow(
      'travelNoticeDays',
    );
  });
});

describe('duration (§7.10)', () => {
  it('§7.10.1: a grant on 31 May ends on the last day of February', () => {
    expect(grantEndDate('2026-05-31', rules)).toBe('2027-02-28');
    expect(grantEndDate('2027-05-31', rules)).toBe('2028-02-29');
  });

  it('§7.10.1: a grant on 31 August ends on 31 May', () => {
    expect(grantEndDate('2026-08-31', rules)).toBe('2027-05-31');
  });

  it('§7.10.1: a grant on 30 June ends on 30 March', () => {
    expect(grantEndDate('2026-06-30', rules)).toBe('2027-03-30');
  });

  it('§7.10.2: a prolongation ends 9 months after the incident', () => {
    expect(prolongedEndDate('2027-02-28', '2027-02-28', rules)).toBe(
      '2027-11-28',
    );
  });

  it('§7.10.2: a prolongation never shortens the measure', () => {
    expect(prolongedEndDate('2027-02-28', '2026-04-01', rules)).toBe(
      '2027-02-28',
    );
  });

  it('§7.12.2: a measure expires once its end date has passed', () => {
    expect(isExpiryDue('2027-02-28', '2027-02-28')).toBe(false);
    expect(isExpiryDue('2027-02-28', '2027-03-01')).toBe(true);
    expect(expiryDate('2027-02-28')).toBe('2027-03-01');
  });
});

describe('revisits (§7.11.3)', () => {
  it('falls one month after the grant, then every 3 months up to the end', () => {
    expect(revisitSchedule('2026-05-31', '2027-02-28', rules)).toEqual([
      '2026-06-30',
      '2026-09-30',
      '2026-12-31',
    ]);
  });

  it('counts each date from the start, so month ends do not drift', () => {
    expect(revisitSchedule('2026-01-31', '2026-10-31', rules)).toEqual([
      '2026-02-28',
      '2026-05-31',
      '2026-08-31',
    ]);
  });

  it('includes a revisit due on the end date itself', () => {
    const schedule = revisitSchedule('2026-01-01', '2026-10-01', {
      ...rules,
      revisitEveryMonths: 3,
      firstRevisitAfterMonths: 3,
    });
    expect(schedule.at(-1)).toBe('2026-10-01');
  });

  it('schedules the next after the one done, on the original rhythm', () => {
    const period = { startDate: '2026-05-31', endDate: '2027-02-28' };
    expect(
      nextRevisitDue(
        period,
        { dueOn: '2026-06-30', doneOn: '2026-06-25' },
        rules,
      ),
    ).toBe('2026-09-30');
  });

  it('lets a late revisit stand for the slot it missed', () => {
    const period = { startDate: '2026-05-31', endDate: '2027-02-28' };
    expect(
      nextRevisitDue(
        period,
        { dueOn: '2026-06-30', doneOn: '2026-10-02' },
        rules,
      ),
    ).toBe('2026-12-31');
  });

  it('schedules none past the end', () => {
    const period = { startDate: '2026-05-31', endDate: '2027-02-28' };
    expect(
      nextRevisitDue(
        period,
        { dueOn: '2026-12-31', doneOn: '2026-12-31' },
        rules,
      ),
    ).toBeNull();
  });

  it('an open revisit is overdue the day after its due date', () => {
    const revisit = { dueOn: '2026-06-30', doneOn: null };
    expect(isRevisitOverdue(revisit, '2026-06-30')).toBe(false);
    expect(isRevisitOverdue(revisit, '2026-07-01')).toBe(true);
    expect(
      isRevisitOverdue({ ...revisit, doneOn: '2026-06-29' }, '2026-08-01'),
    ).toBe(false);
  });

  it('an open revisit is due soon from 14 days ahead to its due date', () => {
    const revisit = { dueOn: '2026-06-30', doneOn: null };
    expect(isRevisitDueSoon(revisit, '2026-06-15', rules)).toBe(false);
    expect(isRevisitDueSoon(revisit, '2026-06-16', rules)).toBe(true);
    expect(isRevisitDueSoon(revisit, '2026-06-30', rules)).toBe(true);
    expect(isRevisitDueSoon(revisit, '2026-07-01', rules)).toBe(false);
  });
});

describe('re-evaluation window (§7.12.1)', () => {
  it('is the month before the end, both days included', () => {
    const window = reEvaluationWindowOf('2027-02-28', rules);
    expect(window).toEqual({ from: '2027-01-28', to: '2027-02-28' });
    expect(isWithin(window, '2027-01-27')).toBe(false);
    expect(isWithin(window, '2027-01-28')).toBe(true);
    expect(isWithin(window, '2027-02-28')).toBe(true);
    expect(isWithin(window, '2027-03-01')).toBe(false);
  });

  it('falls back to the month end when the month is shorter', () => {
    expect(reEvaluationWindowOf('2027-03-31', rules).from).toBe('2027-02-28');
  });
});

describe('travel (§7.11.1)', () => {
  it('counts nights up to the last night away', () => {
    expect(tripNights('2026-07-01', '2026-07-05')).toBe(5);
    expect(tripNights('2026-07-01', '2026-07-01')).toBe(1);
  });

  it('a trip announced 6 days ahead is late, 7 days ahead is not', () => {
    const trip = { kind: 'TRIP' as const, fromDate: '2026-07-08' };
    expect(isLateNotice({ ...trip, announcedOn: '2026-07-02' }, rules)).toBe(
      true,
    );
    expect(isLateNotice({ ...trip, announcedOn: '2026-07-01' }, rules)).toBe(
      false,
    );
  });

  it('a usual place is never late: it has no notice period', () => {
    expect(
      isLateNotice(
        {
          kind: 'USUAL_PLACE',
          fromDate: '2026-07-08',
          announcedOn: '2026-07-08',
        },
        rules,
      ),
    ).toBe(false);
  });

  it('a trip window runs from the first day to the morning of the return', () => {
    const window = travelWindowOf({
      kind: 'TRIP',
      fromDate: '2026-07-01',
      toDate: '2026-07-05',
    });
    expect(window).toEqual({ from: '2026-07-01', to: '2026-07-06' });
    expect(isWindowOpen(window, '2026-06-30')).toBe(false);
    expect(isWindowOpen(window, '2026-07-06')).toBe(true);
    expect(isWindowOpen(window, '2026-07-07')).toBe(false);
  });

  it('a usual place window is open-ended', () => {
    const window = travelWindowOf({
      kind: 'USUAL_PLACE',
      fromDate: '2026-07-01',
      toDate: null,
    });
    expect(window).toEqual({ from: '2026-07-01', to: null });
    expect(isWindowOpen(window, '2030-01-01')).toBe(true);
  });
});

describe('age (§7.5, §7.9)', () => {
  it('counts whole years, the birthday included', () => {
    expect(ageOn('2010-06-01', '2026-05-31')).toBe(15);
    expect(ageOn('2010-06-01', '2026-06-01')).toBe(16);
  });

  it('someone born on 29 February is a year older on 1 March', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });
});
