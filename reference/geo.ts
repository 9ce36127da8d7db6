/**
 * Where a position lies: in which police zone, and whether in Belgium at
 * all. §7.2.2 names the intervention zone as the zone where the person
 * is when the alarm goes off; §5.1 and §7.11.1 stop the protection at the
 * border. The zone shapes come from a GeoJSON file (RFC 7946) that an
 * operator replaces with the official boundaries (see README.md beside
 * this file). The file is checked whole at start, against the territory
 * it must describe.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Territory } from '../subgraphs/protection/domain/territory';

/** The simplified demo boundaries shipped with the project. */
export const SHIPPED_ZONE_BOUNDARIES_FILE = join(__dirname, 'zones.geojson');

/** The country code of the outline feature the file must hold. */
const COUNTRY = 'BE';

/**
 * How far from an edge, in degrees, a position still counts as on it
 * (about a millimetre): absorbs the rounding of decimal coordinates.
 */
const EDGE_TOLERANCE = 1e-8;

/** A boundary file that cannot be used; `entry` locates the fault. */
export class BoundaryFileError extends Error {
  override readonly name = 'BoundaryFileError';

  constructor(
    readonly file: string,
    readonly entry: string,
    problem: string,
  ) {
    super(`Zone boundary file ${file}: ${entry}: ${problem}`);
  }
}

/** The zone shapes and the country outline, ready to answer lookups. */
export interface ZoneBoundaries {
  /**
   * The zone whose shape covers the position (an edge or vertex counts
   * as inside); null outside every zone. Where shapes touch, the zone
   * listed first in the file wins, so the answer never varies.
   */
  zoneAt(latitude: number, longitude: number): string | null;
  /** The position lies in the Belgian outline, edges included. */
  inBelgium(latitude: number, longitude: number): boolean;
  /** The zones the file draws, in file order. */
  zoneCodes(): readonly string[];
}

