import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { territoryFromRecords } from '../subgraphs/protection/domain/territory';
import {
  BoundaryFileError,
  SHIPPED_ZONE_BOUNDARIES_FILE,
  loadZoneBoundaries,
  parseZoneBoundaries,
  type ZoneBoundaries,
} from './geo';
import { loadTerritory } from './load';

const FILE = 'zones.geojson';

const TERRITORY = territoryFromRecords({
  provinces: [{ code: 'BE-WNA', name: 'Namur',
    cic: { code: 'CIC-WNA', name: 'CIC Namur' } }],
  arrondissements: [{ code: 'NAM', name: 'Namur', provinceCode: 'BE-WNA' }],
  zones: [
    { code: 'A', name: 'A', arrondissementCode: 'NAM', deployedOn: null },
    { code: 'B', name: 'B', arrondissementCode: 'NAM', deployedOn: null },
  ],
});

/** A closed ring around [west, east] × [south, north], [lon, lat]. */
function square(west: number, south: number, east: number, north: number) {
  return [[west, south], [east, south], [east, north], [west, north],
    [west, south]];
}

function feature(properties: object, coordinates: unknown,
  type = 'Polygon') {
  return { type: 'Feature', properties, geometry: { type, coordinates } };
}

/**
 * Zone A: a square 0..10 with a hole 4..6; zone B: the square 10..20
 * touching A along longitude 10; the country covers both and more.
 */
function valid() {
  return {
    type: 'FeatureCollection',
    features: [
      feature({ zoneCode: 'A' }, [square(0, 0, 10, 10), square(4, 4, 6, 6)]),
      feature({ zoneCode: 'B' }, [[square(10, 0, 20, 10)]], 'MultiPolygon'),
      feature({ country: 'BE' }, [square(-1, -1, 30, 11)]),
    ],
  };
}

function parse(value: unknown) {
  return () => parseZoneBoundaries(value, FILE, TERRITORY);
}

describe('Zone boundaries: the shipped demo file', () => {
  const territory = loadTerritory();
  const boundaries = loadZoneBoundaries(SHIPPED_ZONE_BOUNDARIES_FILE,
    territory);

  it('loads against the shipped territory and draws each of its zones', () => {
    expect([...boundaries.zoneCodes()].sort())
      .toEqual(territory.zones().map((zone) => zone.code).sort());
  });

  // §7.2.2: the intervention zone is the one where the person is.
  it.each([
    ['Ixelles', 50.833, 4.367, '5339'],
    ['the Grand-Place of Brussels', 50.8467, 4.3525, '5339'],
    ['Molenbeek', 50.857, 4.325, '5340'],
    ['Schaerbeek', 50.867, 4.377, '5344'],
    ['Antwerp centre', 51.219, 4.402, '5345'],
    ['Boom', 51.09, 4.37, '5347'],
    ['Edegem', 51.155, 4.445, '5350'],
    ['Gent centre', 51.054, 3.717, '5415'],
    ['Aalst', 50.937, 4.04, '5416'],
    ['Nazareth', 50.957, 3.595, '5420'],
    ['Liège centre', 50.633, 5.567, '5277'],
    ['Seraing', 50.583, 5.5, '5276'],
    ['Visé', 50.737, 5.69, '5280'],
    ['Namur centre', 50.465, 4.867, '5303'],
    ['Philippeville', 50.196, 4.543, '5306'],
  ])('§7.2.2: places %s (%f, %f) in zone %s', (_place, latitude,
    longitude, zone) => {
    expect(boundaries.zoneAt(latitude, longitude)).toBe(zone);
    expect(boundaries.inBelgium(latitude, longitude)).toBe(true);
  });

  it('§5.1: places Bruges in Belgium but in no demo zone', () => {
    expect(boundaries.inBelgium(51.209, 3.225)).toBe(true);
    expect(boundaries.zoneAt(51.209, 3.225)).toBeNull();
  });

  it.each([
    ['the North Sea off Ostend', 51.4, 2.9],
    ['Lille, France', 50.63, 3.06],
    ['Paris, France', 48.86, 2.35],
    ['Maastricht, the Netherlands', 50.851, 5.691],
  ])('§7.11.1: places %s outside Belgium and every zone', (_place,
    latitude, longitude) => {
    expect(boundaries.inBelgium(latitude, longitude)).toBe(false);
    expect(boundaries.zoneAt(latitude, longitude)).toBeNull();
  });

  it('draws zones that do not overlap and lie inside the outline', () => {
    const file = JSON.parse(readFileSync(SHIPPED_ZONE_BOUNDARIES_FILE, 'utf8'));
    const [outline, ...zones] = file.features;
    const alone = zones.map((zone: object) => parseZoneBoundaries(
      { type: 'FeatureCollection', features: [zone, outline] },
      FILE, territory));
    // A grid whose step avoids the demo's round coordinates, so that no
    // sample falls on an edge two zones share.
    const faults: string[] = [];
    let covered = 0;
    for (let latitude = 49.5; latitude < 51.6; latitude += 0.00731) {
      for (let longitude = 2.5; longitude < 6.5; longitude += 0.00977) {
        const covering = alone.filter((one: ZoneBoundaries) =>
          one.zoneAt(latitude, longitude) !== null).length;
        const abroad = !boundaries.inBelgium(latitude, longitude);
        covered += covering;
        if (covering > 1 || (covering === 1 && abroad)) {
          faults.push(`${latitude}, ${longitude}`);
        }
      }
    }
    expect(faults).toEqual([]);
    expect(covered).toBeGreaterThan(1000);
  });

  it('answers the zone listed first where two demo zones touch', () => {
    // 5339 and 5340 share the meridian 4.34 between 50.845 and 50.855.
    expect(boundaries.zoneAt(50.85, 4.34)).toBe('5339');
  });
});

