/**
 * §7.2.3: a lasting move of the protected person during the measure.
 * To a deployed territory the file follows the person; to a territory
 * not yet deployed the measure stays only with the new parquet's
 * agreement; abroad it ends (§7.12.3).
 */
import {
  TEXT_LIMITS,
  type MeasureAggregate,
} from '../../../../adapters/protection/aggregate';
import { managementEffects } from '../effects';
import { DomainError, invalidInput, unknownZone } from '../errors';
import {
  accept,
  changeOf,
  withMeasure,
  type Change,
  type CommandContext,
  type LifecycleIn,
} from '../lifecycle';
import { isDeployed, type ZoneInfo } from '../territory';
import { requireNotFuture, requireOnOrAfter, requireText } from '../validate';
import { endMeasure } from './end';

export interface RecordMoveInput {
  movedOn: string;
  pvReference: string;
  /** None when the person settles abroad. */
  newZoneCode?: string | null;
  /** Read only for a zone not deployed: the new parquet keeps it. */
  newParquetAgrees?: boolean | null;
}

/**
 * Records the move and what it does to the measure:
 * - abroad: ends, SETTLED_ABROAD;
 * - back to the managing zone: nothing but a pending transfer lapsing;
 * - a deployed zone of the same arrondissement: it manages at once;
 * - a deployed zone elsewhere: a transfer awaits the new parquet;
 * - a zone not deployed: kept under that zone and parquet when the new
 *   parquet agrees, else ends, SETTLED_OUTSIDE_DEPLOYED_TERRITORY. The
 *   agreement must be stated either way: no end by omission.
 * Whenever the managing zone or arrondissement changes, the devices and
 * the victim support referral follow (`managementEffects`).
 */
export function recordMove(
  aggregate: MeasureAggregate,
  input: RecordMoveInput,
  context: CommandContext,
): Change {
  const active = accept(aggregate, 'recordMove');
  requireNotFuture('movedOn', input.movedOn, context);
  requireOnOrAfter(
    'movedOn',
    input.movedOn,
    { name: 'the start of', day: active.period.startDate },
    '§7.2.3',
  );
  const pvReference = requireText('pvReference', input.pvReference, TEXT_LIMITS.pvReference);

  const zoneCode = input.newZoneCode ?? null;
  if (zoneCode === null) {
    return ended(
      aggregate,
      active,
      input.movedOn,
      'SETTLED_ABROAD',
      pvReference,
      context,
    );
  }
  const zone = context.territory.zone(zoneCode);
  if (!zone) throw unknownZone(zoneCode, 'new residence zone');

  const moved = (next: MeasureAggregate) => changeOf('recordMove', next, {
    pvReference,
    effects: managementEffects(aggregate, next, input.movedOn, context),
  });
  if (zone.code === active.measure.managingZoneCode) {
    return moved(managedBy(aggregate, zone));
  }
  if (isDeployed(context.territory, zone.code, input.movedOn)) {
    return moved(movedToDeployed(aggregate, zone, input.movedOn));
  }
  const agrees = input.newParquetAgrees ?? null;
  if (agrees === null) {
    throw invalidInput(
      `Zone ${zone.code} is not deployed on ${input.movedOn}: say whether the new parquet agrees to keep the measure (newParquetAgrees, §7.2.3).`,
      { field: 'newParquetAgrees' },
    );
  }
  if (!agrees) {
    return ended(
      aggregate,
      active,
      input.movedOn,
      'SETTLED_OUTSIDE_DEPLOYED_TERRITORY',
      pvReference,
      context,
    );
  }
  return moved(managedBy(aggregate, zone));
}

function movedToDeployed(
  aggregate: MeasureAggregate,
  zone: ZoneInfo,
  movedOn: string,
): MeasureAggregate {
  const { measure } = aggregate;
  if (zone.arrondissementCode === measure.arrondissementCode) {
    // Same parquet: nothing to acknowledge, the new zone manages now.
    return managedBy(aggregate, zone);
  }
  return withMeasure(aggregate, {
    pendingTransfer: {
      toZoneCode: zone.code,
      toArrondissementCode: zone.arrondissementCode,
      requestedOn: movedOn,
    },
  });
}

/** The zone (and its parquet) manage the measure from now on. */
function managedBy(
  aggregate: MeasureAggregate,
  zone: ZoneInfo,
): MeasureAggregate {
  return withMeasure(aggregate, {
    managingZoneCode: zone.code,
    arrondissementCode: zone.arrondissementCode,
    pendingTransfer: null,
  });
}

function ended(
  aggregate: MeasureAggregate,
  active: LifecycleIn<'ACTIVE'>,
  movedOn: string,
  endReason: 'SETTLED_ABROAD' | 'SETTLED_OUTSIDE_DEPLOYED_TERRITORY',
  pvReference: string,
  context: CommandContext,
): Change {
  const { aggregate: next, effects } = endMeasure(
    aggregate,
    active,
    { endedOn: movedOn, endReason },
    context,
  );
  return changeOf('recordMove', next, { pvReference, effects });
}

export interface AcknowledgeTransferInput {
  acknowledgedOn: string;
}

/**
 * §7.2.3: the new parquet acknowledges the file; the new zone and
 * parquet manage the measure from then on, and the devices and the
 * victim support referral follow them.
 */
export function acknowledgeTransfer(
  aggregate: MeasureAggregate,
  input: AcknowledgeTransferInput,
  context: CommandContext,
): Change {
  const { measure } = accept(aggregate, 'acknowledgeTransfer');
  const transfer = measure.pendingTransfer;
  if (!transfer) {
    throw new DomainError(
      'ILLEGAL_TRANSITION',
      `acknowledgeTransfer does not apply to measure ${measure.reference}, which is ACTIVE with no transfer pending (§7.2.3).`,
      { command: 'acknowledgeTransfer', status: measure.status },
    );
  }
  requireNotFuture('acknowledgedOn', input.acknowledgedOn, context);
  requireOnOrAfter(
    'acknowledgedOn',
    input.acknowledgedOn,
    { name: 'the move of', day: transfer.requestedOn },
    '§7.2.3',
  );

  const next = withMeasure(aggregate, {
    managingZoneCode: transfer.toZoneCode,
    arrondissementCode: transfer.toArrondissementCode,
    pendingTransfer: null,
  });
  return changeOf('acknowledgeTransfer', next, {
    pvReference: null,
    effects: managementEffects(aggregate, next, input.acknowledgedOn,
      context),
  });
}
