import type { MeasureAggregate } from '../../../adapters/protection/aggregate';
import { classifyAlert, recordAlert } from './commands/alerts';
import { endProtectionEarly } from './commands/end';
import { recordEvaluation } from './commands/hearing';
import { recordMove } from './commands/move';
import { decideReEvaluation } from './commands/prolongation';
import { recordDeviceReturn } from './commands/end';
import { refuseProtection } from './commands/decision';
import { announceTravel, forwardTravelNotice } from './commands/travel';
import { ALL_YES, contextOn, deepFreeze, granted, requested } from './testing';
import {
  deviceReturnDue,
  entitledZonesOn,
  expiryDue,
  inReEvaluationWindow,
  magistrateToBeToldAtOnce,
  missingConditions,
  reEvaluationDecided,
  reEvaluationWindow,
  travelLate,
  travelNights,
  travelWindow,
  workItemsFor,
  yesCount,
} from './views';

function withTrip(
  announcedOn: string,
  fromDate = '2026-07-08',
): MeasureAggregate {
  return deepFreeze(
    announceTravel(
      granted(),
      {
        kind: 'TRIP',
        zoneCode: '5339',
        announcedOn,
        fromDate,
        toDate: '2026-07-12',
      },
      contextOn(announcedOn),
    ).aggregate,
  );
}

function ended(): MeasureAggregate {
  return deepFreeze(
    endProtectionEarly(
      granted(),
      {
        decidedOn: '2026-08-20',
        reason: 'PERSON_REQUEST',
        pvReference: 'PV-E',
      },
      contextOn('2026-08-20'),
    ).aggregate,
  );
}

describe('evaluation and conditions', () => {
  it('§7.6: counts the yes answers', () => {
    expect(yesCount(ALL_YES)).toBe(8);
    expect(
      yesCount({ ...ALL_YES, fearForLife: false, weaponAffinity: false }),
    ).toBe(6);
  });

  it('§7.6: any bomb factor means the magistrate is told at once', () => {
    expect(magistrateToBeToldAtOnce({ bombFactors: [] })).toBe(false);
    expect(magistrateToBeToldAtOnce({ bombFactors: ['STALKING'] })).toBe(true);
  });

  it("§7.5: names the conditions not met, in the circular's order", () => {
    expect(
      missingConditions({
        recordedOn: '2026-05-21',
        livesInDeployedZone: false,
        withinMaterialScope: true,
        wantsAlarm: true,
        noVoluntaryContact: true,
        filesComplaints: false,
        acceptsUserAgreement: true,
      }),
    ).toEqual(['LIVES_IN_DEPLOYED_ZONE', 'FILES_COMPLAINTS']);
  });
});

describe('re-evaluation window', () => {
  it('§7.12.1: is the month before the end of a running measure', () => {
    expect(reEvaluationWindow(granted())).toEqual({
      from: '2027-01-28',
      to: '2027-02-28',
    });
    expect(reEvaluationWindow(requested())).toBeNull();
    expect(reEvaluationWindow(ended())).toBeNull();
    expect(inReEvaluationWindow(granted(), '2027-01-27')).toBe(false);
    expect(inReEvaluationWindow(granted(), '2027-01-28')).toBe(true);
  });

  it('§7.12.1: a LET_END decision marks the window as decided', () => {
    const heard = recordEvaluation(
      granted(),
      {
        heardOn: '2027-02-01',
        pvReference: 'PV',
        relationship: 'EX_PARTNER',
        answers: ALL_YES,
        breakUpIntentionsDiverge: false,
        inShelter: false,
      },
      contextOn('2027-02-01'),
    ).aggregate;
    expect(reEvaluationDecided(heard)).toBe(false);
    const decided = decideReEvaluation(
      heard,
      {
        decidedOn: '2027-02-02',
        outcome: 'LET_END',
        pvReference: 'PV-D',
      },
      contextOn('2027-02-02'),
    ).aggregate;
    expect(reEvaluationDecided(decided)).toBe(true);
  });
});

describe('travel', () => {
  it('§7.11.1: a notice given 6 days ahead is late, 7 days ahead is not', () => {
    expect(travelLate(withTrip('2026-07-02').travelNotices[0])).toBe(true);
    expect(travelLate(withTrip('2026-07-01').travelNotices[0])).toBe(false);
  });

  it('§7.11.1: gives the nights and the window of a trip', () => {
    const [notice] = withTrip('2026-07-01').travelNotices;
    expect(travelNights(notice)).toBe(5);
    expect(travelWindow(notice)).toEqual({
      from: '2026-07-08',
      to: '2026-07-13',
    });
  });

  it('§7.11.1 Decision: the destination is entitled only during the window', () => {
    const aggregate = withTrip('2026-07-01');
    expect(entitledZonesOn(aggregate, '2026-07-07T21:00:00Z')).toEqual([
      '5415',
    ]);
    expect(entitledZonesOn(aggregate, '2026-07-07T22:30:00Z')).toEqual([
      '5415',
      '5339',
    ]);
    expect(entitledZonesOn(aggregate, '2026-07-13T20:00:00Z')).toEqual([
      '5415',
      '5339',
    ]);
    expect(entitledZonesOn(aggregate, '2026-07-14T08:00:00Z')).toEqual([
      '5415',
    ]);
  });

  it('§7.11.1: a usual place stays entitled from its first day on', () => {
    const aggregate = announceTravel(
      granted(),
      {
        kind: 'USUAL_PLACE',
        zoneCode: '5416',
        announcedOn: '2026-06-01',
        fromDate: '2026-06-02',
      },
      contextOn('2026-06-01'),
    ).aggregate;
    expect(travelNights(aggregate.travelNotices[0])).toBeNull();
    expect(travelLate(aggregate.travelNotices[0])).toBe(false);
    expect(entitledZonesOn(aggregate, '2027-01-01T12:00:00Z')).toEqual([
      '5415',
      '5416',
    ]);
  });

  it('§7.2.3: the zone of a pending move is entitled too; an ended measure has none', () => {
    const moving = recordMove(
      granted(),
      {
        movedOn: '2026-06-10',
        pvReference: 'PV-M',
        newZoneCode: '5339',
      },
      contextOn('2026-06-10'),
    ).aggregate;
    expect(entitledZonesOn(moving, '2026-06-11T12:00:00Z')).toEqual([
      '5415',
      '5339',
    ]);
    expect(entitledZonesOn(ended(), '2026-08-21T12:00:00Z')).toEqual(['5415']);
  });
});

