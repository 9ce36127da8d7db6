/**
 * Figures of the agency systems on a statistics report (§9, issue 7):
 * counts placed by arrondissement and zone only, for the devices and
 * victim-support subgraphs. The person dimensions (gender, age band,
 * relationship, origin) are the protection register's: these systems
 * hold none of them, so a report broken down by them gets these figures
 * by the territorial dimensions asked alone.
 *
 * Disclosure control is the protection subgraph's own module
 * (../protection/domain/disclosure.ts), applied to each figure as one
 * table: a count standing for 1 to 4 people is suppressed, with its
 * complements among the zones of an arrondissement, the arrondissements
 * of the country and the total. A count that stands for nobody (devices
 * on a shelf) is shown as it is.
 */
import {
  DISCLOSURE_THRESHOLD,
  protectTable,
  type MarginKey,
  type Nesting,
  type ProtectedCount,
  type ProtectedTable,
} from '../protection/domain/disclosure';
import type { StatisticsDimension } from '../protection/domain/statistics';
import type { StatisticsScopeView } from './request';

export type TerritorialDimension = 'ARRONDISSEMENT' | 'ZONE';

/** Where a counted thing lies; a null zone: kept by the arrondissement. */
export interface Place {
  readonly arrondissementCode: string;
  readonly zoneCode: string | null;
}

/** Private: the zone key of a thing no zone holds. */
const NO_ZONE = '';

/**
 * The table's dimensions: those asked that the figures know of, and the
 * arrondissement when only the zone is asked: zones nest in it, and
 * figures that know no zone are given by arrondissement instead.
 */
export interface TerritorialLayout {
  readonly dimensions: readonly TerritorialDimension[];
  readonly nested: readonly Nesting[];
}

/** The layout for `asked`, keeping the dimensions in `applies`. */
export function territorialLayout(
  asked: readonly StatisticsDimension[],
  applies: readonly TerritorialDimension[],
): TerritorialLayout {
  const known = asked.filter((dimension): dimension is TerritorialDimension =>
    (applies as readonly string[]).includes(dimension));
  const dimensions = [...known];
  if (asked.includes('ZONE') && !dimensions.includes('ARRONDISSEMENT') &&
    applies.includes('ARRONDISSEMENT')) dimensions.push('ARRONDISSEMENT');
  const zone = dimensions.indexOf('ZONE');
  return {
    dimensions,
    nested: zone < 0 ? [] : [[zone, dimensions.indexOf('ARRONDISSEMENT')]],
  };
}

/** Whether a place lies in the report's scope. */
export function inScope(place: Place, scope: StatisticsScopeView): boolean {
  return (scope.arrondissementCode === null ||
      place.arrondissementCode === scope.arrondissementCode) &&
    (scope.zoneCode === null || place.zoneCode === scope.zoneCode);
}

/**
 * The things one figure counts, by place. `person` is who the thing
 * stands for (never published), or null for a thing that stands for
 * nobody; a figure's things are all of one sort.
 */
export class TerritorialTally {
  private readonly cells = new Map<string,
    { key: string[]; value: number; people: string[] }>();

  constructor(private readonly layout: TerritorialLayout) {}

  add(place: Place, person: string | null): void {
    const key = keyOf(this.layout, place);
    const text = JSON.stringify(key);
    const cell = this.cells.get(text) ?? { key, value: 0, people: [] };
    cell.value += 1;
    if (person !== null) cell.people.push(person);
    this.cells.set(text, cell);
  }

  keys(): readonly (readonly string[])[] {
    return [...this.cells.values()].map((cell) => cell.key);
  }

  /** Under disclosure control, or shown whole when it counts nobody. */
  protect(counts: 'people' | 'things', threshold: number): ProtectedTable {
    const cells = [...this.cells.values()];
    return protectTable(this.layout.dimensions.length, cells, {
      nested: this.layout.nested,
      // Threshold 1: no count of a non-empty cell is below it.
      threshold: counts === 'people' ? threshold : 1,
    });
  }
}

function keyOf(layout: TerritorialLayout, place: Place): string[] {
  return layout.dimensions.map((dimension) => dimension === 'ZONE'
    ? place.zoneCode ?? NO_ZONE
    : place.arrondissementCode);
}

/** A cell of the agency's figures: its place, null where not asked. */
export interface TerritorialCell<F> {
  readonly arrondissementCode: string | null;
  readonly zoneCode: string | null;
  readonly figures: F;
}

export interface TerritorialReport<F> {
  readonly total: F;
  /** Every combination found, ordered by arrondissement, then zone. */
  readonly cells: readonly TerritorialCell<F>[];
}

/** What each figure counts, and its things by place. */
export type Tallies<N extends string> = Readonly<Record<N, {
  readonly tally: TerritorialTally;
  readonly counts: 'people' | 'things';
}>>;

/**
 * Protects every figure, then reads the total and each cell found;
 * `shape` turns the flat counts into the schema's figures.
 */
export function territorialReport<N extends string, F>(
  layout: TerritorialLayout,
  tallies: Tallies<N>,
  shape: (counts: Readonly<Record<N, ProtectedCount>>) => F,
  threshold = DISCLOSURE_THRESHOLD,
): TerritorialReport<F> {
  const names = Object.keys(tallies) as N[];
  const tables = new Map(names.map((name) => [name,
    tallies[name].tally.protect(tallies[name].counts, threshold)]));
  const at = (key: MarginKey) => shape(Object.fromEntries(names.map(
    (name) => [name, tables.get(name)!.count(key)])) as Record<N,
    ProtectedCount>);
  const found = new Map<string, readonly string[]>();
  for (const name of names) {
    for (const key of tallies[name].tally.keys()) {
      found.set(JSON.stringify(key), key);
    }
  }
  const keys = [...found.values()].sort(byValues);
  return {
    total: at(layout.dimensions.map(() => null)),
    // Without a dimension the total is the only cell.
    cells: layout.dimensions.length === 0 ? [] : keys.map((key) => ({
      ...placeOf(layout, key),
      figures: at(key),
    })),
  };
}

function placeOf(
  layout: TerritorialLayout,
  key: readonly string[],
): Pick<TerritorialCell<unknown>, 'arrondissementCode' | 'zoneCode'> {
  const value = (dimension: TerritorialDimension) => {
    const at = layout.dimensions.indexOf(dimension);
    return at < 0 || key[at] === NO_ZONE ? null : key[at]!;
  };
  return {
    arrondissementCode: value('ARRONDISSEMENT'),
    zoneCode: value('ZONE'),
  };
}

function byValues(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return 0;
}

/** The arrondissements a scope reads: its own, or every one there is. */
export function arrondissementsOf(
  scope: StatisticsScopeView,
  zones: readonly { readonly arrondissementCode: string }[],
): string[] {
  if (scope.arrondissementCode !== null) return [scope.arrondissementCode];
  return [...new Set(zones.map((zone) => zone.arrondissementCode))].sort();
}
