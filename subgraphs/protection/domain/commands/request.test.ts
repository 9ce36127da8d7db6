import { contextOn, personInput, REQUEST, SUSPECT, VICTIM } from '../testing';
import { requestProtection, type RequestProtectionInput } from './request';

const ids = { measureId: 'measure-9', reference: 'SA/2026/0009' };

function request(overrides: Partial<RequestProtectionInput>) {
  return requestProtection(
    { ...REQUEST, ...overrides },
    contextOn('2026-05-20'),
    ids,
  );
}

describe('requestProtection', () => {
  it('§7.3: creates a REQUESTED measure with the victim as protected person', () => {
    const change = request({});
    const { measure, protectedPersons } = change.aggregate;
    expect(measure).toMatchObject({
      id: 'measure-9',
      reference: 'SA/2026/0009',
      status: 'REQUESTED',
      version: 1,
      requestedOn: '2026-05-20',
      pvReference: REQUEST.pvReference,
      suspectNationalNumber: SUSPECT.nationalNumber,
      decidedOn: null,
      endDate: null,
    });
    expect(protectedPersons).toEqual([
      {
        nationalNumber: VICTIM.nationalNumber,
        role: 'VICTIM',
        discernmentRecorded: false,
        agreementSigned: false,
      },
    ]);
    expect(change.action).toBe('REQUEST');
    expect(change.effects).toEqual([]);
    expect(change.persons.map((person) => person.lastName)).toEqual([
      'DEMO-VICTIM',
      'DEMO-SUSPECT',
    ]);
  });

  it('§7.2.1, §7.2.2: the residence zone manages, its arrondissement decides', () => {
    const { measure } = request({ residenceZoneCode: '5339' }).aggregate;
    expect(measure.managingZoneCode).toBe('5339');
    expect(measure.arrondissementCode).toBe('BRU');
  });

  it('§7.5: a residence not yet deployed may still ask (refused later)', () => {
    expect(
      request({ residenceZoneCode: '5420' }).aggregate.measure.status,
    ).toBe('REQUESTED');
  });

  it('refuses an unknown residence zone', () => {
    expect(() => request({ residenceZoneCode: '9999' })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_ZONE' }),
    );
  });

  it('§7.3.2: a request from another zone is routed to the residence zone', () => {
    const { measure } = request({
      origin: 'OTHER_POLICE_ZONE',
      requesterZoneCode: '5339',
    }).aggregate;
    expect(measure.managingZoneCode).toBe('5415');
    expect(measure.requester).toEqual({
      origin: 'OTHER_POLICE_ZONE',
      zoneCode: '5339',
      arrondissementCode: null,
      description: null,
    });
  });

  it('§7.3.2: another zone must be named, known and not the residence', () => {
    expect(() => request({ origin: 'OTHER_POLICE_ZONE' })).toThrow(
      'A request from OTHER_POLICE_ZONE needs requesterZoneCode (§7.3.2).',
    );
    expect(() =>
      request({ origin: 'OTHER_POLICE_ZONE', requesterZoneCode: '0000' }),
    ).toThrow(expect.objectContaining({ code: 'UNKNOWN_ZONE' }));
    expect(() =>
      request({ origin: 'OTHER_POLICE_ZONE', requesterZoneCode: '5415' }),
    ).toThrow('use origin RESIDENCE_POLICE');
  });

  it('§7.3.2: the residence police is filled in as requester', () => {
    expect(
      request({ origin: 'RESIDENCE_POLICE' }).aggregate.measure.requester
        .zoneCode,
    ).toBe('5415');
    expect(() =>
      request({ origin: 'RESIDENCE_POLICE', requesterZoneCode: '5339' }),
    ).toThrow('use origin OTHER_POLICE_ZONE');
  });

  it('§7.3.3: a request from another parquet goes to the residence parquet', () => {
    const { measure } = request({
      origin: 'OTHER_PARQUET',
      requesterArrondissementCode: 'BRU',
    }).aggregate;
    expect(measure.arrondissementCode).toBe('OVL');
    expect(measure.requester.arrondissementCode).toBe('BRU');
    expect(() => request({ origin: 'OTHER_PARQUET' })).toThrow(
      'A request from OTHER_PARQUET needs requesterArrondissementCode (§7.3.3).',
    );
    expect(() =>
      request({ origin: 'OTHER_PARQUET', requesterArrondissementCode: 'OVL' }),
    ).toThrow('use origin PARQUET');
  });

  it('§7.3.3: the residence parquet is filled in as requester', () => {
    expect(
      request({ origin: 'PARQUET' }).aggregate.measure.requester
        .arrondissementCode,
    ).toBe('OVL');
  });

  it.each([
    'TRUSTED_THIRD_PARTY',
    'OTHER_THIRD_PARTY',
    'INVESTIGATING_JUDGE',
  ] as const)(
    '§7.3.4, §7.8.2: a request from %s is described as in the PV',
    (origin) => {
      expect(
        request({ origin, requesterDescription: ' Shelter X ' }).aggregate
          .measure.requester.description,
      ).toBe('Shelter X');
      expect(() => request({ origin })).toThrow(
        expect.objectContaining({ code: 'INVALID_INPUT' }),
      );
    },
  );

  it('§7.3: refuses requester fields the origin does not take', () => {
    expect(() =>
      request({ origin: 'PERSON', requesterDescription: 'x' }),
    ).toThrow(
      'A request from PERSON does not take requesterDescription (§7.3).',
    );
  });

  it('refuses the suspect as victim, and an invalid national number', () => {
    expect(() => request({ suspect: VICTIM })).toThrow(
      'The victim and the suspect are the same person.',
    );
    expect(() =>
      request({ victim: { ...VICTIM, nationalNumber: '12345678901' } }),
    ).toThrow('victim.nationalNumber is not a valid national register number');
  });

  it('refuses a request dated in the future', () => {
    expect(() => request({ requestedOn: '2026-05-21' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });

  it('stores the national number without separators', () => {
    const number = personInput('1990-04-12', 2).nationalNumber;
    const typed = `${number.slice(0, 6)}-${number.slice(6)}`;
    const change = request({ victim: { ...VICTIM, nationalNumber: typed } });
    expect(change.aggregate.protectedPersons[0].nationalNumber).toBe(number);
  });
});
