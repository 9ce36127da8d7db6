/**
 * §3: where the protected person is while the alarm call lasts. The 112
 * app sends a position fix when the call starts and about every 30 s
 * after, in the Advanced Mobile Location (AML) form: WGS84 degrees, an
 * accuracy radius in metres, a confidence, the positioning method and
 * the time of the fix (DOMAIN.md, "Location data").
 *
 * Fixes travel over the network and may arrive out of order, or twice.
 * An alert therefore keeps every fix in its track, ordered by the time
 * of the fix, and as its location the fix taken last, whatever the order
 * of arrival.
 */
import {
  POSITIONING_METHODS,
  type AlertState,
  type AmlLocation,
  type PositioningMethod,
} from '../../../adapters/protection/aggregate';
import { instantMillis } from './clock';
import { invalidInput } from './errors';
import type { CommandContext } from './lifecycle';
import { requireInstantNotFuture } from './validate';

/** A fix as a command receives it (the schema's AmlLocationInput). */
export interface AmlLocationInput {
  latitude: number;
  longitude: number;
  accuracyMeters: number;
  confidencePercent: number;
  method: PositioningMethod;
  fixedAt: string;
}

/**
 * How long before the button was pressed a fix may have been taken: the
 * phone may hand over a position it found shortly before the call.
 * Anything older says nothing of where the person was at the alert.
 */
export const FIX_BEFORE_ALERT_MS = 5 * 60 * 1000;

/**
 * A fix for the alert raised at `raisedAt`, checked field by field. Each
 * failure is an INVALID_INPUT naming the field under `field` (e.g.
 * `location.latitude`).
 */
export function amlLocationFrom(
  field: string,
  input: AmlLocationInput,
  raisedAt: string,
  context: CommandContext,
): AmlLocation {
  const name = (part: keyof AmlLocationInput) => `${field}.${part}`;
  requireRange(name('latitude'), input.latitude, -90, 90, 'degrees');
  requireRange(name('longitude'), input.longitude, -180, 180, 'degrees');
  requireAccuracy(name('accuracyMeters'), input.accuracyMeters);
  requireConfidence(name('confidencePercent'), input.confidencePercent);
  requireMethod(name('method'), input.method);
  requireFixTime(name('fixedAt'), input.fixedAt, raisedAt, context);
  return {
    latitude: input.latitude,
    longitude: input.longitude,
    accuracyMeters: input.accuracyMeters,
    confidencePercent: input.confidencePercent,
    method: input.method,
    fixedAt: input.fixedAt,
  };
}

/**
 * The alert with one more fix; null when its track already holds a fix
 * taken at that instant (the same fix sent again: it changes nothing).
 * The location moves only to a fix taken later than the one it holds.
 */
export function withFix(
  alert: AlertState,
  fix: AmlLocation,
): AlertState | null {
  const at = instantMillis(fix.fixedAt);
  const takenAt = (known: AmlLocation) => instantMillis(known.fixedAt);
  if (alert.track.some((known) => takenAt(known) === at)) return null;

  const later = alert.track.findIndex((known) => takenAt(known) > at);
  const track = later < 0
    ? [...alert.track, fix]
    : alert.track.toSpliced(later, 0, fix);
  const newest = alert.location === null || takenAt(alert.location) < at;
  return { ...alert, location: newest ? fix : alert.location, track };
}

function requireRange(
  field: string,
  value: number,
  min: number,
  max: number,
  unit: string,
): void {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw invalidInput(
      `${field} ${value} is not between ${min} and ${max} ${unit} (WGS84).`,
      { field },
    );
  }
}

function requireAccuracy(field: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw invalidInput(
      `${field} ${value} must be a radius in metres, 0 or more.`,
      { field },
    );
  }
}

function requireConfidence(field: string, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > 100) {
    throw invalidInput(
      `${field} ${value} must be a whole percentage from 0 to 100.`,
      { field },
    );
  }
}

function requireMethod(field: string, value: string): void {
  const known: readonly string[] = POSITIONING_METHODS;
  if (!known.includes(value)) {
    throw invalidInput(
      `${field} ${JSON.stringify(value)} is not one of ${known.join(', ')}.`,
      { field },
    );
  }
}

/** Not after now, and not more than FIX_BEFORE_ALERT_MS before the press. */
function requireFixTime(
  field: string,
  fixedAt: string,
  raisedAt: string,
  context: CommandContext,
): void {
  requireInstantNotFuture(field, fixedAt, context);
  const at = instantMillis(fixedAt);
  const minutes = FIX_BEFORE_ALERT_MS / 60_000;
  if (at < instantMillis(raisedAt) - FIX_BEFORE_ALERT_MS) {
    throw invalidInput(
      `${field} ${fixedAt} is more than ${minutes} minutes before the alert raised at ${raisedAt} (§3).`,
      { field },
    );
  }
}