describe('Zone boundaries: lookups', () => {
  const boundaries = parse(valid())();

  it('finds the zone covering a point', () => {
    expect(boundaries.zoneAt(2, 2)).toBe('A');
    expect(boundaries.zoneAt(5, 15)).toBe('B');
  });

  it('leaves out a point in a hole, keeps one on the hole edge', () => {
    expect(boundaries.zoneAt(5, 5)).toBeNull();
    expect(boundaries.inBelgium(5, 5)).toBe(true);
    expect(boundaries.zoneAt(4, 5)).toBe('A');
  });

  it('counts a point on an outer edge or vertex as inside', () => {
    expect(boundaries.zoneAt(0, 3)).toBe('A');
    expect(boundaries.zoneAt(10, 20)).toBe('B');
    expect(boundaries.inBelgium(11, 30)).toBe(true);
    expect(boundaries.inBelgium(11.001, 30)).toBe(false);
  });

  it('answers the first zone in file order on a shared edge', () => {
    expect(boundaries.zoneAt(5, 10)).toBe('A');
    const swapped = valid();
    swapped.features.reverse();
    expect(parse(swapped)().zoneAt(5, 10)).toBe('B');
  });

  it('answers null outside every zone', () => {
    expect(boundaries.zoneAt(5, 25)).toBeNull();
    expect(boundaries.zoneAt(-0.5, 5)).toBeNull();
  });

  it('accepts an altitude in a position and ignores it', () => {
    const file = valid();
    file.features[0].geometry.coordinates = [square(0, 0, 10, 10)
      .map(([x, y]) => [x, y, 120])];
    expect(parse(file)().zoneAt(5, 5)).toBe('A');
  });
});

