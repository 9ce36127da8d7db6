/**
 * Test helpers of the devices subgraph: an inventory that answers only
 * what a test gives it, and a request's context around it.
 */
import type { DevicesAdapter } from '../../adapters/devices/types';
import type { Identity } from '../../runtime/identity';
import { AuditRecorder } from '../../runtime/audit';
import { createLogger } from '../../runtime/logger';
import type { Clock } from '../protection/domain/clock';
import { loadTerritory } from '../../reference/load';
import { createDevicesContext, type DevicesContext } from './context';

/** Every method throws unless `parts` gives it: a test sees what ran. */
export function scriptedDevicesAdapter(
  parts: Partial<DevicesAdapter>,
): DevicesAdapter {
  const unused = (name: string) => async (): Promise<never> => {
    throw new Error(`The test did not expect a call to ${name}`);
  };
  return {
    devicesByMeasureId: unused('devicesByMeasureId'),
    devicesBySerial: unused('devicesBySerial'),
    stockByArrondissement: unused('stockByArrondissement'),
    zoneStocksByArrondissement: unused('zoneStocksByArrondissement'),
    devicesByArrondissement: unused('devicesByArrondissement'),
    shortagesByArrondissement: unused('shortagesByArrondissement'),
    assignedDevicesByZone: unused('assignedDevicesByZone'),
    grantRegistrationsByMeasureId: unused('grantRegistrationsByMeasureId'),
    upsertGrantRegistration: unused('upsertGrantRegistration'),
    assignDevice: unused('assignDevice'),
    returnDevices: unused('returnDevices'),
    reassignZone: unused('reassignZone'),
    recordDailyReport: unused('recordDailyReport'),
    ping: unused('ping'),
    close: unused('close'),
    ...parts,
  };
}

/** A request's context for `identity`, logging nowhere. */
export function devicesContextOf(
  adapter: DevicesAdapter,
  clock: Clock,
  identity: Identity,
): DevicesContext {
  return createDevicesContext(adapter, clock, loadTerritory(), {
    identity,
    requestId: 'request-1',
    logger: createLogger({ name: 'test', level: 'silent' }),
    audit: new AuditRecorder(),
  });
}
