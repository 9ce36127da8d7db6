import { lifecycleOf } from '../../subgraphs/protection/domain/lifecycle';
import {
  isDeployed,
  type Territory,
} from '../../subgraphs/protection/domain/territory';
import { addMonths } from '../dates';
import { DEMO, generateDemoData } from '../demo-data';
import { DEMO_TERRITORY } from './territory';

const data = generateDemoData();
const { aggregates, journal } = data.protection;
const territory: Territory = DEMO_TERRITORY;

function aggregate(id: string) {
  const found = aggregates.find((a) => a.measure.id === id);
  if (!found) throw new Error(`No demo aggregate ${id}`);
  return found;
}

function journalOf(id: string) {
  return journal.filter((entry) => entry.measureId === id);
}

const granted = aggregates.filter(({ measure }) =>
  measure.status === 'ACTIVE' || measure.status === 'ENDED');

describe('Demo lives: every measure', () => {
  it('has what its status implies, as the domain reads it', () => {
    for (const { measure } of aggregates) {
      expect(() => lifecycleOf(measure)).not.toThrow();
    }
  });

  it('starts its journal with the request, oldest first, at version '
    + 'count - 1', () => {
    for (const { measure } of aggregates) {
      const own = journalOf(measure.id);
      expect(own[0]).toMatchObject({ action: 'REQUEST',
        pvReference: measure.pvReference });
      expect(own[0]!.at.slice(0, 10)).toBe(measure.requestedOn);
      const times = own.map((entry) => entry.at);
      expect(times).toEqual([...times].sort());
      expect(measure.version).toBe(own.length - 1);
    }
    const ids = journal.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('records only actors by role and organisation, never a name', () => {
    for (const { actor } of journal) {
      expect(actor.subject).toMatch(/^(demo-[a-z]+-[A-Z0-9-]+|expiry-sweep)$/);
    }
  });

  it('covers only the victim until the grant (§7.9)', () => {
    for (const { measure, protectedPersons } of aggregates) {
      if (measure.status === 'ACTIVE' || measure.status === 'ENDED') continue;
      expect(protectedPersons.map((p) => p.role)).toEqual(['VICTIM']);
    }
  });
});

describe('Demo lives: granted measures', () => {
  it('were heard, met the six conditions and were activated at once '
    + '(§7.4, §7.5, §7.8)', () => {
    for (const { measure, evaluations, conditions } of granted) {
      expect(evaluations[0]!.heardOn <= measure.decidedOn!).toBe(true);
      expect(conditions).toMatchObject({
        livesInDeployedZone: true, withinMaterialScope: true,
        wantsAlarm: true, noVoluntaryContact: true, filesComplaints: true,
        acceptsUserAgreement: true,
      });
      expect(isDeployed(territory, measure.managingZoneCode,
        measure.decidedOn!)).toBe(true);
      expect(measure.deviceActivatedOn).toBe(measure.decidedOn);
      const actions = journalOf(measure.id).map((entry) => entry.action);
      expect(actions.slice(0, 5)).toEqual(['REQUEST', 'EVALUATION',
        'CONDITIONS', 'GRANT', 'DEVICE_ACTIVATION']);
    }
  });

  it('copy the request\'s PV to victim support (§7.8.3)', () => {
    const referrals = data['victim-support'].referrals;
    for (const { measure } of granted) {
      const referral = referrals.find((r) => r.measureId === measure.id);
      expect(referral?.pvReference).toBe(measure.pvReference);
    }
  });

  it('keep at most one revisit open, the last, by due date (§7.11.3)',
    () => {
      for (const { measure, revisits } of granted) {
        const open = revisits.filter((r) => r.doneOn === null);
        expect(open.length).toBeLessThanOrEqual(1);
        if (open[0]) expect(open[0]).toBe(revisits.at(-1));
        const due = revisits.map((r) => r.dueOn);
        expect(due).toEqual([...due].sort());
        // Running with over 3 months to go: the next one is open.
        if (measure.status === 'ACTIVE'
          && measure.endDate! > addMonths(data.referenceDate, 3)) {
          expect(open).toHaveLength(1);
        }
      }
      const overdue = granted.filter(({ measure, revisits }) =>
        measure.status === 'ACTIVE' && revisits.some((r) =>
          r.doneOn === null && r.dueOn < data.referenceDate));
      expect(overdue.map((a) => a.measure.id))
        .toEqual([DEMO.measureIds.activeWithOverdueRevisit]);
    });

  it('returned their devices once ended (§7.12.2)', () => {
    for (const { measure } of granted) {
      if (measure.status !== 'ENDED') continue;
      expect(measure.devicesReturnedOn! >= measure.endedOn!).toBe(true);
      expect(journalOf(measure.id).at(-1)?.action).toBe('DEVICE_RETURN');
    }
  });
});

describe('Demo lives: refusals and requests', () => {
  it('keep the refusal whole with its PV (§7.7)', () => {
    for (const { measure } of aggregates) {
      if (measure.status !== 'REFUSED') continue;
      expect(measure.refusal).toMatchObject({ decidedOn: measure.decidedOn });
      expect(measure.refusal!.pvReference).toMatch(/^PV\//);
    }
  });

  it('record no conditions before the decision', () => {
    const requested = aggregates.filter((a) =>
      a.measure.status === 'REQUESTED');
    expect(requested.every((a) => a.conditions === null)).toBe(true);
    expect(aggregate(DEMO.measureIds.requested).evaluations).toHaveLength(1);
  });
});

describe('Demo lives: well-known ids', () => {
  const ids = DEMO.measureIds;

  it('names a real alert that prolonged the measure (§7.10.2)', () => {
    const a = aggregate(ids.activeWithRealAlert);
    expect(a.alerts).toEqual([expect.objectContaining({
      classification: 'REAL', magistrateInformed: true })]);
    const [alert] = a.alerts;
    expect(a.prolongations).toEqual([{
      cause: 'REAL_ALERT',
      incidentOn: alert!.raisedAt.slice(0, 10),
      previousEndDate: '2027-01-20',
      newEndDate: '2027-07-05',
      decidedOn: '2026-10-05',
    }]);
    expect(a.measure.endDate).toBe('2027-07-05');
  });

  it('names a false alert that changed nothing', () => {
    const a = aggregate(ids.activeWithFalseAlert);
    expect(a.alerts).toEqual([expect.objectContaining({
      classification: 'FALSE', magistrateInformed: false })]);
    expect(a.prolongations).toEqual([]);
  });

  it('locates the false alert in Antwerpen, three fixes 30 s apart (§3)',
    () => {
      const a = aggregate(ids.activeWithFalseAlert);
      expect(a.measure.managingZoneCode).toBe('5345');
      const [alert] = a.alerts;
      const { track } = alert!;
      expect(track).toHaveLength(3);
      expect(alert!.location).toEqual(track[2]);
      for (const fix of track) {
        expect(fix.latitude).toBeGreaterThan(51.1);
        expect(fix.latitude).toBeLessThan(51.3);
        expect(fix.longitude).toBeGreaterThan(4.3);
        expect(fix.longitude).toBeLessThan(4.5);
      }
      const times = track.map((fix) => Date.parse(fix.fixedAt));
      expect(times.map((time) => time - times[0]!)).toEqual([0, 30e3, 60e3]);
      // Taken at most 5 minutes before the press, as the domain accepts.
      expect(Date.parse(alert!.raisedAt) - times[0]!).toBeLessThan(300e3);
      expect(journalOf(a.measure.id).filter((entry) =>
        entry.action === 'ALERT_LOCATION')).toHaveLength(2);
    });

  it('has no fixes for the alerts planned without a track (§3)', () => {
    const a = aggregate(ids.activeWithRealAlert);
    expect(a.alerts).toEqual([expect.objectContaining({
      location: null, track: [] })]);
  });

  it('names new facts that prolonged the measure (§7.11.3)', () => {
    const a = aggregate(ids.activeWithNewFacts);
    expect(a.newFacts).toHaveLength(1);
    expect(a.prolongations.map((p) => p.cause)).toEqual(['NEW_FACTS']);
  });

  it('names travel: a usual place forwarded, a trip not yet (§7.11.1)', () => {
    const notices = aggregate(ids.activeWithTravelNotice).travelNotices;
    expect(notices.map((n) => [n.kind, n.forwardedOn === null])).toEqual([
      ['USUAL_PLACE', false],
      ['TRIP', true],
    ]);
    const trip = notices[1]!;
    expect(trip.announcedOn < trip.fromDate).toBe(true);
    expect(territory.zone(trip.zoneCode)?.arrondissementCode)
      .not.toBe(aggregate(ids.activeWithTravelNotice).measure
        .arrondissementCode);
  });

  it('names a move awaiting the new parquet (§7.2.3)', () => {
    expect(aggregate(ids.activeWithPendingTransfer).measure.pendingTransfer)
      .toEqual({ toZoneCode: '5345', toArrondissementCode: 'ANT',
        requestedOn: '2026-11-27' });
  });

  it('names a measure re-evaluated and let end (§7.12.1)', () => {
    const a = aggregate(ids.activeEndingSoon);
    expect(a.reEvaluationDecisions.map((d) => d.outcome))
      .toEqual(['LET_END']);
    expect(a.evaluations.at(-1)?.reEvaluation).toBe(true);
    expect(a.measure.endDate).toBe('2026-12-13');
  });
});
