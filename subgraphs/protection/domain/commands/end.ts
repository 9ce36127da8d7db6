/**
 * §7.12: the end of a measure, early (§7.12.3) or at its date (§7.12.2),
 * and what follows: the return of the devices and victim support's
 * renewed offer.
 */
import {
  TEXT_LIMITS,
  type MeasureAggregate,
} from '../../../../adapters/protection/aggregate';
import type { EndReason } from '../../../../adapters/protection/types';
import {
  effect,
  endEffects,
  victimSupportNotice,
  type TypedEffect,
} from '../effects';
import { DomainError, invalidInput } from '../errors';
import {
  accept,
  changeOf,
  noChange,
  withMeasure,
  type Change,
  type CommandContext,
  type LifecycleIn,
} from '../lifecycle';
import { expiryDate, isExpiryDue } from '../rules';
import { requireNotFuture, requireOnOrAfter, requireText } from '../validate';
import { dropFutureRevisits } from './revisits';

/**
 * Ends a running measure on `endedOn`: revisits due later are dropped, a
 * pending transfer lapses, and MaCH, SharePoint and (for an early end)
 * victim support are told.
 */
export function endMeasure(
  aggregate: MeasureAggregate,
  active: LifecycleIn<'ACTIVE'>,
  end: { endedOn: string; endReason: EndReason },
  context: CommandContext,
): { aggregate: MeasureAggregate; effects: TypedEffect[] } {
  const ended: MeasureAggregate = {
    ...withMeasure(aggregate, {
      status: 'ENDED',
      ...end,
      pendingTransfer: null,
    }),
    revisits: dropFutureRevisits(aggregate.revisits, end.endedOn),
  };
  return {
    aggregate: ended,
    effects: endEffects(ended, active.period, end, context),
  };
}

/** The early ends of §7.12.3. */
export type EarlyEndReason = Exclude<EndReason, 'EXPIRED'>;

export interface EndProtectionEarlyInput {
  decidedOn: string;
  reason: EarlyEndReason;
  pvReference: string;
}

/**
 * §7.12.3: the magistrate ends the measure before its date, with care;
 * it ends on the day of the decision.
 */
export function endProtectionEarly(
  aggregate: MeasureAggregate,
  input: EndProtectionEarlyInput,
  context: CommandContext,
): Change {
  const active = accept(aggregate, 'endProtectionEarly');
  const { startDate, endDate } = active.period;
  requireNotFuture('decidedOn', input.decidedOn, context);
  requireOnOrAfter(
    'decidedOn',
    input.decidedOn,
    { name: 'the start of', day: startDate },
    '§7.12.3',
  );
  if (input.decidedOn > endDate) {
    throw invalidInput(
      `decidedOn ${input.decidedOn} is after the end date ${endDate}: the measure ends by expiry, not early (§7.12.2, §7.12.3).`,
      { field: 'decidedOn' },
    );
  }

  const { aggregate: ended, effects } = endMeasure(
    aggregate,
    active,
    { endedOn: input.decidedOn, endReason: input.reason },
    context,
  );
  return changeOf('endProtectionEarly', ended, {
    pvReference: requireText('pvReference', input.pvReference, TEXT_LIMITS.pvReference),
    effects,
  });
}

/** The expiry sweep takes no input: the day comes from the clock. */
export type ExpireInput = Record<string, never>;

/**
 * §7.10.1, §7.12.2: an ACTIVE measure whose end date has passed ends,
 * EXPIRED, on the day after its end date (it protects through that
 * date). Before then it is an ILLEGAL_TRANSITION; the sweep should ask
 * `expiryDue` first.
 */
export function expire(
  aggregate: MeasureAggregate,
  _input: ExpireInput,
  context: CommandContext,
): Change {
  const active = accept(aggregate, 'expire');
  const { endDate } = active.period;
  const today = context.clock.today();
  if (!isExpiryDue(endDate, today)) {
    throw new DomainError(
      'ILLEGAL_TRANSITION',
      `expire does not apply to measure ${active.measure.reference} on ${today}: it runs until ${endDate} (§7.12.2).`,
      { command: 'expire', status: 'ACTIVE', endDate },
    );
  }

  const { aggregate: ended, effects } = endMeasure(
    aggregate,
    active,
    { endedOn: expiryDate(endDate), endReason: 'EXPIRED' },
    context,
  );
  return changeOf('expire', ended, { pvReference: null, effects });
}

export interface RecordDeviceReturnInput {
  returnedOn: string;
  pvReference: string;
}

/**
 * §7.12.2: the police disconnect the alarm, take the devices back and
 * record it in a PV. Only once the measure has ended; the same day again
 * is a no-op.
 */
export function recordDeviceReturn(
  aggregate: MeasureAggregate,
  input: RecordDeviceReturnInput,
  context: CommandContext,
): Change {
  const { measure, period } = accept(aggregate, 'recordDeviceReturn');
  if (measure.devicesReturnedOn === input.returnedOn) {
    return noChange('recordDeviceReturn', aggregate);
  }
  if (measure.devicesReturnedOn !== null) {
    throw invalidInput(
      `The devices of measure ${measure.reference} were returned on ${measure.devicesReturnedOn} already (§7.12.2).`,
      { field: 'returnedOn' },
    );
  }
  requireNotFuture('returnedOn', input.returnedOn, context);
  requireOnOrAfter(
    'returnedOn',
    input.returnedOn,
    { name: 'the start of', day: period.startDate },
    '§7.12.2',
  );

  const pvReference = requireText('pvReference', input.pvReference, TEXT_LIMITS.pvReference);
  return changeOf(
    'recordDeviceReturn',
    withMeasure(aggregate, { devicesReturnedOn: input.returnedOn }),
    {
      pvReference,
      effects: [
        effect(context, 'DEVICES_RETURN', {
          measureId: measure.id,
          arrondissementCode: measure.arrondissementCode,
          zoneCode: measure.managingZoneCode,
          returnedOn: input.returnedOn,
          pvReference,
        }),
      ],
    },
  );
}

export interface RequestRenewedOfferInput {
  requestedOn: string;
}

/**
 * §7.8.3, §7.12.2: at the magistrate's request, victim support renews its
 * offer near the end to a person who did not take up the first. The
 * measure itself does not change; the request goes out as a notice.
 */
export function requestRenewedOffer(
  aggregate: MeasureAggregate,
  input: RequestRenewedOfferInput,
  context: CommandContext,
): Change {
  const { measure, period } = accept(aggregate, 'requestRenewedOffer');
  requireNotFuture('requestedOn', input.requestedOn, context);
  requireOnOrAfter(
    'requestedOn',
    input.requestedOn,
    { name: 'the start of', day: period.startDate },
    '§7.12.2',
  );

  return changeOf('requestRenewedOffer', aggregate, {
    pvReference: null,
    effects: [
      victimSupportNotice(context, measure.id, {
        kind: 'RENEWED_OFFER_REQUEST',
        date: input.requestedOn,
        details: null,
      }),
    ],
  });
}
