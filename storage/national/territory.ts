/**
 * The national territory of the synthetic history: the 12 judicial
 * arrondissements (the courts of appeal are left out), one dispatch
 * centre (CIC) per province, Brussels counted as one, and about 180
 * police zones.
 *
 * The shipped zones of reference/territory.json are kept as they are
 * (codes, names, deployment dates), so that the zone boundaries and the
 * demo still fit; the other zones are synthetic: a made-up name, a free
 * code from 5000 to 5999 and a deployment date drawn along the history.
 */
import type {
  ArrondissementInfo,
  ProvinceInfo,
  TerritoryRecords,
  ZoneInfo,
} from '../../subgraphs/protection/domain/territory';
import { SHIPPED_TERRITORY } from '../../reference/shipped';
import { addDays, daysBetween } from '../dates';
import type { Prng } from '../prng';
import { pad } from '../demo/text';

interface ArrondissementPlan {
  code: string;
  name: string;
  provinceCode: string;
  /** Zones in all, the shipped ones included. */
  zones: number;
  /** The first code tried for a synthetic zone. */
  firstCode: number;
}

/** Provinces not in the shipped file, with their CIC. */
const OTHER_PROVINCES: readonly (readonly [string, string])[] = [
  ['BE-VLI', 'Limburg'],
  ['BE-VWV', 'West-Vlaanderen'],
  ['BE-VBR', 'Vlaams-Brabant'],
  ['BE-WBR', 'Brabant wallon'],
  ['BE-WHT', 'Hainaut'],
  ['BE-WLX', 'Luxembourg'],
];

/**
 * Zone counts close to the real ones (180 in all); Halle-Vilvoorde's
 * zones are counted with Bruxelles, whose arrondissement they are in.
 */
const ARRONDISSEMENTS: readonly ArrondissementPlan[] = [
  { code: 'ANT', name: 'Antwerpen', provinceCode: 'BE-VAN', zones: 24,
    firstCode: 5345 },
  { code: 'LIM', name: 'Limburg', provinceCode: 'BE-VLI', zones: 16,
    firstCode: 5371 },
  { code: 'OVL', name: 'Oost-Vlaanderen (Gent)', provinceCode: 'BE-VOV',
    zones: 23, firstCode: 5412 },
  { code: 'WVL', name: 'West-Vlaanderen', provinceCode: 'BE-VWV',
    zones: 19, firstCode: 5436 },
  { code: 'LEU', name: 'Leuven', provinceCode: 'BE-VBR', zones: 10,
    firstCode: 5388 },
  { code: 'BRU', name: 'Bruxelles', provinceCode: 'BE-BRU', zones: 15,
    firstCode: 5339 },
  { code: 'BRW', name: 'Brabant wallon', provinceCode: 'BE-WBR', zones: 10,
    firstCode: 5267 },
  { code: 'HAI', name: 'Hainaut', provinceCode: 'BE-WHT', zones: 23,
    firstCode: 5306 },
  { code: 'LIE', name: 'Liège', provinceCode: 'BE-WLG', zones: 21,
    firstCode: 5276 },
  { code: 'EUP', name: 'Eupen', provinceCode: 'BE-WLG', zones: 2,
    firstCode: 5291 },
  { code: 'NAM', name: 'Namur', provinceCode: 'BE-WNA', zones: 11,
    firstCode: 5300 },
  { code: 'LUX', name: 'Luxembourg', provinceCode: 'BE-WLX', zones: 6,
    firstCode: 5293 },
];

/** Synthetic zones never deployed within the history (§5.2). */
const UNDEPLOYED_SHARE = 0.04;
/** Synthetic zones deploy over this first share of the history. */
const ROLLOUT_SHARE = 0.6;

export interface TerritoryWindow {
  /** The first day of the history. */
  startDate: string;
  /** The last day of the history. */
  endDate: string;
}

export function nationalTerritory(
  prng: Prng,
  window: TerritoryWindow,
): TerritoryRecords {
  const shipped = SHIPPED_TERRITORY;
  const taken = new Set(shipped.zones.map((zone) => Number(zone.code)));
  const zones: ZoneInfo[] = [];
  for (const plan of ARRONDISSEMENTS) {
    const own = shipped.zones.filter((zone) =>
      zone.arrondissementCode === plan.code);
    zones.push(...own.map((zone) => ({ ...zone })));
    const missing = Math.max(plan.zones - own.length, 0);
    zones.push(...syntheticZones(plan, missing, taken, prng, window));
  }
  return {
    provinces: provinces(shipped.provinces),
    arrondissements: arrondissements(shipped.arrondissements),
    zones,
  };
}

function provinces(shipped: readonly ProvinceInfo[]): ProvinceInfo[] {
  const others = OTHER_PROVINCES.map(([code, name]) => ({
    code,
    name,
    cic: { code: `CIC-${code.slice(3)}`, name: `CIC ${name}` },
  }));
  return [...shipped.map((p) => ({ ...p })), ...others];
}

function arrondissements(
  shipped: readonly ArrondissementInfo[],
): ArrondissementInfo[] {
  const known = new Set(shipped.map((a) => a.code));
  const others = ARRONDISSEMENTS
    .filter((plan) => !known.has(plan.code))
    .map(({ code, name, provinceCode }) => ({ code, name, provinceCode }));
  return [...shipped.map((a) => ({ ...a })), ...others];
}

/** Free codes from the plan's first one up, never a taken one. */
function syntheticZones(
  plan: ArrondissementPlan,
  count: number,
  taken: Set<number>,
  prng: Prng,
  window: TerritoryWindow,
): ZoneInfo[] {
  const zones: ZoneInfo[] = [];
  let code = plan.firstCode;
  while (zones.length < count) {
    while (taken.has(code)) code += 1;
    if (code > 5999) {
      throw new RangeError(`No zone code left for ${plan.code} after 5999`);
    }
    taken.add(code);
    zones.push({
      code: String(code),
      name: `${plan.name} ${pad(zones.length + 1, 2)} (synthetic)`,
      arrondissementCode: plan.code,
      deployedOn: deploymentDate(prng, window),
    });
  }
  return zones;
}

/**
 * A first-of-month date in the rollout window, or null for the few
 * zones that never deploy; every month has its chance, so zones come
 * in progressively.
 */
function deploymentDate(prng: Prng, window: TerritoryWindow): string | null {
  if (prng.chance(UNDEPLOYED_SHARE)) return null;
  const span = daysBetween(window.startDate, window.endDate);
  const day = addDays(window.startDate,
    prng.int(0, Math.floor(span * ROLLOUT_SHARE)));
  return `${day.slice(0, 7)}-01`;
}
