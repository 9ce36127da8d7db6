/**
 * §7.8.5: the protected persons' confidential addresses and contacts, in
 * a table of their own (`ProtectionConfidentialContact1765420000000`),
 * one row per measure and protected person. No part of the aggregate
 * reads it (aggregates.ts never names it), so loading a measure, for an
 * alert, the journal or the effects, never loads an address.
 *
 * The row holds the address's parts as columns, all null when only a
 * phone or an e-mail was recorded. Nothing is encrypted here: the
 * database's own protection at rest applies (see docs/DOMAIN.md).
 */
import {
  EntitySchema,
  In,
  Table,
  type EntityManager,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';
import { column, tableColumn } from '../../../storage/columns';
import { groupBy } from '../../../storage/batch';
import {
  requireNationalNumber,
  requireText,
} from '../../../storage/input';
import {
  EMAIL_LENGTH,
  PHONE_LENGTH,
  isEmail,
  isPhone,
} from '../../victim-support/contact';
import { TEXT_LIMITS } from '../aggregate';
import type {
  ConfidentialAddress,
  ConfidentialContactRecord,
} from '../types';
import { utcInstant } from './rows';
import { ID, NATIONAL_NUMBER, foreignKey, keyPart } from './tables';

const TABLE = 'protection_confidential_contact';
const COUNTRY = 2;
const nullable = { nullable: true };

/** One row: the address's parts are all set or all null. */
export interface ConfidentialContactRow {
  measureId: string;
  nationalNumber: string;
  street: string | null;
  houseNumber: string | null;
  box: string | null;
  postalCode: string | null;
  municipality: string | null;
  country: string | null;
  phone: string | null;
  email: string | null;
  knownToSuspect: boolean;
  recordedAt: string;
}

export const ConfidentialContact = new EntitySchema<ConfidentialContactRow>({
  name: 'ConfidentialContact',
  tableName: TABLE,
  columns: {
    measureId: column.key('measure_id', ID),
    nationalNumber: column.key('national_number', NATIONAL_NUMBER),
    street: column.text('street', TEXT_LIMITS.place, nullable),
    houseNumber: column.text('house_number', TEXT_LIMITS.houseNumber,
      nullable),
    box: column.text('box', TEXT_LIMITS.houseNumber, nullable),
    postalCode: column.text('postal_code', TEXT_LIMITS.postalCode, nullable),
    municipality: column.text('municipality', TEXT_LIMITS.place, nullable),
    country: column.text('country', COUNTRY, nullable),
    phone: column.text('phone', PHONE_LENGTH, nullable),
    email: column.text('email', EMAIL_LENGTH, nullable),
    knownToSuspect: column.flag('known_to_suspect'),
    recordedAt: column.instant('recorded_at'),
  },
});

// ---------------------------------------------------------------------
// Reads and writes

/** Each measure's rows, by national number. */
export async function findConfidentialContacts(
  manager: EntityManager,
  measureIds: string[],
): Promise<Map<string, ConfidentialContactRecord[]>> {
  const rows = await manager.find(ConfidentialContact, {
    where: { measureId: In(measureIds) },
    order: { measureId: 'ASC', nationalNumber: 'ASC' },
  });
  return groupBy(rows.map(recordOf), (record) => record.measureId);
}

/** Inserts the person's row, or replaces every column of it. */
export async function upsertConfidentialContact(
  manager: EntityManager,
  record: ConfidentialContactRecord,
): Promise<void> {
  await manager.upsert(ConfidentialContact, rowOf(record),
    ['measureId', 'nationalNumber']);
}

/**
 * The row of a record, checked as the adapters check their writes: a
 * misuse is a TypeError that never repeats a personal value.
 */
export function rowOf(
  record: ConfidentialContactRecord,
): ConfidentialContactRow {
  const { address, phone, email } = record;
  if (address === null && phone === null && email === null) {
    throw new TypeError(
      'A confidential contact holds an address, a phone or an e-mail');
  }
  if (phone !== null && !isPhone(phone)) {
    throw new TypeError('phone must be in E.164 form (+ and 7 to 15 digits)');
  }
  if (email !== null && !isEmail(email)) {
    throw new TypeError('email must be an e-mail address');
  }
  if (typeof record.knownToSuspect !== 'boolean') {
    throw new TypeError('knownToSuspect must be a boolean');
  }
  return {
    measureId: requireText('measureId', record.measureId, ID),
    nationalNumber: requireNationalNumber('nationalNumber',
      record.nationalNumber),
    ...addressColumns(address),
    phone,
    email,
    knownToSuspect: record.knownToSuspect,
    recordedAt: utcInstant(record.recordedAt, 'recordedAt'),
  };
}

type AddressColumns = Pick<ConfidentialContactRow, 'street' | 'houseNumber'
  | 'box' | 'postalCode' | 'municipality' | 'country'>;

function addressColumns(address: ConfidentialAddress | null): AddressColumns {
  if (address === null) {
    return { street: null, houseNumber: null, box: null, postalCode: null,
      municipality: null, country: null };
  }
  return {
    street: fits('street', address.street, TEXT_LIMITS.place),
    houseNumber: fits('number', address.number, TEXT_LIMITS.houseNumber),
    box: address.box === null ? null
      : fits('box', address.box, TEXT_LIMITS.houseNumber),
    postalCode: fits('postalCode', address.postalCode,
      TEXT_LIMITS.postalCode),
    municipality: fits('municipality', address.municipality,
      TEXT_LIMITS.place),
    country: countryCode(address.country),
  };
}

/**
 * A non-blank text that fits its column. Unlike storage/input.ts, the
 * message never shows the value: an address is personal data.
 */
function fits(name: string, value: unknown, maxLength: number): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`${name} must be a non-blank string`);
  }
  if (value.length > maxLength) {
    throw new TypeError(
      `${name} must have at most ${maxLength} characters, not ${value.length}`,
    );
  }
  return value;
}

