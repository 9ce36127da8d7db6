import type {
  AmlLocation,
  MeasureAggregate,
} from '../../../../adapters/protection/aggregate';
import { alertEventOf } from '../alert-events';
import { fixedClock } from '../clock';
import { isNoOp, type CommandContext } from '../lifecycle';
import {
  contextOn,
  deepFreeze,
  granted,
  payloadsOf,
  requested,
} from '../testing';
import {
  classifyAlert,
  closeAlertCall,
  recordAlert,
  recordAlertLocation,
  recordPoliceArrival,
} from './alerts';
import { endProtectionEarly } from './end';

/** Granted 31 May 2026 (ends 28 Feb 2027), one alert recorded. */
function withAlert(raisedAt = '2026-08-10T21:15:00+02:00'): MeasureAggregate {
  return deepFreeze(
    recordAlert(
      granted(),
      { alertId: 'alert-1', raisedAt },
      contextOn(raisedAt.slice(0, 10)),
    ).aggregate,
  );
}

/** `withAlert()`, its measure then ended early on `day`, as asked. */
function endedOn(day: string): MeasureAggregate {
  return endProtectionEarly(
    withAlert(),
    { decidedOn: day, reason: 'PERSON_REQUEST', pvReference: 'PV-E' },
    contextOn(day),
  ).aggregate;
}

function classify(
  aggregate: MeasureAggregate,
  classification: 'REAL' | 'FALSE' | 'TEST',
  classifiedAt = '2026-08-11T09:00:00+02:00',
) {
  return classifyAlert(
    aggregate,
    {
      alertId: 'alert-1',
      classification,
      classifiedAt,
      pvReference: 'PV-AL',
    },
    contextOn(classifiedAt.slice(0, 10)),
  );
}

describe('recordAlert', () => {
  it('§7.11.2: records an alert as a fact of the measure, unclassified', () => {
    expect(withAlert().alerts).toEqual([
      {
        id: 'alert-1',
        raisedAt: '2026-08-10T21:15:00+02:00',
        pvReference: null,
        classification: null,
        classifiedAt: null,
        policeArrivedAt: null,
        magistrateInformed: false,
        callEndedAt: null,
        location: null,
        track: [],
      },
    ]);
  });

  it('§7.11.2: recording the same alert id again changes nothing', () => {
    const aggregate = withAlert();
    const again = recordAlert(
      aggregate,
      {
        alertId: 'alert-1',
        raisedAt: '2026-08-10T21:16:00+02:00',
      },
      contextOn('2026-08-10'),
    );
    expect(isNoOp(aggregate, again)).toBe(true);
    expect(again.effects).toEqual([]);
  });

  it('§7.11.2: a retried alert is still a no-op once the measure ended', () => {
    const ended = endedOn('2026-08-12');
    const again = recordAlert(
      ended,
      {
        alertId: 'alert-1',
        raisedAt: '2026-08-10T21:15:00+02:00',
      },
      contextOn('2026-08-12'),
    );
    expect(isNoOp(ended, again)).toBe(true);
  });

  it('§7.11.2: an alert must fall within the measure, in Brussels days', () => {
    // 23:30 UTC on 28 February is already 1 March in Brussels.
    expect(() =>
      recordAlert(
        granted(),
        {
          alertId: 'late',
          raisedAt: '2027-02-28T23:30:00Z',
        },
        contextOn('2027-03-01'),
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        message: expect.stringContaining(
          'falls outside the measure, which runs from 2026-05-31 to 2027-02-28',
        ),
      }),
    );
    expect(() =>
      recordAlert(
        requested(),
        {
          alertId: 'a',
          raisedAt: '2026-05-21T10:00:00Z',
        },
        contextOn('2026-05-21'),
      ),
    ).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
  });
});

