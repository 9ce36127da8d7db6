/**
 * The SharePoint devices adapter on the local Graph server
 * (./sharepoint-server.ts), as its tests and the port's contract suite
 * (./devices-contract.ts) use it.
 */
import { GraphDevicesAdapter } from '../../adapters/devices/sharepoint/adapter';
import {
  DEVICE_COLUMNS,
  REGISTRATION_COLUMNS,
  REPORT_COLUMNS,
  SHORTAGE_COLUMNS,
} from '../../adapters/devices/sharepoint/columns';
import type {
  DevicesLists,
  GraphDevicesOptions,
} from '../../adapters/devices/sharepoint/options';
import {
  demoListItems,
  deviceFields,
} from '../../adapters/devices/sharepoint/seed';
import type { DevicesContract } from './devices-contract';
import {
  startSharePointServer,
  type SharePointServer,
  type SharePointServerOptions,
} from './sharepoint-server';

/** The lists' ids on the test server. */
export const TEST_LISTS: DevicesLists = {
  devices: 'devices',
  dailyReports: 'daily-reports',
  grantRegistrations: 'grant-registrations',
  shortages: 'shortages',
};

/** A server holding the four lists, refusing any other column. */
export function startInventoryServer(
  options: SharePointServerOptions = {},
): Promise<SharePointServer> {
  return startSharePointServer({
    lists: Object.values(TEST_LISTS),
    columns: {
      [TEST_LISTS.devices]: DEVICE_COLUMNS,
      [TEST_LISTS.dailyReports]: REPORT_COLUMNS,
      [TEST_LISTS.grantRegistrations]: REGISTRATION_COLUMNS,
      [TEST_LISTS.shortages]: SHORTAGE_COLUMNS,
    },
    ...options,
  });
}

/** The adapter's options to reach `server`. */
export function optionsFor(
  server: SharePointServer,
  overrides: Partial<GraphDevicesOptions> = {},
): GraphDevicesOptions {
  return {
    baseUrl: server.baseUrl,
    siteId: server.siteId,
    lists: TEST_LISTS,
    tokenUrl: server.tokenUrl,
    clientId: server.clientId,
    clientSecret: server.clientSecret,
    ...overrides,
  };
}

/** Puts the demo inventory in the server's lists. */
export function seedDemo(
  server: SharePointServer,
  part: Parameters<typeof demoListItems>[0],
): void {
  const items = demoListItems(part);
  for (const fields of items.devices) {
    server.insert(TEST_LISTS.devices, { ...fields });
  }
  for (const fields of items.dailyReports) {
    server.insert(TEST_LISTS.dailyReports, { ...fields });
  }
}

export function graphDevicesContract(): DevicesContract {
  return {
    unit: 'requests',
    // HTTP requests: one per round of queries (items.ts, `queryMany`).
    // By serial, the devices and their reports go in one $batch; by
    // measure or zone, the reports of the devices found come second.
    batchCost: {
      devicesBySerial: 1,
      devicesByMeasureId: 2,
      stockByArrondissement: 1,
      zoneStocksByArrondissement: 1,
      devicesByArrondissement: 1,
      shortagesByArrondissement: 1,
      assignedDevicesByZone: 2,
      grantRegistrationsByMeasureId: 1,
    },
    closedPingError:
      'The devices SharePoint site failed during ping: the adapter is closed',
    async open(demo) {
      const server = await startInventoryServer();
      seedDemo(server, demo.devices);
      const adapter = new GraphDevicesAdapter(optionsFor(server));
      return {
        adapter,
        async stock(arrondissementCode, lines) {
          for (const line of lines) {
            server.insert(TEST_LISTS.devices, { ...deviceFields({
              serial: line.serial,
              kind: line.kind ?? 'BUTTON',
              status: line.status ?? 'AVAILABLE',
              arrondissementCode,
              zoneCode: line.zoneCode,
              measureId: line.measureId ?? null,
              assignedTo: null,
              assignedZoneCode: null,
              assignedOn: null,
              returnedOn: null,
            }) });
          }
        },
        async count(action) {
          const before = server.graphRequests().length;
          await action();
          return server.graphRequests().length - before;
        },
        release: () => server.close(),
      };
    },
  };
}
