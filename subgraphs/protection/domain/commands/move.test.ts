import type { MeasureAggregate } from '../../../../adapters/protection/aggregate';
import { contextOn, granted, payloadsOf } from '../testing';
import { acknowledgeTransfer, recordMove, type RecordMoveInput } from './move';

/** Granted 31 May 2026 in Gent (5415, OVL). */
function move(
  overrides: Partial<RecordMoveInput>,
  aggregate: MeasureAggregate = granted(),
) {
  return recordMove(
    aggregate,
    { movedOn: '2026-09-01', pvReference: 'PV-M', ...overrides },
    contextOn('2026-09-02'),
  );
}

describe('recordMove', () => {
  it('§7.2.3: to a deployed zone of the same arrondissement, it manages at once', () => {
    const change = move({ newZoneCode: '5416' });
    expect(change.aggregate.measure).toMatchObject({
      status: 'ACTIVE',
      managingZoneCode: '5416',
      arrondissementCode: 'OVL',
      pendingTransfer: null,
    });
    expect(change.action).toBe('MOVE');
    expect(change.effects.map((effect) => effect.kind)).toEqual([
      'DEVICES_GRANT_REGISTRATION',
      'DEVICES_ZONE_REASSIGNMENT',
    ]);
  });

  it('§7.2.3: within the arrondissement, the devices answer to the new zone and the referral stays', () => {
    const change = move({ newZoneCode: '5416' });
    const { id } = change.aggregate.measure;
    expect(payloadsOf(change, 'DEVICES_ZONE_REASSIGNMENT'))
      .toEqual([{ measureId: id, zoneCode: '5416' }]);
    expect(payloadsOf(change, 'VICTIM_SUPPORT_REFERRAL_TRANSFER'))
      .toEqual([]);
  });

  it('§7.2.3: a move to another arrondissement sends nothing until the new parquet acknowledges it', () => {
    expect(move({ newZoneCode: '5339' }).effects).toEqual([]);
  });

  it('§7.2.3: to a deployed zone elsewhere, a transfer awaits the new parquet', () => {
    const { measure } = move({ newZoneCode: '5339' }).aggregate;
    expect(measure).toMatchObject({
      status: 'ACTIVE',
      managingZoneCode: '5415',
      arrondissementCode: 'OVL',
      pendingTransfer: {
        toZoneCode: '5339',
        toArrondissementCode: 'BRU',
        requestedOn: '2026-09-01',
      },
    });
  });

  it("§7.2.3: to a non-deployed zone with the new parquet's agreement, it is kept", () => {
    const { measure } = move({
      newZoneCode: '5344',
      newParquetAgrees: true,
    }).aggregate;
    expect(measure).toMatchObject({
      status: 'ACTIVE',
      managingZoneCode: '5344',
      arrondissementCode: 'BRU',
    });
  });

  it("§7.2.3: a move kept with the new parquet's agreement takes the devices and the referral along", () => {
    const change = move({ newZoneCode: '5344', newParquetAgrees: true });
    const { id } = change.aggregate.measure;
    expect(change.effects.map((effect) => effect.payload)).toEqual([
      expect.objectContaining({
        measureId: id,
        zoneCode: '5344',
        arrondissementCode: 'BRU',
        status: 'ACTIVE',
      }),
      { measureId: id, zoneCode: '5344' },
      { measureId: id, arrondissementCode: 'BRU',
        transferredOn: '2026-09-01' },
    ]);
    expect(change.effects.map((effect) => effect.kind)).toEqual([
      'DEVICES_GRANT_REGISTRATION',
      'DEVICES_ZONE_REASSIGNMENT',
      'VICTIM_SUPPORT_REFERRAL_TRANSFER',
    ]);
  });

  it('§7.2.3, §7.12.3: to a non-deployed zone without agreement, it ends', () => {
    const change = move({ newZoneCode: '5420', newParquetAgrees: false });
    expect(change.aggregate.measure).toMatchObject({
      status: 'ENDED',
      endedOn: '2026-09-01',
      endReason: 'SETTLED_OUTSIDE_DEPLOYED_TERRITORY',
    });
    expect(payloadsOf(change, 'VICTIM_SUPPORT_NOTICE')).toEqual([
      expect.objectContaining({ kind: 'EARLY_END', date: '2026-09-01' }),
    ]);
  });

  it('§7.2.3: to a non-deployed zone the agreement must be stated, never assumed', () => {
    expect(() => move({ newZoneCode: '5420' })).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        details: { field: 'newParquetAgrees' },
      }),
    );
  });

  it('§7.2.3, §7.12.3: abroad, the measure ends SETTLED_ABROAD', () => {
    const change = move({ newZoneCode: null });
    expect(change.aggregate.measure).toMatchObject({
      status: 'ENDED',
      endedOn: '2026-09-01',
      endReason: 'SETTLED_ABROAD',
    });
    expect(payloadsOf(change, 'MACH_REGISTRATION_COMMENT')).toEqual([
      expect.objectContaining({ kind: 'END', date: '2026-09-01' }),
    ]);
  });

  it('§7.2.3: moving back to the managing zone lets a pending transfer lapse', () => {
    const pending = move({ newZoneCode: '5339' }).aggregate;
    const back = move({ newZoneCode: '5415', movedOn: '2026-09-02' }, pending);
    expect(back.aggregate.measure.pendingTransfer).toBeNull();
    expect(back.aggregate.measure.managingZoneCode).toBe('5415');
    // §7.2.3: the zone and the parquet stay: nothing follows.
    expect(back.effects).toEqual([]);
  });

  it('refuses an unknown zone', () => {
    expect(() => move({ newZoneCode: '0000' })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_ZONE' }),
    );
  });
});

describe('acknowledgeTransfer', () => {
  it('§7.2.3: the new parquet acknowledges; its zone and parquet manage', () => {
    const pending = move({ newZoneCode: '5339' }).aggregate;
    const change = acknowledgeTransfer(
      pending,
      { acknowledgedOn: '2026-09-03' },
      contextOn('2026-09-03'),
    );
    expect(change.aggregate.measure).toMatchObject({
      managingZoneCode: '5339',
      arrondissementCode: 'BRU',
      pendingTransfer: null,
    });
    expect(change.action).toBe('TRANSFER_ACKNOWLEDGED');
  });

  it('§7.2.3: on acknowledgement the devices answer to the new zone and the referral goes to the new service', () => {
    const pending = move({ newZoneCode: '5339' }).aggregate;
    const change = acknowledgeTransfer(
      pending,
      { acknowledgedOn: '2026-09-03' },
      contextOn('2026-09-03'),
    );
    const measureId = pending.measure.id;
    expect(payloadsOf(change, 'DEVICES_ZONE_REASSIGNMENT'))
      .toEqual([{ measureId, zoneCode: '5339' }]);
    expect(payloadsOf(change, 'VICTIM_SUPPORT_REFERRAL_TRANSFER')).toEqual([
      { measureId, arrondissementCode: 'BRU', transferredOn: '2026-09-03' },
    ]);
  });

  it('§7.2.3: there must be a transfer pending, acknowledged after the move', () => {
    expect(() =>
      acknowledgeTransfer(
        granted(),
        { acknowledgedOn: '2026-09-03' },
        contextOn('2026-09-03'),
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'ILLEGAL_TRANSITION',
        message: expect.stringContaining('with no transfer pending'),
      }),
    );
    const pending = move({ newZoneCode: '5339' }).aggregate;
    expect(() =>
      acknowledgeTransfer(
        pending,
        { acknowledgedOn: '2026-08-31' },
        contextOn('2026-09-03'),
      ),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
