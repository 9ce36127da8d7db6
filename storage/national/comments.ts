/**
 * §7.13.2: the comments the parquet left in MaCH on each suspect, as
 * the protection domain's effects write them: one at the grant, one at
 * each prolongation that moved the end date, one at the end. Each
 * replaces the one before; the last is the measure's current comment.
 */
import { registrationCommentText } from '../../adapters/mach/comments';
import type { RegistrationCommentRow } from '../../adapters/mach/sql/schema';
import type { MeasureAggregate } from '../../adapters/protection/aggregate';

export function nationalComments(
  aggregates: readonly MeasureAggregate[],
): RegistrationCommentRow[] {
  return aggregates.flatMap(commentsOf);
}

function commentsOf(
  { measure, prolongations }: MeasureAggregate,
): RegistrationCommentRow[] {
  if (!measure.decidedOn || !measure.startDate) return [];
  const written = [
    { kind: 'GRANT' as const, on: measure.decidedOn },
    ...prolongations
      .filter((p) => p.newEndDate > p.previousEndDate)
      .map((p) => ({ kind: 'PROLONGATION' as const, on: p.decidedOn })),
    ...(measure.endedOn ? [{ kind: 'END' as const, on: measure.endedOn }]
      : []),
  ];
  return written.map(({ kind, on }, i) => {
    const next = written[i + 1];
    return {
      measureId: measure.id,
      nationalNumber: measure.suspectNationalNumber,
      text: registrationCommentText(kind, on),
      writtenOn: on,
      replacedOn: next ? next.on : null,
      currentFor: next ? null : measure.id,
    };
  });
}
