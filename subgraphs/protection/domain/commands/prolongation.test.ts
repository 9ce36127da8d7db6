import type { MeasureAggregate } from '../../../../adapters/protection/aggregate';
import { isNoOp } from '../lifecycle';
import {
  contextOn,
  deepFreeze,
  granted,
  payloadsOf,
  SUSPECT,
  VICTIM,
} from '../testing';
import { endProtectionEarly } from './end';
import { recordEvaluation } from './hearing';
import { decideReEvaluation, recordNewFacts } from './prolongation';
import { recordRevisit } from './revisits';

function newFacts(
  aggregate: MeasureAggregate,
  factOn: string,
  reportedOn = factOn,
) {
  return recordNewFacts(
    aggregate,
    { reportedOn, factOn, pvReference: 'PV-F' },
    contextOn(reportedOn),
  );
}

describe('recordNewFacts', () => {
  it('§7.11.3: records the new PV and the immediate notice to the magistrate', () => {
    const change = newFacts(granted(), '2026-09-01', '2026-09-02');
    expect(change.aggregate.newFacts).toEqual([
      {
        reportedOn: '2026-09-02',
        factOn: '2026-09-01',
        pvReference: 'PV-F',
        magistrateInformed: true,
      },
    ]);
    expect(change.action).toBe('NEW_FACTS');
    expect(change.pvReference).toBe('PV-F');
  });

  it('§7.10.2: prolongs for 9 months from the day of the fact', () => {
    const change = newFacts(granted(), '2026-09-01', '2026-09-02');
    expect(change.aggregate.measure.endDate).toBe('2027-06-01');
    expect(change.aggregate.prolongations).toEqual([
      {
        cause: 'NEW_FACTS',
        incidentOn: '2026-09-01',
        decidedOn: '2026-09-02',
        previousEndDate: '2027-02-28',
        newEndDate: '2027-06-01',
      },
    ]);
  });

  it('§7.8.4, §7.10.2, §7.13: a prolongation keeps BNG, MaCH, SharePoint and SAV in step', () => {
    const change = newFacts(granted(), '2026-09-01', '2026-09-02');
    expect(change.effects.map((effect) => effect.kind)).toEqual([
      'BNG_ALARM_MENTION',
      'BNG_NO_CONTACT_ORDER',
      'MACH_REGISTRATION_COMMENT',
      'DEVICES_GRANT_REGISTRATION',
      'VICTIM_SUPPORT_NOTICE',
    ]);
    expect(payloadsOf(change, 'BNG_ALARM_MENTION')).toEqual([
      {
        nationalNumber: VICTIM.nationalNumber,
        measureId: 'measure-1',
        registeredOn: '2026-05-31',
        validUntil: '2027-06-01',
      },
    ]);
    expect(payloadsOf(change, 'BNG_NO_CONTACT_ORDER')).toEqual([
      {
        measureId: 'measure-1',
        suspectNationalNumber: SUSPECT.nationalNumber,
        validFrom: '2026-05-31',
        validUntil: '2027-06-01',
      },
    ]);
    expect(payloadsOf(change, 'MACH_REGISTRATION_COMMENT')).toEqual([
      {
        measureId: 'measure-1',
        suspectNationalNumber: SUSPECT.nationalNumber,
        kind: 'PROLONGATION',
        date: '2026-09-02',
      },
    ]);
    expect(payloadsOf(change, 'DEVICES_GRANT_REGISTRATION')).toEqual([
      expect.objectContaining({
        endDate: '2027-06-01',
        status: 'ACTIVE',
        prolongationCount: 1,
      }),
    ]);
    expect(payloadsOf(change, 'VICTIM_SUPPORT_NOTICE')).toEqual([
      {
        noticeId: expect.any(String),
        measureId: 'measure-1',
        kind: 'PROLONGATION',
        date: '2027-06-01',
        details: 'NEW_FACTS',
      },
    ]);
  });

  it('§7.10.2 Decision: a fact that would shorten the measure is recorded, nothing sent', () => {
    const change = newFacts(granted(), '2026-05-10', '2026-06-02');
    expect(change.aggregate.measure.endDate).toBe('2027-02-28');
    expect(change.aggregate.prolongations).toEqual([
      expect.objectContaining({
        previousEndDate: '2027-02-28',
        newEndDate: '2027-02-28',
      }),
    ]);
    expect(change.effects).toEqual([]);
  });

  it('§7.11.3: a prolongation reopens revisits when the schedule had run out', () => {
    let aggregate = granted();
    for (const doneOn of ['2026-06-30', '2026-09-30', '2026-12-31']) {
      aggregate = recordRevisit(
        aggregate,
        { doneOn, pvReference: 'PV' },
        contextOn(doneOn),
      ).aggregate;
    }
    const change = newFacts(deepFreeze(aggregate), '2027-01-10');
    expect(change.aggregate.revisits.at(-1)).toEqual({
      dueOn: '2027-03-31',
      doneOn: null,
      pvReference: null,
    });
  });

  it('§7.10.2: a fact after the end date cannot prolong the measure', () => {
    expect(() => newFacts(granted(), '2027-03-01')).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        message:
          'Measure SA/2026/0001 ran until 2027-02-28: an incident on 2027-03-01 cannot prolong it (§7.10.2).',
      }),
    );
  });

  it('§7.10.2: prolonging an ENDED measure is an illegal transition', () => {
    const ended = endProtectionEarly(
      granted(),
      {
        decidedOn: '2026-07-01',
        reason: 'MISUSE',
        pvReference: 'PV-E',
      },
      contextOn('2026-07-01'),
    ).aggregate;
    expect(() => newFacts(ended, '2026-07-02')).toThrow(
      expect.objectContaining({
        code: 'ILLEGAL_TRANSITION',
        message: expect.stringContaining(
          'recordNewFacts does not apply to measure SA/2026/0001, which is ENDED',
        ),
      }),
    );
  });

  it('refuses a report before the fact', () => {
    expect(() => newFacts(granted(), '2026-09-02', '2026-09-01')).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});

