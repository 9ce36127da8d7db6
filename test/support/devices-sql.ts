/**
 * The SQL devices adapter as the port's contract suite
 * (./devices-contract.ts) sees it: statements counted through typeorm's logger, and devices put
 * in stock through a second connection to the same tables.
 */
import type { DataSource } from 'typeorm';
import { openSqlDevicesAdapter } from '../../adapters/devices';
import {
  Device,
  devicesSchema,
  type DeviceRow,
} from '../../adapters/devices/sql/schema';
import { openDataSource } from '../../storage/data-source';
import type { StorageOptions } from '../../storage/options';
import { StatementRecorder } from './databases';
import type { DevicesContract, StockLine } from './devices-contract';

export function sqlDevicesContract(
  getOptions: () => StorageOptions,
): DevicesContract {
  return {
    unit: 'statements',
    // The devices and the last daily report of each, run together.
    batchCost: {
      devicesBySerial: 2,
      devicesByMeasureId: 2,
      stockByArrondissement: 1,
      zoneStocksByArrondissement: 1,
      devicesByArrondissement: 1,
      shortagesByArrondissement: 1,
      assignedDevicesByZone: 2,
      grantRegistrationsByMeasureId: 1,
    },
    closedPingError: 'The devices storage failed during ping',
    async open(demo) {
      const recorder = new StatementRecorder();
      const adapter = await openSqlDevicesAdapter(getOptions(), {
        seedDemo: demo,
        logger: recorder,
      });
      let tables: DataSource | undefined;
      return {
        adapter,
        async stock(arrondissementCode, lines) {
          tables ??= await openDataSource('devices', getOptions(),
            devicesSchema);
          await tables.manager.insert(Device,
            lines.map((line) => stockRow(arrondissementCode, line)));
        },
        count: async (action) => (await recorder.during(action)).length,
        release: async () => {
          await tables?.destroy();
        },
      };
    },
  };
}

function stockRow(arrondissementCode: string, line: StockLine): DeviceRow {
  return {
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
  };
}
