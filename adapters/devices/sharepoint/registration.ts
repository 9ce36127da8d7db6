/**
 * §7.13.1: the police registration of a grant, one item per measure in
 * the registrations list, created once and then replaced whole with a
 * conditional write, so that the ENDED check and the write see the same
 * version of the item.
 */
import { refuseReactivation } from '../checks';
import type { GrantRegistrationRecord } from '../types';
import { REGISTRATION, REGISTRATION_COLUMNS, toFields } from './columns';
import { SharePointError } from './errors';
import type { Inventory, RegistrationItem } from './inventory';
import { WRITE_ATTEMPTS, byItemId } from './items';

const OPERATION = 'upsertGrantRegistration';

/** `registration` has passed `checkRegistration`. */
export async function upsertRegistration(
  inventory: Inventory,
  registration: GrantRegistrationRecord,
): Promise<GrantRegistrationRecord> {
  const where = { equal: { [REGISTRATION.measureId]: registration.measureId } };
  const fields = toFields(REGISTRATION, registration);

  for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt += 1) {
    const stored = first(await inventory.registrations(OPERATION, where));
    refuseReactivation(stored?.registration ?? null, registration);

    if (stored) {
      const result = await inventory.lists.update(OPERATION,
        'grantRegistrations', stored, fields);
      if (result.written) return registration;
    } else {
      const { created } = await inventory.lists.createOnce(OPERATION,
        'grantRegistrations', where, fields, REGISTRATION_COLUMNS);
      // Otherwise another call created it first: replace that one.
      if (created) return registration;
    }
  }
  throw new SharePointError(OPERATION,
    { kind: 'conflict', attempts: WRITE_ATTEMPTS });
}

/**
 * The registration that counts: the oldest item, should two calls have
 * created one each at the same moment (the newer is being deleted).
 */
export function first(
  items: readonly RegistrationItem[],
): RegistrationItem | undefined {
  return [...items].sort(byItemId)[0];
}
