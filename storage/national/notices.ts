/**
 * What the parquet told victim support about each referred measure, as
 * the protection domain's effects would have (effects.ts): each
 * prolongation that moved the end date (§7.10.2), an early end
 * (§7.12.3) and the referral's transfer after a move to another
 * arrondissement (§7.2.3), which also moves the referral itself.
 */
import type { MeasureAggregate } from '../../adapters/protection/aggregate';
import type {
  NoticeRecord,
  ReferralRecord,
} from '../../adapters/victim-support/types';
import { pad } from '../demo/text';
import type { NationalCase } from './cases';

export function nationalNotices(
  cases: readonly NationalCase[],
  aggregates: readonly MeasureAggregate[],
  referrals: ReferralRecord[],
): NoticeRecord[] {
  const referralOf = new Map(referrals.map((r) => [r.measureId, r]));
  return aggregates.flatMap((aggregate, i) => {
    const referral = referralOf.get(aggregate.measure.id);
    if (!referral) return [];
    const notices = noticesOf(aggregate, cases[i]!, referral);
    return notices.map((notice, n) => ({
      id: `nat-notice-${pad(cases[i]!.number, 6)}-${n + 1}`,
      measureId: aggregate.measure.id,
      ...notice,
    }));
  });
}

type Notice = Omit<NoticeRecord, 'id' | 'measureId'>;

function noticesOf(
  { measure, prolongations }: MeasureAggregate,
  demoCase: NationalCase,
  referral: ReferralRecord,
): Notice[] {
  const notices: (Notice & { on: string })[] = prolongations
    .filter((p) => p.newEndDate > p.previousEndDate)
    .map((p) => ({ on: p.decidedOn, kind: 'PROLONGATION',
      date: p.newEndDate, details: p.cause }));
  const move = demoCase.story.move;
  const from = referral.arrondissementCode;
  if (move?.acknowledgedOn && measure.arrondissementCode !== from) {
    // The referral follows the file to the new arrondissement's service.
    referral.arrondissementCode = measure.arrondissementCode;
    notices.push({ on: move.acknowledgedOn, kind: 'TRANSFER',
      date: move.acknowledgedOn, details: from });
  }
  if (measure.endedOn && measure.endReason !== 'EXPIRED') {
    notices.push({ on: measure.endedOn, kind: 'EARLY_END',
      date: measure.endedOn, details: measure.endReason });
  }
  return notices
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
    .map(({ on: _on, ...notice }) => notice);
}
