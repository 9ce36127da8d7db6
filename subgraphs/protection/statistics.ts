/**
 * The protection register's share of `Query.statistics` (§9; issue 7).
 * Who may ask for which territory, the period and the report's key are
 * shared with the other subgraphs that add figures to the report
 * (../statistics/request.ts).
 */
import type { ProtectionContext } from './context';
import { computeStatistics, type StatisticsResult } from './domain/statistics';
import type { StatisticsRequest } from '../statistics/request';

/** The protection register's figures of a report: one read. */
export async function protectionStatistics(
  request: StatisticsRequest,
  { adapter, clock, rules }: ProtectionContext,
): Promise<StatisticsResult> {
  const { period, scope, dimensions } = request;
  const facts = await adapter.statisticsFacts({
    from: period.from,
    to: period.to,
    ...(scope.arrondissementCode === null ? {}
      : { arrondissementCodes: [scope.arrondissementCode] }),
    ...(scope.zoneCode === null ? {} : { managingZoneCodes: [scope.zoneCode] }),
  });
  return computeStatistics({
    facts, from: period.from, to: period.to, today: clock.today(),
    dimensions, rules,
  });
}
