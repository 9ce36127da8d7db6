/**
 * Lists of measures for the organisation asking: the zone that manages
 * them (§7.2.2), the parquet of their arrondissement (§7.2.1), or the CIC
 * of their province (§3). A caller asking for another organisation's
 * measures is refused, not given an empty list.
 */
import { GraphQLError } from 'graphql';
import type { MeasureAggregate } from '../../adapters/protection/aggregate';
import type { MeasureFilter } from '../../adapters/protection/types';
import { forbidden } from '../../runtime/errors';
import type { ProtectionContext } from './context';
import type { Territory } from './domain/territory';
import type { QueryProtectionMeasuresArgs } from './generated/graphql';

export const MAX_LIST_LENGTH = 500;

type Scope = Pick<MeasureFilter, 'managingZoneCodes' | 'arrondissementCodes'>;

function zonesOfProvince(territory: Territory, province: string): string[] {
  return territory
    .zones()
    .filter((zone) => {
      const arrondissement = territory.arrondissement(zone.arrondissementCode);
      return arrondissement?.provinceCode === province;
    })
    .map((zone) => zone.code);
}

/** The zones or arrondissement the caller may list, narrowed by the args. */
function scopeOf(
  context: ProtectionContext,
  args: QueryProtectionMeasuresArgs,
): Scope {
  const { identity, territory } = context;
  const { zoneCode, arrondissementCode } = args;
  switch (identity.role) {
    case 'police': {
      const zone = zoneCode ?? identity.zone;
      if (zone !== identity.zone || arrondissementCode) {
        throw forbidden('A police zone lists only the measures it manages (§7.2.2).');
      }
      return { managingZoneCodes: [zone ?? ''] };
    }
    case 'magistrate': {
      const own = identity.arrondissement;
      const zoneArrondissement =
        zoneCode && territory.zone(zoneCode)?.arrondissementCode;
      if ((arrondissementCode ?? own) !== own || zoneArrondissement === null) {
        throw forbidden("A parquet lists only its arrondissement's measures (§7.2.1).");
      }
      if (zoneCode && zoneArrondissement !== own) {
        throw forbidden("A parquet lists only its arrondissement's measures (§7.2.1).");
      }
      return {
        arrondissementCodes: [own ?? ''],
        ...(zoneCode ? { managingZoneCodes: [zoneCode] } : {}),
      };
    }
    case 'cic': {
      const zones = zonesOfProvince(territory, identity.province ?? '');
      const wanted = zoneCode ? [zoneCode] : zones;
      if (wanted.some((zone) => !zones.includes(zone))) {
        throw forbidden("A CIC lists only its province's measures (§3).");
      }
      const byArrondissement = arrondissementCode
        ? { arrondissementCodes: [arrondissementCode] }
        : {};
      return { managingZoneCodes: wanted, ...byArrondissement };
    }
    case 'victim-support':
    case 'analyst':
    case 'app112':
    case 'auditor':
    case 'gateway':
      throw forbidden(`Role ${identity.role} may not list measures.`);
    default: {
      const impossible: never = identity.role;
      throw new Error(`Unknown role ${String(impossible)}`);
    }
  }
}

function checkLength(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_LIST_LENGTH) {
    throw new GraphQLError(
      `first must be from 1 to ${MAX_LIST_LENGTH}, got ${first}.`,
      { extensions: { code: 'BAD_USER_INPUT', argument: 'first' } },
    );
  }
  return first;
}

/** The measures, loaded in one batch whatever their number. */
export async function protectionMeasures(
  context: ProtectionContext,
  args: QueryProtectionMeasuresArgs,
): Promise<MeasureAggregate[]> {
  const limit = checkLength(args.first ?? 50);
  const ids = await context.adapter.findMeasureIds({
    ...scopeOf(context, args),
    statuses: [args.status ?? 'ACTIVE'],
    newestFirst: true,
    limit,
  });
  const measures = await context.loaders.measure.loadMany(ids);
  return measures.flatMap((measure) => {
    if (measure instanceof Error) throw measure;
    return measure ? [measure] : [];
  });
}
