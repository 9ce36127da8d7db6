import { ALL_YES, contextOn, granted, requested } from '../testing';
import {
  recordConditions,
  recordEvaluation,
  type RecordEvaluationInput,
} from './hearing';

const evaluation: RecordEvaluationInput = {
  heardOn: '2026-05-21',
  pvReference: 'PV-H',
  relationship: 'EX_PARTNER',
  answers: { ...ALL_YES, weaponAffinity: false },
  bombFactors: ['STRANGULATION', 'STRANGULATION'],
  breakUpIntentionsDiverge: true,
  inShelter: true,
};

const conditions = {
  recordedOn: '2026-05-21',
  withinMaterialScope: true,
  wantsAlarm: true,
  noVoluntaryContact: false,
  filesComplaints: true,
  acceptsUserAgreement: true,
};

describe('recordEvaluation', () => {
  it('§7.4, §7.6: adds a hearing with its answers and bomb factors', () => {
    const change = recordEvaluation(
      requested(),
      evaluation,
      contextOn('2026-05-21'),
    );
    expect(change.aggregate.evaluations).toEqual([
      {
        ...evaluation,
        bombFactors: ['STRANGULATION'],
        reEvaluation: false,
      },
    ]);
    expect(change.action).toBe('EVALUATION');
    expect(change.pvReference).toBe('PV-H');
  });

  it('§7.12.1: on an ACTIVE measure it is a re-evaluation', () => {
    const change = recordEvaluation(
      granted('2026-05-31'),
      { ...evaluation, heardOn: '2027-02-01' },
      contextOn('2027-02-01'),
    );
    expect(change.aggregate.evaluations.at(-1)?.reEvaluation).toBe(true);
  });

  it('§7.12.1: a re-evaluation is heard after the grant', () => {
    expect(() =>
      recordEvaluation(
        granted('2026-05-31'),
        evaluation,
        contextOn('2026-06-01'),
      ),
    ).toThrow(
      'heardOn 2026-05-21 is before the grant of 2026-05-31 (§7.4, §7.12.1).',
    );
  });

  it('keeps the hearings oldest first when one is recorded late', () => {
    const context = contextOn('2026-05-24');
    const later = recordEvaluation(
      requested(),
      { ...evaluation, heardOn: '2026-05-23', pvReference: 'PV-2' },
      context,
    ).aggregate;
    const both = recordEvaluation(later, evaluation, context).aggregate;
    expect(both.evaluations.map((item) => item.pvReference)).toEqual([
      'PV-H',
      'PV-2',
    ]);
  });

  it('refuses a hearing before the request', () => {
    expect(() =>
      recordEvaluation(
        requested(),
        { ...evaluation, heardOn: '2026-05-19' },
        contextOn('2026-05-21'),
      ),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('recordConditions', () => {
  it('§7.5: condition 1 is read from the territory, not asked', () => {
    const inGent = recordConditions(
      requested(),
      conditions,
      contextOn('2026-05-21'),
    );
    expect(inGent.aggregate.conditions).toEqual({
      ...conditions,
      livesInDeployedZone: true,
    });

    const notDeployed = requested({ residenceZoneCode: '5420' });
    const outside = recordConditions(
      notDeployed,
      conditions,
      contextOn('2026-05-21'),
    );
    expect(outside.aggregate.conditions?.livesInDeployedZone).toBe(false);
  });

  it('§5.2: a zone deployed later does not count before its day', () => {
    const brussels = requested({ residenceZoneCode: '5344' });
    const change = recordConditions(
      brussels,
      conditions,
      contextOn('2026-05-21'),
    );
    expect(change.aggregate.conditions?.livesInDeployedZone).toBe(false);
  });

  it('§7.5: replaces the conditions as last recorded', () => {
    const context = contextOn('2026-05-22');
    const first = recordConditions(requested(), conditions, context).aggregate;
    const second = recordConditions(
      first,
      { ...conditions, recordedOn: '2026-05-22', noVoluntaryContact: true },
      context,
    );
    expect(second.aggregate.conditions?.noVoluntaryContact).toBe(true);
    expect(second.action).toBe('CONDITIONS');
  });
});
