/**
 * Reads the territory of §5.2 from a JSON file (see README.md beside this
 * file for its shape). The file is checked whole before anything uses
 * it: a malformed entry fails the start with an error that names the
 * file and the entry, never halfway through a request.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  territoryFromRecords,
  type ArrondissementInfo,
  type ProvinceInfo,
  type Territory,
  type TerritoryRecords,
  type ZoneContact,
  type ZoneInfo,
} from '../subgraphs/protection/domain/territory';
import { parseIsoDate } from '../storage/dates';

/** The file shipped with the project, used unless another is given. */
export const SHIPPED_TERRITORY_FILE = join(__dirname, 'territory.json');

/** Widths of the protection tables' code and name columns. */
const MAX_CODE = 8;
const MAX_NAME = 100;

/**
 * A Belgian number in international form: +32, then the 8 digits of a
 * fixed line or the 9 of a mobile without the trunk 0, single spaces
 * allowed between digits.
 */
const BELGIAN_PHONE = /^\+32 ?[1-9](?: ?\d){7,8}$/;

/**
 * An address as a mail client takes it: a local part, then a domain of
 * dot-separated labels (letters, digits, inner hyphens), with a dot.
 */
const EMAIL_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const EMAIL = new RegExp(
  `^[A-Za-z0-9.!#$%&'*+/=?^_\`{|}~-]+@${EMAIL_LABEL}(?:\\.${EMAIL_LABEL})+$`);
const MAX_EMAIL = 254;

/** A territory file that cannot be used; `entry` locates the fault. */
export class TerritoryFileError extends Error {
  override readonly name = 'TerritoryFileError';

  constructor(
    readonly file: string,
    readonly entry: string,
    problem: string,
  ) {
    super(`Territory file ${file}: ${entry}: ${problem}`);
  }
}

/** Reads, checks and indexes a territory file. */
export function loadTerritory(
  path: string = SHIPPED_TERRITORY_FILE,
): Territory {
  return territoryFromRecords(readTerritoryFile(path));
}

