/**
 * §7.11.2: alerts as facts of the measure. Imminent danger is presumed
 * and a team always goes; afterwards the alert is classified, and a real
 * one prolongs the measure (§7.10.2). While the call lasts, the 112 app's
 * position fixes are recorded with the alert (§3, see ../location.ts);
 * its end closes the call.
 */
import {
  TEXT_LIMITS,
  type AlertClass,
  type AlertState,
  type MeasureAggregate,
} from '../../../../adapters/protection/aggregate';
import { brusselsDateOf, instantMillis } from '../clock';
import { DomainError, invalidInput, notFound } from '../errors';
import {
  accept,
  changeOf,
  noChange,
  type Change,
  type CommandContext,
} from '../lifecycle';
import {
  amlLocationFrom,
  withFix,
  type AmlLocationInput,
} from '../location';
import { isWithin } from '../rules';
import {
  CLIENT_ID_MAX_LENGTH,
  requireInstantAfter,
  requireInstantNotFuture,
  requireNotFuture,
  requireText,
} from '../validate';
import { prolong } from './prolongation';

export interface RecordAlertInput {
  /** The client's id: recording the same alert twice changes nothing. */
  alertId: string;
  raisedAt: string;
  pvReference?: string | null;
  /** The first fix, when the CIC has one already (§3). */
  location?: AmlLocationInput | null;
}

/**
 * Records an alert raised while the measure runs (§7.11.2: a PV for each
 * alert). The alert's id makes the command idempotent: an id already on
 * record is a no-op, whatever the measure's status by now.
 */
export function recordAlert(
  aggregate: MeasureAggregate,
  input: RecordAlertInput,
  context: CommandContext,
): Change {
  const alertId = requireText('alertId', input.alertId, CLIENT_ID_MAX_LENGTH);
  if (aggregate.alerts.some(({ id }) => id === alertId)) {
    return noChange('recordAlert', aggregate);
  }
  const { period } = accept(aggregate, 'recordAlert');
  const raisedOn = brusselsDateOf(input.raisedAt);
  requireNotFuture('raisedAt', raisedOn, context);
  if (!isWithin({ from: period.startDate, to: period.endDate }, raisedOn)) {
    throw invalidInput(
      `raisedAt ${input.raisedAt} falls outside the measure, which runs from ${period.startDate} to ${period.endDate} (§7.11.2).`,
      { field: 'raisedAt' },
    );
  }
  const location = input.location == null
    ? null
    : amlLocationFrom('location', input.location, input.raisedAt, context);

  const alert: AlertState = {
    id: alertId,
    raisedAt: input.raisedAt,
    pvReference:
      input.pvReference == null
        ? null
        : requireText('pvReference', input.pvReference, TEXT_LIMITS.pvReference),
    classification: null,
    classifiedAt: null,
    policeArrivedAt: null,
    magistrateInformed: false,
    callEndedAt: null,
    location,
    track: location === null ? [] : [location],
  };
  return changeOf(
    'recordAlert',
    { ...aggregate, alerts: [...aggregate.alerts, alert] },
    { pvReference: alert.pvReference, alertId },
  );
}

export interface ClassifyAlertInput {
  alertId: string;
  classification: AlertClass;
  classifiedAt: string;
  pvReference: string;
}

/**
 * Classifies an alert once. REAL: the magistrate is informed (§7.11.2)
 * and the measure is prolonged from the day of the alert, the decision
 * being the day of the classification (§7.10.2). FALSE and TEST change
 * nothing else: the magistrate is not told. The same class again is a
 * no-op; another class is an ALERT_CONFLICT.
 *
 * An ENDED measure still takes the classification of an alert raised
 * while it ran, but is not reopened: a late REAL classification informs
 * the magistrate, who may act on a new request.
 */
export function classifyAlert(
  aggregate: MeasureAggregate,
  input: ClassifyAlertInput,
  context: CommandContext,
): Change {
  const lifecycle = accept(aggregate, 'classifyAlert');
  const index = alertIndex(aggregate, input.alertId);
  const alert = aggregate.alerts[index];
  if (alert.classification === input.classification) {
    return noChange('classifyAlert', aggregate);
  }
  if (alert.classification !== null) {
    throw conflict(alert, 'class', alert.classification, input.classification);
  }
  requireInstantAfter(
    'classifiedAt',
    input.classifiedAt,
    { name: 'the alert raised at', instant: alert.raisedAt },
    '§7.11.2',
    true,
  );
  requireNotFuture('classifiedAt', brusselsDateOf(input.classifiedAt), context);

  const pvReference = requireText('pvReference', input.pvReference, TEXT_LIMITS.pvReference);
  const real = input.classification === 'REAL';
  const classified: AlertState = {
    ...alert,
    classification: input.classification,
    classifiedAt: input.classifiedAt,
    pvReference: alert.pvReference ?? pvReference,
    magistrateInformed: alert.magistrateInformed || real,
  };
  const recorded = {
    ...aggregate,
    alerts: aggregate.alerts.with(index, classified),
  };
  if (!real || lifecycle.status !== 'ACTIVE') {
    return changeOf('classifyAlert', recorded,
      { pvReference, alertId: alert.id });
  }

  const { aggregate: prolonged, effects } = prolong(
    recorded,
    lifecycle,
    {
      cause: 'REAL_ALERT',
      incidentOn: brusselsDateOf(alert.raisedAt),
      decidedOn: brusselsDateOf(input.classifiedAt),
    },
    context,
  );
  return changeOf('classifyAlert', prolonged,
    { pvReference, effects, alertId: alert.id });
}