describe('end', () => {
  it('§7.12.2: device return is due once ended, until recorded', () => {
    expect(deviceReturnDue(granted())).toBe(false);
    expect(deviceReturnDue(ended())).toBe(true);
    const returned = recordDeviceReturn(
      ended(),
      {
        returnedOn: '2026-08-21',
        pvReference: 'PV-D',
      },
      contextOn('2026-08-21'),
    ).aggregate;
    expect(deviceReturnDue(returned)).toBe(false);
  });

  it('§7.12.2: a refused measure never had devices', () => {
    const refused = refuseProtection(
      requested(),
      {
        decidedOn: '2026-05-22',
        reasons: 'Low risk.',
        pvReference: 'PV',
      },
      contextOn('2026-05-22'),
    ).aggregate;
    expect(deviceReturnDue(refused)).toBe(false);
  });

  it('§7.12.2: expiry is due the day after the end date', () => {
    expect(expiryDue(granted(), '2027-02-28')).toBe(false);
    expect(expiryDue(granted(), '2027-03-01')).toBe(true);
    expect(expiryDue(ended(), '2027-03-01')).toBe(false);
  });
});

describe('workItemsFor', () => {
  it("§7.4: a request awaits the magistrate's decision", () => {
    expect(workItemsFor(requested(), '2026-05-21')).toEqual([
      { section: 'decisionsPending', dueOn: null, overdue: false },
    ]);
  });

  it('§7.11.3: a revisit appears 14 days ahead and stays once overdue', () => {
    expect(workItemsFor(granted(), '2026-06-15')).toEqual([]);
    expect(workItemsFor(granted(), '2026-06-16')).toEqual([
      { section: 'revisits', dueOn: '2026-06-30', overdue: false },
    ]);
    expect(workItemsFor(granted(), '2026-07-01')).toEqual([
      { section: 'revisits', dueOn: '2026-06-30', overdue: true },
    ]);
  });

  it('§7.12.1: the re-evaluation is listed in the window until decided', () => {
    const aggregate = granted();
    const items = workItemsFor(aggregate, '2027-02-01').filter(
      (item) => item.section === 'reEvaluations',
    );
    expect(items).toEqual([
      { section: 'reEvaluations', dueOn: '2027-02-28', overdue: false },
    ]);
  });

  it('§7.11.1: a notice not forwarded is due before the person leaves', () => {
    const aggregate = withTrip('2026-07-01');
    expect(workItemsFor(aggregate, '2026-07-09')).toContainEqual({
      section: 'travelToForward',
      dueOn: '2026-07-08',
      overdue: true,
    });
    const forwarded = forwardTravelNotice(
      aggregate,
      {
        travelNoticeId: 'id-1',
        forwardedOn: '2026-07-02',
      },
      contextOn('2026-07-02'),
    ).aggregate;
    expect(
      workItemsFor(forwarded, '2026-07-09').some(
        (item) => item.section === 'travelToForward',
      ),
    ).toBe(false);
  });

  it('§7.11.2: an unclassified alert is to review, a classified one is not', () => {
    const alerted = recordAlert(
      granted(),
      {
        alertId: 'a-1',
        raisedAt: '2026-06-05T23:30:00Z',
      },
      contextOn('2026-06-06'),
    ).aggregate;
    expect(workItemsFor(alerted, '2026-06-06')).toContainEqual({
      section: 'alertsToReview',
      dueOn: '2026-06-06',
      overdue: false,
    });
    const classified = classifyAlert(
      alerted,
      {
        alertId: 'a-1',
        classification: 'TEST',
        classifiedAt: '2026-06-06T08:00:00Z',
        pvReference: 'PV',
      },
      contextOn('2026-06-06'),
    ).aggregate;
    expect(workItemsFor(classified, '2026-06-06')).toEqual([]);
  });

  it('§7.2.3: a pending transfer is to acknowledge', () => {
    const moving = recordMove(
      granted(),
      {
        movedOn: '2026-06-01',
        pvReference: 'PV-M',
        newZoneCode: '5339',
      },
      contextOn('2026-06-01'),
    ).aggregate;
    expect(workItemsFor(moving, '2026-06-02')).toEqual([
      { section: 'transfersToAcknowledge', dueOn: null, overdue: false },
    ]);
  });

  it('§7.12.2: an ended measure with devices out is a device return', () => {
    expect(workItemsFor(ended(), '2026-08-25')).toEqual([
      { section: 'deviceReturns', dueOn: '2026-08-20', overdue: true },
    ]);
  });
});
