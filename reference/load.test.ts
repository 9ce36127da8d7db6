import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeployed } from '../subgraphs/protection/domain/territory';
import {
  SHIPPED_TERRITORY_FILE,
  TerritoryFileError,
  loadTerritory,
  parseTerritory,
  readTerritoryFile,
} from './load';
import { SHIPPED_TERRITORY } from './shipped';

const FILE = 'territory.json';

/** A small valid territory, to break one entry at a time. */
function valid() {
  return {
    provinces: [
      { code: 'BE-WNA', name: 'Namur',
        cic: { code: 'CIC-WNA', name: 'CIC Namur' } },
      { code: 'BE-WLG', name: 'Liège',
        cic: { code: 'CIC-WLG', name: 'CIC Liège' } },
    ],
    arrondissements: [
      { code: 'NAM', name: 'Namur', provinceCode: 'BE-WNA' },
      { code: 'LIE', name: 'Liège', provinceCode: 'BE-WLG' },
    ],
    zones: [
      { code: '5303', name: 'Namur Capitale', arrondissementCode: 'NAM',
        deployedOn: '2024-12-01' },
      { code: '5306', name: 'Entre-Sambre-et-Meuse',
        arrondissementCode: 'NAM', deployedOn: null },
      { code: '5277', name: 'Liège', arrondissementCode: 'LIE',
        deployedOn: '2024-06-01' },
    ],
  };
}

function parse(value: unknown) {
  return () => parseTerritory(value, FILE);
}

describe('Territory file: the shipped one', () => {
  it('loads, with its provinces, CICs, arrondissements and zones', () => {
    const territory = loadTerritory();
    expect(territory.zones()).toHaveLength(14);
    expect(territory.zone('5339')).toEqual({ code: '5339',
      name: 'Bruxelles-Capitale/Ixelles', arrondissementCode: 'BRU',
      deployedOn: '2023-12-01',
      contact: { phone: '+32 2 555 53 39',
        email: 'alarm.5339@police.example' } });
    expect(territory.arrondissement('OVL')?.provinceCode).toBe('BE-VOV');
    expect(territory.province('BE-WLG')?.cic)
      .toEqual({ code: 'CIC-WLG', name: 'CIC Liège' });
    expect(territory.zone('9999')).toBeNull();
  });

  it('leaves one zone of each arrondissement not yet deployed (§5.2)', () => {
    const territory = loadTerritory(SHIPPED_TERRITORY_FILE);
    const waiting = territory.zones()
      .filter((zone) => !isDeployed(territory, zone.code, '2030-01-01'))
      .map((zone) => zone.arrondissementCode);
    expect(waiting.sort()).toEqual(['ANT', 'BRU', 'LIE', 'NAM', 'OVL']);
  });

  it('gives every zone a desk contact that is plainly made up', () => {
    for (const zone of loadTerritory().zones()) {
      expect(zone.contact).toEqual({
        phone: expect.stringMatching(/^\+32 2 555 \d\d \d\d$/),
        email: `alarm.${zone.code}@police.example`,
      });
    }
  });

  it('is what the imported copy holds', () => {
    expect(readTerritoryFile(SHIPPED_TERRITORY_FILE))
      .toEqual(SHIPPED_TERRITORY);
  });
});

