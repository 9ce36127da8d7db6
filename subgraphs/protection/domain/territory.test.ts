import { TERRITORY } from './testing';
import { isDeployed, provinceOfZone, territoryFromRecords } from './territory';

describe('territory', () => {
  it('§5.2: a zone is deployed from its deployment day on', () => {
    expect(isDeployed(TERRITORY, '5344', '2027-02-28')).toBe(false);
    expect(isDeployed(TERRITORY, '5344', '2027-03-01')).toBe(true);
  });

  it('§5.2: a zone without deployment date is not deployed', () => {
    expect(isDeployed(TERRITORY, '5420', '2030-01-01')).toBe(false);
  });

  it('an unknown zone is not deployed', () => {
    expect(isDeployed(TERRITORY, '9999', '2026-01-01')).toBe(false);
  });

  it('§3: finds the province, and so the CIC, of a zone', () => {
    expect(provinceOfZone(TERRITORY, '5416')?.cic.code).toBe('CIC-VOV');
    expect(provinceOfZone(TERRITORY, '9999')).toBeNull();
  });

  it('looks records up by code and lists the zones', () => {
    expect(TERRITORY.zone('5415')?.name).toBe('Gent');
    expect(TERRITORY.arrondissement('OVL')?.provinceCode).toBe('BE-VOV');
    expect(TERRITORY.province('BE-BRU')?.cic.name).toBe('CIC Bruxelles');
    expect(TERRITORY.zone('nope')).toBeNull();
    expect(TERRITORY.zones().map((zone) => zone.code)).toContain('5420');
  });

  it('refuses a zone whose arrondissement is unknown, naming both', () => {
    expect(() =>
      territoryFromRecords({
        provinces: [],
        arrondissements: [],
        zones: [
          { code: '1', name: 'x', arrondissementCode: 'ZZZ', deployedOn: null },
        ],
      }),
    ).toThrow('"1" refers to an unknown arrondissement "ZZZ"');
  });

  it('refuses a duplicate code', () => {
    const province = { code: 'P', name: 'p', cic: { code: 'C', name: 'c' } };
    expect(() =>
      territoryFromRecords({
        provinces: [province, province],
        arrondissements: [],
        zones: [],
      }),
    ).toThrow('Duplicate province code "P"');
  });
});
