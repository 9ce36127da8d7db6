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
import {
  endProtectionEarly,
  expire,
  recordDeviceReturn,
  requestRenewedOffer,
} from './end';
import { recordMove } from './move';
import { recordNewFacts } from './prolongation';

function endEarly(
  aggregate: MeasureAggregate = granted(),
  decidedOn = '2026-08-20',
) {
  return endProtectionEarly(
    aggregate,
    { decidedOn, reason: 'NO_LONGER_SERIOUS', pvReference: 'PV-E' },
    contextOn(decidedOn),
  );
}

describe('endProtectionEarly', () => {
  it('§7.12.3: ends the measure on the day of the decision', () => {
    const change = endEarly();
    expect(change.aggregate.measure).toMatchObject({
      status: 'ENDED',
      endedOn: '2026-08-20',
      endReason: 'NO_LONGER_SERIOUS',
      endDate: '2027-02-28',
    });
    expect(change.action).toBe('EARLY_END');
    expect(change.pvReference).toBe('PV-E');
  });

  it('§7.8.1: ends the BNG mention on the day of an early end', () => {
    const change = endEarly();
    expect(payloadsOf(change, 'BNG_ALARM_MENTION')).toEqual([
      expect.objectContaining({
        measureId: 'measure-1',
        nationalNumber: VICTIM.nationalNumber,
        validUntil: '2026-08-20',
      }),
    ]);
  });

  it('§7.12.3, §7.13: tells MaCH, SharePoint and victim support', () => {
    const change = endEarly();
    expect(change.effects.map((effect) => effect.kind)).toEqual([
      'MACH_REGISTRATION_COMMENT',
      'DEVICES_GRANT_REGISTRATION',
      'VICTIM_SUPPORT_NOTICE',
      'BNG_ALARM_MENTION',
    ]);
    expect(payloadsOf(change, 'MACH_REGISTRATION_COMMENT')).toEqual([
      {
        measureId: 'measure-1',
        suspectNationalNumber: SUSPECT.nationalNumber,
        kind: 'END',
        date: '2026-08-20',
      },
    ]);
    expect(payloadsOf(change, 'DEVICES_GRANT_REGISTRATION')).toEqual([
      expect.objectContaining({
        endDate: '2027-02-28',
        status: 'ENDED',
        endedOn: '2026-08-20',
        endReason: 'NO_LONGER_SERIOUS',
        prolongationCount: 0,
      }),
    ]);
    expect(payloadsOf(change, 'VICTIM_SUPPORT_NOTICE')).toEqual([
      {
        noticeId: expect.any(String),
        measureId: 'measure-1',
        kind: 'EARLY_END',
        date: '2026-08-20',
        details: 'NO_LONGER_SERIOUS',
      },
    ]);
  });

  it('§7.12: drops the revisits due after the end, clears a pending transfer', () => {
    const pending = recordMove(
      granted(),
      {
        movedOn: '2026-06-10',
        pvReference: 'PV-M',
        newZoneCode: '5339',
      },
      contextOn('2026-06-10'),
    ).aggregate;
    const { aggregate } = endEarly(pending, '2026-06-20');
    expect(aggregate.revisits).toEqual([]);
    expect(aggregate.measure.pendingTransfer).toBeNull();
  });

  it('§7.12.3: an end after the end date is expiry, not an early end', () => {
    expect(() => endEarly(granted(), '2027-03-01')).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });

  it('§7.12: an ENDED measure cannot be ended again', () => {
    expect(() =>
      endEarly(deepFreeze(endEarly().aggregate), '2026-08-21'),
    ).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
  });
});

