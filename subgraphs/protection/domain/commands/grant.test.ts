import type { MeasureAggregate } from '../../../../adapters/protection/aggregate';
import {
  contextOn,
  deepFreeze,
  grantInput,
  granted,
  payloadsOf,
  personInput,
  readyForDecision,
  requested,
  SUSPECT,
  VICTIM,
  VICTIM_RECORD,
} from '../testing';
import { reconsiderRequest, refuseProtection } from './decision';
import {
  grantProtection,
  recordDeviceActivation,
  type GrantProtectionInput,
} from './grant';
import { recordConditions } from './hearing';

function grant(
  aggregate: MeasureAggregate,
  overrides: Partial<GrantProtectionInput> = {},
  decidedOn = '2026-05-31',
) {
  return grantProtection(
    aggregate,
    grantInput(decidedOn, overrides),
    contextOn(decidedOn),
    VICTIM_RECORD,
  );
}

function child(
  birthDate: string,
  consent: { discernmentRecorded?: boolean; agreementSigned: boolean },
) {
  return {
    person: personInput(birthDate, 10, 'DEMO-CHILD'),
    role: 'CHILD' as const,
    ...consent,
  };
}

describe('grantProtection', () => {
  it('§7.8, §7.10.1: a grant on 31 May runs until the last day of February', () => {
    const { measure } = grant(readyForDecision()).aggregate;
    expect(measure).toMatchObject({
      status: 'ACTIVE',
      decidedOn: '2026-05-31',
      startDate: '2026-05-31',
      endDate: '2027-02-28',
      underInvestigation: false,
      investigatingJudgeInformedOn: null,
    });
  });

  it('§7.10.1: a grant on 31 August runs until 31 May', () => {
    expect(
      grant(readyForDecision(), {}, '2026-08-31').aggregate.measure.endDate,
    ).toBe('2027-05-31');
  });

  it('§7.11.3: schedules the first revisit one month after the grant', () => {
    expect(grant(readyForDecision()).aggregate.revisits).toEqual([
      { dueOn: '2026-06-30', doneOn: null, pvReference: null },
    ]);
  });

  it('§7.5: the victim signs the agreement', () => {
    const change = grant(readyForDecision());
    expect(change.aggregate.protectedPersons[0]).toMatchObject({
      role: 'VICTIM',
      agreementSigned: true,
    });
    expect(() =>
      grant(readyForDecision(), { victimAgreementSigned: false }),
    ).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        details: { field: 'victim.agreementSigned', age: 36 },
      }),
    );
  });

  it('§7.8.1, §7.8.3, §7.8.4, §7.13: emits the effects of a grant in order', () => {
    const change = grant(readyForDecision());
    expect(change.effects.map((effect) => effect.kind)).toEqual([
      'BNG_ALARM_MENTION',
      'BNG_NO_CONTACT_ORDER',
      'MACH_REGISTRATION_COMMENT',
      'DEVICES_GRANT_REGISTRATION',
      'DEVICES_ASSIGNMENT',
      'VICTIM_SUPPORT_REFERRAL',
    ]);
    expect(new Set(change.effects.map((effect) => effect.id)).size).toBe(6);
    expect(change.action).toBe('GRANT');
    expect(change.pvReference).toBe('GE.55.L7.000103/2026');
  });

  it('§7.8.1, §7.8.4: BNG mention and no-contact order run to the planned end', () => {
    const change = grant(readyForDecision());
    expect(payloadsOf(change, 'BNG_ALARM_MENTION')).toEqual([
      {
        nationalNumber: VICTIM.nationalNumber,
        measureId: 'measure-1',
        registeredOn: '2026-05-31',
        validUntil: '2027-02-28',
      },
    ]);
    expect(payloadsOf(change, 'BNG_NO_CONTACT_ORDER')).toEqual([
      {
        measureId: 'measure-1',
        suspectNationalNumber: SUSPECT.nationalNumber,
        validFrom: '2026-05-31',
        validUntil: '2027-02-28',
      },
    ]);
  });

  it('§7.13.1, §7.13.2: registers the grant in MaCH and SharePoint', () => {
    const change = grant(readyForDecision());
    expect(payloadsOf(change, 'MACH_REGISTRATION_COMMENT')).toEqual([
      {
        measureId: 'measure-1',
        suspectNationalNumber: SUSPECT.nationalNumber,
        kind: 'GRANT',
        date: '2026-05-31',
      },
    ]);
    expect(payloadsOf(change, 'DEVICES_GRANT_REGISTRATION')).toEqual([
      {
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
      },
    ]);
  });

  it('§7.8.3, §7.8.7: refers to victim support and assigns a device', () => {
    const change = grant(readyForDecision());
    expect(payloadsOf(change, 'DEVICES_ASSIGNMENT')).toEqual([
      {
        measureId: 'measure-1',
        nationalNumber: VICTIM.nationalNumber,
        arrondissementCode: 'OVL',
        zoneCode: '5415',
        assignedOn: '2026-05-31',
      },
    ]);
    expect(payloadsOf(change, 'VICTIM_SUPPORT_REFERRAL')).toEqual([
      {
        measureId: 'measure-1',
        arrondissementCode: 'OVL',
        referredOn: '2026-05-31',
        pvReference: 'GE.55.L7.000101/2026',
        plannedEndDate: '2027-02-28',
      },
    ]);
    // The referral tells the planned end (its END_DATE notice): a notice
    // of its own would reach the service twice.
    expect(payloadsOf(change, 'VICTIM_SUPPORT_NOTICE')).toEqual([]);
  });

  it('§7.9: a 15-year-old child need not sign but needs discernment', () => {
    const change = grant(readyForDecision(), {
      otherProtectedPersons: [
        child('2010-06-01', {
          discernmentRecorded: true,
          agreementSigned: false,
        }),
      ],
    });
    expect(
      change.aggregate.protectedPersons.map((person) => person.role),
    ).toEqual(['VICTIM', 'CHILD']);
    expect(change.persons.map((person) => person.lastName)).toEqual([
      'DEMO-CHILD',
    ]);
    expect(payloadsOf(change, 'BNG_ALARM_MENTION')).toHaveLength(2);
    expect(payloadsOf(change, 'DEVICES_ASSIGNMENT')).toHaveLength(2);
  });

  it('§7.5, §7.9: a 16-year-old child must sign the agreement', () => {
    expect(() =>
      grant(readyForDecision(), {
        otherProtectedPersons: [
          child('2010-05-31', {
            discernmentRecorded: true,
            agreementSigned: false,
          }),
        ],
      }),
    ).toThrow(
      'The otherProtectedPersons[0] (CHILD) is 16 on 2026-05-31: from 16 the user agreement must be signed (§7.5, §7.9).',
    );
  });

  it('§6, §7.9: a minor without recorded discernment is refused', () => {
    expect(() =>
      grant(readyForDecision(), {
        otherProtectedPersons: [
          child('2012-01-01', { agreementSigned: false }),
        ],
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        details: {
          field: 'otherProtectedPersons[0].discernmentRecorded',
          age: 14,
        },
      }),
    );
  });

  it('§6, §7.9: a minor victim needs discernment as well', () => {
    const minor = personInput('2009-03-01', 20, 'DEMO-VICTIM');
    const aggregate = readyForDecision('2026-05-25', { victim: minor });
    const record = { ...minor, gender: null };
    const context = contextOn('2026-05-31');
    expect(() =>
      grantProtection(aggregate, grantInput('2026-05-31'), context, record),
    ).toThrow(
      expect.objectContaining({
        details: { field: 'victim.discernmentRecorded', age: 17 },
      }),
    );
    const change = grantProtection(
      aggregate,
      grantInput('2026-05-31', { victimDiscernmentRecorded: true }),
      context,
      record,
    );
    expect(change.aggregate.protectedPersons[0].discernmentRecorded).toBe(true);
  });

  it('§7.9: the suspect or a person twice cannot be protected', () => {
    const twice = child('2012-01-01', {
      discernmentRecorded: true,
      agreementSigned: false,
    });
    expect(() =>
      grant(readyForDecision(), { otherProtectedPersons: [twice, twice] }),
    ).toThrow('A person is listed twice among the protected persons (§7.9).');
    expect(() =>
      grant(readyForDecision(), {
        otherProtectedPersons: [
          {
            person: SUSPECT,
            role: 'RELATIVE',
            agreementSigned: true,
            discernmentRecorded: false,
          },
        ],
      }),
    ).toThrow(
      'The suspect cannot be a protected person of the measure (§7.9).',
    );
    expect(() =>
      grant(readyForDecision(), {
        otherProtectedPersons: [{ ...twice, role: 'VICTIM' }],
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('§7.5: a grant with a missing condition names it', () => {
    const unmet = deepFreeze(
      recordConditions(
        readyForDecision(),
        {
          recordedOn: '2026-05-26',
          withinMaterialScope: true,
          wantsAlarm: true,
          noVoluntaryContact: false,
          filesComplaints: true,
          acceptsUserAgreement: true,
        },
        contextOn('2026-05-26'),
      ).aggregate,
    );
    expect(() => grant(unmet)).toThrow(
      expect.objectContaining({
        code: 'CONDITIONS_NOT_MET',
        message:
          'Cannot grant measure SA/2026/0001: conditions not met: NO_VOLUNTARY_CONTACT (§7.5).',
        details: expect.objectContaining({
          missingConditions: ['NO_VOLUNTARY_CONTACT'],
        }),
      }),
    );
  });

  it('§7.4, §7.5: a grant without hearing or conditions is CONDITIONS_NOT_MET', () => {
    expect(() => grant(requested())).toThrow(
      expect.objectContaining({
        code: 'CONDITIONS_NOT_MET',
        details: {
          evaluationRecorded: false,
          conditionsRecorded: false,
          missingConditions: [],
        },
      }),
    );
  });

  it('§5.2: a grant in a zone not yet deployed names the deployment date', () => {
    const polbruno = readyForDecision('2026-05-25', {
      residenceZoneCode: '5344',
    });
    expect(() => grant(polbruno)).toThrow(
      expect.objectContaining({
        code: 'ZONE_NOT_DEPLOYED',
        message:
          'The managing zone 5344 is deployed only from 2027-03-01: the alarm cannot be granted there on 2026-05-31 (§5.2, §7.5).',
      }),
    );
    const scheldeLeie = readyForDecision('2026-05-25', {
      residenceZoneCode: '5420',
    });
    expect(() => grant(scheldeLeie)).toThrow('has no deployment date yet');
  });

  it('§7.8.2: under investigation the judge must have been informed', () => {
    expect(() =>
      grant(readyForDecision(), { underInvestigation: true }),
    ).toThrow(
      expect.objectContaining({
        details: { field: 'investigatingJudgeInformedOn' },
      }),
    );
    const change = grant(readyForDecision(), {
      underInvestigation: true,
      investigatingJudgeInformedOn: '2026-05-31',
    });
    expect(change.aggregate.measure).toMatchObject({
      underInvestigation: true,
      investigatingJudgeInformedOn: '2026-05-31',
    });
    expect(() =>
      grant(readyForDecision(), { investigatingJudgeInformedOn: '2026-05-31' }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('§7.8.2: a request from the investigating judge is under investigation', () => {
    const fromJudge = readyForDecision('2026-05-25', {
      origin: 'INVESTIGATING_JUDGE',
      requesterDescription: 'Judge of Gent',
    });
    expect(() => grant(fromJudge)).toThrow(
      expect.objectContaining({ details: { field: 'underInvestigation' } }),
    );
  });

  it('§7.8: granting twice is an illegal transition', () => {
    expect(() => grant(granted())).toThrow(
      expect.objectContaining({
        code: 'ILLEGAL_TRANSITION',
        message: expect.stringContaining('which is ACTIVE'),
      }),
    );
  });

  it('§7.7: after a reopened refusal the grant needs a new hearing', () => {
    const refused = refuseProtection(
      readyForDecision(),
      {
        decidedOn: '2026-05-26',
        reasons: 'Low risk.',
        pvReference: 'PV-R',
      },
      contextOn('2026-05-26'),
    ).aggregate;
    const reopened = reconsiderRequest(
      refused,
      { reportedOn: '2026-05-28', pvReference: 'PV-N' },
      contextOn('2026-05-28'),
    ).aggregate;
    expect(() => grant(reopened)).toThrow(
      expect.objectContaining({
        code: 'CONDITIONS_NOT_MET',
        details: {
          evaluationRecorded: false,
          conditionsRecorded: false,
          missingConditions: [],
        },
      }),
    );
  });

  it('refuses a decision dated in the future or before the request', () => {
    expect(() =>
      grantProtection(
        readyForDecision(),
        grantInput('2026-06-01'),
        contextOn('2026-05-31'),
        VICTIM_RECORD,
      ),
    ).toThrow('is in the future');
    expect(() => grant(readyForDecision(), {}, '2026-05-19')).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });

  it("refuses a victim record that is not the measure's victim (misuse)", () => {
    expect(() =>
      grantProtection(
        readyForDecision(),
        grantInput('2026-05-31'),
        contextOn('2026-05-31'),
        { ...VICTIM_RECORD, nationalNumber: SUSPECT.nationalNumber },
      ),
    ).toThrow(TypeError);
  });
});

describe('recordDeviceActivation', () => {
  it('§7.8.1: records the activation day; the same day again is a no-op', () => {
    const aggregate = granted();
    const context = contextOn('2026-06-01');
    const input = { activatedOn: '2026-05-31', pvReference: 'PV-A' };
    const change = recordDeviceActivation(aggregate, input, context);
    expect(change.aggregate.measure.deviceActivatedOn).toBe('2026-05-31');
    expect(change.action).toBe('DEVICE_ACTIVATION');
    const again = recordDeviceActivation(change.aggregate, input, context);
    expect(again.aggregate).toBe(change.aggregate);
    expect(() =>
      recordDeviceActivation(
        change.aggregate,
        { ...input, activatedOn: '2026-06-01' },
        context,
      ),
    ).toThrow('was activated on 2026-05-31 already (§7.8.1)');
  });

  it('§7.8.1: not before the grant, and only on an ACTIVE measure', () => {
    expect(() =>
      recordDeviceActivation(
        granted(),
        { activatedOn: '2026-05-30', pvReference: 'PV-A' },
        contextOn('2026-06-01'),
      ),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() =>
      recordDeviceActivation(
        requested(),
        { activatedOn: '2026-05-30', pvReference: 'PV-A' },
        contextOn('2026-06-01'),
      ),
    ).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
  });
});
