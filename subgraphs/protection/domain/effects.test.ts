import type { MeasureAggregate } from '../../../adapters/protection/aggregate';
import {
  effect,
  endEffects,
  grantRegistration,
  prolongationCount,
  victimSupportNotice,
} from './effects';
import { contextOn, granted } from './testing';

const period = {
  decidedOn: '2026-05-31',
  startDate: '2026-05-31',
  endDate: '2027-02-28',
};

function withProlongations(
  aggregate: MeasureAggregate,
  ends: [string, string][],
): MeasureAggregate {
  return {
    ...aggregate,
    prolongations: ends.map(([previousEndDate, newEndDate]) => ({
      cause: 'NEW_FACTS',
      incidentOn: '2026-06-01',
      decidedOn: '2026-06-01',
      previousEndDate,
      newEndDate,
    })),
  };
}

describe('effects', () => {
  it('gives every effect a fresh id from the context', () => {
    const context = contextOn('2026-06-01');
    const first = effect(context, 'DEVICES_RETURN', {
      measureId: 'm',
      arrondissementCode: 'OVL',
      zoneCode: '5415',
      returnedOn: '2026-06-01',
      pvReference: 'PV',
    });
    expect(first.id).toBe('id-1');
    expect(first.kind).toBe('DEVICES_RETURN');
  });

  it('§7.8.3: a notice has its own stable id, apart from the effect id', () => {
    const notice = victimSupportNotice(contextOn('2026-06-01'), 'm', {
      kind: 'END_DATE',
      date: '2027-02-28',
      details: null,
    });
    expect(notice.payload.noticeId).toMatch(/^id-\d$/);
    expect(notice.payload.noticeId).not.toBe(notice.id);
  });

  it('§7.13.1: counts only the prolongations that moved the end', () => {
    const aggregate = withProlongations(granted(), [
      ['2027-02-28', '2027-06-01'],
      ['2027-06-01', '2027-06-01'],
    ]);
    expect(prolongationCount(aggregate)).toBe(1);
  });

  it('§7.13.1: registers the grant as the measure stands', () => {
    expect(grantRegistration(granted(), period)).toEqual({
      measureId: 'measure-1',
      arrondissementCode: 'OVL',
      zoneCode: '5415',
      decidedOn: '2026-05-31',
      startDate: '2026-05-31',
      endDate: '2027-02-28',
      relationship: 'EX_PARTNER',
      protectedPersonCount: 1,
      status: 'ACTIVE',
      endedOn: null,
      endReason: null,
      prolongationCount: 0,
    });
  });

  it('§7.12.2: an expiry sends no early-end notice; §7.12.3: an early end does', () => {
    const context = contextOn('2027-03-01');
    const kinds = (endReason: 'EXPIRED' | 'MISUSE') =>
      endEffects(
        granted(),
        period,
        { endedOn: '2027-03-01', endReason },
        context,
      ).map((item) => item.kind);
    expect(kinds('EXPIRED')).not.toContain('VICTIM_SUPPORT_NOTICE');
    expect(kinds('MISUSE')).toContain('VICTIM_SUPPORT_NOTICE');
  });
});