function countryCode(value: unknown): string {
  if (typeof value !== 'string' || !/^[A-Z]{2}$/.test(value)) {
    throw new TypeError('country must be an ISO 3166-1 alpha-2 code');
  }
  return value;
}

function recordOf(row: ConfidentialContactRow): ConfidentialContactRecord {
  return {
    measureId: row.measureId,
    nationalNumber: row.nationalNumber,
    address: addressOf(row),
    phone: row.phone,
    email: row.email,
    knownToSuspect: Boolean(row.knownToSuspect),
    recordedAt: row.recordedAt,
  };
}

function addressOf(row: ConfidentialContactRow): ConfidentialAddress | null {
  const { street, houseNumber, postalCode, municipality, country } = row;
  if (street === null || houseNumber === null || postalCode === null
    || municipality === null || country === null) {
    return null;
  }
  return { street, number: houseNumber, box: row.box, postalCode,
    municipality, country };
}

// ---------------------------------------------------------------------
// Migration: released migrations never change.

function confidentialContactTable(): Table {
  const optional = { nullable: true };
  return new Table({
    name: TABLE,
    columns: [
      keyPart(tableColumn.text('measure_id', ID)),
      keyPart(tableColumn.text('national_number', NATIONAL_NUMBER)),
      tableColumn.text('street', TEXT_LIMITS.place, optional),
      tableColumn.text('house_number', TEXT_LIMITS.houseNumber, optional),
      tableColumn.text('box', TEXT_LIMITS.houseNumber, optional),
      tableColumn.text('postal_code', TEXT_LIMITS.postalCode, optional),
      tableColumn.text('municipality', TEXT_LIMITS.place, optional),
      tableColumn.text('country', COUNTRY, optional),
      tableColumn.text('phone', PHONE_LENGTH, optional),
      tableColumn.text('email', EMAIL_LENGTH, optional),
      tableColumn.flag('known_to_suspect'),
      tableColumn.instant('recorded_at'),
    ],
    // No key to the protected person's row: rewriting the aggregate's
    // protected persons (a grant adding a child) would cascade into it.
    foreignKeys: [
      foreignKey(TABLE, 'measure_id', 'protection_measure', 'id', 'CASCADE'),
      foreignKey(TABLE, 'national_number', 'protection_person',
        'national_number'),
    ],
  });
}

export class ProtectionConfidentialContact1765420000000
implements MigrationInterface {
  name = 'ProtectionConfidentialContact1765420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(confidentialContactTable(), true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable(TABLE, true);
  }
}
