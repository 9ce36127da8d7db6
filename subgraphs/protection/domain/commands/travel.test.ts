import { contextOn, granted } from '../testing';
import {
  announceTravel,
  forwardTravelNotice,
  type AnnounceTravelInput,
} from './travel';

const trip: AnnounceTravelInput = {
  kind: 'TRIP',
  zoneCode: '5339',
  announcedOn: '2026-07-01',
  fromDate: '2026-07-08',
  toDate: '2026-07-12',
};

function announce(overrides: Partial<AnnounceTravelInput> = {}) {
  return announceTravel(
    granted(),
    { ...trip, ...overrides },
    contextOn('2026-07-02'),
  );
}

describe('announceTravel', () => {
  it('§7.11.1: records a trip of 5 nights announced 7 days ahead', () => {
    const change = announce();
    expect(change.aggregate.travelNotices).toEqual([
      {
        id: 'id-1',
        kind: 'TRIP',
        zoneCode: '5339',
        fromDate: '2026-07-08',
        toDate: '2026-07-12',
        announcedOn: '2026-07-01',
        forwardedOn: null,
      },
    ]);
    expect(change.action).toBe('TRAVEL_NOTICE');
    expect(change.effects).toEqual([]);
  });

  it('§7.11.1: a trip of 4 nights is not a notice the circular asks for', () => {
    expect(() => announce({ toDate: '2026-07-11' })).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        message:
          'A trip of 4 nights need not be announced: the circular asks for stays of 5 nights or more (§7.11.1).',
      }),
    );
  });

  it('§7.11.1: a trip announced 6 days ahead is kept (it shows as late)', () => {
    expect(
      announce({ announcedOn: '2026-07-02' }).aggregate.travelNotices,
    ).toHaveLength(1);
  });

  it('§7.11.1: a usual place has no end date', () => {
    const change = announce({ kind: 'USUAL_PLACE', toDate: null });
    expect(change.aggregate.travelNotices[0].toDate).toBeNull();
    expect(() => announce({ kind: 'USUAL_PLACE' })).toThrow(
      'A usual place has no toDate: it applies from fromDate on (§7.11.1).',
    );
  });

  it('§7.11.1: a trip needs its last night, not before its first day', () => {
    expect(() => announce({ toDate: null })).toThrow(
      'A trip needs toDate, its last night away (§7.11.1).',
    );
    expect(() => announce({ toDate: '2026-07-07' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });

  it('§5.1, §7.11.1: the destination must be a known Belgian zone', () => {
    expect(() => announce({ zoneCode: 'FR-75' })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_ZONE' }),
    );
  });

  it('§5.1: a destination not deployed is fine: protection holds in Belgium', () => {
    expect(announce({ zoneCode: '5420' }).aggregate.travelNotices).toHaveLength(
      1,
    );
  });
});

describe('forwardTravelNotice', () => {
  const announced = announce().aggregate;

  it('§7.11.1: records that the managing zone forwarded the notice', () => {
    const change = forwardTravelNotice(
      announced,
      { travelNoticeId: 'id-1', forwardedOn: '2026-07-02' },
      contextOn('2026-07-02'),
    );
    expect(change.aggregate.travelNotices[0].forwardedOn).toBe('2026-07-02');
    expect(change.action).toBe('TRAVEL_NOTICE_FORWARDED');

    const again = forwardTravelNotice(
      change.aggregate,
      { travelNoticeId: 'id-1', forwardedOn: '2026-07-02' },
      contextOn('2026-07-03'),
    );
    expect(again.aggregate).toBe(change.aggregate);
    expect(() =>
      forwardTravelNotice(
        change.aggregate,
        { travelNoticeId: 'id-1', forwardedOn: '2026-07-03' },
        contextOn('2026-07-03'),
      ),
    ).toThrow('was forwarded on 2026-07-02 already');
  });

  it('refuses an unknown notice id', () => {
    expect(() =>
      forwardTravelNotice(
        announced,
        { travelNoticeId: 'nope', forwardedOn: '2026-07-02' },
        contextOn('2026-07-02'),
      ),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('refuses a forward before the announcement', () => {
    expect(() =>
      forwardTravelNotice(
        announced,
        { travelNoticeId: 'id-1', forwardedOn: '2026-06-30' },
        contextOn('2026-07-02'),
      ),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
