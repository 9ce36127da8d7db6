import type {
  StatisticsAlert,
  StatisticsFacts,
  StatisticsMeasure,
} from '../../../adapters/protection/statistics';
import { DEFAULT_RULES } from './rules';
import {
  ageBandOn,
  ageOn,
  computeStatistics,
  periodOfLabel,
  type StatisticsDimension,
} from './statistics';

let serial = 0;

/** A measure granted on 2028-01-10 in zone 5339 of BRU, with a victim. */
function measure(
  overrides: Partial<StatisticsMeasure> = {},
): StatisticsMeasure {
  serial += 1;
  return {
    id: `m${serial}`,
    arrondissementCode: 'BRU',
    managingZoneCode: '5339',
    relationship: 'EX_PARTNER',
    requestOrigin: 'PERSON',
    requestedOn: '2028-01-05',
    decidedOn: '2028-01-10',
    startDate: '2028-01-10',
    endDate: '2028-10-10',
    endedOn: null,
    endReason: null,
    refusalDecidedOn: null,
    suspect: { nationalNumber: `s${serial}`, gender: 'MALE',
      birthDate: '1980-01-01' },
    protectedPersons: [{ nationalNumber: `v${serial}`, role: 'VICTIM',
      gender: 'FEMALE', birthDate: '1990-06-01' }],
    ...overrides,
  };
}

function facts(
  measures: StatisticsMeasure[],
  alerts: StatisticsAlert[] = [],
): StatisticsFacts {
  return { measures, alerts, prolongations: [], revisits: [],
    travelNotices: [] };
}

function quarter(
  input: StatisticsFacts,
  dimensions: StatisticsDimension[] = [],
) {
  return computeStatistics({
    facts: input, from: '2028-01-01', to: '2028-03-31', today: '2028-04-02',
    dimensions, rules: DEFAULT_RULES,
  });
}

describe('statistics: ages and periods', () => {
  it('counts whole years, a birthday reached on the day itself', () => {
    expect(ageOn('2010-04-02', '2028-04-01')).toBe(17);
    expect(ageOn('2010-04-02', '2028-04-02')).toBe(18);
  });

  it('bands ages from under 18 to 65 and over; none without a birth date',
    () => {
      expect(ageBandOn('2010-04-02', '2028-04-01')).toBe('UNDER_18');
      expect(ageBandOn('2010-04-02', '2028-04-02')).toBe('FROM_18_TO_24');
      expect(ageBandOn('1963-01-01', '2028-01-01')).toBe('FROM_65');
      expect(ageBandOn('1963-01-02', '2028-01-01')).toBe('FROM_55_TO_64');
      expect(ageBandOn(null, '2028-01-01')).toBeNull();
    });

  it('reads a month, a quarter and a year, leap days included', () => {
    expect(periodOfLabel('MONTH', '2028-02'))
      .toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodOfLabel('QUARTER', '2026-Q3'))
      .toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(periodOfLabel('YEAR', '2027'))
      .toEqual({ from: '2027-01-01', to: '2027-12-31' });
    expect(periodOfLabel('QUARTER', '2026-Q5')).toBeNull();
    expect(periodOfLabel('MONTH', '2026-13')).toBeNull();
  });
});

describe('statistics: what each figure counts', () => {
  it('counts a measure running on the last day, not one ended on it', () => {
    const report = quarter(facts([
      measure(),
      measure({ endedOn: '2028-03-31', endReason: 'PERSON_REQUEST' }),
      measure({ endDate: '2028-03-31' }),
      measure({ endDate: '2028-03-30' }),
      measure({ startDate: null, decidedOn: null }),
      measure(), measure(), measure(),
    ]));

    // The first, the third (it protects through its end date) and the
    // last three; one whose end date passed before the sweep ran does not.
    expect(report.total.activeAtEnd).toEqual({ value: 5, suppressed: false });
    expect(report.total.grants).toEqual({ value: 7, suppressed: false });
  });

  it('places an alert on its Brussels day', () => {
    const measures = [1, 2, 3, 4, 5].map(() => measure());
    const alert = (measureId: string, raisedAt: string): StatisticsAlert =>
      ({ measureId, raisedAt, classification: 'TEST', policeArrivedAt: null });
    const report = quarter(facts(measures, [
      // 00:30 on 1 January in Brussels: in the quarter.
      ...measures.map((m) => alert(m.id, '2027-12-31T23:30:00.000Z')),
      // 00:30 on 1 April in Brussels (summer time): out of it.
      ...measures.map((m) => alert(m.id, '2028-03-31T22:30:00.000Z')),
    ]));

    expect(report.total.alerts.total).toEqual({ value: 5, suppressed: false });
  });

  it('shows the real-alert rate once every class is shown', () => {
    const measures = Array.from({ length: 15 }, () => measure());
    const classes = ['REAL', 'FALSE', 'TEST'] as const;
    const report = quarter(facts(measures, measures.map((m, i) => ({
      measureId: m.id, raisedAt: '2028-02-01T10:00:00.000Z',
      classification: classes[Math.floor(i / 5)],
      policeArrivedAt: `2028-02-01T10:${String(i + 1).padStart(2, '0')}:00.000Z`,
    }))));

    expect(report.total.alerts.realRate)
      .toEqual({ value: 0.33, withheld: false });
    // 1 to 15 minutes: the middle one, and the 14th of 15 (nearest rank).
    expect(report.total.policeOnSite.medianMinutes)
      .toEqual({ value: 8, withheld: false });
    expect(report.total.policeOnSite.p90Minutes)
      .toEqual({ value: 14, withheld: false });
  });

  it('withholds a duration over fewer than 5 people', () => {
    const ended = (days: string) => measure({ endedOn: days,
      endReason: 'MISUSE' });
    const report = quarter(facts([ended('2028-01-20'), ended('2028-01-30'),
      ...[1, 2, 3, 4, 5].map(() => measure())]));

    expect(report.total.duration.meanDays)
      .toEqual({ value: null, withheld: true });
    expect(report.total.ends.misuse)
      .toEqual({ value: null, suppressed: true });
  });

  it('counts the victim\'s and the suspect\'s bands on the decision day',
    () => {
      const report = quarter(facts([1, 2, 3, 4, 5].map(() => measure())),
        ['PROTECTED_AGE_BAND', 'SUSPECT_AGE_BAND', 'PROTECTED_GENDER']);

      expect(report.cells).toHaveLength(1);
      expect(report.cells[0]).toMatchObject({
        protectedAgeBand: 'FROM_35_TO_44',
        suspectAgeBand: 'FROM_45_TO_54',
        protectedGender: 'FEMALE',
        arrondissementCode: null,
      });
      expect(report.cells[0].figures.grants)
        .toEqual({ value: 5, suppressed: false });
    });

  it('answers the total alone when no dimension is asked', () => {
    expect(quarter(facts([measure()])).cells).toEqual([]);
  });
});