/** Reads and checks a territory file; answers its records as they are. */
export function readTerritoryFile(path: string): TerritoryRecords {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new TerritoryFileError(path, 'file', `cannot be read (${reason})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new TerritoryFileError(path, 'file',
      `is not JSON (${(error as Error).message})`);
  }
  return parseTerritory(value, path);
}

/**
 * Checks parsed JSON as a territory. `file` only names the source in
 * errors. Codes must be unique within their list, references must point
 * at known entries, dates must exist, and codes and names must fit the
 * protection tables' columns.
 */
export function parseTerritory(value: unknown, file: string): TerritoryRecords {
  const reader = new Reader(file);
  const root = reader.object(value, 'file',
    ['provinces', 'arrondissements', 'zones'], ['description']);

  const provinces = reader.list(root, 'provinces', (item, entry) =>
    reader.province(item, entry));
  const provinceCodes = reader.uniqueCodes('provinces', codesOf(provinces));
  reader.uniqueCodes('provinces',
    provinces.map((province) => province.cic.code), 'CIC code');

  const arrondissements = reader.list(root, 'arrondissements',
    (item, entry) => reader.arrondissement(item, entry, provinceCodes));
  const arrondissementCodes =
    reader.uniqueCodes('arrondissements', codesOf(arrondissements));

  const zones = reader.list(root, 'zones', (item, entry) =>
    reader.zone(item, entry, arrondissementCodes));
  reader.uniqueCodes('zones', codesOf(zones));

  return { provinces, arrondissements, zones };
}

type Json = Record<string, unknown>;

/** Private: the checks, each failure naming the file and the entry. */
class Reader {
  constructor(private readonly file: string) {}

  fail(entry: string, problem: string): never {
    throw new TerritoryFileError(this.file, entry, problem);
  }

  object(
    value: unknown,
    entry: string,
    required: readonly string[],
    optional: readonly string[] = [],
  ): Json {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(entry, `must be an object, not ${show(value)}`);
    }
    const fields = value as Json;
    for (const key of Object.keys(fields)) {
      if (!required.includes(key) && !optional.includes(key)) {
        this.fail(entry, `has an unknown field ${JSON.stringify(key)}`);
      }
    }
    for (const key of required) {
      if (!(key in fields)) this.fail(entry, `lacks the field "${key}"`);
    }
    return fields;
  }

  list<T>(
    root: Json,
    key: string,
    read: (item: unknown, entry: string) => T,
  ): T[] {
    const items = root[key];
    if (!Array.isArray(items)) {
      this.fail(key, `must be a list, not ${show(items)}`);
    }
    return items.map((item, index) => read(item, `${key}[${index}]`));
  }

  text(fields: Json, key: string, entry: string, max: number): string {
    const value = fields[key];
    if (typeof value !== 'string' || value.trim() === '') {
      this.fail(entry, `"${key}" must be a non-blank string, not ${show(value)}`);
    }
    if (value.length > max) {
      this.fail(entry, `"${key}" must have at most ${max} characters, not ${value.length}`);
    }
    return value;
  }

  /** Where an entry is, by its code when it has a usable one. */
  located(fields: Json, entry: string): string {
    const code = fields.code;
    return typeof code === 'string' ? `${entry} (code "${code}")` : entry;
  }

  province(item: unknown, at: string): ProvinceInfo {
    const fields = this.object(item, at, ['code', 'name', 'cic']);
    const entry = this.located(fields, at);
    const cic = this.object(fields.cic, `${entry} cic`, ['code', 'name']);
    return {
      code: this.text(fields, 'code', entry, MAX_CODE),
      name: this.text(fields, 'name', entry, MAX_NAME),
      cic: {
        code: this.text(cic, 'code', `${entry} cic`, MAX_CODE),
        name: this.text(cic, 'name', `${entry} cic`, MAX_NAME),
      },
    };
  }

  arrondissement(
    item: unknown,
    at: string,
    provinces: ReadonlySet<string>,
  ): ArrondissementInfo {
    const fields = this.object(item, at, ['code', 'name', 'provinceCode']);
    const entry = this.located(fields, at);
    const provinceCode = this.text(fields, 'provinceCode', entry, MAX_CODE);
    if (!provinces.has(provinceCode)) {
      this.fail(entry, `unknown province "${provinceCode}"`);
    }
    return {
      code: this.text(fields, 'code', entry, MAX_CODE),
      name: this.text(fields, 'name', entry, MAX_NAME),
      provinceCode,
    };
  }

  zone(
    item: unknown,
    at: string,
    arrondissements: ReadonlySet<string>,
  ): ZoneInfo {
    const fields = this.object(item, at,
      ['code', 'name', 'arrondissementCode', 'deployedOn'], ['contact']);
    const entry = this.located(fields, at);
    const arrondissementCode =
      this.text(fields, 'arrondissementCode', entry, MAX_CODE);
    if (!arrondissements.has(arrondissementCode)) {
      this.fail(entry, `unknown arrondissement "${arrondissementCode}"`);
    }
    const zone: ZoneInfo = {
      code: this.text(fields, 'code', entry, MAX_CODE),
      name: this.text(fields, 'name', entry, MAX_NAME),
      arrondissementCode,
      deployedOn: this.deployedOn(fields.deployedOn, entry),
    };
    if ('contact' in fields) {
      zone.contact = this.contact(fields.contact, `${entry} contact`);
    }
    return zone;
  }

  /** The zone's desk: a Belgian phone number and an e-mail address. */
  contact(value: unknown, entry: string): ZoneContact {
    const fields = this.object(value, entry, ['phone', 'email']);
    const phone = this.text(fields, 'phone', entry, MAX_NAME);
    if (!BELGIAN_PHONE.test(phone)) {
      this.fail(entry, `"phone" must be a Belgian number in international form, such as "+32 2 555 01 23", not ${show(phone)}`);
    }
    const email = this.text(fields, 'email', entry, MAX_EMAIL);
    if (!EMAIL.test(email)) {
      this.fail(entry, `"email" must be an e-mail address, such as "desk@police.example", not ${show(email)}`);
    }
    return { phone, email };
  }

  /** §5.2: the first day of the alarm in the zone; null for not yet. */
  deployedOn(value: unknown, entry: string): string | null {
    if (value === null) return null;
    const problem = `"deployedOn" must be a date as YYYY-MM-DD or null, not ${show(value)}`;
    if (typeof value !== 'string') this.fail(entry, problem);
    try {
      parseIsoDate(value);
    } catch {
      this.fail(entry, problem);
    }
    return value;
  }

  /** The codes of a list, once each; a repeat names both entries. */
  uniqueCodes(
    list: string,
    codes: readonly string[],
    what = 'code',
  ): Set<string> {
    const seen = new Map<string, number>();
    codes.forEach((code, index) => {
      const first = seen.get(code);
      if (first !== undefined) {
        this.fail(`${list}[${index}]`,
          `duplicate ${what} "${code}", first used by ${list}[${first}]`);
      }
      seen.set(code, index);
    });
    return new Set(seen.keys());
  }
}

function codesOf(items: readonly { code: string }[]): string[] {
  return items.map((item) => item.code);
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
