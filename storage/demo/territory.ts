/**
 * The demo territory is the shipped territory file (reference/
 * territory.json): five judicial arrondissements in five provinces
 * (Brussels counted as one, as its dispatch centre is), each with one
 * zone not yet deployed (§5.2). Deployment dates are fixed in the file,
 * so a reference date much earlier than DEMO_REFERENCE_DATE can give
 * decisions that predate their zone's rollout.
 */
import type {
  ArrondissementRecord,
  ProvinceRecord,
  ZoneRecord,
} from '../../adapters/protection/types';
import { SHIPPED_TERRITORY } from '../../reference/shipped';
import {
  territoryFromRecords,
} from '../../subgraphs/protection/domain/territory';

/** The territory the demo measures live in, indexed. */
export const DEMO_TERRITORY = territoryFromRecords(SHIPPED_TERRITORY);

/** The provinces as the protection tables hold them (no CIC columns). */
export const DEMO_PROVINCES: readonly ProvinceRecord[] =
  SHIPPED_TERRITORY.provinces.map(({ code, name }) => ({ code, name }));

export const DEMO_ARRONDISSEMENTS: readonly ArrondissementRecord[] =
  SHIPPED_TERRITORY.arrondissements.map((a) => ({ ...a }));

/** The zones as the protection tables hold them (no desk contact). */
export function demoZones(): ZoneRecord[] {
  return SHIPPED_TERRITORY.zones.map(
    ({ code, name, arrondissementCode, deployedOn }) =>
      ({ code, name, arrondissementCode, deployedOn }));
}
