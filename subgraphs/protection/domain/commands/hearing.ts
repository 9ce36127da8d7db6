/**
 * §7.4, §7.5, §7.6: the hearing of the person, the evaluation of the
 * danger and the six general conditions, before a decision or, while the
 * measure runs, as its re-evaluation (§7.12.1).
 */
import {
  TEXT_LIMITS,
  type BombFactor,
  type ConditionsState,
  type DangerAnswers,
  type EvaluationState,
  type MeasureAggregate,
} from '../../../../adapters/protection/aggregate';
import type { Relationship } from '../../../../adapters/protection/types';
import {
  accept,
  changeOf,
  type Change,
  type CommandContext,
} from '../lifecycle';
import { isDeployed } from '../territory';
import { requireNotFuture, requireOnOrAfter, requireText } from '../validate';

export interface RecordEvaluationInput {
  heardOn: string;
  pvReference: string;
  relationship: Relationship;
  answers: DangerAnswers;
  bombFactors?: readonly BombFactor[] | null;
  breakUpIntentionsDiverge: boolean;
  inShelter: boolean;
}

/**
 * Adds a hearing and evaluation. On an ACTIVE measure it is a
 * re-evaluation (§7.12.1), so it must be heard after the grant.
 */
export function recordEvaluation(
  aggregate: MeasureAggregate,
  input: RecordEvaluationInput,
  context: CommandContext,
): Change {
  const lifecycle = accept(aggregate, 'recordEvaluation');
  requireNotFuture('heardOn', input.heardOn, context);
  const floor =
    lifecycle.status === 'ACTIVE'
      ? { name: 'the grant of', day: lifecycle.period.decidedOn }
      : { name: 'the request of', day: aggregate.measure.requestedOn };
  requireOnOrAfter('heardOn', input.heardOn, floor, '§7.4, §7.12.1');

  const evaluation: EvaluationState = {
    heardOn: input.heardOn,
    pvReference: requireText('pvReference', input.pvReference, TEXT_LIMITS.pvReference),
    relationship: input.relationship,
    answers: answersOf(input.answers),
    bombFactors: [...new Set(input.bombFactors ?? [])],
    breakUpIntentionsDiverge: input.breakUpIntentionsDiverge,
    inShelter: input.inShelter,
    reEvaluation: lifecycle.status === 'ACTIVE',
  };
  // Oldest first: a hearing recorded late takes its place by date.
  const evaluations = [...aggregate.evaluations, evaluation].sort((a, b) =>
    a.heardOn.localeCompare(b.heardOn),
  );
  return changeOf(
    'recordEvaluation',
    { ...aggregate, evaluations },
    {
      pvReference: evaluation.pvReference,
    },
  );
}

/** The eight answers of §7.6 and nothing else. */
function answersOf(answers: DangerAnswers): DangerAnswers {
  return {
    fearForLife: answers.fearForLife,
    rejectedBreakUp: answers.rejectedBreakUp,
    threatsToKillOrSuicide: answers.threatsToKillOrSuicide,
    pastViolence: answers.pastViolence,
    weaponAffinity: answers.weaponAffinity,
    heavyStalkingInvestment: answers.heavyStalkingInvestment,
    uncontrolledAnger: answers.uncontrolledAnger,
    destroyedBelongings: answers.destroyedBelongings,
  };
}

export interface RecordConditionsInput {
  recordedOn: string;
  withinMaterialScope: boolean;
  wantsAlarm: boolean;
  noVoluntaryContact: boolean;
  filesComplaints: boolean;
  acceptsUserAgreement: boolean;
}

/**
 * Records the six conditions, replacing the last record. Condition 1 is
 * not asked: it is read from the territory, the managing zone being
 * deployed on the day of the record (§7.5.1, §5.2).
 */
export function recordConditions(
  aggregate: MeasureAggregate,
  input: RecordConditionsInput,
  context: CommandContext,
): Change {
  accept(aggregate, 'recordConditions');
  const { measure } = aggregate;
  requireNotFuture('recordedOn', input.recordedOn, context);
  requireOnOrAfter(
    'recordedOn',
    input.recordedOn,
    { name: 'the request of', day: measure.requestedOn },
    '§7.5',
  );

  const conditions: ConditionsState = {
    recordedOn: input.recordedOn,
    livesInDeployedZone: isDeployed(
      context.territory,
      measure.managingZoneCode,
      input.recordedOn,
    ),
    withinMaterialScope: input.withinMaterialScope,
    wantsAlarm: input.wantsAlarm,
    noVoluntaryContact: input.noVoluntaryContact,
    filesComplaints: input.filesComplaints,
    acceptsUserAgreement: input.acceptsUserAgreement,
  };
  return changeOf(
    'recordConditions',
    { ...aggregate, conditions },
    {
      pvReference: null,
    },
  );
}
