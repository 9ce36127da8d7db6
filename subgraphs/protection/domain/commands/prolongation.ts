/**
 * §7.10.2, §7.12.1: prolongations. A real alert, new facts and a
 * re-evaluation each start a new 9-month period; by the DOMAIN Decision
 * the end becomes max(current end, incident + 9 months).
 */
import {
  TEXT_LIMITS,
  type MeasureAggregate,
  type NewFactState,
  type ProlongationCause,
  type ProlongationState,
  type ReEvaluationDecisionState,
  type ReEvaluationOutcome,
} from '../../../../adapters/protection/aggregate';
import { prolongationEffects, type TypedEffect } from '../effects';
import { DomainError, invalidInput } from '../errors';
import {
  accept,
  changeOf,
  noChange,
  type Change,
  type CommandContext,
  type LifecycleIn,
} from '../lifecycle';
import { isWithin, prolongedEndDate, reEvaluationWindowOf } from '../rules';
import { requireNotFuture, requireOnOrAfter, requireText } from '../validate';
import { extendRevisits } from './revisits';

export interface ProlongationRequest {
  cause: ProlongationCause;
  /** The day the new period counts from. */
  incidentOn: string;
  decidedOn: string;
}

/**
 * Records a prolongation of a running measure. When the end moves, the
 * BNG mentions and no-contact order follow it, MaCH and SharePoint are
 * updated, victim support is told and the revisits reach the new end.
 * When the max rule leaves the end where it was, the prolongation is
 * still recorded (previous = new end) and nothing is sent.
 */
export function prolong(
  aggregate: MeasureAggregate,
  active: LifecycleIn<'ACTIVE'>,
  request: ProlongationRequest,
  context: CommandContext,
): { aggregate: MeasureAggregate; effects: TypedEffect[] } {
  const previousEndDate = active.period.endDate;
  if (request.incidentOn > previousEndDate) {
    throw invalidInput(
      `Measure ${active.measure.reference} ran until ${previousEndDate}: an incident on ${request.incidentOn} cannot prolong it (§7.10.2).`,
      { field: 'incidentOn' },
    );
  }
  const newEndDate = prolongedEndDate(
    previousEndDate,
    request.incidentOn,
    context.rules,
  );
  const prolongation: ProlongationState = {
    ...request,
    previousEndDate,
    newEndDate,
  };
  const recorded: MeasureAggregate = {
    ...aggregate,
    prolongations: [...aggregate.prolongations, prolongation],
  };
  if (newEndDate === previousEndDate)
    return { aggregate: recorded, effects: [] };

  const period = { ...active.period, endDate: newEndDate };
  const prolonged: MeasureAggregate = {
    ...recorded,
    measure: { ...recorded.measure, endDate: newEndDate },
    revisits: extendRevisits(recorded.revisits, period, context.rules),
  };
  return {
    aggregate: prolonged,
    effects: prolongationEffects(prolonged, period, request, context),
  };
}

export interface RecordNewFactsInput {
  reportedOn: string;
  factOn: string;
  /** The new initial PV, which mentions the alarm (§7.11.3). */
  pvReference: string;
}

/**
 * §7.11.3: a new fact means a new initial PV and an immediate notice to
 * the magistrate; §7.10.2: the measure is prolonged from the day of the
 * fact, the prolongation taking effect the day it is reported.
 */
export function recordNewFacts(
  aggregate: MeasureAggregate,
  input: RecordNewFactsInput,
  context: CommandContext,
): Change {
  const active = accept(aggregate, 'recordNewFacts');
  requireNotFuture('reportedOn', input.reportedOn, context);
  requireOnOrAfter(
    'reportedOn',
    input.reportedOn,
    { name: 'the fact of', day: input.factOn },
    '§7.11.3',
  );

  const fact: NewFactState = {
    reportedOn: input.reportedOn,
    factOn: input.factOn,
    pvReference: requireText('pvReference', input.pvReference, TEXT_LIMITS.pvReference),
    magistrateInformed: true,
  };
  const withFact = { ...aggregate, newFacts: [...aggregate.newFacts, fact] };
  const { aggregate: prolonged, effects } = prolong(
    withFact,
    active,
    {
      cause: 'NEW_FACTS',
      incidentOn: input.factOn,
      decidedOn: input.reportedOn,
    },
    context,
  );
  return changeOf('recordNewFacts', prolonged, {
    pvReference: fact.pvReference,
    effects,
  });
}

export interface DecideReEvaluationInput {
  decidedOn: string;
  outcome: ReEvaluationOutcome;
  pvReference: string;
}

/**
 * §7.12.1: in the month before the end, after a new hearing, the
 * magistrate prolongs for 9 months or lets the measure end at its date.
 * PROLONG counts the new period from the decision day (the DOMAIN
 * Decision with the decision as incident); LET_END changes no date, and
 * the measure ends by expiry. A later PROLONG may overturn a LET_END of
 * the same window; LET_END twice in a window changes nothing.
 */
export function decideReEvaluation(
  aggregate: MeasureAggregate,
  input: DecideReEvaluationInput,
  context: CommandContext,
): Change {
  const active = accept(aggregate, 'decideReEvaluation');
  requireNotFuture('decidedOn', input.decidedOn, context);
  const window = reEvaluationWindowOf(active.period.endDate, context.rules);
  if (!isWithin(window, input.decidedOn)) {
    throw invalidInput(
      `decidedOn ${input.decidedOn} is outside the re-evaluation window ${window.from} to ${window.to}, the month before the end (§7.12.1).`,
      { field: 'decidedOn', window },
    );
  }
  const hearings = aggregate.evaluations.filter(
    ({ heardOn, reEvaluation }) =>
      reEvaluation && window.from <= heardOn && heardOn <= input.decidedOn,
  );
  if (hearings.length === 0) {
    throw new DomainError(
      'CONDITIONS_NOT_MET',
      `No re-evaluation heard between ${window.from} and ${input.decidedOn}: the decision follows a new hearing (§7.12.1).`,
      { evaluationRecorded: false, window },
    );
  }
  const decided = aggregate.reEvaluationDecisions.filter(({ decidedOn }) =>
    isWithin(window, decidedOn),
  );
  if (input.outcome === 'LET_END' && decided.length > 0) {
    return noChange('decideReEvaluation', aggregate);
  }

  const decision: ReEvaluationDecisionState = {
    decidedOn: input.decidedOn,
    outcome: input.outcome,
    pvReference: requireText('pvReference', input.pvReference, TEXT_LIMITS.pvReference),
  };
  const recorded = {
    ...aggregate,
    reEvaluationDecisions: [...aggregate.reEvaluationDecisions, decision],
  };
  const { aggregate: next, effects } =
    input.outcome === 'PROLONG'
      ? prolong(
          recorded,
          active,
          {
            cause: 'RE_EVALUATION',
            incidentOn: input.decidedOn,
            decidedOn: input.decidedOn,
          },
          context,
        )
      : { aggregate: recorded, effects: [] };
  return changeOf('decideReEvaluation', next, {
    pvReference: decision.pvReference,
    effects,
  });
}