describe('classifyAlert', () => {
  it('§7.10.2, §7.11.2: a real alert informs the magistrate and prolongs', () => {
    const change = classify(withAlert(), 'REAL');
    const [alert] = change.aggregate.alerts;
    expect(alert).toMatchObject({
      classification: 'REAL',
      classifiedAt: '2026-08-11T09:00:00+02:00',
      pvReference: 'PV-AL',
      magistrateInformed: true,
    });
    expect(change.aggregate.prolongations).toEqual([
      {
        cause: 'REAL_ALERT',
        incidentOn: '2026-08-10',
        previousEndDate: '2027-02-28',
        newEndDate: '2027-05-10',
        decidedOn: '2026-08-11',
      },
    ]);
    expect(change.aggregate.measure.endDate).toBe('2027-05-10');
    expect(change.action).toBe('ALERT_CLASSIFICATION');
    expect(payloadsOf(change, 'MACH_REGISTRATION_COMMENT')).toEqual([
      expect.objectContaining({ kind: 'PROLONGATION', date: '2026-08-11' }),
    ]);
  });

  it('§7.10.2: an alert on the last day of the measure prolongs from that day', () => {
    const lastDay = withAlert('2027-02-28T22:30:00Z'); // 23:30 in Brussels
    const change = classify(lastDay, 'REAL', '2027-03-01T08:00:00+01:00');
    expect(change.aggregate.measure.endDate).toBe('2027-11-28');
    expect(change.aggregate.prolongations[0]).toMatchObject({
      incidentOn: '2027-02-28',
      decidedOn: '2027-03-01',
    });
    expect(payloadsOf(change, 'BNG_NO_CONTACT_ORDER')).toEqual([
      expect.objectContaining({
        validFrom: '2026-05-31',
        validUntil: '2027-11-28',
      }),
    ]);
  });

  it.each(['FALSE', 'TEST'] as const)(
    '§7.10.2, §7.11.2: a %s alert changes nothing else and does not inform the magistrate',
    (classification) => {
      const aggregate = withAlert();
      const change = classify(aggregate, classification);
      expect(change.aggregate.alerts[0]).toMatchObject({
        classification,
        magistrateInformed: false,
      });
      expect(change.aggregate.measure).toBe(aggregate.measure);
      expect(change.aggregate.prolongations).toEqual([]);
      expect(change.effects).toEqual([]);
    },
  );

  it('§7.11.2: the same class again is a no-op', () => {
    const classified = classify(withAlert(), 'FALSE').aggregate;
    const again = classify(classified, 'FALSE', '2026-08-12T09:00:00+02:00');
    expect(isNoOp(classified, again)).toBe(true);
  });

  it('§7.11.2: classifying an alert twice in contradiction is an ALERT_CONFLICT', () => {
    const classified = classify(withAlert(), 'TEST').aggregate;
    expect(() => classify(classified, 'REAL')).toThrow(
      expect.objectContaining({
        code: 'ALERT_CONFLICT',
        message:
          'Alert alert-1 has class TEST on record; REAL contradicts it (§7.11.2).',
      }),
    );
  });

  it('§7.12: an ended measure takes a late classification but is not reopened', () => {
    const ended = endedOn('2026-08-10');
    const change = classify(ended, 'REAL');
    expect(change.aggregate.alerts[0]).toMatchObject({
      classification: 'REAL',
      magistrateInformed: true,
    });
    expect(change.aggregate.measure.status).toBe('ENDED');
    expect(change.aggregate.prolongations).toEqual([]);
    expect(change.effects).toEqual([]);
  });

  it('refuses an unknown alert and a classification before the alert', () => {
    expect(() =>
      classifyAlert(
        withAlert(),
        {
          alertId: 'nope',
          classification: 'REAL',
          classifiedAt: '2026-08-11T09:00:00Z',
          pvReference: 'PV',
        },
        contextOn('2026-08-11'),
      ),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => classify(withAlert(), 'REAL', '2026-08-10T19:00:00Z')).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});

describe('recordPoliceArrival', () => {
  it('§7.11.2: records when the team arrived, after the alert', () => {
    const change = recordPoliceArrival(
      withAlert(),
      { alertId: 'alert-1', arrivedAt: '2026-08-10T21:24:00+02:00' },
      contextOn('2026-08-10'),
    );
    expect(change.aggregate.alerts[0].policeArrivedAt).toBe(
      '2026-08-10T21:24:00+02:00',
    );
    expect(change.action).toBe('POLICE_ARRIVAL');
    expect(() =>
      recordPoliceArrival(
        withAlert(),
        { alertId: 'alert-1', arrivedAt: '2026-08-10T21:15:00+02:00' },
        contextOn('2026-08-10'),
      ),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('§7.11.2: the same instant again is a no-op, another one a conflict', () => {
    const arrived = recordPoliceArrival(
      withAlert(),
      { alertId: 'alert-1', arrivedAt: '2026-08-10T21:24:00+02:00' },
      contextOn('2026-08-10'),
    ).aggregate;
    const same = recordPoliceArrival(
      arrived,
      { alertId: 'alert-1', arrivedAt: '2026-08-10T19:24:00Z' },
      contextOn('2026-08-11'),
    );
    expect(isNoOp(arrived, same)).toBe(true);
    expect(() =>
      recordPoliceArrival(
        arrived,
        { alertId: 'alert-1', arrivedAt: '2026-08-10T21:30:00+02:00' },
        contextOn('2026-08-11'),
      ),
    ).toThrow(expect.objectContaining({ code: 'ALERT_CONFLICT' }));
  });
});

describe('alert ids as clients send them', () => {
  it('§7.11.2: the same id with stray spaces is the same alert', () => {
    const measure = granted('2026-05-31');
    const context = contextOn('2026-06-10');
    const input = { raisedAt: '2026-06-10T08:00:00Z', pvReference: null };
    const first = recordAlert(measure, { ...input, alertId: 'a-1' }, context);
    const again = recordAlert(
      first.aggregate,
      { ...input, alertId: ' a-1 ' },
      context,
    );
    expect(again.aggregate).toBe(first.aggregate);
    expect(again.aggregate.alerts).toHaveLength(1);
  });
});

/** The day of the alert, at 22:00 in Brussels: after every fix below. */
function lateEvening(): CommandContext {
  return { ...contextOn('2026-08-10'),
    clock: fixedClock('2026-08-10T22:00:00+02:00') };
}

/** A GNSS fix in Antwerpen, taken `secondsAfter` the press (21:15). */
function fix(secondsAfter: number, latitude = 51.2172): AmlLocation {
  const at = new Date(Date.parse('2026-08-10T19:15:00Z')
    + secondsAfter * 1000);
  return {
    latitude,
    longitude: 4.4212,
    accuracyMeters: 12.5,
    confidencePercent: 68,
    method: 'GNSS',
    fixedAt: at.toISOString(),
  };
}

function located(...secondsAfter: number[]): MeasureAggregate {
  return secondsAfter.reduce(
    (aggregate, seconds) => deepFreeze(recordAlertLocation(
      aggregate,
      { alertId: 'alert-1', location: fix(seconds, 51.2 + seconds / 1e5) },
      lateEvening(),
    ).aggregate),
    withAlert(),
  );
}

describe('alert location', () => {
  it('§3: an alert recorded with a fix has it as location and track', () => {
    const change = recordAlert(
      granted(),
      { alertId: 'alert-1', raisedAt: '2026-08-10T21:15:00+02:00',
        location: fix(2) },
      lateEvening(),
    );
    const [alert] = change.aggregate.alerts;
    expect(alert.location).toEqual(fix(2));
    expect(alert.track).toEqual([fix(2)]);
  });

  it('§3: an alert recorded before any fix has no location yet', () => {
    const [alert] = withAlert().alerts;
    expect(alert.location).toBeNull();
    expect(alert.track).toEqual([]);
  });

  it('§3: a newer fix becomes the location and joins the track', () => {
    const change = recordAlertLocation(
      located(0),
      { alertId: ' alert-1 ', location: fix(30) },
      lateEvening(),
    );
    const [alert] = change.aggregate.alerts;
    expect(alert.location).toEqual(fix(30));
    expect(alert.track.map((f) => f.fixedAt)).toEqual([
      '2026-08-10T19:15:00.000Z', '2026-08-10T19:15:30.000Z']);
    expect(change.action).toBe('ALERT_LOCATION');
    expect(change.pvReference).toBeNull();
    expect(change.effects).toEqual([]);
  });

  it('§3: a late fix joins the track in time order, the location stays '
    + 'the latest', () => {
    const [alert] = located(60, 0, 30).alerts;
    expect(alert.location?.fixedAt).toBe('2026-08-10T19:16:00.000Z');
    expect(alert.track.map((f) => f.fixedAt)).toEqual([
      '2026-08-10T19:15:00.000Z',
      '2026-08-10T19:15:30.000Z',
      '2026-08-10T19:16:00.000Z',
    ]);
  });

  it('§3: a fix taken at an instant already in the track changes nothing', () => {
    const aggregate = located(0, 30);
    const again = recordAlertLocation(
      aggregate,
      // The same instant with another offset, and other figures.
      { alertId: 'alert-1', location: {
        ...fix(30, 50.1), fixedAt: '2026-08-10T21:15:30+02:00' } },
      lateEvening(),
    );
    expect(isNoOp(aggregate, again)).toBe(true);
  });

  it('§3: the offset of a fix does not decide which one is newer', () => {
    const aggregate = located(60);
    // 21:15:30 in Brussels is 19:15:30 UTC: older than 19:16 UTC.
    const change = recordAlertLocation(
      aggregate,
      { alertId: 'alert-1', location: {
        ...fix(0), fixedAt: '2026-08-10T21:15:30+02:00' } },
      lateEvening(),
    );
    const [alert] = change.aggregate.alerts;
    expect(alert.location?.fixedAt).toBe('2026-08-10T19:16:00.000Z');
    expect(alert.track).toHaveLength(2);
  });

  it('§3, §7.11.2: a fix of an alert the measure does not hold is NOT_FOUND', () => {
    expect(() => recordAlertLocation(
      withAlert(),
      { alertId: 'nope', location: fix(0) },
      lateEvening(),
    )).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('§3, §7.12: an ended measure still takes the fixes of its alert', () => {
    const ended = endedOn('2026-08-10');
    const change = recordAlertLocation(
      ended,
      { alertId: 'alert-1', location: fix(30) },
      lateEvening(),
    );
    expect(change.aggregate.measure.status).toBe('ENDED');
    expect(change.aggregate.alerts[0].track).toEqual([fix(30)]);
  });

  it('§3: a fix for an alert is refused on a measure not yet granted', () => {
    expect(() => recordAlertLocation(
      requested(),
      { alertId: 'alert-1', location: fix(0) },
      lateEvening(),
    )).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
  });

  it('§3: an invalid fix refuses the whole alert, naming the field', () => {
    expect(() => recordAlert(
      granted(),
      { alertId: 'alert-1', raisedAt: '2026-08-10T21:15:00+02:00',
        location: { ...fix(0), latitude: 91 } },
      lateEvening(),
    )).toThrow(expect.objectContaining({
      code: 'INVALID_INPUT',
      details: { field: 'location.latitude' },
    }));
  });

  it('§3: a fix is checked against the raised alert, not the input', () => {
    // Six minutes before the press: too old to say where the person was.
    expect(() => recordAlertLocation(
      withAlert(),
      { alertId: 'alert-1', location: fix(-6 * 60) },
      lateEvening(),
    )).toThrow(expect.objectContaining({
      code: 'INVALID_INPUT',
      details: { field: 'location.fixedAt' },
    }));
  });
});

describe('closeAlertCall', () => {
  /** The call pressed at 21:15 in Brussels ended at `endedAt`. */
  function close(
    aggregate: MeasureAggregate,
    endedAt: string,
    context = lateEvening(),
  ) {
    return closeAlertCall(aggregate, { alertId: 'alert-1', endedAt },
      context);
  }

  /** The error that refuses an `endedAt`, its message saying `why`. */
  function invalidEnd(why: string) {
    return expect.objectContaining({
      code: 'INVALID_INPUT',
      details: { field: 'endedAt' },
      message: expect.stringContaining(why),
    });
  }

  it('§3: records when the call ended, as the alert\'s fact', () => {
    const aggregate = withAlert();
    const change = close(aggregate, '2026-08-10T21:31:00+02:00');
    expect(change.aggregate.alerts).toEqual([{
      ...aggregate.alerts[0],
      callEndedAt: '2026-08-10T21:31:00+02:00',
    }]);
    expect(change.aggregate.measure).toBe(aggregate.measure);
    expect(change.action).toBe('ALERT_CALL_END');
    expect(change.alertId).toBe('alert-1');
    expect(change.pvReference).toBeNull();
    expect(change.effects).toEqual([]);
    expect(alertEventOf(change, '2026-08-10T20:00:00.000Z')?.kind)
      .toBe('CLOSED');
  });

  it('§3: a call may end at the very instant of the press', () => {
    const change = close(withAlert(), '2026-08-10T19:15:00Z');
    expect(change.aggregate.alerts[0].callEndedAt)
      .toBe('2026-08-10T19:15:00Z');
  });

  it('§3: the same end again, whatever its offset, is a no-op', () => {
    const closed = deepFreeze(
      close(withAlert(), '2026-08-10T21:31:00+02:00').aggregate);
    const again = close(closed, '2026-08-10T19:31:00.000Z');
    expect(isNoOp(closed, again)).toBe(true);
  });

  it('§3: another end of a closed call is an ALERT_CONFLICT', () => {
    const closed = deepFreeze(
      close(withAlert(), '2026-08-10T21:31:00+02:00').aggregate);
    expect(() => close(closed, '2026-08-10T21:32:00+02:00')).toThrow(
      expect.objectContaining({
        code: 'ALERT_CONFLICT',
        message: 'Alert alert-1 has call end 2026-08-10T21:31:00+02:00 '
          + 'on record; 2026-08-10T21:32:00+02:00 contradicts it (§3).',
      }),
    );
  });

  it('§3: an end before the press is INVALID_INPUT on endedAt', () => {
    expect(() => close(withAlert(), '2026-08-10T21:14:59+02:00'))
      .toThrow(invalidEnd('must be at or after'));
  });

  it('§3: an end after now is INVALID_INPUT on endedAt', () => {
    // The clock reads 22:00 in Brussels.
    expect(() => close(withAlert(), '2026-08-10T22:00:01+02:00'))
      .toThrow(invalidEnd('is in the future'));
    expect(close(withAlert(), '2026-08-10T22:00:00+02:00')
      .aggregate.alerts[0].callEndedAt).toBe('2026-08-10T22:00:00+02:00');
  });

  it('§3, §7.12: an ended measure still takes the end of its alert\'s call',
    () => {
      const ended = endedOn('2026-08-10');
      const change = close(ended, '2026-08-10T21:31:00+02:00');
      expect(change.aggregate.measure.status).toBe('ENDED');
      expect(change.aggregate.alerts[0].callEndedAt)
        .toBe('2026-08-10T21:31:00+02:00');
    });

  it('§3: the call of an alert the measure does not hold is NOT_FOUND', () => {
    expect(() => closeAlertCall(
      withAlert(),
      { alertId: 'nope', endedAt: '2026-08-10T21:31:00+02:00' },
      lateEvening(),
    )).toThrow(expect.objectContaining({
      code: 'NOT_FOUND',
      details: { what: 'alert', id: 'nope' },
    }));
  });

  it('§3: a measure not yet granted has no call to close', () => {
    expect(() => close(requested(), '2026-08-10T21:31:00+02:00'))
      .toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
  });
});
