/**
 * §3, §7.11.2: which changes are facts of an alert, for the alert log
 * that live alerts are streamed from. The log is written by the store in
 * the transaction of the change; this module only says what to write.
 */
import type {
  AlertEventKind,
  NewAlertEvent,
} from '../../../adapters/protection/types';
import type { Change, JournalAction } from './lifecycle';

/** The journal actions that record a fact of an alert, and its kind. */
export const ALERT_EVENT_OF_ACTION: Readonly<
  Partial<Record<JournalAction, AlertEventKind>>
> = {
  ALERT: 'RAISED',
  ALERT_LOCATION: 'LOCATION_UPDATED',
  ALERT_CLASSIFICATION: 'CLASSIFIED',
  POLICE_ARRIVAL: 'POLICE_ARRIVED',
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
