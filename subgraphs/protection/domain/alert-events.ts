/**
 * §3, §7.11.2: which changes are facts of an alert, for the alert log
 * that live alerts are streamed from, and who may receive each fact. The
 * log is written by the store in the transaction of the change; this
 * module only says what to write, and what its notice to the gateways
 * says (runtime/alerts/notice.ts).
 */
import type {
  AlertState,
  MeasureAggregate,
} from '../../../adapters/protection/aggregate';
import type {
  AlertEventKind,
  AlertEventRecord,
  NewAlertEvent,
} from '../../../adapters/protection/types';
import type { AlertNotice } from '../../../runtime/alerts/notice';
import { instantMillis } from './clock';
import {
  alertRecipients,
  type AlertRecipients,
  type ZoneLocator,
} from './entitlement';
import type { Change, JournalAction } from './lifecycle';
import type { Territory } from './territory';

/** The journal actions that record a fact of an alert, and its kind. */
export const ALERT_EVENT_OF_ACTION: Readonly<
  Partial<Record<JournalAction, AlertEventKind>>
> = {
  ALERT: 'RAISED',
  ALERT_LOCATION: 'LOCATION_UPDATED',
  ALERT_CLASSIFICATION: 'CLASSIFIED',
  POLICE_ARRIVAL: 'POLICE_ARRIVED',
  ALERT_CALL_END: 'CLOSED',
};

/**
 * The event a change appends to the alert log, or null when the change
 * is no fact of an alert. Call it only for a change that is saved: a
 * no-op appends nothing. An alert command that does not name its alert
 * is a bug in the command, not the client's doing.
 */
export function alertEventOf(
  change: Change,
  at: string,
): NewAlertEvent | null {
  const kind = ALERT_EVENT_OF_ACTION[change.action];
  if (kind === undefined) return null;
  if (change.alertId === undefined) {
    throw new Error(
      `The ${change.action} change of measure ${change.aggregate.measure.id} names no alert`,
    );
  }
  return {
    measureId: change.aggregate.measure.id,
    alertId: change.alertId,
    kind,
    at,
  };
}

/** What the recipients of an event are judged against. */
export interface AlertPlaces {
  readonly territory: Territory;
  readonly boundaries: ZoneLocator;
}

/** An event of the log, with its alert and who may receive it. */
export interface AlertEventAudience {
  readonly alert: AlertState;
  readonly recipients: AlertRecipients;
}

/**
 * The alert an event belongs to, in its measure as it stands now, and
 * the alert's recipients at the event's instant (§3, §7.2.2, §7.11.1,
 * §7.11.2). Both the reads of the log and the notices of new events
 * judge by it. An event naming an alert its measure does not hold is a
 * broken log, not the caller's doing.
 */
export function audienceOf(
  event: NewAlertEvent,
  aggregate: MeasureAggregate,
  places: AlertPlaces,
): AlertEventAudience {
  const alert = aggregate.alerts.find(({ id }) => id === event.alertId);
  if (alert === undefined) {
    throw new Error(
      `The alert log refers to a missing alert ${event.alertId} of measure ${event.measureId}`,
    );
  }
  const recipients = alertRecipients({
    aggregate,
    alert,
    territory: places.territory,
    boundaries: places.boundaries,
    instant: event.at,
  });
  return { alert, recipients };
}

/**
 * The notice of a log entry for the gateways: the entry and the codes of
 * its recipients, and nothing of the person or the place.
 */
export function alertNoticeOf(
  event: AlertEventRecord,
  recipients: AlertRecipients,
): AlertNotice {
  return {
    sequence: event.sequence,
    kind: event.kind,
    measureId: event.measureId,
    alertId: event.alertId,
    at: new Date(instantMillis(event.at)).toISOString(),
    recipients: {
      cicProvinces: recipients.cicProvinces,
      zones: recipients.zones,
      arrondissements: recipients.arrondissements,
    },
  };
}
