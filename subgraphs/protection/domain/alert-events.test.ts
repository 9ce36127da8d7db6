import { alertEventOf } from './alert-events';
import {
  classifyAlert,
  recordAlert,
  recordAlertLocation,
  recordPoliceArrival,
} from './commands/alerts';
import { recordRevisit } from './commands/revisits';
import { contextOn, granted } from './testing';

const RAISED_AT = '2026-08-10T21:15:00+02:00';
const AT = '2026-08-11T07:00:00.000Z';
const context = contextOn('2026-08-11');

function raised() {
  return recordAlert(granted(), { alertId: 'alert-1', raisedAt: RAISED_AT },
    context);
}

describe('alertEventOf', () => {
  it('§7.11.2: a raised alert is a RAISED event of that alert', () => {
    const change = raised();
    expect(alertEventOf(change, AT)).toEqual({
      measureId: change.aggregate.measure.id,
      alertId: 'alert-1',
      kind: 'RAISED',
      at: AT,
    });
  });

  it('§3, §7.11.2: each later fact of the alert has its own kind', () => {
    const { aggregate } = raised();
    const changes = [
      recordAlertLocation(aggregate, {
        alertId: 'alert-1',
        location: {
          latitude: 51.05, longitude: 3.72, accuracyMeters: 10,
          confidencePercent: 68, method: 'GNSS', fixedAt: RAISED_AT,
        },
      }, context),
      classifyAlert(aggregate, {
        alertId: 'alert-1', classification: 'FALSE',
        classifiedAt: '2026-08-11T08:00:00+02:00', pvReference: 'PV-AL',
      }, context),
      recordPoliceArrival(aggregate,
        { alertId: 'alert-1', arrivedAt: '2026-08-10T21:30:00+02:00' },
        context),
    ];
    expect(changes.map((change) => alertEventOf(change, AT)?.kind))
      .toEqual(['LOCATION_UPDATED', 'CLASSIFIED', 'POLICE_ARRIVED']);
  });

  it('is null for a change that is no fact of an alert', () => {
    const change = recordRevisit(granted(),
      { doneOn: '2026-06-14', pvReference: 'PV-RV' }, contextOn('2026-06-14'));
    expect(alertEventOf(change, AT)).toBeNull();
  });

  it('fails on an alert change that names no alert', () => {
    const { alertId: _, ...nameless } = raised();
    expect(() => alertEventOf(nameless, AT)).toThrow('names no alert');
  });
});
