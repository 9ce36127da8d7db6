/**
 * Whose devices a caller watches. Who may read and write the inventory
 * at all is in the schema's `@access` rules (schema/devices.graphql).
 */
import { forbidden } from '../../runtime/errors';
import type { Identity } from '../../runtime/identity';

/** §3: the managing zone watches its devices' daily reports. */
export function requireZone(identity: Identity): string {
  if (identity.role !== 'police') {
    throw forbidden(
      `Device issues are for the police zone keeping the devices (§3); this caller's role is ${identity.role}.`,
    );
  }
  const { zone } = identity;
  if (!zone) {
    // identityFromClaims refuses a police token without the claim.
    throw new Error('A police identity has no zone');
  }
  return zone;
}