describe('decideReEvaluation', () => {
  /** Granted 31 May 2026: window 28 Jan to 28 Feb 2027; heard 1 Feb. */
  function reEvaluated(): MeasureAggregate {
    return deepFreeze(
      recordEvaluation(
        granted(),
        {
          heardOn: '2027-02-01',
          pvReference: 'PV-RE',
          relationship: 'EX_PARTNER',
          answers: {
            fearForLife: true,
            rejectedBreakUp: true,
            threatsToKillOrSuicide: false,
            pastViolence: true,
            weaponAffinity: false,
            heavyStalkingInvestment: true,
            uncontrolledAnger: false,
            destroyedBelongings: false,
          },
          breakUpIntentionsDiverge: true,
          inShelter: false,
        },
        contextOn('2027-02-01'),
      ).aggregate,
    );
  }

  function decide(
    aggregate: MeasureAggregate,
    outcome: 'PROLONG' | 'LET_END',
    decidedOn = '2027-02-05',
  ) {
    return decideReEvaluation(
      aggregate,
      { decidedOn, outcome, pvReference: 'PV-D' },
      contextOn(decidedOn),
    );
  }

  it('§7.12.1: PROLONG gives 9 months from the decision day', () => {
    const change = decide(reEvaluated(), 'PROLONG');
    expect(change.aggregate.measure.endDate).toBe('2027-11-05');
    expect(change.aggregate.prolongations).toEqual([
      {
        cause: 'RE_EVALUATION',
        incidentOn: '2027-02-05',
        decidedOn: '2027-02-05',
        previousEndDate: '2027-02-28',
        newEndDate: '2027-11-05',
      },
    ]);
    expect(change.aggregate.reEvaluationDecisions).toEqual([
      { decidedOn: '2027-02-05', outcome: 'PROLONG', pvReference: 'PV-D' },
    ]);
    expect(payloadsOf(change, 'VICTIM_SUPPORT_NOTICE')).toEqual([
      expect.objectContaining({
        kind: 'PROLONGATION',
        date: '2027-11-05',
        details: 'RE_EVALUATION',
      }),
    ]);
    expect(change.action).toBe('RE_EVALUATION_DECISION');
  });

  it('§7.12.1: LET_END is recorded and changes no date', () => {
    const change = decide(reEvaluated(), 'LET_END');
    expect(change.aggregate.measure.endDate).toBe('2027-02-28');
    expect(change.aggregate.prolongations).toEqual([]);
    expect(change.aggregate.reEvaluationDecisions).toHaveLength(1);
    expect(change.effects).toEqual([]);
  });

  it('§7.12.1: LET_END twice is a no-op; PROLONG may overturn it', () => {
    const letEnd = deepFreeze(decide(reEvaluated(), 'LET_END').aggregate);
    expect(isNoOp(letEnd, decide(letEnd, 'LET_END', '2027-02-06'))).toBe(true);
    const prolonged = decide(letEnd, 'PROLONG', '2027-02-07');
    expect(prolonged.aggregate.measure.endDate).toBe('2027-11-07');
  });

  it('§7.12.1: a decision outside the month before the end is refused', () => {
    expect(() => decide(reEvaluated(), 'PROLONG', '2027-01-27')).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        message:
          'decidedOn 2027-01-27 is outside the re-evaluation window 2027-01-28 to 2027-02-28, the month before the end (§7.12.1).',
      }),
    );
  });

  it('§7.12.1: the decision needs a re-evaluation heard in the window', () => {
    expect(() => decide(granted(), 'PROLONG')).toThrow(
      expect.objectContaining({
        code: 'CONDITIONS_NOT_MET',
      }),
    );
  });
});
