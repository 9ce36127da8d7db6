/**
 * The data the benchmarks run on: the demo data set (storage/demo-data.ts)
 * with one zone's long list: `measures` more active measures managed by
 * the Rupel zone (5347, Antwerpen), beside the one demo measure active
 * there. Each has its own victim, suspect and devices, and each suspect
 * a BNG record and MaCH files, so that the rows of the list share no
 * entity and batching is measured, not luck.
 * Deterministic: a subgraph host in another process generates the same.
 */
import type { CasePlan } from '../storage/demo/cases';
import { generateDemoData, type DemoData } from '../storage/demo-data';

/** Rupel, in the Antwerpen arrondissement. */
export const BENCH_ZONE = '5347';
export const BENCH_ARRONDISSEMENT = 'ANT';

/** The longest list the benchmarks ask for. */
export const BENCH_MEASURES = 500;

/** One case of the bench zone, as in the demo's plans. */
const ZONE_CASE: CasePlan = {
  status: 'ACTIVE',
  arrondissementCode: BENCH_ARRONDISSEMENT,
  managingZoneCode: BENCH_ZONE,
  relationship: 'EX_PARTNER',
  suspect: 'HEAVY',
  daysAgo: 40,
};

/** The demo data with `measures` active measures in BENCH_ZONE. */
export function benchData(measures: number = BENCH_MEASURES): DemoData {
  if (!Number.isInteger(measures) || measures < 0 || measures > 5000) {
    throw new RangeError(
      `The bench zone holds 0 to 5000 measures, not ${measures}`);
  }
  return generateDemoData({
    extraPlans: Array.from({ length: measures }, () => ZONE_CASE),
  });
}
