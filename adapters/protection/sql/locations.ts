/**
 * Where the protected person was during an alert (§3): the 112 app's
 * position fixes in the AML form. `ProtectionAlertLocation1764900000000`
 * adds the latest fix to the alert's row, as `location_*` columns, and
 * keeps every fix in `protection_alert_location`, one row per fix.
 *
 * Coordinates, accuracy and confidence are numeric columns, so that the
 * statistics of §9 (how precise the fixes were, by method) count in SQL.
 * Degrees and metres are DOUBLE: WGS84 degrees need more digits than a
 * FLOAT keeps (seven decimals are about a centimetre).
 *
 * The track has no foreign key to its alert: an alert's part is written
 * again whole when it changes (README, "Saving"), and a cascade from the
 * alert would then take the fixes with it. It hangs on the measure, like
 * every fact table.
 */
import {
  EntitySchema,
  Table,
  TableColumn,
  type EntitySchemaColumnOptions,
  type MigrationInterface,
  type QueryRunner,
  type TableColumnOptions,
} from 'typeorm';
import { column, tableColumn } from '../../../storage/columns';
import type { PositioningMethod } from '../aggregate';
import {
  ENUM,
  ID,
  foreignKey,
  keyPart,
  uniqueIndex,
} from './tables';

export interface AlertLocationRow {
  measureId: string;
  alertId: string;
  /** The fix's rank in the alert's track, oldest first. */
  position: number;
  latitude: number;
  longitude: number;
  accuracyMeters: number;
  confidencePercent: number;
  method: PositioningMethod;
  fixedAt: string;
}

/** The latest fix on the alert's own row; all null before the first. */
export interface AlertLocationColumns {
  locationLatitude: number | null;
  locationLongitude: number | null;
  locationAccuracyMeters: number | null;
  locationConfidencePercent: number | null;
  locationMethod: PositioningMethod | null;
  locationFixedAt: string | null;
}

interface Nullable {
  nullable?: boolean;
}

/**
 * Private: numeric columns storage/columns.ts does not have. DOUBLE on
 * MySQL; on SQLite a column of REAL affinity. Both read back as numbers.
 */
const numeric = {
  double(name: string, o: Nullable = {}): EntitySchemaColumnOptions {
    return { name, type: 'double', nullable: !!o.nullable };
  },
  integer(name: string, o: Nullable = {}): EntitySchemaColumnOptions {
    return { name, type: 'integer', nullable: !!o.nullable };
  },
};

const numericTable = {
  double(name: string, o: Nullable = {}): TableColumnOptions {
    return { name, type: 'double', isNullable: !!o.nullable };
  },
  integer(name: string, o: Nullable = {}): TableColumnOptions {
    return { name, type: 'integer', isNullable: !!o.nullable };
  },
};

const nullable = { nullable: true };

/** The alert entity's columns for its latest fix (see lifecycle.ts). */
export const ALERT_LOCATION_COLUMNS = {
  locationLatitude: numeric.double('location_latitude', nullable),
  locationLongitude: numeric.double('location_longitude', nullable),
  locationAccuracyMeters: numeric.double('location_accuracy_meters',
    nullable),
  locationConfidencePercent: numeric.integer('location_confidence_percent',
    nullable),
  locationMethod: column.text('location_method', ENUM, nullable),
  locationFixedAt: column.instant('location_fixed_at', nullable),
} satisfies Record<keyof AlertLocationColumns, EntitySchemaColumnOptions>;

export const AlertLocation = new EntitySchema<AlertLocationRow>({
  name: 'AlertLocation',
  tableName: 'protection_alert_location',
  columns: {
    measureId: column.key('measure_id', ID),
    alertId: column.key('alert_id', ID),
    position: { ...column.integer('position'), primary: true },
    latitude: numeric.double('latitude'),
    longitude: numeric.double('longitude'),
    accuracyMeters: numeric.double('accuracy_meters'),
    confidencePercent: numeric.integer('confidence_percent'),
    method: column.text('method', ENUM),
    fixedAt: column.instant('fixed_at'),
  },
});

// ---------------------------------------------------------------------
// Migration: released migrations never change.

const ALERT = 'protection_alert';
const TRACK = 'protection_alert_location';

/** Nullable: alerts recorded before have no fix, and need no default. */
function alertColumns(): TableColumn[] {
  const optional = { nullable: true };
  return [
    numericTable.double('location_latitude', optional),
    numericTable.double('location_longitude', optional),
    numericTable.double('location_accuracy_meters', optional),
    numericTable.integer('location_confidence_percent', optional),
    tableColumn.text('location_method', ENUM, optional),
    tableColumn.instant('location_fixed_at', optional),
  ].map((options) => new TableColumn(options));
}

/** One fix per instant and alert: the domain's rule, kept by the table. */
function trackTable(): Table {
  return new Table({
    name: TRACK,
    columns: [
      keyPart(tableColumn.text('measure_id', ID)),
      keyPart(tableColumn.text('alert_id', ID)),
      keyPart(tableColumn.integer('position')),
      numericTable.double('latitude'),
      numericTable.double('longitude'),
      numericTable.double('accuracy_meters'),
      numericTable.integer('confidence_percent'),
      tableColumn.text('method', ENUM),
      tableColumn.instant('fixed_at'),
    ],
    indices: [uniqueIndex(TRACK, ['measure_id', 'alert_id', 'fixed_at'])],
    foreignKeys: [
      foreignKey(TRACK, 'measure_id', 'protection_measure', 'id', 'CASCADE'),
    ],
  });
}

export class ProtectionAlertLocation1764900000000
implements MigrationInterface {
  name = 'ProtectionAlertLocation1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns(ALERT, alertColumns());
    await queryRunner.createTable(trackTable(), true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable(TRACK, true);
    await queryRunner.dropColumns(ALERT, alertColumns());
  }
}
