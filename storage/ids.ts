/**
 * Keys derived from a measure id, so that a retried write finds the row
 * it made the first time instead of making another.
 */
import { createHash } from 'node:crypto';

/** The width of the id columns that hold derived keys. */
export const DERIVED_ID_LENGTH = 36;

/**
 * `prefix` then the measure id, as `nco-demo-measure-001`. A measure id
 * too long to fit the column (a 36-character UUID does not fit after a
 * prefix) is replaced by the start of its SHA-256 in hex: still one key
 * per measure, and the same on every call.
 */
export function derivedId(prefix: string, measureId: string): string {
  const room = DERIVED_ID_LENGTH - prefix.length;
  if (room < 16) {
    throw new TypeError(`The id prefix ${JSON.stringify(prefix)} is too long`);
  }
  if (measureId.length <= room) return `${prefix}${measureId}`;
  const digest = createHash('sha256').update(measureId).digest('hex');
  return `${prefix}${digest.slice(0, room)}`;
}
