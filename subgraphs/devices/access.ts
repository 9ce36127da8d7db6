/**
 * Who may read and write what in the device inventory. A refusal is a
 * FORBIDDEN error that names the roles allowed and the caller's own.
 */
import { forbidden } from '../../runtime/errors';
import type { Identity, Role } from '../../runtime/identity';

/**
 * §7.8.7: the police see the stock through SharePoint and the reference
 * magistrate is told of shortages; the CIC dispatches across the
 * province. The token of a police officer names the zone, not its
 * arrondissement, so these roles read the stock of any arrondissement.
 */
const STOCK_READERS: readonly Role[] = ['police', 'magistrate', 'cic'];

/** For Query.deviceStock, Arrondissement.deviceStock, deviceShortages. */
export function requireStockReader(identity: Identity): void {
  if (!STOCK_READERS.includes(identity.role)) {
    throw forbidden(
      `The device stock and its shortages are for the police, magistrates and CICs (§7.8.7); this caller's role is ${identity.role}.`,
    );
  }
}

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

/** §3: the daily reports come from the 112 app alone. */
export function requireApp112(identity: Identity): void {
  if (identity.role !== 'app112') {
    throw forbidden(
      `Daily reports are sent by the 112 app (role app112) only; this caller's role is ${identity.role}.`,
    );
  }
}
