/**
 * The territory the domain reads: police zones, judicial arrondissements
 * and provinces with their dispatch centre (CIC). The alarm is rolled out
 * zone by zone (§5.2); a zone is deployed from its `deployedOn` day.
 */

export interface ZoneInfo {
  code: string;
  name: string;
  arrondissementCode: string;
  /** The first day the alarm applies in the zone; null: not yet. */
  deployedOn: string | null;
  /** The dispatch or reference officer desk; absent when not given. */
  contact?: ZoneContact;
}

/**
 * How the CIC reaches a zone's dispatch or reference officer desk when
 * it briefs an intervention (§7.11.2, §8).
 */
export interface ZoneContact {
  /** International form, e.g. +32 2 555 01 23. */
  phone: string;
  email: string;
}

export interface ArrondissementInfo {
  code: string;
  name: string;
  provinceCode: string;
}

export interface ProvinceInfo {
  code: string;
  name: string;
  /** §3: the province's dispatch centre receives the alarm calls. */
  cic: { code: string; name: string };
}

export interface Territory {
  zone(code: string): ZoneInfo | null;
  arrondissement(code: string): ArrondissementInfo | null;
  province(code: string): ProvinceInfo | null;
  zones(): readonly ZoneInfo[];
}

/** §5.2, §7.5 condition 1: the alarm applies in the zone on that day. */
export function isDeployed(
  territory: Territory,
  zoneCode: string,
  onDate: string,
): boolean {
  const deployedOn = territory.zone(zoneCode)?.deployedOn ?? null;
  return deployedOn !== null && deployedOn <= onDate;
}

/** The province (and so the CIC) a zone belongs to, if known. */
export function provinceOfZone(
  territory: Territory,
  zoneCode: string,
): ProvinceInfo | null {
  const zone = territory.zone(zoneCode);
  const arrondissement =
    zone && territory.arrondissement(zone.arrondissementCode);
  return arrondissement
    ? territory.province(arrondissement.provinceCode)
    : null;
}

export interface TerritoryRecords {
  provinces: readonly ProvinceInfo[];
  arrondissements: readonly ArrondissementInfo[];
  zones: readonly ZoneInfo[];
}

/**
 * A territory held in memory, for tests and small data sets. A duplicate
 * code or a reference to a missing arrondissement or province throws,
 * naming it.
 */
export function territoryFromRecords(records: TerritoryRecords): Territory {
  const provinces = indexByCode('province', records.provinces);
  const arrondissements = indexByCode(
    'arrondissement',
    records.arrondissements,
  );
  const zones = indexByCode('zone', records.zones);

  for (const arrondissement of arrondissements.values()) {
    requireKnown(
      provinces,
      arrondissement.provinceCode,
      'province',
      arrondissement.code,
    );
  }
  for (const zone of zones.values()) {
    requireKnown(
      arrondissements,
      zone.arrondissementCode,
      'arrondissement',
      zone.code,
    );
  }

  const zoneList = Object.freeze([...zones.values()]);
  return {
    zone: (code) => zones.get(code) ?? null,
    arrondissement: (code) => arrondissements.get(code) ?? null,
    province: (code) => provinces.get(code) ?? null,
    zones: () => zoneList,
  };
}

function indexByCode<T extends { code: string }>(
  kind: string,
  items: readonly T[],
): Map<string, T> {
  const byCode = new Map<string, T>();
  for (const item of items) {
    if (byCode.has(item.code)) {
      throw new TypeError(
        `Duplicate ${kind} code ${JSON.stringify(item.code)}`,
      );
    }
    byCode.set(item.code, item);
  }
  return byCode;
}

function requireKnown(
  index: ReadonlyMap<string, unknown>,
  code: string,
  kind: string,
  referrer: string,
): void {
  if (!index.has(code)) {
    throw new TypeError(
      `${JSON.stringify(referrer)} refers to an unknown ${kind} ${JSON.stringify(code)}`,
    );
  }
}
