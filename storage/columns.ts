/**
 * Column shapes shared by the systems' entities and migrations, so that
 * the same definitions run on SQLite and MySQL/MariaDB:
 *
 * - dates are `date` columns read back as 'YYYY-MM-DD' strings (SQLite
 *   stores text; MySQL answers strings thanks to `dateStrings`);
 * - instants are 24-character UTC strings (`Date#toISOString`), which
 *   sort in time order on both databases;
 * - booleans are `boolean` (an integer on SQLite, tinyint(1) on MySQL)
 *   and typeorm turns them back into booleans on both.
 *
 * Enumerated values are plain varchar columns: typeorm's MySQL driver
 * leaves CHECK constraints out of CREATE TABLE, so a check would guard
 * SQLite only. The adapters' types keep the values in range instead.
 *
 * Migrations must never change once released: change a helper only by
 * adding a new one.
 */
import type { EntitySchemaColumnOptions, TableColumnOptions } from 'typeorm';

/** The length of `Date#toISOString` output: 2026-12-01T06:00:00.000Z */
export const INSTANT_LENGTH = 24;

interface Nullable {
  nullable?: boolean;
}

/** Column options for EntitySchemas. */
export const column = {
  key(name: string, length: number): EntitySchemaColumnOptions {
    return { name, type: 'varchar', length, primary: true };
  },
  generatedKey(name: string): EntitySchemaColumnOptions {
    return { name, type: 'integer', primary: true, generated: 'increment' };
  },
  text(
    name: string,
    length: number,
    o: Nullable = {},
  ): EntitySchemaColumnOptions {
    return { name, type: 'varchar', length, nullable: !!o.nullable };
  },
  date(name: string, o: Nullable = {}): EntitySchemaColumnOptions {
    return { name, type: 'date', nullable: !!o.nullable };
  },
  flag(name: string, o: Nullable = {}): EntitySchemaColumnOptions {
    return { name, type: 'boolean', nullable: !!o.nullable };
  },
  integer(name: string): EntitySchemaColumnOptions {
    return { name, type: 'integer' };
  },
  /** Text of any length (TEXT on both databases): no index, no key. */
  longText(name: string, o: Nullable = {}): EntitySchemaColumnOptions {
    return { name, type: 'text', nullable: !!o.nullable };
  },
  /** An instant as `Date#toISOString` writes it (see INSTANT_LENGTH). */
  instant(name: string, o: Nullable = {}): EntitySchemaColumnOptions {
    return column.text(name, INSTANT_LENGTH, o);
  },
};

/** Column options for migrations (typeorm's Table API). */
export const tableColumn = {
  key(name: string, length: number): TableColumnOptions {
    return { name, type: 'varchar', length: String(length), isPrimary: true };
  },
  generatedKey(name: string): TableColumnOptions {
    return {
      name,
      type: 'integer',
      isPrimary: true,
      isGenerated: true,
      generationStrategy: 'increment',
    };
  },
  text(name: string, length: number, o: Nullable = {}): TableColumnOptions {
    return {
      name,
      type: 'varchar',
      length: String(length),
      isNullable: !!o.nullable,
    };
  },
  date(name: string, o: Nullable = {}): TableColumnOptions {
    return { name, type: 'date', isNullable: !!o.nullable };
  },
  flag(name: string, o: Nullable = {}): TableColumnOptions {
    return { name, type: 'boolean', isNullable: !!o.nullable };
  },
  integer(name: string): TableColumnOptions {
    return { name, type: 'integer' };
  },
  longText(name: string, o: Nullable = {}): TableColumnOptions {
    return { name, type: 'text', isNullable: !!o.nullable };
  },
  instant(name: string, o: Nullable = {}): TableColumnOptions {
    return tableColumn.text(name, INSTANT_LENGTH, o);
  },
};