describe('expire', () => {
  it('§7.12.2: a measure past its end date expires the day after it', () => {
    const change = expire(granted(), {}, contextOn('2027-03-01'));
    expect(change.aggregate.measure).toMatchObject({
      status: 'ENDED',
      endedOn: '2027-03-01',
      endReason: 'EXPIRED',
    });
    expect(change.action).toBe('EXPIRY');
    expect(change.pvReference).toBeNull();
  });

  it('§7.12.2: expiry tells MaCH and SharePoint, but is no early end for victim support', () => {
    const change = expire(granted(), {}, contextOn('2027-03-15'));
    expect(change.effects.map((effect) => effect.kind)).toEqual([
      'MACH_REGISTRATION_COMMENT',
      'DEVICES_GRANT_REGISTRATION',
    ]);
    expect(payloadsOf(change, 'MACH_REGISTRATION_COMMENT')).toEqual([
      expect.objectContaining({ kind: 'END', date: '2027-03-01' }),
    ]);
    expect(payloadsOf(change, 'DEVICES_GRANT_REGISTRATION')).toEqual([
      expect.objectContaining({
        status: 'ENDED',
        endedOn: '2027-03-01',
        endReason: 'EXPIRED',
      }),
    ]);
  });

  it('§7.10.1: a measure does not expire on its end date', () => {
    expect(() => expire(granted(), {}, contextOn('2027-02-28'))).toThrow(
      expect.objectContaining({
        code: 'ILLEGAL_TRANSITION',
        message:
          'expire does not apply to measure SA/2026/0001 on 2027-02-28: it runs until 2027-02-28 (§7.12.2).',
      }),
    );
  });

  it('§7.10.2: a prolonged measure expires after its new end', () => {
    const prolonged = recordNewFacts(
      granted(),
      {
        reportedOn: '2026-09-01',
        factOn: '2026-09-01',
        pvReference: 'PV-F',
      },
      contextOn('2026-09-01'),
    ).aggregate;
    expect(() => expire(prolonged, {}, contextOn('2027-03-01'))).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }),
    );
    expect(
      expire(prolonged, {}, contextOn('2027-06-02')).aggregate.measure.endedOn,
    ).toBe('2027-06-02');
  });
});

describe('recordDeviceReturn', () => {
  const ended = deepFreeze(endEarly().aggregate);

  it('§7.12.2: records the return and frees the devices', () => {
    const change = recordDeviceReturn(
      ended,
      { returnedOn: '2026-08-22', pvReference: 'PV-D' },
      contextOn('2026-08-22'),
    );
    expect(change.aggregate.measure.devicesReturnedOn).toBe('2026-08-22');
    expect(change.action).toBe('DEVICE_RETURN');
    expect(payloadsOf(change, 'DEVICES_RETURN')).toEqual([
      {
        measureId: 'measure-1',
        arrondissementCode: 'OVL',
        zoneCode: '5415',
        returnedOn: '2026-08-22',
        pvReference: 'PV-D',
      },
    ]);
  });

  it('§7.12.2: the same return again is a no-op, another day is refused', () => {
    const returned = deepFreeze(
      recordDeviceReturn(
        ended,
        { returnedOn: '2026-08-22', pvReference: 'PV-D' },
        contextOn('2026-08-22'),
      ).aggregate,
    );
    expect(
      isNoOp(
        returned,
        recordDeviceReturn(
          returned,
          { returnedOn: '2026-08-22', pvReference: 'PV-D' },
          contextOn('2026-08-23'),
        ),
      ),
    ).toBe(true);
    expect(() =>
      recordDeviceReturn(
        returned,
        { returnedOn: '2026-08-23', pvReference: 'PV-D' },
        contextOn('2026-08-23'),
      ),
    ).toThrow('were returned on 2026-08-22 already');
  });

  it('§7.12.2: devices are returned only once the measure has ended', () => {
    expect(() =>
      recordDeviceReturn(
        granted(),
        { returnedOn: '2026-08-22', pvReference: 'PV-D' },
        contextOn('2026-08-22'),
      ),
    ).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
  });
});

describe('requestRenewedOffer', () => {
  it('§7.8.3, §7.12.2: asks victim support to renew its offer, measure unchanged', () => {
    const aggregate = granted();
    const change = requestRenewedOffer(
      aggregate,
      { requestedOn: '2027-02-01' },
      contextOn('2027-02-01'),
    );
    expect(change.aggregate).toBe(aggregate);
    expect(isNoOp(aggregate, change)).toBe(false);
    expect(change.action).toBe('RENEWED_OFFER_REQUEST');
    expect(payloadsOf(change, 'VICTIM_SUPPORT_NOTICE')).toEqual([
      {
        noticeId: expect.any(String),
        measureId: 'measure-1',
        kind: 'RENEWED_OFFER_REQUEST',
        date: '2027-02-01',
        details: null,
      },
    ]);
  });

  it('§7.12.2: only while the measure runs', () => {
    expect(() =>
      requestRenewedOffer(
        deepFreeze(endEarly().aggregate),
        { requestedOn: '2026-08-21' },
        contextOn('2026-08-21'),
      ),
    ).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
  });
});