export interface RecordPoliceArrivalInput {
  alertId: string;
  arrivedAt: string;
}

/**
 * §7.11.2: when the police team reached the person, after the alert.
 * Recorded once; the same instant again is a no-op. Like a
 * classification, it may come after the measure ended.
 */
export function recordPoliceArrival(
  aggregate: MeasureAggregate,
  input: RecordPoliceArrivalInput,
  context: CommandContext,
): Change {
  accept(aggregate, 'recordPoliceArrival');
  const index = alertIndex(aggregate, input.alertId);
  const alert = aggregate.alerts[index];
  const fact = { name: 'police arrival', section: '§7.11.2' };
  if (isRecordedAt(alert, fact, alert.policeArrivedAt, input.arrivedAt)) {
    return noChange('recordPoliceArrival', aggregate);
  }
  requireInstantAfter(
    'arrivedAt',
    input.arrivedAt,
    { name: 'the alert raised at', instant: alert.raisedAt },
    '§7.11.2',
  );
  requireNotFuture('arrivedAt', brusselsDateOf(input.arrivedAt), context);

  const arrived: AlertState = { ...alert, policeArrivedAt: input.arrivedAt };
  return changeOf(
    'recordPoliceArrival',
    { ...aggregate, alerts: aggregate.alerts.with(index, arrived) },
    { pvReference: null, alertId: alert.id },
  );
}

export interface RecordAlertLocationInput {
  alertId: string;
  location: AmlLocationInput;
}

/**
 * §3: a position fix the 112 app sent during the alarm call. It joins
 * the alert's track; it becomes the alert's location only when taken
 * later than the one on record, since fixes may arrive out of order. A
 * fix taken at an instant already in the track is a no-op. Like the rest
 * of an alert's paperwork, it may come after the measure ended.
 */
export function recordAlertLocation(
  aggregate: MeasureAggregate,
  input: RecordAlertLocationInput,
  context: CommandContext,
): Change {
  accept(aggregate, 'recordAlertLocation');
  const index = alertIndex(aggregate, input.alertId);
  const alert = aggregate.alerts[index];
  const fix = amlLocationFrom('location', input.location, alert.raisedAt,
    context);
  const located = withFix(alert, fix);
  if (located === null) return noChange('recordAlertLocation', aggregate);

  return changeOf(
    'recordAlertLocation',
    { ...aggregate, alerts: aggregate.alerts.with(index, located) },
    { pvReference: null, alertId: alert.id },
  );
}

export interface CloseAlertCallInput {
  alertId: string;
  endedAt: string;
}

/**
 * §3: the 112 call of an alert ended; the app sends no more fixes. Its
 * end is recorded once, at or after the press and not after now. The
 * same instant again is a no-op (a retry); another instant is an
 * ALERT_CONFLICT, an end before the press an INVALID_INPUT. Like the
 * rest of an alert's paperwork, it may come after the measure ended.
 */
export function closeAlertCall(
  aggregate: MeasureAggregate,
  input: CloseAlertCallInput,
  context: CommandContext,
): Change {
  accept(aggregate, 'closeAlertCall');
  const index = alertIndex(aggregate, input.alertId);
  const alert = aggregate.alerts[index];
  const fact = { name: 'call end', section: '§3' };
  if (isRecordedAt(alert, fact, alert.callEndedAt, input.endedAt)) {
    return noChange('closeAlertCall', aggregate);
  }
  requireInstantAfter(
    'endedAt',
    input.endedAt,
    { name: 'the alert raised at', instant: alert.raisedAt },
    '§3',
    true,
  );
  requireInstantNotFuture('endedAt', input.endedAt, context);

  const closed: AlertState = { ...alert, callEndedAt: input.endedAt };
  return changeOf(
    'closeAlertCall',
    { ...aggregate, alerts: aggregate.alerts.with(index, closed) },
    { pvReference: null, alertId: alert.id },
  );
}

function alertIndex(aggregate: MeasureAggregate, alertId: string): number {
  const index = aggregate.alerts.findIndex(({ id }) => id === alertId.trim());
  if (index < 0) throw notFound('alert', alertId);
  return index;
}

/** A fact of an alert recorded once, and the section that says so. */
interface OnceFact {
  readonly name: string;
  readonly section: string;
}

/**
 * Whether a fact recorded once is already on record at `given`: true
 * for the same instant (a retry, a no-op), false when nothing is
 * recorded yet; another instant is an ALERT_CONFLICT.
 */
function isRecordedAt(
  alert: AlertState,
  fact: OnceFact,
  recorded: string | null,
  given: string,
): boolean {
  if (recorded === null) return false;
  if (instantMillis(recorded) === instantMillis(given)) return true;
  throw conflict(alert, fact.name, recorded, given, fact.section);
}

function conflict(
  alert: AlertState,
  fact: string,
  recorded: string,
  given: string,
  section = '§7.11.2',
): DomainError {
  return new DomainError(
    'ALERT_CONFLICT',
    `Alert ${alert.id} has ${fact} ${recorded} on record; ${given} contradicts it (${section}).`,
    { alertId: alert.id, fact, recorded, given },
  );
}
