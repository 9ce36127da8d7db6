/**
 * What the protection system's migrations share: column widths, and
 * constraint names that carry their table's name, since MySQL wants
 * them unique in the whole database. Released migrations depend on
 * these: change a value only by adding another.
 */
import { TEXT_LIMITS } from '../aggregate';
import {
  TableColumn,
  TableForeignKey,
  TableIndex,
  type TableColumnOptions,
} from 'typeorm';

export const CODE = 8;
export const NAME = TEXT_LIMITS.name;
export const NATIONAL_NUMBER = 11;
export const ID = 36;
export const ENUM = 40;
export const PV_REFERENCE = TEXT_LIMITS.pvReference;
export const DESCRIPTION = TEXT_LIMITS.description;
export const ACTION = 60;
export const SUBJECT = 100;
export const ERROR_TEXT = 500;
/** The bomb factors, comma-separated: 8 names fit in 160 characters. */
export const FACTOR_LIST = 400;

/** Foreign key and constraint names are global in a MySQL database. */
export function foreignKey(
  table: string,
  columnName: string,
  target: string,
  targetColumn: string,
  onDelete = 'RESTRICT',
): TableForeignKey {
  return new TableForeignKey({
    name: `FK_${table}_${columnName}`,
    columnNames: [columnName],
    referencedTableName: target,
    referencedColumnNames: [targetColumn],
    onDelete,
  });
}

export function index(table: string, columnNames: string[]): TableIndex {
  return new TableIndex({
    name: `IDX_${table}_${columnNames.join('_')}`,
    columnNames,
  });
}

export function uniqueIndex(
  table: string,
  columnNames: string[],
): TableIndex {
  return new TableIndex({
    name: `UQ_${table}_${columnNames.join('_')}`,
    columnNames,
    isUnique: true,
  });
}

/** A column that is part of a composite primary key. */
export function keyPart(options: TableColumnOptions): TableColumnOptions {
  return { ...options, isPrimary: true };
}

/**
 * A column added to a table holding rows: NOT NULL needs a default for
 * them (typeorm rebuilds the table on SQLite and copies the rows).
 */
export function addedColumn(
  options: TableColumnOptions,
  defaultValue?: string | number | boolean,
): TableColumn {
  return new TableColumn(defaultValue === undefined
    ? options
    : { ...options, default: defaultValue });
}