/** Reads and checks a boundary file against the territory it serves. */
export function loadZoneBoundaries(
  path: string,
  territory: Territory,
): ZoneBoundaries {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new BoundaryFileError(path, 'file', `cannot be read (${reason})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BoundaryFileError(path, 'file',
      `is not JSON (${(error as Error).message})`);
  }
  return parseZoneBoundaries(value, path, territory);
}

/**
 * Checks parsed GeoJSON as a boundary file: a FeatureCollection of
 * Polygon or MultiPolygon features, each with either `zoneCode` (a zone
 * of the territory, once) or `country: "BE"` (exactly one such feature)
 * in its properties; closed rings of at least four positions;
 * longitudes and latitudes in range. `file` only names the source.
 */
export function parseZoneBoundaries(
  value: unknown,
  file: string,
  territory: Territory,
): ZoneBoundaries {
  const reader = new Reader(file, territory);
  const features = reader.collection(value);
  const zones: Area[] = [];
  let country: Area | null = null;
  const firstIndex = new Map<string, number>();

  for (const [index, item] of features.entries()) {
    const area = reader.feature(item, `features[${index}]`);
    const key = area.code ?? `country ${COUNTRY}`;
    const first = firstIndex.get(key);
    if (first !== undefined) {
      const what = area.code === null
        ? 'the country outline' : `zoneCode "${area.code}"`;
      reader.fail(area.entry,
        `repeats ${what}, first drawn by features[${first}]`);
    }
    firstIndex.set(key, index);
    if (area.code === null) country = area;
    else zones.push(area);
  }

  if (country === null) {
    return reader.fail('features', `lacks the outline of Belgium (a feature with properties.country "${COUNTRY}")`);
  }
  return boundariesOf(zones, country);
}

function boundariesOf(zones: readonly Area[], country: Area): ZoneBoundaries {
  const codes = Object.freeze(zones.map((zone) => zone.code as string));
  return {
    zoneAt: (latitude, longitude) =>
      zones.find((zone) => covers(zone, longitude, latitude))?.code ?? null,
    inBelgium: (latitude, longitude) => covers(country, longitude, latitude),
    zoneCodes: () => codes,
  };
}

// ------------------------------------------------------------- geometry

/** [longitude, latitude], as GeoJSON orders them. */
type Position = readonly [number, number];
/** The first ring is the outer edge; any others are holes. */
type Polygon = readonly (readonly Position[])[];

interface Box {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Private: one feature, checked; `code` null for the country. */
interface Area {
  code: string | null;
  entry: string;
  polygons: readonly Polygon[];
  /** The prefilter: most lookups end here, without touching an edge. */
  box: Box;
}

function covers(area: Area, x: number, y: number): boolean {
  const { box } = area;
  if (x < box.west || x > box.east || y < box.south || y > box.north) {
    return false;
  }
  return area.polygons.some((polygon) => polygonCovers(polygon, x, y));
}

/** Inside the outer ring and in no hole; any ring's edge counts inside. */
function polygonCovers(polygon: Polygon, x: number, y: number): boolean {
  if (polygon.some((ring) => onRingEdge(ring, x, y))) return true;
  const [outer, ...holes] = polygon;
  return ringEncloses(outer, x, y) &&
    !holes.some((hole) => ringEncloses(hole, x, y));
}

/** Even-odd rule: a ray towards the east crosses the ring an odd time. */
function ringEncloses(ring: readonly Position[], x: number, y: number) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < xi + ((y - yi) * (xj - xi)) / (yj - yi)) {
      inside = !inside;
    }
  }
  return inside;
}

function onRingEdge(ring: readonly Position[], x: number, y: number) {
  for (let i = 1; i < ring.length; i += 1) {
    if (onSegment(ring[i - 1], ring[i], x, y)) return true;
  }
  return false;
}

function onSegment(a: Position, b: Position, x: number, y: number): boolean {
  const [ax, ay] = a;
  const [bx, by] = b;
  const within =
    x >= Math.min(ax, bx) - EDGE_TOLERANCE &&
    x <= Math.max(ax, bx) + EDGE_TOLERANCE &&
    y >= Math.min(ay, by) - EDGE_TOLERANCE &&
    y <= Math.max(ay, by) + EDGE_TOLERANCE;
  if (!within) return false;
  const length = Math.hypot(bx - ax, by - ay);
  if (length === 0) return Math.hypot(x - ax, y - ay) <= EDGE_TOLERANCE;
  const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
  return Math.abs(cross) / length <= EDGE_TOLERANCE;
}

function boxOf(polygons: readonly Polygon[]): Box {
  const box = { west: 180, south: 90, east: -180, north: -90 };
  for (const polygon of polygons) {
    for (const [x, y] of polygon[0]) {
      box.west = Math.min(box.west, x);
      box.east = Math.max(box.east, x);
      box.south = Math.min(box.south, y);
      box.north = Math.max(box.north, y);
    }
  }
  return box;
}

// --------------------------------------------------------------- checks

type Json = Record<string, unknown>;

/** Private: the checks, each failure naming the file and the feature. */
class Reader {
  constructor(
    private readonly file: string,
    private readonly territory: Territory,
  ) {}

  fail(entry: string, problem: string): never {
    throw new BoundaryFileError(this.file, entry, problem);
  }

  object(value: unknown, entry: string): Json {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(entry, `must be an object, not ${show(value)}`);
    }
    return value as Json;
  }

  collection(value: unknown): unknown[] {
    const root = this.object(value, 'file');
    if (root.type !== 'FeatureCollection') {
      this.fail('file', `"type" must be "FeatureCollection", not ${show(root.type)}`);
    }
    if (!Array.isArray(root.features)) {
      this.fail('features', `must be a list, not ${show(root.features)}`);
    }
    return root.features;
  }

  feature(item: unknown, at: string): Area {
    const fields = this.object(item, at);
    if (fields.type !== 'Feature') {
      this.fail(at, `"type" must be "Feature", not ${show(fields.type)}`);
    }
    const properties = this.object(fields.properties, `${at} properties`);
    const code = this.owner(properties, at);
    const entry = code === null ? `${at} (country ${COUNTRY})`
      : `${at} (zoneCode "${code}")`;
    const polygons = this.geometry(fields.geometry, entry);
    return { code, entry, polygons, box: boxOf(polygons) };
  }

  /** The zone the feature draws, or null for the country outline. */
  owner(properties: Json, at: string): string | null {
    const { zoneCode, country } = properties;
    if (zoneCode !== undefined && country !== undefined) {
      this.fail(at, 'properties must hold "zoneCode" or "country", not both');
    }
    if (country !== undefined) {
      if (country !== COUNTRY) {
        this.fail(at, `properties.country must be "${COUNTRY}", not ${show(country)}`);
      }
      return null;
    }
    if (typeof zoneCode !== 'string') {
      this.fail(at, `properties.zoneCode must be a zone code, not ${show(zoneCode)}`);
    }
    if (this.territory.zone(zoneCode) === null) {
      this.fail(at, `properties.zoneCode "${zoneCode}" is no zone of the territory`);
    }
    return zoneCode;
  }

  geometry(value: unknown, entry: string): Polygon[] {
    const geometry = this.object(value, `${entry} geometry`);
    const { type, coordinates } = geometry;
    const at = `${entry} geometry.coordinates`;
    if (type === 'Polygon') return [this.polygon(coordinates, at)];
    if (type === 'MultiPolygon') {
      return this.list(coordinates, at, 1).map((polygon, index) =>
        this.polygon(polygon, `${at}[${index}]`));
    }
    return this.fail(entry,
      `geometry.type must be "Polygon" or "MultiPolygon", not ${show(type)}`);
  }

  polygon(value: unknown, at: string): Polygon {
    return this.list(value, at, 1).map((ring, index) =>
      this.ring(ring, `${at}[${index}]`));
  }

  /** RFC 7946 §3.1.6: four positions or more, the last equal to the first. */
  ring(value: unknown, at: string): Position[] {
    const ring = this.list(value, at, 4).map((position, index) =>
      this.position(position, `${at}[${index}]`));
    const [firstX, firstY] = ring[0];
    const [lastX, lastY] = ring[ring.length - 1];
    if (firstX !== lastX || firstY !== lastY) {
      this.fail(at, `the ring is not closed: it starts at ${show(ring[0])} and ends at ${show(ring[ring.length - 1])}`);
    }
    return ring;
  }

  /** [longitude, latitude], an altitude tolerated and ignored. */
  position(value: unknown, at: string): Position {
    const valid = Array.isArray(value) &&
      (value.length === 2 || value.length === 3) &&
      value.every((part) => typeof part === 'number' && Number.isFinite(part));
    if (!valid) {
      this.fail(at, `a position must be [longitude, latitude], not ${show(value)}`);
    }
    const [longitude, latitude] = value as number[];
    if (longitude < -180 || longitude > 180) {
      this.fail(at, `longitude ${longitude} is outside [-180, 180]`);
    }
    if (latitude < -90 || latitude > 90) {
      this.fail(at, `latitude ${latitude} is outside [-90, 90]`);
    }
    return [longitude, latitude];
  }

  list(value: unknown, at: string, least: number): unknown[] {
    if (!Array.isArray(value) || value.length < least) {
      this.fail(at, `must be a list of at least ${least}, not ${show(value)}`);
    }
    return value;
  }
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