describe('Territory file: errors name the file and the entry', () => {
  it('accepts the valid example and its description', () => {
    expect(parse({ ...valid(), description: 'test' })()).toEqual(valid());
  });

  it('refuses a zone of an unknown arrondissement', () => {
    const file = valid();
    file.zones[1]!.arrondissementCode = 'XYZ';
    expect(parse(file)).toThrow(
      'Territory file territory.json: zones[1] (code "5306"): unknown arrondissement "XYZ"');
  });

  it('refuses an arrondissement of an unknown province', () => {
    const file = valid();
    file.arrondissements[0]!.provinceCode = 'BE-XXX';
    expect(parse(file)).toThrow(
      'arrondissements[0] (code "NAM"): unknown province "BE-XXX"');
  });

  it('refuses duplicate codes, naming both entries', () => {
    const zones = valid();
    zones.zones[2]!.code = '5303';
    expect(parse(zones)).toThrow(
      'zones[2]: duplicate code "5303", first used by zones[0]');
    const provinces = valid();
    provinces.provinces[1]!.cic.code = 'CIC-WNA';
    expect(parse(provinces)).toThrow(
      'provinces[1]: duplicate CIC code "CIC-WNA", first used by provinces[0]');
    const arrondissements = valid();
    arrondissements.arrondissements[1]!.code = 'NAM';
    expect(parse(arrondissements)).toThrow('arrondissements[1]: duplicate');
  });

  it.each([
    ['2024-02-30', '"2024-02-30"'],
    ['01/12/2024', '"01/12/2024"'],
    [20241201, '20241201'],
  ])('refuses the deployment date %p', (date, shown) => {
    const file = valid() as { zones: { deployedOn: unknown }[] };
    file.zones[0]!.deployedOn = date;
    expect(parse(file)).toThrow(
      `zones[0] (code "5303"): "deployedOn" must be a date as YYYY-MM-DD or null, not ${shown}`);
  });

  it('refuses a missing, unknown, blank or too long field', () => {
    const missing = valid() as { zones: Record<string, unknown>[] };
    delete missing.zones[0]!.deployedOn;
    expect(parse(missing)).toThrow(
      'zones[0]: lacks the field "deployedOn"');

    const unknown = valid() as { zones: Record<string, unknown>[] };
    unknown.zones[0]!.deployedon = null;
    expect(parse(unknown)).toThrow(
      'zones[0]: has an unknown field "deployedon"');

    const blank = valid();
    blank.provinces[0]!.name = ' ';
    expect(parse(blank)).toThrow(
      'provinces[0] (code "BE-WNA"): "name" must be a non-blank string');

    const long = valid();
    long.zones[0]!.code = '123456789';
    expect(parse(long)).toThrow(
      '"code" must have at most 8 characters, not 9');
  });

  it('refuses a file that is not a territory', () => {
    expect(parse([])).toThrow('Territory file territory.json: file: must be an object');
    expect(parse({ ...valid(), zones: {} })).toThrow('zones: must be a list');
  });

  it('reads a file from disk, naming it in errors', () => {
    const directory = mkdtempSync(join(tmpdir(), 'territory-'));
    const path = join(directory, 'broken.json');
    writeFileSync(path, '{ "provinces": [');
    expect(() => readTerritoryFile(path)).toThrow(TerritoryFileError);
    expect(() => readTerritoryFile(path))
      .toThrow(`Territory file ${path}: file: is not JSON`);
    expect(() => loadTerritory(join(directory, 'none.json')))
      .toThrow('file: cannot be read (ENOENT)');

    writeFileSync(path, JSON.stringify(valid()));
    expect(loadTerritory(path).zone('5277')?.deployedOn).toBe('2024-06-01');
  });

  it('keeps the entry on the error, for the caller', () => {
    const file = valid();
    file.zones[0]!.arrondissementCode = 'XYZ';
    try {
      parseTerritory(file, FILE);
      throw new Error('no error');
    } catch (error) {
      expect(error).toMatchObject({ name: 'TerritoryFileError', file: FILE,
        entry: 'zones[0] (code "5303")' });
    }
  });
});

describe('Territory file: zone contacts', () => {
  type Zone = ReturnType<typeof valid>['zones'][number] & {
    contact?: unknown;
  };

  function withContact(contact: unknown) {
    const file = valid();
    (file.zones[0] as Zone).contact = contact;
    return file;
  }

  const desk = { phone: '+32 2 555 01 23', email: 'alarm.5303@police.example' };

  it('takes a zone\'s desk phone and e-mail, and leaves it out when absent',
    () => {
      const territory = parse(withContact(desk))();
      expect(territory.zones[0]!.contact).toEqual(desk);
      expect(territory.zones[1]).not.toHaveProperty('contact');
    });

  it.each([
    '+32 2 555 01 23',
    '+3225550123',
    '+32 470 55 01 23',
    '+32 81 55 01 23',
  ])('accepts the Belgian number %p in international form', (phone) => {
    expect(parse(withContact({ ...desk, phone }))).not.toThrow();
  });

  it.each([
    ['02 555 01 23', 'a national form'],
    ['+32 02 555 01 23', 'the trunk 0 kept'],
    ['+33 1 55 50 12 34', 'another country'],
    ['+32 2 555 01 2', 'too few digits'],
    ['+32 470 55 01 23 4', 'too many digits'],
    ['+32 2  555 01 23', 'a double space'],
    ['+32-2-555-01-23', 'dashes'],
  ])('refuses the phone %p (%s), naming the zone', (phone) => {
    expect(parse(withContact({ ...desk, phone }))).toThrow(
      `zones[0] (code "5303") contact: "phone" must be a Belgian number in international form, such as "+32 2 555 01 23", not ${JSON.stringify(phone)}`);
  });

  it.each([
    ['no dot in the domain', 'alarm.5303@police'],
    ['a space', 'alarm 5303@police.example'],
    ['no local part', '@police.example'],
    ['a label starting with a hyphen', 'alarm.5303@-police.example'],
    ['an empty label', 'alarm.5303@police..example'],
    ['two @', 'alarm@5303@police.example'],
    ['over 254 characters', `${'a'.repeat(240)}@police.example`],
  ])('refuses an e-mail address with %s, naming the zone', (_, email) => {
    expect(parse(withContact({ ...desk, email }))).toThrow(
      /zones\[0\] \(code "5303"\) contact: "email" must (be an e-mail address|have at most 254 characters)/);
  });

  it('refuses a contact that is not a phone and an e-mail, or lacks one',
    () => {
      expect(parse(withContact('+32 2 555 01 23'))).toThrow(
        'zones[0] (code "5303") contact: must be an object, not "+32 2 555 01 23"');
      expect(parse(withContact({ phone: desk.phone }))).toThrow(
        'contact: lacks the field "email"');
      expect(parse(withContact({ ...desk, fax: '+32 2 555 01 24' })))
        .toThrow('contact: has an unknown field "fax"');
      expect(parse(withContact({ ...desk, phone: 3225550123 }))).toThrow(
        'contact: "phone" must be a non-blank string, not 3225550123');
    });
});