describe('Zone boundaries: a broken file', () => {
  function broken(change: (file: ReturnType<typeof valid>) => void) {
    const file = valid();
    change(file);
    return parse(file);
  }

  it('names the file and the problem of a wrong root', () => {
    expect(parse([])).toThrow('file: must be an object, not []');
    expect(parse({ type: 'Feature' })).toThrow(
      'Zone boundary file zones.geojson: file: "type" must be "FeatureCollection", not "Feature"');
    expect(parse({ type: 'FeatureCollection' }))
      .toThrow('features: must be a list, not nothing');
  });

  it('names the feature of an unknown zone code', () => {
    expect(broken((file) => {
      file.features[1].properties = { zoneCode: 'Z' };
    })).toThrow('features[1]: properties.zoneCode "Z" is no zone of the territory');
  });

  it('names both features of a zone drawn twice', () => {
    expect(broken((file) => {
      file.features[1].properties = { zoneCode: 'A' };
    })).toThrow('features[1] (zoneCode "A"): repeats zoneCode "A", first drawn by features[0]');
  });

  it('requires the outline of Belgium, once', () => {
    expect(broken((file) => {
      file.features.pop();
    })).toThrow('features: lacks the outline of Belgium');
    expect(broken((file) => {
      file.features.push(file.features[2]);
    })).toThrow('features[3] (country BE): repeats the country outline, first drawn by features[2]');
    expect(broken((file) => {
      file.features[2].properties = { country: 'FR' };
    })).toThrow('features[2]: properties.country must be "BE", not "FR"');
  });

  it('refuses a feature that is both a zone and the country', () => {
    expect(broken((file) => {
      file.features[0].properties = { zoneCode: 'A', country: 'BE' };
    })).toThrow('features[0]: properties must hold "zoneCode" or "country", not both');
  });

  it('refuses a geometry other than a polygon', () => {
    expect(broken((file) => {
      file.features[0].geometry.type = 'LineString';
    })).toThrow('features[0] (zoneCode "A"): geometry.type must be "Polygon" or "MultiPolygon", not "LineString"');
  });

  it('names the ring that is not closed', () => {
    expect(broken((file) => {
      file.features[0].geometry.coordinates =
        [[[0, 0], [10, 0], [10, 10], [0, 10]]];
    })).toThrow('features[0] (zoneCode "A") geometry.coordinates[0]: the ring is not closed: it starts at [0,0] and ends at [0,10]');
  });

  it('names a ring of fewer than four positions', () => {
    expect(broken((file) => {
      file.features[1].geometry.coordinates = [[[[0, 0], [1, 1], [0, 0]]]];
    })).toThrow('features[1] (zoneCode "B") geometry.coordinates[0][0]: must be a list of at least 4');
  });

  it('names the position out of range', () => {
    expect(broken((file) => {
      file.features[0].geometry.coordinates = [square(0, 0, 10, 95)];
    })).toThrow('geometry.coordinates[0][2]: latitude 95 is outside [-90, 90]');
    expect(broken((file) => {
      file.features[0].geometry.coordinates = [square(0, 0, 190, 10)];
    })).toThrow('geometry.coordinates[0][1]: longitude 190 is outside [-180, 180]');
    expect(broken((file) => {
      file.features[0].geometry.coordinates = [[[0, 0], ['1', 0], [1, 1],
        [0, 0]]];
    })).toThrow('geometry.coordinates[0][1]: a position must be [longitude, latitude], not ["1",0]');
  });

  it('names a file that cannot be read or is not JSON', () => {
    const folder = mkdtempSync(join(tmpdir(), 'zones-'));
    const missing = join(folder, 'missing.geojson');
    expect(() => loadZoneBoundaries(missing, TERRITORY))
      .toThrow(`Zone boundary file ${missing}: file: cannot be read (ENOENT)`);
    const garbled = join(folder, 'garbled.geojson');
    writeFileSync(garbled, '{ "type": ');
    expect(() => loadZoneBoundaries(garbled, TERRITORY))
      .toThrow(BoundaryFileError);
    expect(() => loadZoneBoundaries(garbled, TERRITORY))
      .toThrow('file: is not JSON');
  });
});
